import { describe, expect, test } from 'vitest';
import { ItemListInput, type ItemSummary } from '../../shared/contract';
import {
  addDefect,
  addEvent,
  addItem,
  addListing,
  addMerchant,
  addPhoto,
  addPrice,
  addProduct,
  addProfile,
  seedReturnsDesk,
} from '../../tests/integration/seed';
import { tempWorkspace } from '../../tests/integration/temp';
import { ftsQuery } from './db/dialect';
import { countItems, getItem, getItemByReference, listItems } from './items';
import type { Workspace } from './workspace';

/** items.list as the contract calls it: raw input through the zod schema, defaults applied. */
async function list(ws: Workspace, input: Record<string, unknown> = {}) {
  return listItems(ws, ItemListInput.parse(input));
}

const refs = (rows: readonly ItemSummary[]) => rows.map((r) => r.reference);

describe('the returns list', () => {
  test('shows the newest return first, with merchant, product and status on each row', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    const { rows, total } = await list(ws);
    expect(total).toBe(5);
    expect(refs(rows)).toEqual(['RB-000104', 'RB-000103', 'RB-000102', 'RB-000101', 'RB-000105']);
    expect(rows[3]).toMatchObject({
      reference: 'RB-000101',
      merchantName: 'Velo Shop',
      currency: 'EUR',
      sku: 'VS-HELM-01',
      title: 'Bike helmet Aduro 2.1, size M',
      brand: 'Abus',
      grade: 'opened_packaging',
      status: 'awaiting_approval',
      returnReason: 'changed_mind',
      originalCents: 5999,
      proposedCents: null,
      defectCount: 0,
      mainPhotoHash: null,
      windowResult: 'unknown',
    });
  });

  test('an empty desk lists nothing', async () => {
    const ws = await tempWorkspace();
    expect(await list(ws)).toEqual({ rows: [], total: 0, totalCapped: false });
  });

  test('filters by grade, status and merchant, alone or together', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    expect(refs((await list(ws, { grades: ['defective'] })).rows)).toEqual(['RB-000104']);
    expect(refs((await list(ws, { grades: ['used', 'new_sealed'] })).rows)).toEqual([
      'RB-000102',
      'RB-000105',
    ]);
    expect(refs((await list(ws, { statuses: ['awaiting_approval'] })).rows)).toEqual([
      'RB-000102',
      'RB-000101',
    ]);
    expect(refs((await list(ws, { merchantId: desk.merchants.maison })).rows)).toEqual(['RB-000105']);
    const combined = await list(ws, {
      merchantId: desk.merchants.velo,
      statuses: ['awaiting_approval', 'destroyed'],
      grades: ['opened_packaging', 'defective'],
    });
    expect(refs(combined.rows)).toEqual(['RB-000104', 'RB-000101']);
    expect(combined.total).toBe(2);
    // Empty filter lists mean "any".
    expect((await list(ws, { grades: [], statuses: [] })).total).toBe(5);
  });

  test('filters by the day a return arrived, both ends included whole', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    // RB-000103 arrived at 23:59:59 on the 5th: "up to the 5th" includes it.
    const week = await list(ws, { receivedFrom: '2026-03-02', receivedTo: '2026-03-05' });
    expect(refs(week.rows)).toEqual(['RB-000103', 'RB-000102', 'RB-000101']);
    expect(refs((await list(ws, { receivedTo: '2026-03-01' })).rows)).toEqual(['RB-000105']);
    expect(refs((await list(ws, { receivedFrom: '2026-03-06' })).rows)).toEqual(['RB-000104']);
    expect((await list(ws, { receivedFrom: '2026-04-01' })).total).toBe(0);
  });

  test('sorts by arrival either way, by reference, by title and by price', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    expect(refs((await list(ws, { sort: 'received_asc' })).rows)).toEqual([
      'RB-000105',
      'RB-000101',
      'RB-000102',
      'RB-000103',
      'RB-000104',
    ]);
    expect(refs((await list(ws, { sort: 'reference' })).rows)).toEqual([
      'RB-000101',
      'RB-000102',
      'RB-000103',
      'RB-000104',
      'RB-000105',
    ]);
    const byTitle = (await list(ws, { sort: 'title' })).rows.map((r) => r.title);
    expect(byTitle).toEqual([...byTitle].sort());
    expect(byTitle[0]).toBe('Bike helmet Aduro 2.1, size M');
    const byPrice = (await list(ws, { sort: 'price_desc' })).rows.map((r) => r.originalCents);
    expect(byPrice).toEqual([12900, 8990, 5999, 5999, 4500]);
  });

  test('pages through the list while the total counts every match', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    const page1 = await list(ws, { sort: 'reference', limit: 2, offset: 0 });
    const page2 = await list(ws, { sort: 'reference', limit: 2, offset: 2 });
    const page3 = await list(ws, { sort: 'reference', limit: 2, offset: 4 });
    expect(refs(page1.rows)).toEqual(['RB-000101', 'RB-000102']);
    expect(refs(page2.rows)).toEqual(['RB-000103', 'RB-000104']);
    expect(refs(page3.rows)).toEqual(['RB-000105']);
    expect([page1.total, page2.total, page3.total]).toEqual([5, 5, 5]);
    const past = await list(ws, { limit: 2, offset: 50 });
    expect(past).toEqual({ rows: [], total: 5, totalCapped: false });
    const filtered = await list(ws, { statuses: ['awaiting_approval'], limit: 1 });
    expect(filtered.rows).toHaveLength(1);
    expect(filtered.total).toBe(2);
  });

  test('a row shows the latest proposed price, the defect count and the main photo', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    const item = desk.items.helmetOpened;
    await addPrice(ws, item, { originalCents: 5999, proposedCents: 4999 });
    await addPrice(ws, item, { originalCents: 5999, proposedCents: 4499 });
    await addPhoto(ws, item, { label: 'front', position: 1 });
    const main = await addPhoto(ws, item, { label: 'box', position: 2, isMain: true });
    await addPhoto(ws, item, {
      label: 'deleted-main',
      position: 0,
      isMain: true,
      deletedAt: '2026-03-02T10:00:00Z',
    });
    await addDefect(ws, item, { position: 1, kind: 'scratch', severity: 'minor' });
    await addDefect(ws, item, { position: 2, kind: 'dent', severity: 'moderate' });

    const [row] = (await list(ws, { search: 'RB-000101' })).rows;
    expect(row).toMatchObject({ proposedCents: 4499, defectCount: 2, mainPhotoHash: main.hash });
  });
});

