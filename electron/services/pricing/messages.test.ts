import { describe, expect, test } from 'vitest';
import type { Grade, PackagingState } from '../../../shared/domain/grades';
import { type StoredMessage } from '../../../shared/messages';
import { renderMessage } from '../../../shared/messages/render';
import { addDefect, addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { failure } from '../../../tests/support/failure';
import { dispatch, invoke } from '../api';
import type { Workspace } from '../workspace';

/**
 * A French merchant's approver reads the pricing history and its refusals in French: amounts
 * with a decimal comma, the reader's word for each status, the engine's refusal as labels.ts
 * writes it, and a note kept as it was typed.
 */

const as = (personId: number) => ({ via: 'person', personId }) as const;

async function desk(ws: Workspace) {
  const merchant = await addMerchant(ws, { name: 'Atelier Vélo' });
  const other = await addMerchant(ws, { name: 'Velo Shop' });
  const lamp = await addProduct(ws, {
    merchantId: merchant,
    sku: 'AV-LAMPE',
    title: 'Lampe avant',
    originalCents: 19999,
  });
  return {
    merchant,
    lamp,
    staff: await addProfile(ws, { name: 'Léa Martin', role: 'staff' }),
    approver: await addProfile(ws, { name: 'Chloé Dubois', role: 'approver', merchantIds: [merchant] }),
    stranger: await addProfile(ws, { name: 'Mara Velo', role: 'approver', merchantIds: [other] }),
    admin: await addProfile(ws, { name: 'Nadia Okafor', role: 'admin' }),
  };
}

let counter = 0;
async function gradedItem(
  ws: Workspace,
  d: Awaited<ReturnType<typeof desk>>,
  grade: Grade,
  packaging: PackagingState = 'opened_intact',
) {
  counter += 1;
  const id = await addItem(ws, {
    merchantId: d.merchant,
    productId: d.lamp,
    reference: `RB-7${String(counter).padStart(5, '0')}`,
    grade,
    gradedAt: '2026-03-01T09:00:00.000Z',
    status: 'graded',
  });
  await ws.kysely
    .updateTable('items')
    .set({ packaging, functional_test: 'passed' })
    .where('id', '=', id)
    .execute();
  return id;
}

/** The item's history as the French window draws it, with each line's code. */
async function frenchHistory(ws: Workspace, itemId: number) {
  const rows = await ws.kysely
    .selectFrom('events')
    .select(['kind', 'summary', 'data'])
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const text = (JSON.parse(row.data) as { text?: StoredMessage }).text;
    expect(text, `${row.kind} has no message`).toBeDefined();
    return { kind: row.kind, code: text!.code, fr: renderMessage(text!, 'fr', row.summary), en: row.summary };
  });
}

