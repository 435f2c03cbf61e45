import { describe, expect, test } from 'vitest';
import { ListingsListInput, ReportsOverviewInput, SalesListInput } from '../../shared/contract';
import { addItem, addListing, addMerchant, addProduct } from '../../tests/integration/seed';
import { tempWorkspace } from '../../tests/integration/temp';
import { listListings } from './listings';
import { reportsOverview } from './reports';
import { listSales } from './sales';
import type { Workspace } from './workspace';

interface SaleSeed {
  readonly itemId: number;
  readonly merchantId: number;
  readonly soldAt: string;
  readonly priceCents: number;
  readonly currency?: string;
  readonly kind?: 'sale' | 'cancellation' | 'refund';
  readonly reverses?: number;
  readonly orderId?: string;
}

async function addSale(ws: Workspace, seed: SaleSeed): Promise<number> {
  const row = await ws.kysely
    .insertInto('sales')
    .values({
      item_id: seed.itemId,
      merchant_id: seed.merchantId,
      channel: 'practice',
      order_id: seed.orderId ?? `PM-${seed.itemId}`,
      line_id: '1',
      sold_at: seed.soldAt,
      currency: seed.currency ?? 'EUR',
      price_cents: seed.priceCents,
      shipping_cents: 495,
      fees_cents: Math.round(seed.priceCents * 0.1),
      buyer_country: 'FR',
      kind: seed.kind ?? 'sale',
      reverses_sale_id: seed.reverses ?? null,
      created_at: seed.soldAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One merchant, four items: two sold in October (one of them refunded later), one in November, one listed. */
async function seedLedger(ws: Workspace) {
  const merchantId = await addMerchant(ws, { name: 'Larkfield' });
  const kettle = await addProduct(ws, { merchantId, sku: 'K-1', title: 'Kettle', originalCents: 10000 });
  const lamp = await addProduct(ws, { merchantId, sku: 'L-1', title: 'Lamp', originalCents: 20000 });
  const item = (
    reference: string,
    productId: number,
    status: 'sold' | 'listed' | 'received',
    grade: 'used' | null,
  ) =>
    addItem(ws, { merchantId, productId, reference, status, grade, receivedAt: '2026-10-01T09:00:00.000Z' });
  const a = await item('RB-1', kettle, 'sold', 'used');
  const b = await item('RB-2', lamp, 'sold', 'used');
  const c = await item('RB-3', kettle, 'sold', 'used');
  const d = await item('RB-4', lamp, 'listed', 'used');
  await item('RB-5', lamp, 'received', null);
  await addSale(ws, { itemId: a, merchantId, soldAt: '2026-10-05T10:00:00.000Z', priceCents: 8000 });
  const refunded = await addSale(ws, {
    itemId: b,
    merchantId,
    soldAt: '2026-10-20T10:00:00.000Z',
    priceCents: 12000,
  });
  await addSale(ws, {
    itemId: b,
    merchantId,
    soldAt: '2026-11-02T10:00:00.000Z',
    priceCents: 12000,
    kind: 'refund',
    reverses: refunded,
  });
  await addSale(ws, { itemId: c, merchantId, soldAt: '2026-11-10T10:00:00.000Z', priceCents: 6000 });
  await addListing(ws, d, { channel: 'practice', status: 'live', priceCents: 15000 });
  await addListing(ws, d, { channel: 'ebay', status: 'failed', priceCents: 15000 });
  return { merchantId, a, b, c, d };
}

describe('the sales ledger', () => {
  test('lists every sale newest first, a refund counting against revenue', async () => {
    const ws = await tempWorkspace();
    await seedLedger(ws);
    const ledger = await listSales(ws, SalesListInput.parse({}));
    expect(ledger.total).toBe(4);
    expect(ledger.rows.map((r) => [r.reference, r.kind, r.priceCents])).toEqual([
      ['RB-3', 'sale', 6000],
      ['RB-2', 'refund', -12000],
      ['RB-2', 'sale', 12000],
      ['RB-1', 'sale', 8000],
    ]);
    expect(ledger.totals).toEqual([
      { currency: 'EUR', count: 3, priceCents: 14000, shippingCents: 495 * 2, feesCents: 800 + 600 },
    ]);
    expect(ledger.months).toEqual(['2026-11', '2026-10']);
  });

  test('filters by month, keeping the totals to that month', async () => {
    const ws = await tempWorkspace();
    await seedLedger(ws);
    const october = await listSales(ws, SalesListInput.parse({ month: '2026-10' }));
    expect(october.rows.map((r) => r.reference)).toEqual(['RB-2', 'RB-1']);
    expect(october.totals[0]).toMatchObject({ count: 2, priceCents: 20000 });
    const december = await listSales(ws, SalesListInput.parse({ month: '2026-12' }));
    expect(december).toMatchObject({ rows: [], total: 0, totals: [] });
    expect(SalesListInput.safeParse({ month: '2026-13' }).success).toBe(false);
  });
});

describe('the reports overview', () => {
  test('counts what was handled and sold, and what it recovered', async () => {
    const ws = await tempWorkspace();
    await seedLedger(ws);
    const report = await reportsOverview(ws, ReportsOverviewInput.parse({}));
    expect(report.itemsHandled).toBe(5);
    // The refunded sale does not count as sold.
    expect(report.itemsSold).toBe(2);
    expect(report.recovered).toEqual([{ currency: 'EUR', cents: 14000 }]);
    // (8000/10000 + 6000/10000) / 2
    expect(report.recoveryRate).toBeCloseTo(0.7);
    expect(report.byGrade).toEqual([
      { grade: 'used', handled: 4, sold: 2, recoveryRate: expect.closeTo(0.7) as number },
      { grade: 'ungraded', handled: 1, sold: 0, recoveryRate: null },
    ]);
    expect(report.revenueByMonth).toEqual([
      { month: '2026-10', currency: 'EUR', cents: 20000, sold: 2 },
      { month: '2026-11', currency: 'EUR', cents: -6000, sold: 1 },
    ]);
  });

  test('an empty workspace reports zeros and no rates', async () => {
    const ws = await tempWorkspace();
    expect(await reportsOverview(ws, ReportsOverviewInput.parse({}))).toEqual({
      itemsHandled: 0,
      itemsSold: 0,
      recovered: [],
      recoveryRate: null,
      daysToSell: null,
      byGrade: [],
      revenueByMonth: [],
    });
  });
});

describe('the listings overview', () => {
  test('shows approved, listed and sold items with one listing per channel', async () => {
    const ws = await tempWorkspace();
    const { d } = await seedLedger(ws);
    const page = await listListings(ws, ListingsListInput.parse({}));
    expect(page.total).toBe(4);
    const listed = page.rows.find((row) => row.id === d)!;
    expect(listed.listings.map((l) => [l.channel, l.status])).toEqual([
      ['ebay', 'failed'],
      ['practice', 'live'],
    ]);
    const onlyListed = await listListings(ws, ListingsListInput.parse({ statuses: ['listed'] }));
    expect(onlyListed.rows.map((row) => row.reference)).toEqual(['RB-4']);
  });
});
