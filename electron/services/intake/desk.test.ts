import { describe, expect, test } from 'vitest';
import type { ItemDetail } from '../../../shared/contract';
import type { Actor } from '../actor';
import { dispatch, invoke } from '../api';
import type { Workspace } from '../workspace';
import { addMerchant, addProduct, call, tempWorkspace } from '../../../tests/support/intake';
import type { Role } from '../../../shared/domain/status';
import { renderMessage } from '../../../shared/messages/render';
import type { AppError } from '../../../shared/errors';

/** A desk with one merchant (30-day window) and two products, one of them with accessories. */
async function desk(ws: Workspace) {
  const velo = await addMerchant(ws, { name: 'Velo Shop', returnWindowDays: 30 });
  const other = await addMerchant(ws, { name: 'Maison Claire' });
  const helmet = await addProduct(ws, {
    merchantId: velo,
    sku: 'VS-HELM-01',
    title: 'Bike helmet Aduro 2.1, size M',
    ean: '4006381333931',
    accessories: ['Manual', 'Visor', 'Storage bag'],
  });
  const lock = await addProduct(ws, {
    merchantId: velo,
    sku: 'VS-LOCK-7',
    title: 'Folding lock',
    ean: '036000291452',
  });
  const otherHelmet = await addProduct(ws, {
    merchantId: other,
    sku: 'MC-HELM',
    title: 'Helmet, resold',
    ean: '4006381333931',
  });
  return { velo, other, helmet, lock, otherHelmet };
}

const gradeInput = (item: ItemDetail) => ({
  itemId: item.id,
  version: item.version,
  grade: 'opened_packaging' as const,
  packaging: 'opened_intact' as const,
  accessoriesMissing: [] as string[],
  functionalTest: 'passed' as const,
  factoryReset: false,
  cleaned: true,
  repackaged: false,
  defects: [] as {
    kind: 'scratch' | 'dent';
    location: string;
    sizeMm?: number;
    severity: 'minor' | 'major';
    note: string;
    photoId?: number;
  }[],
});

