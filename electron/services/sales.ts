import { sql } from 'kysely';
import type { z } from 'zod';
import type { SaleKind, SaleRow, SalesList, SalesListInput, SalesTotals } from '../../shared/contract';
import type { Channel } from '../../shared/domain/status';
import type { Workspace } from './workspace';

/**
 * A cancellation or refund is stored as its own row pointing at the sale it reverses. Whatever
 * sign its amount was written with, it counts against revenue: the ledger shows it negative.
 */
const signed = (column: string) =>
  sql<number>`CASE WHEN sales.kind = 'sale' THEN ${sql.ref(column)} ELSE -abs(${sql.ref(column)}) END`;

/** First instant of the month after `month` (YYYY-MM), as an ISO prefix comparable with sold_at. */
function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

function filtered(ws: Workspace, input: z.output<typeof SalesListInput>) {
  let q = ws.kysely.selectFrom('sales');
  if (input.month)
    q = q.where('sales.sold_at', '>=', input.month).where('sales.sold_at', '<', nextMonth(input.month));
  if (input.merchantId !== undefined) q = q.where('sales.merchant_id', '=', input.merchantId);
  if (input.channel !== undefined) q = q.where('sales.channel', '=', input.channel);
  return q;
}

/**
 * Months with at least one sale, newest first. Rather than reading every sale's date (60 ms with
 * 100,000 sales), it hops from month to month: the latest sale before the start of the month
 * found last is one index seek, so the cost is one seek per month with sales.
 */
async function salesMonths(ws: Workspace, merchantId: number | undefined): Promise<{ month: string }[]> {
  const merchant = merchantId === undefined ? sql`` : sql`AND merchant_id = ${merchantId}`;
  const result = await sql<{ month: string }>`
    WITH RECURSIVE m(month) AS (
      SELECT (SELECT substr(sold_at, 1, 7) FROM sales WHERE TRUE ${merchant} ORDER BY sold_at DESC LIMIT 1)
      UNION ALL
      SELECT (SELECT substr(sold_at, 1, 7) FROM sales WHERE sold_at < m.month ${merchant}
              ORDER BY sold_at DESC LIMIT 1)
        FROM m WHERE m.month IS NOT NULL
    )
    SELECT month FROM m WHERE month IS NOT NULL`.execute(ws.kysely);
  return result.rows;
}

export async function listSales(ws: Workspace, input: z.output<typeof SalesListInput>): Promise<SalesList> {
  const [rows, totals, count, months] = await Promise.all([
    // The page's ids first, from the sales table alone (an index walk in sale-date order that
    // stops after one page), then the joins for those rows only. Joined in one query, SQLite may
    // start from the tiny merchants table and sort every sale: over a second with 100,000 sales.
    ws.kysely
      .selectFrom('sales')
      .where(
        'sales.id',
        'in',
        filtered(ws, input)
          .select('sales.id')
          .orderBy('sales.sold_at', 'desc')
          .orderBy('sales.id', 'desc')
          .limit(input.limit)
          .offset(input.offset),
      )
      .innerJoin('items', 'items.id', 'sales.item_id')
      .innerJoin('products', 'products.id', 'items.product_id')
      .innerJoin('merchants', 'merchants.id', 'sales.merchant_id')
      .select([
        'sales.id',
        'sales.item_id',
        'items.reference',
        'products.title',
        'products.original_cents',
        'merchants.name as merchant_name',
        'sales.channel',
        'sales.order_id',
        'sales.sold_at',
        'sales.currency',
        signed('sales.price_cents').as('price_cents'),
        signed('sales.shipping_cents').as('shipping_cents'),
        signed('sales.fees_cents').as('fees_cents'),
        'sales.fees_estimated',
        'sales.buyer_country',
        'sales.kind',
      ])
      .orderBy('sales.sold_at', 'desc')
      .orderBy('sales.id', 'desc')
      .execute(),
    filtered(ws, input)
      .select([
        'sales.currency',
        sql<number>`sum(CASE WHEN sales.kind = 'sale' THEN 1 ELSE 0 END)`.as('count'),
        sql<number>`sum(${signed('sales.price_cents')})`.as('price_cents'),
        sql<number>`sum(${signed('sales.shipping_cents')})`.as('shipping_cents'),
        sql<number>`sum(${signed('sales.fees_cents')})`.as('fees_cents'),
      ])
      .groupBy('sales.currency')
      .orderBy('sales.currency')
      .execute(),
    filtered(ws, input)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    salesMonths(ws, input.merchantId),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r): SaleRow => ({
      id: r.id,
      itemId: r.item_id,
      reference: r.reference,
      title: r.title,
      merchantName: r.merchant_name,
      channel: r.channel as Channel,
      orderId: r.order_id,
      soldAt: r.sold_at,
      currency: r.currency,
      priceCents: Number(r.price_cents),
      shippingCents: Number(r.shipping_cents),
      feesCents: Number(r.fees_cents),
      feesEstimated: r.fees_estimated === 1,
      originalCents: r.original_cents,
      buyerCountry: r.buyer_country,
      kind: r.kind as SaleKind,
    })),
    totals: totals.map((t): SalesTotals => ({
      currency: t.currency,
      count: Number(t.count),
      priceCents: Number(t.price_cents),
      shippingCents: Number(t.shipping_cents),
      feesCents: Number(t.fees_cents),
    })),
    months: months.map((m) => m.month),
  };
}
