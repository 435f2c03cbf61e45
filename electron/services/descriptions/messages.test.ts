import { describe, expect, test } from 'vitest';
import { type StoredMessage } from '../../../shared/messages';
import { renderMessage } from '../../../shared/messages/render';
import { addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { failure } from '../../../tests/support/failure';
import type { Actor } from '../actor';
import { invoke } from '../api';
import type { Workspace } from '../workspace';
import { getDescriptions, resetDescription, saveDescription } from './service';

/**
 * Editing descriptions at a French desk: the refusals and the history say which description, in
 * French words that agree with it (« la description allemande »), and the limits with French digits.
 */

async function desk(ws: Workspace) {
  const merchant = await addMerchant(ws, { name: 'Maison Lumière', language: 'fr' });
  const product = await addProduct(ws, {
    merchantId: merchant,
    sku: 'ML-LAMP-1',
    brand: 'Lumina',
    model: 'Arc 2',
    title: 'Lumina Arc 2 LED floor lamp',
    originalCents: 24900,
  });
  const graded = await addItem(ws, {
    merchantId: merchant,
    productId: product,
    reference: 'RB-000042',
    grade: 'used',
    gradedAt: '2026-03-01T09:00:00.000Z',
    status: 'graded',
  });
  await ws.kysely
    .updateTable('items')
    .set({ packaging: 'opened_intact', functional_test: 'passed' })
    .where('id', '=', graded)
    .execute();
  const received = await addItem(ws, { merchantId: merchant, productId: product, reference: 'RB-000043' });
  const staffId = await addProfile(ws, { name: 'Léa Martin', role: 'staff' });
  const staff: Actor = { profileId: staffId, name: 'Léa Martin', role: 'staff', merchantIds: [] };
  const elsewhere = await addMerchant(ws, { name: 'Velo Shop' });
  const stranger = await addProfile(ws, { name: 'Mara Velo', role: 'approver', merchantIds: [elsewhere] });
  return { graded, received, staff, stranger };
}

describe('descriptions speak French', () => {
  test('an edit and its reset are in the history; two faults at once are both said', async () => {
    const ws = await tempWorkspace();
    const { graded, staff } = await desk(ws);
    await saveDescription(ws, staff, {
      itemId: graded,
      lang: 'de',
      title: 'Stehleuchte Lumina Arc 2',
      conditionDescription: 'Gebraucht, funktioniert.',
    });
    await resetDescription(ws, staff, { itemId: graded, lang: 'de' });
    const rows = await ws.kysely
      .selectFrom('events')
      .select(['summary', 'data'])
      .where('item_id', '=', graded)
      .orderBy('id')
      .execute();
    expect(
      rows.map((row) => [
        row.summary,
        renderMessage((JSON.parse(row.data) as { text: StoredMessage }).text, 'fr'),
      ]),
    ).toEqual([
      ['Edited the German description', 'Description allemande modifiée'],
      ['Reset the German description to the generated draft', 'Description allemande remise au texte généré'],
    ]);

    const faults = await failure(
      saveDescription(ws, staff, {
        itemId: graded,
        lang: 'fr',
        title: 'x'.repeat(81),
        conditionDescription: 'a'.repeat(1001),
      }),
    );
    expect(faults.code).toBe('bad_input');
    expect(faults.text?.code).toBe('descriptions.problems.2');
    expect(renderMessage(faults.text!, 'fr')).toBe(
      'Le titre compte 81 caractères ; eBay en autorise 80. La description de l’état compte 1\u202f001 caractères ; eBay en autorise 1\u202f000.',
    );
    expect(faults.details).toEqual({
      problems: [
        'The title has 81 characters; eBay allows 80.',
        'The condition description has 1,001 characters; eBay allows 1,000.',
      ],
    });
  });

  test('an ungraded item and another merchant’s approver are refused in French', async () => {
    const ws = await tempWorkspace();
    const { graded, received, staff, stranger } = await desk(ws);
    const view = await getDescriptions(ws, received);
    expect(view.refusal?.text.code).toBe('descriptions.not_graded');
    expect(renderMessage(view.refusal!.text, 'fr')).toBe(
      'L’article RB-000043 n’a pas encore été contrôlé : sa description est rédigée à partir du contrôle.',
    );
    const ungraded = await failure(
      saveDescription(ws, staff, { itemId: received, lang: 'fr', title: 'Lampe', conditionDescription: '' }),
    );
    expect(ungraded.code).toBe('conflict');
    expect(ungraded.message).toBe(
      'Item RB-000043 has not been graded yet: its description is drafted from the grading.',
    );

    const foreign = await failure(
      invoke(
        ws,
        'descriptions.save',
        { itemId: graded, lang: 'fr', title: 'Lampe', conditionDescription: '' },
        { via: 'person', personId: stranger },
      ),
    );
    expect(foreign.code).toBe('forbidden');
    expect(renderMessage(foreign.text!, 'de')).toMatch(/^Mara Velo /);
  });
});