describe('receiving a return', () => {
  test('creates an item with the next reference, status received, its window checked and an event', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const first = await call(ws, 'intake.receive', {
      productId: d.helmet,
      orderReference: 'WEB-10023',
      orderLine: 1,
      returnReason: 'changed_mind',
      deliveredAt: '2025-03-03',
      receivedAt: '2025-03-18',
    });
    expect(first).toMatchObject({
      reference: 'RB-000001',
      status: 'received',
      merchantName: 'Velo Shop',
      sku: 'VS-HELM-01',
      orderReference: 'WEB-10023',
      orderLine: 1,
      deliveredAt: '2025-03-03',
      receivedAt: '2025-03-18',
      // Day 15: past the legal 14 days, within the merchant's 30.
      windowResult: 'within_merchant',
      version: 1,
      grade: null,
    });
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({ actor: 'Desk test', kind: 'item.received' });

    const second = await call(ws, 'intake.receive', { productId: d.lock });
    expect(second.reference).toBe('RB-000002');
    expect(second.windowResult).toBe('unknown');
    expect(second.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('continues after the highest reference in use', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    await ws.kysely
      .insertInto('items')
      .values({
        reference: 'RB-000104',
        merchant_id: d.velo,
        product_id: d.lock,
        order_reference: null,
        order_line: null,
        return_reason: null,
        delivered_at: null,
        received_at: '2025-03-01',
        grade: null,
        packaging: null,
        disposition: null,
        graded_at: null,
        created_at: '2025-03-01T08:00:00.000Z',
        updated_at: '2025-03-01T08:00:00.000Z',
      })
      .execute();
    expect((await call(ws, 'intake.receive', { productId: d.lock })).reference).toBe('RB-000105');
  });

  test('refuses the same return notice line twice, and impossible dates', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    await call(ws, 'intake.receive', { productId: d.helmet, orderReference: 'WEB-1', orderLine: 2 });
    await expect(
      call(ws, 'intake.receive', { productId: d.helmet, orderReference: 'WEB-1', orderLine: 2 }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('RB-000001') });
    // Without a line number the notice is still recognised.
    await call(ws, 'intake.receive', { productId: d.lock, orderReference: 'WEB-2' });
    await expect(
      call(ws, 'intake.receive', { productId: d.lock, orderReference: 'WEB-2' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      call(ws, 'intake.receive', { productId: d.lock, deliveredAt: '2025-03-10', receivedAt: '2025-03-09' }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('before the customer received'),
    });
    await expect(
      call(ws, 'intake.receive', { productId: d.lock, receivedAt: '2025-02-31' }),
    ).rejects.toMatchObject({
      code: 'bad_input',
    });
  });

  test('correcting the dates re-checks the window and records what changed', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', {
      productId: d.helmet,
      deliveredAt: '2025-03-03',
      receivedAt: '2025-03-10',
    });
    expect(item.windowResult).toBe('within_legal');
    const moved = await call(ws, 'intake.updateReturnFacts', {
      itemId: item.id,
      version: item.version,
      receivedAt: '2025-04-20',
      returnReason: 'wrong_size',
    });
    expect(moved).toMatchObject({
      windowResult: 'outside',
      receivedAt: '2025-04-20',
      returnReason: 'wrong_size',
    });
    expect(moved.version).toBe(item.version + 1);
    expect(moved.events[0]).toMatchObject({
      kind: 'item.return_facts',
      actor: 'Desk test',
      data: {
        changes: {
          receivedAt: { before: '2025-03-10', after: '2025-04-20' },
          returnReason: { before: null, after: 'wrong_size' },
          windowResult: { before: 'within_legal', after: 'outside' },
        },
      },
    });
    await expect(
      call(ws, 'intake.updateReturnFacts', {
        itemId: item.id,
        version: item.version,
        receivedAt: '2025-03-11',
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Someone else changed') });
  });
});

describe('the scan field', () => {
  test('a Rebound reference opens the item, however it was typed', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.lock });
    for (const text of ['RB-000001', 'rb-000001', ' rb000001 ', 'RB-1', ']C1RB-000001']) {
      expect(await call(ws, 'intake.scan', { text })).toEqual({
        kind: 'item',
        itemId: item.id,
        reference: 'RB-000001',
        status: 'received',
      });
    }
    expect(await call(ws, 'intake.scan', { text: 'RB-999999' })).toMatchObject({
      kind: 'unknown',
      looksLike: 'reference',
    });
  });

  test('an order reference finds the items of its return notice', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    await call(ws, 'intake.receive', { productId: d.helmet, orderReference: 'WEB-10023', orderLine: 1 });
    await call(ws, 'intake.receive', { productId: d.lock, orderReference: 'WEB-10023', orderLine: 2 });
    await call(ws, 'intake.receive', { productId: d.lock, orderReference: 'WEB-99' });
    const result = await call(ws, 'intake.scan', { text: 'web-10023' });
    expect(result.kind).toBe('notice');
    if (result.kind !== 'notice') return;
    expect(result.orderReference).toBe('WEB-10023');
    expect(result.items.map((i) => [i.reference, i.sku, i.orderLine])).toEqual([
      ['RB-000001', 'VS-HELM-01', 1],
      ['RB-000002', 'VS-LOCK-7', 2],
    ]);
    // Short order numbers too (below the search index's three characters).
    await call(ws, 'intake.receive', { productId: d.helmet, orderReference: '77' });
    expect((await call(ws, 'intake.scan', { text: '77' })).kind).toBe('notice');
  });

  test('an EAN (in any of its lengths) or a SKU finds the product to start a new item', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const byEan = await call(ws, 'intake.scan', { text: '4006381333931', merchantId: d.velo });
    expect(byEan).toMatchObject({
      kind: 'product',
      matchedBy: 'ean',
      productId: d.helmet,
      merchantId: d.velo,
    });
    // The same code in two merchants' catalogues: the other is offered as an alternative.
    const both = await call(ws, 'intake.scan', { text: '4006381333931' });
    expect(both).toMatchObject({
      kind: 'product',
      productId: d.helmet,
      alternatives: [{ id: d.otherHelmet }],
    });
    // The UPC-A 036000291452 scanned as its EAN-13 form.
    expect(await call(ws, 'intake.scan', { text: '0036000291452' })).toMatchObject({
      kind: 'product',
      productId: d.lock,
    });
    const bySku = await call(ws, 'intake.scan', { text: 'vs-lock-7' });
    expect(bySku).toMatchObject({ kind: 'product', matchedBy: 'sku', productId: d.lock, openItems: [] });
    // An item of that product still waiting at intake is offered, so a notice is not received twice.
    const waiting = await call(ws, 'intake.receive', { productId: d.lock, orderReference: 'WEB-5' });
    expect(await call(ws, 'intake.scan', { text: 'VS-LOCK-7' })).toMatchObject({
      openItems: [{ itemId: waiting.id, orderReference: 'WEB-5' }],
    });
  });

  test('anything else is unknown, with a guess at what it is', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    expect(await call(ws, 'intake.scan', { text: '5901234123457' })).toMatchObject({
      kind: 'unknown',
      looksLike: 'ean',
    });
    expect(await call(ws, 'intake.scan', { text: '5901234123458' })).toMatchObject({
      kind: 'unknown',
      looksLike: 'order',
      hint: expect.stringContaining('check digit should be 7'),
    });
    expect(await call(ws, 'intake.scan', { text: '#100234' })).toMatchObject({ looksLike: 'order' });
    expect(await call(ws, 'intake.scan', { text: 'ACME-HOODIE-XL' })).toMatchObject({
      kind: 'unknown',
      looksLike: 'sku',
      text: 'ACME-HOODIE-XL',
    });
    await expect(call(ws, 'intake.scan', { text: '   ' })).rejects.toMatchObject({ code: 'bad_input' });
  });
});