describe('pricing speaks French', () => {
  test('a proposal, an adjustment below the floor by an admin and a rejection with a note', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const itemId = await gradedItem(ws, d, 'used');
    const proposed = await invoke(ws, 'pricing.propose', { itemId }, as(d.staff));
    await invoke(
      ws,
      'approvals.adjust',
      { itemId, priceId: proposed.price!.id, priceCents: 3000 },
      as(d.admin),
    );
    const adjusted = await invoke(ws, 'pricing.get', { itemId });
    await invoke(
      ws,
      'approvals.reject',
      { itemId, priceId: adjusted.price!.id, reason: 'destroy', note: 'pas rentable' },
      as(d.admin),
    );

    const history = await frenchHistory(ws, itemId);
    expect(history.map((h) => [h.kind, h.code])).toEqual([
      ['price.proposed', 'pricing.proposed'],
      ['price.adjusted', 'pricing.adjusted_below_floor'],
      ['price.rejected', 'pricing.rejected_with_note'],
    ]);
    const [proposal, adjustment, rejection] = history;
    expect(proposal!.fr).toMatch(/^Prix proposé : 199,99\s€ → \d+,\d\d\s€ \(−\d+(,\d+)?\s%\)$/);
    expect(proposal!.en).toMatch(/^Price proposed: €199\.99 → €\d+\.\d\d \(−\d+(\.\d+)? %\)$/);
    expect(adjustment!.fr).toMatch(
      /^Prix modifié et validé par Nadia Okafor : .* → 30,00\s€ — sous le prix plancher de \d+,\d\d\s€, autorisé en tant qu’administrateur$/,
    );
    expect(adjustment!.en).toMatch(/— below the floor of €\d+\.\d\d, allowed as an admin$/);
    expect(rejection!.fr).toBe('Prix refusé par Nadia Okafor : à détruire (recyclage) — « pas rentable »');
    expect(rejection!.en).toBe('Price rejected by Nadia Okafor: to be destroyed (recycled) — “pas rentable”');
  });

  test('the policy approving on its own, and the step to "photographed", are drawn in German too', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const itemId = await gradedItem(ws, d, 'opened_packaging');
    await invoke(ws, 'pricing.propose', { itemId }, as(d.staff));
    const rows = await ws.kysely
      .selectFrom('events')
      .select(['kind', 'data'])
      .where('item_id', '=', itemId)
      .execute();
    const auto = rows.find((row) => row.kind === 'price.auto_approved')!;
    const text = (JSON.parse(auto.data) as { text: StoredMessage }).text;
    expect(text.code).toBe('pricing.auto_approved');
    expect(renderMessage(text, 'de')).toMatch(
      /^Von der Preisrichtlinie selbst freigegeben: 12 % Rabatt liegen innerhalb von \d+ %$/,
    );
    expect(renderMessage(text, 'fr')).toMatch(
      /^Validé par la politique de prix elle-même : la remise de 12 % ne dépasse pas \d+ %$/,
    );
  });

  test('refusals carry their code: the engine’s, a status, another merchant’s approver, a bulk approval', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);

    const sealed = await gradedItem(ws, d, 'new_sealed', 'sealed');
    await addDefect(ws, sealed, { position: 0, kind: 'scratch', severity: 'minor' });
    const engine = await failure(invoke(ws, 'pricing.propose', { itemId: sealed }, as(d.staff)));
    expect(engine.text?.code).toBe('pricing.cannot_price');
    const ref = (
      await ws.kysely
        .selectFrom('items')
        .select('reference')
        .where('id', '=', sealed)
        .executeTakeFirstOrThrow()
    ).reference;
    expect(renderMessage(engine.text!, 'fr')).toBe(
      `L’article ${ref} ne peut pas recevoir de prix : Un article scellé retourne en stock comme neuf, mais celui-ci présente des constats (défauts)\u202f: contrôlez-le à nouveau.`,
    );
    expect(engine.message).toBe(
      `Item ${ref} cannot be priced: A sealed item goes back to stock as new, but this one has findings (defects): regrade it.`,
    );

    const itemId = await gradedItem(ws, d, 'used');
    const priceId = (await invoke(ws, 'pricing.propose', { itemId }, as(d.staff))).price!.id;
    const foreign = await failure(
      dispatch(ws, 'approvals.reject', { itemId, priceId, reason: 'destroy' }, as(d.stranger)),
    );
    expect(foreign.code).toBe('forbidden');
    expect(renderMessage(foreign.text!, 'fr')).toBe(
      'Mara Velo valide pour d’autres marchands et ne peut pas refuser les prix pour Atelier Vélo.',
    );

    await invoke(ws, 'approvals.approve', { itemId, priceId }, as(d.approver));
    const again = await failure(invoke(ws, 'pricing.propose', { itemId }, as(d.staff)));
    expect(renderMessage(again.text!, 'de')).toMatch(/^Artikel RB-7\d+ hat den Status „Freigegeben“/);

    const [bulk] = await invoke(ws, 'approvals.approveMany', { itemIds: [sealed] }, as(d.approver));
    expect(bulk).toMatchObject({ ok: false, text: { code: 'pricing.no_proposal' } });
    expect(renderMessage(bulk!.text!, 'fr')).toBe(
      `L’article ${sealed} n’a pas encore de proposition de prix.`,
    );
  });
});
