import { describe, expect, test } from 'vitest';
import type { ItemSummary } from '../../shared/contract';
import { ITEM_LIST_COUNT_LIMIT, ItemListInput } from '../../shared/contract/items';
import { addItem, addMerchant, addProduct } from '../../tests/integration/seed';
import { tempWorkspace } from '../../tests/integration/temp';
import { invoke } from './api';
import { listItems } from './items';
import type { Workspace } from './workspace';
import type { z } from 'zod';

/**
 * The items list picks a page of ids first and only then reads products, merchants and the
 * per-row subqueries (see listItems); the sorts on a product column break ties by product and
 * then item so that they can walk an index (migration 0030). Whatever the sort and page size,
 * paging must show every item exactly once, in the same order as one big page. How many match
 * chooses how a page is found (SearchPlan); both ways must give the same pages. The list's
 * other behaviour is covered in items.test.ts.
 */

type ListInput = z.input<typeof ItemListInput>;

const list = (ws: Workspace, input: ListInput) => invoke(ws, 'items.list', input);

async function desk(ws: Workspace) {
  const velo = await addMerchant(ws, { name: 'Velo Shop' });
  const lamp = await addMerchant(ws, { name: 'Lamp House' });
  // Two products share a title, to check that ties are broken the same way on every page.
  const products = [
    await addProduct(ws, { merchantId: velo, sku: 'V-1', title: 'Bike helmet', originalCents: 5000 }),
    await addProduct(ws, { merchantId: velo, sku: 'V-2', title: 'Bike helmet', originalCents: 7000 }),
    await addProduct(ws, { merchantId: velo, sku: 'V-3', title: 'Floor pump', originalCents: 3000 }),
    await addProduct(ws, { merchantId: lamp, sku: 'L-1', title: 'Desk lamp', originalCents: 7000 }),
  ];
  const ids: number[] = [];
  for (let n = 0; n < 30; n += 1) {
    const productId = products[n % products.length]!;
    ids.push(
      await addItem(ws, {
        merchantId: productId === products[3] ? lamp : velo,
        productId,
        reference: `RB-${String(n + 1).padStart(6, '0')}`,
        // Several items per day, so the received_at sorts also lean on their id tie-breaker.
        receivedAt: `2026-03-${String(1 + Math.floor(n / 3)).padStart(2, '0')}T10:00:00.000Z`,
        status: n % 2 === 0 ? 'graded' : 'listed',
      }),
    );
  }
  return ids;
}

describe('items.list', () => {
  test('every sort pages through all matching items once, in order, whatever the page size', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    for (const filter of [{}, { statuses: ['listed' as const] }]) {
      for (const sort of ['received_desc', 'received_asc', 'reference', 'title', 'price_desc'] as const) {
        const whole = await list(ws, { ...filter, sort, limit: 1000 });
        expect(whole.rows.length).toBe(whole.total);
        const paged: ItemSummary[] = [];
        for (let offset = 0; offset < whole.total; offset += 7) {
          const page = await list(ws, { ...filter, sort, limit: 7, offset });
          expect(page.total).toBe(whole.total);
          paged.push(...page.rows);
        }
        const label = `${sort} ${JSON.stringify(filter)}`;
        expect(
          paged.map((r) => r.id),
          label,
        ).toEqual(whole.rows.map((r) => r.id));
        expect(new Set(paged.map((r) => r.id)).size, label).toBe(whole.total);
      }
    }
  });
});

describe('items.list, however the page is found', () => {
  test('reading the matches and walking the list in order give the same pages for every sort and filter', async () => {
    const ws = await tempWorkspace();
    const ids = await desk(ws);
    const filters: ListInput[] = [
      {},
      { search: 'helmet' },
      { search: 'bike helmet' },
      { search: 'RB-00001' },
      { search: 'lamp', statuses: ['listed'] },
      { search: 'V-' },
      { merchantId: 1, statuses: ['graded'] },
      { statuses: ['listed', 'graded'], receivedFrom: '2026-03-03', receivedTo: '2026-03-07' },
    ];
    let seen = 0;
    for (const filter of filters) {
      for (const sort of ['received_desc', 'received_asc', 'reference', 'title', 'price_desc'] as const) {
        const input = ItemListInput.parse({ ...filter, sort, limit: 5, offset: 2 });
        const byMatch = await listItems(ws, input, 'by_match');
        const inOrder = await listItems(ws, input, 'in_order');
        const label = `${sort} ${JSON.stringify(filter)}`;
        expect(inOrder, label).toEqual(byMatch);
        seen += byMatch.rows.length;
      }
    }
    // Not a comparison of empty pages: most cases found rows.
    expect(seen).toBeGreaterThan(100);
    expect(ids.length).toBe(30);
  });
});

describe('items.list with more matches than it counts', () => {
  test(`past ${ITEM_LIST_COUNT_LIMIT.toLocaleString('en')} matches the total says "at least", and every page still comes`, async () => {
    const ws = await tempWorkspace();
    const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
    const helmet = await addProduct(ws, {
      merchantId,
      sku: 'V-1',
      title: 'Bike helmet',
      originalCents: 5000,
    });
    const pump = await addProduct(ws, { merchantId, sku: 'V-2', title: 'Floor pump', originalCents: 3000 });
    const count = ITEM_LIST_COUNT_LIMIT + 50;
    // One statement per 500 rows: a warehouse's year of helmets, and six pumps among them.
    for (let start = 0; start < count; start += 500) {
      const rows = [];
      for (let n = start; n < Math.min(count, start + 500); n += 1) {
        const receivedAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
        rows.push({
          reference: `RB-${String(n + 1).padStart(6, '0')}`,
          merchant_id: merchantId,
          product_id: n % 2_000 === 7 ? pump : helmet,
          received_at: receivedAt,
          status: 'received' as const,
          created_at: receivedAt,
          updated_at: receivedAt,
        });
      }
      await ws.kysely.insertInto('items').values(rows).execute();
    }

    const everything = await list(ws, { limit: 3 });
    expect(everything.total).toBe(ITEM_LIST_COUNT_LIMIT);
    expect(everything.totalCapped).toBe(true);
    expect(everything.rows.map((r) => r.reference)).toEqual(['RB-010050', 'RB-010049', 'RB-010048']);

    // A word search past the limit walks the list in order, and finds the newest helmets first.
    const helmets = await list(ws, { search: 'helmet', limit: 2 });
    expect(helmets).toMatchObject({ total: ITEM_LIST_COUNT_LIMIT, totalCapped: true });
    expect(helmets.rows.map((r) => r.reference)).toEqual(['RB-010050', 'RB-010049']);
    // The last page the list can show.
    const last = await list(ws, { search: 'helmet', limit: 100, offset: ITEM_LIST_COUNT_LIMIT - 100 });
    expect(last.rows).toHaveLength(100);

    // Narrowed below the limit, the count is exact again.
    const pumps = await list(ws, { search: 'pump' });
    expect(pumps).toMatchObject({ total: 6, totalCapped: false });
    expect(pumps.rows.every((r) => r.title === 'Floor pump')).toBe(true);
    const pumpsBySku = await list(ws, { search: 'V-2', sort: 'price_desc' });
    expect(pumpsBySku).toMatchObject({ total: 6, totalCapped: false });
  });
});