describe('grading', () => {
  test('records the checklist, moves the item to graded and keeps a diff in the history', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.helmet });
    const graded = await call(ws, 'intake.grade', {
      ...gradeInput(item),
      accessoriesMissing: ['visor'],
      defects: [{ kind: 'scratch', location: 'shell, left', sizeMm: 2, severity: 'minor', note: 'light' }],
    });
    expect(graded).toMatchObject({
      status: 'graded',
      grade: 'opened_packaging',
      packaging: 'opened_intact',
      functionalTest: 'passed',
      cleaned: true,
      // Stored in the catalogue's spelling.
      accessoriesMissing: ['Visor'],
      accessoriesExpected: ['Manual', 'Visor', 'Storage bag'],
      disposition: null,
      version: item.version + 1,
      defects: [
        {
          kind: 'scratch',
          location: 'shell, left',
          sizeMm: 2,
          severity: 'minor',
          note: 'light',
          photoId: null,
        },
      ],
    });
    expect(graded.gradedAt).not.toBeNull();
    expect(graded.events[0]).toMatchObject({
      kind: 'item.graded',
      actor: 'Desk test',
      summary: 'Graded Opened packaging',
      text: { code: 'items.graded', params: { condition: { term: 'grade', code: 'opened_packaging' } } },
      data: {
        changes: {
          grade: { before: null, after: 'opened_packaging' },
          status: { before: 'received', after: 'graded' },
          accessoriesMissing: { before: [], after: ['Visor'] },
          cleaned: { before: false, after: true },
        },
      },
    });

    const regraded = await call(ws, 'intake.grade', {
      ...gradeInput(graded),
      grade: 'used',
      accessoriesMissing: ['Visor'],
      defects: [],
    });
    expect(regraded.defects).toEqual([]);
    const event = regraded.events[0]!;
    expect(event).toMatchObject({ kind: 'item.regraded', summary: 'Regraded Opened packaging → Used' });
    // The history is drawn in the reader's language from the event's message.
    expect(renderMessage(graded.events[0]!.text!, 'fr')).toBe('Contrôlé : Emballage ouvert');
    expect(renderMessage(event.text!, 'fr')).toBe('Contrôlé à nouveau : Emballage ouvert → Occasion');
    expect(renderMessage(event.text!, 'de')).toBe('Erneut geprüft: Verpackung geöffnet → Gebraucht');
    const changes = (event.data as { changes: Record<string, unknown> }).changes;
    expect(Object.keys(changes).sort()).toEqual(['defects', 'grade']);
    expect(changes.defects).toMatchObject({ before: [{ kind: 'scratch', sizeMm: 2 }], after: [] });
  });

  test('a stale version is refused with a clear conflict, and nothing is written', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.lock });
    const mine = gradeInput(item);
    await call(ws, 'intake.grade', { ...gradeInput(item), grade: 'used', packaging: 'damaged' });
    await expect(call(ws, 'intake.grade', mine)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Someone else changed item RB-000001 .*version 1.*version 2/),
    });
    const events = await ws.kysely
      .selectFrom('events')
      .select('kind')
      .where('item_id', '=', item.id)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['item.received', 'item.graded']);
  });

  test('saving an unchanged form writes nothing', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.lock });
    const graded = await call(ws, 'intake.grade', gradeInput(item));
    const again = await call(ws, 'intake.grade', gradeInput(graded));
    expect(again.version).toBe(graded.version);
    expect(again.events).toHaveLength(graded.events.length);
  });

  test('refuses accessories the product does not come with, a sealed grade on an opened box, foreign photos', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.helmet });
    await expect(
      call(ws, 'intake.grade', { ...gradeInput(item), accessoriesMissing: ['Charger'] }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('“Charger” is not among'),
    });
    const refused = await call(ws, 'intake.grade', {
      ...gradeInput(item),
      accessoriesMissing: ['Charger', 'Strap'],
    }).catch((error: unknown) => error as AppError);
    expect(refused).toMatchObject({ code: 'bad_input', text: { code: 'items.unknown_accessories' } });
    expect(renderMessage((refused as AppError).text!, 'fr')).toMatch(
      /^« Charger » et « Strap » ne font pas partie des accessoires prévus avec .*Ajoutez-les d’abord au produit\.$/,
    );
    await expect(
      call(ws, 'intake.grade', { ...gradeInput(item), grade: 'new_sealed', packaging: 'opened_intact' }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message:
        '“New, sealed” means the packaging is still sealed, but the packaging was recorded as “Opened, intact”.',
    });
    await expect(
      call(ws, 'intake.grade', {
        ...gradeInput(item),
        defects: [{ kind: 'dent', location: 'top', severity: 'major', note: '', photoId: 9999 }],
      }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('not a photo of RB-000001'),
    });
    const stored = await ws.kysely.selectFrom('items').select(['version', 'grade']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ version: 1, grade: null });
  });

  test('new and sealed stays graded, ready to go back to stock', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.lock });
    const graded = await call(ws, 'intake.grade', {
      ...gradeInput(item),
      grade: 'new_sealed',
      packaging: 'sealed',
    });
    expect(graded).toMatchObject({ grade: 'new_sealed', status: 'graded', disposition: null });
  });
});