describe('searching the desk', () => {
  test('finds a return by any fragment of its reference, order, EAN, SKU, brand or title', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    const cases: [string, string[]][] = [
      ['RB-000102', ['RB-000102']],
      ['000104', ['RB-000104']],
      ['WEB-5001', ['RB-000101']],
      ['4006381333931', ['RB-000104', 'RB-000101']],
      ['3813339', ['RB-000104', 'RB-000101']],
      ['LIGHT-02', ['RB-000102']],
      ['helm', ['RB-000104', 'RB-000101']],
      ['Lezyne', ['RB-000103']],
      ['busch', ['RB-000102']],
      ['Abus', ['RB-000104', 'RB-000101']],
      ['chevet', ['RB-000105']],
      ['  pump  ', ['RB-000103']],
      ['lux front', ['RB-000102']],
      ['helmet lamp', []],
    ];
    for (const [search, expected] of cases) {
      expect(refs((await list(ws, { search })).rows), search).toEqual(expected);
    }
  });

  test('text shorter than three characters matches the start of a reference or SKU', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    expect((await list(ws, { search: 'RB' })).total).toBe(5);
    expect(refs((await list(ws, { search: 'ML' })).rows)).toEqual(['RB-000105']);
    expect((await list(ws, { search: 'vs' })).total).toBe(4);
    // Not a prefix: nothing, rather than every title with those letters somewhere.
    expect((await list(ws, { search: 'mp' })).total).toBe(0);
  });

  test('a short word beside a longer one narrows the match instead of emptying it', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    // "helmet" goes through the trigram index; "M" (the size) and "2." filter those rows.
    expect(refs((await list(ws, { search: 'helmet M' })).rows)).toEqual(['RB-000104', 'RB-000101']);
    expect(refs((await list(ws, { search: 'helmet 2.' })).rows)).toEqual(['RB-000104', 'RB-000101']);
    expect((await list(ws, { search: 'helmet XL' })).total).toBe(0);
    // LIKE wildcards in the short word are plain text.
    expect((await list(ws, { search: 'helmet %' })).total).toBe(0);
  });

  test('search combines with the filters and the total', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    const result = await list(ws, {
      search: 'helmet',
      statuses: ['destroyed'],
      merchantId: desk.merchants.velo,
    });
    expect(refs(result.rows)).toEqual(['RB-000104']);
    expect(result.total).toBe(1);
  });

  test('quotes, stars, NEAR(, column filters and LIKE wildcards are searched as plain text', async () => {
    const ws = await tempWorkspace();
    const shop = await addMerchant(ws, { name: 'Odd Names Ltd' });
    const product = await addProduct(ws, {
      merchantId: shop,
      sku: '5%_DEAL',
      title: 'Cable "Pro" NEAR(3) *star* title:odd 100%',
    });
    const plain = await addProduct(ws, { merchantId: shop, sku: '5X-PLAIN', title: 'Plain cable' });
    await addItem(ws, { merchantId: shop, productId: product, reference: 'RB-000900' });
    await addItem(ws, { merchantId: shop, productId: plain, reference: 'RB-000901' });

    const hostile = [
      '"',
      '""',
      '"Pro"',
      '*',
      '*star*',
      'NEAR(',
      'NEAR(3)',
      'title:odd',
      'OR',
      'AND NOT',
      '%',
      '_',
      '%_',
      '5%',
      '5_',
      '\\',
      "'",
      "'; DROP TABLE items; --",
      '(',
      ')',
      '-',
      '^',
      'a"b',
      '100%',
    ];
    for (const search of hostile) {
      await expect(list(ws, { search }), search).resolves.toBeDefined();
    }
    const literal = async (search: string) => refs((await list(ws, { search })).rows);
    expect(await literal('"Pro"')).toEqual(['RB-000900']);
    expect(await literal('NEAR(3)')).toEqual(['RB-000900']);
    expect(await literal('*star*')).toEqual(['RB-000900']);
    expect(await literal('title:odd')).toEqual(['RB-000900']);
    expect(await literal('100%')).toEqual(['RB-000900']);
    // In the short-text path, % and _ are letters, not wildcards.
    expect(await literal('5%')).toEqual(['RB-000900']);
    expect(await literal('5_')).toEqual([]);
    expect(await literal('%_')).toEqual([]);
    expect(await literal('_')).toEqual([]);
    // Nothing typed into the box reaches SQL: the table is still there.
    expect((await list(ws)).total).toBe(2);
  });

  test('ftsQuery quotes every word so FTS5 reads none of it as syntax', () => {
    expect(ftsQuery('helmet NEAR(x) "a" *')).toBe('"helmet" "NEAR(x)" """a""" "*"');
    expect(ftsQuery('   ')).toBe('');
  });
});

