import { describe, expect, test } from 'vitest';
import type { ItemSummary, Paged } from '../../shared/contract';
import type { ItemListInput } from '../../shared/contract/items';
import { addItem, addMerchant, addProduct } from '../../tests/integration/seed';
import { tempWorkspace } from '../../tests/integration/temp';
import { dispatch } from './api';
import type { Workspace } from './workspace';
import type { z } from 'zod';

/**
 * The items list picks a page of ids first and only then reads products, merchants and the
 * per-row subqueries (see listItems); the sorts on a product column break ties by product and
 * then item so that they can walk an index (migration 0030). Whatever the sort and page size,
 * paging must show every item exactly once, in the same order as one big page. The list's
 * other behaviour is covered in items.test.ts.
 */

type ListInput = z.input<typeof ItemListInput>;

const list = (ws: Workspace, input: ListInput) =>
  dispatch(ws, 'items.list', input) as Promise<Paged<ItemSummary>>;

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