describe('defective items', () => {
  test('wait for a disposition, then are destroyed or returned — and only they', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.lock });
    const defective = await call(ws, 'intake.grade', {
      ...gradeInput(item),
      grade: 'defective',
      functionalTest: 'failed',
    });
    expect(defective).toMatchObject({ status: 'graded', disposition: 'pending', price: null });

    const destroyed = await call(ws, 'intake.setDisposition', {
      itemId: item.id,
      version: defective.version,
      disposition: 'destroy',
      note: 'battery swollen',
    });
    expect(destroyed).toMatchObject({ status: 'destroyed', disposition: 'destroy' });
    expect(destroyed.events[0]).toMatchObject({
      kind: 'item.disposition',
      data: {
        changes: {
          status: { before: 'graded', after: 'destroyed' },
          disposition: { before: 'pending', after: 'destroy' },
        },
        note: 'battery swollen',
      },
    });
    await expect(
      call(ws, 'intake.setDisposition', {
        itemId: item.id,
        version: destroyed.version,
        disposition: 'destroy',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(call(ws, 'intake.grade', gradeInput(destroyed))).rejects.toMatchObject({ code: 'conflict' });

    const usable = await call(ws, 'intake.receive', { productId: d.lock });
    const used = await call(ws, 'intake.grade', { ...gradeInput(usable), grade: 'used' });
    await expect(
      call(ws, 'intake.setDisposition', { itemId: used.id, version: used.version, disposition: 'destroy' }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('Only defective items') });
  });

  test('a regrade away from defective clears the pending disposition; another merchant’s approver may not decide', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const item = await call(ws, 'intake.receive', { productId: d.lock });
    const defective = await call(ws, 'intake.grade', { ...gradeInput(item), grade: 'defective' });
    const approver: Actor = { profileId: null, name: 'Claire', role: 'approver', merchantIds: [d.other] };
    await expect(
      call(
        ws,
        'intake.setDisposition',
        { itemId: item.id, version: defective.version, disposition: 'return_to_merchant' },
        approver,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const owner: Actor = { ...approver, name: 'Velo owner', merchantIds: [d.velo] };
    const returned = await call(
      ws,
      'intake.setDisposition',
      { itemId: item.id, version: defective.version, disposition: 'return_to_merchant' },
      owner,
    );
    expect(returned).toMatchObject({ status: 'returned_to_merchant', disposition: 'return_to_merchant' });
    expect(returned.events[0]!.actor).toBe('Velo owner');

    const other = await call(ws, 'intake.receive', { productId: d.lock });
    const wrong = await call(ws, 'intake.grade', { ...gradeInput(other), grade: 'defective' });
    const fixed = await call(ws, 'intake.grade', { ...gradeInput(wrong), grade: 'lightly_damaged' });
    expect(fixed).toMatchObject({ status: 'graded', disposition: null });
  });
});

describe('through the API', () => {
  test('the intake methods are served by dispatch, with their roles', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const profile = async (name: string, role: Role, merchantId: number | null = null) =>
      (
        await ws.kysely
          .insertInto('profiles')
          .values({
            name,
            role,
            merchant_id: merchantId,
            pin_hash: null,
            created_at: '2025-01-01T00:00:00.000Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const staff = await profile('Sam', 'staff');
    const approver = await profile('Vera', 'approver', d.velo);
    const item = await invoke(
      ws,
      'intake.receive',
      { productId: d.lock },
      { via: 'person', personId: staff },
    );
    expect(item.events[0]!.actor).toBe('Sam');
    await expect(
      dispatch(ws, 'intake.grade', gradeInput(item), { via: 'person', personId: approver }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      dispatch(
        ws,
        'intake.grade',
        { ...gradeInput(item), grade: 'shiny' },
        { via: 'person', personId: staff },
      ),
    ).rejects.toMatchObject({ code: 'bad_input' });
    const graded = await invoke(ws, 'intake.grade', gradeInput(item), {
      via: 'person',
      personId: staff,
    });
    expect(graded.events[0]).toMatchObject({ actor: 'Sam', kind: 'item.graded' });
  });
});
