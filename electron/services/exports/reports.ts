import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type {
  MonthlyFigures,
  RecoveryGroup,
  RecoveryReport,
  ReportRangeInput,
  SkuFigures,
} from '../../../shared/contract/exports';
import type { Workspace } from '../workspace';
import { exportPages } from './rows';

/**
 * The bookkeeper's reports, beside reports.overview (which they do not change): recovery by
 * grade, SKU, channel and merchant; the month-by-month ledger; and the per-SKU table.
 *
 * "Sold" means a sale that nothing reverses (as in reports.overview); revenue figures are net of
 * cancellations and refunds. The monthly figures are summed from exactly the rows the exports
 * write, so a CSV, an XLSX or a journal of the same period adds up to them to the cent.
 */

type RangeInput = z.output<typeof ReportRangeInput>;

/** The whole history when no bound is given. */
const EARLIEST = '1900-01-01';
const LATEST = '2999-12-31';

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Unreversed sales of the range, joined to what the groupings need. */
function soldSales(ws: Workspace, input: RangeInput) {
  return ws.kysely
    .selectFrom('sales')
    .innerJoin('items', 'items.id', 'sales.item_id')
    .innerJoin('products', 'products.id', 'items.product_id')
    .innerJoin('merchants', 'merchants.id', 'sales.merchant_id')
    .where('sales.kind', '=', 'sale')
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('sales as r').select('r.id').whereRef('r.reverses_sale_id', '=', 'sales.id')),
      ),
    )
    .$if(input.from !== undefined, (q) => q.where('sales.sold_at', '>=', input.from!))
    .$if(input.to !== undefined, (q) => q.where('sales.sold_at', '<', nextDay(input.to!)))
    .$if(input.merchantId !== undefined, (q) => q.where('sales.merchant_id', '=', input.merchantId!));
}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

async function recoveryBy(
  ws: Workspace,
  input: RangeInput,
  key: Expression<string | null>,
  label: Expression<string | null>,
  onlyKnownOriginal: Expression<SqlBool> | null = null,
): Promise<RecoveryGroup[]> {
  const rows = await soldSales(ws, input)
    .$if(onlyKnownOriginal !== null, (q) => q.where(onlyKnownOriginal!))
    .select([
      sql<string>`coalesce(${key}, '')`.as('key'),
      sql<string>`coalesce(max(${label}), '')`.as('label'),
      'sales.currency',
      sql<number>`count(*)`.as('sold'),
      sql<number>`sum(sales.price_cents)`.as('price_cents'),
      sql<number>`sum(products.original_cents)`.as('original_cents'),
      sql<number>`sum(sales.fees_cents)`.as('fees_cents'),
    ])
    .groupBy([sql`coalesce(${key}, '')`, 'sales.currency'])
    .orderBy('sales.currency')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('key')
    .execute();
  return rows.map((r) => {
    const price = Number(r.price_cents);
    const original = Number(r.original_cents);
    const fees = Number(r.fees_cents);
    return {
      key: r.key,
      label: r.label,
      currency: r.currency,
      sold: Number(r.sold),
      priceCents: price,
      originalCents: original,
      feesCents: fees,
      recoveryRate: rate(price, original),
      netRecoveryRate: rate(price - fees, original),
    };
  });
}

export async function reportRecovery(ws: Workspace, input: RangeInput): Promise<RecoveryReport> {
  const [overall, byGrade, bySku, byChannel, byMerchant] = await Promise.all([
    recoveryBy(ws, input, sql<string>`'all'`, sql<string>`'All sales'`),
    recoveryBy(ws, input, sql<string>`items.grade`, sql<string>`items.grade`),
    recoveryBy(ws, input, sql<string>`merchants.name || ' / ' || products.sku`, sql<string>`products.title`),
    recoveryBy(ws, input, sql<string>`sales.channel`, sql<string>`sales.channel`),
    recoveryBy(ws, input, sql<string>`merchants.name`, sql<string>`merchants.name`),
  ]);
  return { overall, byGrade, bySku, byChannel, byMerchant };
}

/**
 * Month by month, per currency, from the very rows the exports write (same signs, same VAT), so
 * that the files and this report cannot disagree.
 */