describe('an item’s page', () => {
  test('brings together its product, checklist, defects, photos, price, listings and history', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    const item = desk.items.helmetOpened;
    const approver = await addProfile(ws, {
      name: 'Mara (Velo Shop)',
      role: 'approver',
      merchantIds: [desk.merchants.velo],
    });
    const front = await addPhoto(ws, item, { label: 'front', position: 1, isMain: true });
    await addPhoto(ws, item, { label: 'scratch', position: 2 });
    await addPhoto(ws, item, { label: 'blurry', position: 3, deletedAt: '2026-03-02T09:50:00Z' });
    await addDefect(ws, item, { position: 2, kind: 'dent', severity: 'moderate', location: 'rim' });
    await addDefect(ws, item, {
      position: 1,
      kind: 'scratch',
      severity: 'minor',
      location: 'lid',
      sizeMm: 2,
      photoId: front.id,
    });
    await addPrice(ws, item, { originalCents: 5999, proposedCents: 4999, createdAt: '2026-03-02T09:45:00Z' });
    await addPrice(ws, item, {
      originalCents: 5999,
      proposedCents: 4499,
      steps: [
        { code: 'grade', label: 'Opened packaging −15 %', deltaCents: -900 },
        { code: 'accessory', label: 'Missing manual', deltaCents: -600 },
      ],
      decision: 'approved',
      decidedBy: approver,
      createdAt: '2026-03-02T09:55:00Z',
    });
    await addListing(ws, item, { channel: 'practice', status: 'live', priceCents: 4499 });
    await addEvent(ws, item, { kind: 'item.received', summary: 'Received', at: '2026-03-02T09:15:00Z' });
    await addEvent(ws, item, {
      kind: 'item.graded',
      summary: 'Graded opened packaging',
      at: '2026-03-02T09:40:00Z',
      data: { grade: 'opened_packaging' },
    });

    const detail = await getItem(ws, item);

    expect(detail).toMatchObject({
      id: item,
      reference: 'RB-000101',
      version: 1,
      productId: desk.products.helmet,
      ean: '4006381333931',
      model: 'Aduro 2.1',
      orderReference: 'WEB-5001',
      orderLine: 1,
      factoryReset: true,
      cleaned: false,
      accessoriesExpected: ['visor', 'manual'],
      accessoriesMissing: ['manual'],
      proposedCents: 4499,
      defectCount: 2,
      mainPhotoHash: front.hash,
    });
    expect(detail.defects.map((d) => [d.kind, d.location, d.sizeMm, d.photoId])).toEqual([
      ['scratch', 'lid', 2, front.id],
      ['dent', 'rim', null, null],
    ]);
    expect(detail.photos.map((p) => [p.position, p.isMain])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(detail.price).toMatchObject({
      proposedCents: 4499,
      decision: 'approved',
      decidedBy: 'Mara (Velo Shop)',
      steps: [
        { code: 'grade', deltaCents: -900 },
        { code: 'accessory', deltaCents: -600 },
      ],
    });
    expect(detail.listings).toEqual([
      {
        id: expect.any(Number),
        channel: 'practice',
        status: 'live',
        url: null,
        priceCents: 4499,
        lastError: null,
        lastErrorText: null,
        endReason: null,
      },
    ]);
    expect(detail.events.map((e) => e.kind)).toEqual(['item.graded', 'item.received']);
    // Lines written as English sentences only (before messages) keep showing as they were.
    expect(detail.events[0]).toMatchObject({ summary: 'Graded opened packaging', text: null });
    expect(detail.events[0]!.data).toEqual({ grade: 'opened_packaging' });
  });

  test('a fresh return has no price, photos, defects or listings yet', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    const detail = await getItem(ws, desk.items.pumpUngraded);
    expect(detail).toMatchObject({
      grade: null,
      status: 'received',
      price: null,
      photos: [],
      defects: [],
      listings: [],
      events: [],
      accessoriesExpected: [],
    });
  });

  test('is found by its printed reference, typed in any case or scanned with spaces', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    expect((await getItemByReference(ws, 'RB-000102')).id).toBe(desk.items.lightUsed);
    expect((await getItemByReference(ws, '  rb-000102 \n')).id).toBe(desk.items.lightUsed);
  });

  test('an unknown id or reference is a clear not_found', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    await expect(getItem(ws, 999)).rejects.toMatchObject({
      code: 'not_found',
      message: 'There is no item with id 999.',
    });
    await expect(getItemByReference(ws, 'RB-999999')).rejects.toMatchObject({
      code: 'not_found',
      message: 'There is no item with reference RB-999999.',
    });
  });
});