export async function reportMonthly(ws: Workspace, input: RangeInput): Promise<MonthlyFigures[]> {
  const totals = new Map<
    string,
    {
      month: string;
      currency: string;
      sales: number;
      reversals: number;
      price: number;
      shipping: number;
      fees: number;
      vat: number;
      net: number;
    }
  >();
  const filter = { from: input.from ?? EARLIEST, to: input.to ?? LATEST, merchantId: input.merchantId };
  for await (const page of exportPages(ws, filter)) {
    for (const row of page) {
      const month = row.date.slice(0, 7);
      const key = `${month}|${row.currency}`;
      let t = totals.get(key);
      if (!t) {
        t = {
          month,
          currency: row.currency,
          sales: 0,
          reversals: 0,
          price: 0,
          shipping: 0,
          fees: 0,
          vat: 0,
          net: 0,
        };
        totals.set(key, t);
      }
      if (row.kind === 'sale') t.sales += 1;
      else t.reversals += 1;
      t.price += row.priceCents;
      t.shipping += row.shippingCents;
      t.fees += row.feesCents;
      t.vat += row.vatCents;
      t.net += row.netCents;
    }
  }
  return [...totals.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency))
    .map((t) => ({
      month: t.month,
      currency: t.currency,
      itemsSold: t.sales - t.reversals,
      reversals: t.reversals,
      priceCents: t.price,
      shippingCents: t.shipping,
      feesCents: t.fees,
      vatCents: t.vat,
      netCents: t.net,
    }));
}

/** A return rate above this, or a recovery below RECOVERY_FLAG, flags the SKU for a look. */
const RETURN_RATE_FLAG = 0.1;
const RECOVERY_FLAG = 0.5;

export async function reportSkus(ws: Workspace, input: RangeInput): Promise<SkuFigures[]> {
  const [returned, sold] = await Promise.all([
    ws.kysely
      .selectFrom('items')
      .innerJoin('products', 'products.id', 'items.product_id')
      .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
      .$if(input.from !== undefined, (q) => q.where('items.received_at', '>=', input.from!))
      .$if(input.to !== undefined, (q) => q.where('items.received_at', '<', nextDay(input.to!)))
      .$if(input.merchantId !== undefined, (q) => q.where('items.merchant_id', '=', input.merchantId!))
      .select([
        'products.id',
        'products.sku',
        'products.title',
        'products.units_sold',
        'merchants.name as merchant_name',
        'merchants.currency',
        sql<number>`count(*)`.as('returned'),
      ])
      // The merchant's columns depend on the product; PostgreSQL wants that said by grouping on its key.
      .groupBy(['products.id', 'merchants.id'])
      .execute(),
    soldSales(ws, input)
      .select([
        'products.id',
        sql<number>`count(*)`.as('sold'),
        sql<number>`sum(sales.price_cents)`.as('price_cents'),
        sql<number>`sum(products.original_cents)`.as('original_cents'),
      ])
      .groupBy('products.id')
      .execute(),
  ]);
  const soldById = new Map(sold.map((s) => [s.id, s]));
  return returned
    .map((r): SkuFigures => {
      const s = soldById.get(r.id);
      const price = Number(s?.price_cents ?? 0);
      const original = Number(s?.original_cents ?? 0);
      const returnedCount = Number(r.returned);
      const returnRate = r.units_sold ? returnedCount / r.units_sold : null;
      const recoveryRate = rate(price, original);
      return {
        merchantName: r.merchant_name,
        sku: r.sku,
        title: r.title,
        currency: r.currency,
        returned: returnedCount,
        sold: Number(s?.sold ?? 0),
        unitsSold: r.units_sold,
        returnRate,
        priceCents: price,
        originalCents: original,
        recoveryRate,
        flagged:
          (returnRate !== null && returnRate > RETURN_RATE_FLAG) ||
          (recoveryRate !== null && recoveryRate < RECOVERY_FLAG),
      };
    })
    .sort(
      (a, b) =>
        b.returned - a.returned || a.merchantName.localeCompare(b.merchantName) || a.sku.localeCompare(b.sku),
    );
}