describe('the desk’s counters', () => {
  test('count returns by status and grade, the ungraded ones and the oldest waiting for approval', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    const counts = await countItems(ws);
    expect(counts).toEqual({
      byStatus: { awaiting_approval: 2, received: 1, destroyed: 1, restocked: 1 },
      byGrade: { opened_packaging: 1, used: 1, defective: 1, new_sealed: 1, ungraded: 1 },
      gradedToday: 0,
      total: 5,
      oldestAwaitingApproval: '2026-03-02T10:00:00.000Z',
    });
  });

  test('graded today counts what the desk graded since midnight (UTC)', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    const now = new Date().toISOString();
    await addItem(ws, {
      merchantId: desk.merchants.velo,
      productId: desk.products.pump,
      reference: 'RB-000200',
      receivedAt: now,
      grade: 'used',
      gradedAt: now,
      status: 'graded',
    });
    expect((await countItems(ws)).gradedToday).toBe(1);
  });

  test('an approver sees only their merchant’s counts', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    expect(await countItems(ws, desk.merchants.maison)).toEqual({
      byStatus: { restocked: 1 },
      byGrade: { new_sealed: 1 },
      gradedToday: 0,
      total: 1,
      oldestAwaitingApproval: null,
    });
  });

  test('an empty desk counts zero everywhere', async () => {
    const ws = await tempWorkspace();
    expect(await countItems(ws)).toEqual({
      byStatus: {},
      byGrade: {},
      gradedToday: 0,
      total: 0,
      oldestAwaitingApproval: null,
    });
  });
});
