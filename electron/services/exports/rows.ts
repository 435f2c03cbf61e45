import { sql, type Kysely } from 'kysely';
import { saleVat, type VatScheme } from '../../../shared/accounting/vat';
import type { SaleKind } from '../../../shared/contract';
import type { Database } from '../db/schema';

/**
 * The sales rows every export writes, read in pages in (sold_at, id) order. Pages rather than one
 * cursor: better-sqlite3 holds its connection busy while an iterator is open, and reports.monthly
 * reads these rows on the workspace's own connection — other requests must be able to use it
 * between pages. (The exports read them in the export worker, on a connection of its own.)
 */

export const PAGE_SIZE = 5000;

/**
 * Where the rows are read from: a workspace (the reports read them on the calling thread), or
 * the export worker's own read-only connection (see worker.ts).
 */
export interface RowSource {
  readonly kysely: Kysely<Database>;
}

export interface ExportFilter {
  /** YYYY-MM-DD, inclusive */
  readonly from: string;
  /** YYYY-MM-DD, inclusive */
  readonly to: string;
  readonly merchantId?: number | undefined;
}

export interface ExportRow {
  readonly saleId: number;
  readonly kind: SaleKind;
  readonly soldAt: string;
  /** YYYY-MM-DD (UTC) */
  readonly date: string;
  readonly reference: string;
  readonly sku: string;
  readonly title: string;
  readonly merchantName: string;
  readonly channel: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly currency: string;
  /** Signed as they count: a cancellation or refund is negative (as in the sales ledger). */
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly feesCents: number;
  readonly feesEstimated: boolean;
  readonly vatRateBp: number;
  readonly vatScheme: VatScheme;
  /** The scheme applied after the margin rule (see shared/accounting/vat.ts). */
  readonly vatApplied: VatScheme;
  readonly vatCents: number;
  /** price + shipping − fees, signed. */
  readonly netCents: number;
  readonly originalCents: number;
  readonly purchaseCents: number | null;
  readonly grade: string | null;
  readonly buyerCountry: string | null;
}

/** The day after `day` (YYYY-MM-DD), so that `sold_at < next` keeps the whole of `day`. */
export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function base(source: RowSource, filter: ExportFilter) {
  return source.kysely
    .selectFrom('sales')
    .where('sales.sold_at', '>=', filter.from)
    .where('sales.sold_at', '<', dayAfter(filter.to))
    .$if(filter.merchantId !== undefined, (q) => q.where('sales.merchant_id', '=', filter.merchantId!));
}

export async function countExportRows(source: RowSource, filter: ExportFilter): Promise<number> {
  const row = await base(source, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The currency most sales of the period are in (EUR when there are none). */
export async function mainCurrency(source: RowSource, filter: ExportFilter): Promise<string> {
  const row = await base(source, filter)
    .select(['sales.currency', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('sales.currency')
    .orderBy('n', 'desc')
    .orderBy('sales.currency')
    .executeTakeFirst();
  return row?.currency ?? 'EUR';
}

/** Every row of the period, page by page; the caller writes each page before the next is read. */
interface Cursor {
  readonly soldAt: string;
  readonly id: number;
}

function readPage(source: RowSource, filter: ExportFilter, cursor: Cursor | null) {
  return (
    base(source, filter)
      .innerJoin('items', 'items.id', 'sales.item_id')
      .innerJoin('products', 'products.id', 'items.product_id')
      .innerJoin('merchants', 'merchants.id', 'sales.merchant_id')
      // A reversal is taxed like the sale it reverses (its own row may not repeat the rate).
      .leftJoin('sales as original', 'original.id', 'sales.reverses_sale_id')
      .$if(cursor !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb('sales.sold_at', '>', cursor!.soldAt),
            eb.and([eb('sales.sold_at', '=', cursor!.soldAt), eb('sales.id', '>', cursor!.id)]),
          ]),
        ),
      )
      .select([
        'sales.id',
        'sales.kind',
        'sales.sold_at',
        'items.reference',
        'products.sku',
        'products.title',
        'merchants.name as merchant_name',
        'sales.channel',
        'sales.order_id',
        'sales.line_id',
        'sales.currency',
        'sales.price_cents',
        'sales.shipping_cents',
        'sales.fees_cents',
        'sales.fees_estimated',
        sql<number>`coalesce(original.vat_rate_bp, sales.vat_rate_bp)`.as('vat_rate_bp'),
        sql<string>`coalesce(original.vat_scheme, sales.vat_scheme)`.as('vat_scheme'),
        'products.original_cents',
        'items.purchase_cents',
        'items.grade',
        'sales.buyer_country',
      ])
      .orderBy('sales.sold_at')
      .orderBy('sales.id')
      .limit(PAGE_SIZE)
      .execute()
  );
}

export async function* exportPages(source: RowSource, filter: ExportFilter): AsyncGenerator<ExportRow[]> {
  let cursor: Cursor | null = null;
  for (;;) {
    const raw = await readPage(source, filter, cursor);
    if (raw.length === 0) return;
    yield raw.map((r): ExportRow => {
      const kind = r.kind;
      const sign = kind === 'sale' ? 1 : -1;
      const price = Math.abs(r.price_cents);
      const shipping = Math.abs(r.shipping_cents);
      const fees = Math.abs(r.fees_cents);
      const scheme = r.vat_scheme === 'margin' ? 'margin' : 'standard';
      const vat = saleVat({
        priceCents: price,
        shippingCents: shipping,
        rateBp: r.vat_rate_bp,
        scheme,
        purchaseCents: r.purchase_cents,
      });
      return {
        saleId: r.id,
        kind,
        soldAt: r.sold_at,
        date: r.sold_at.slice(0, 10),
        reference: r.reference,
        sku: r.sku,
        title: r.title,
        merchantName: r.merchant_name,
        channel: r.channel,
        orderId: r.order_id,
        lineId: r.line_id,
        currency: r.currency,
        priceCents: sign * price,
        shippingCents: sign * shipping,
        feesCents: sign * fees,
        feesEstimated: r.fees_estimated === 1,
        vatRateBp: r.vat_rate_bp,
        vatScheme: scheme,
        vatApplied: vat.applied,
        vatCents: sign * vat.totalVatCents,
        netCents: sign * (price + shipping - fees),
        originalCents: r.original_cents,
        purchaseCents: r.purchase_cents,
        grade: r.grade,
        buyerCountry: r.buyer_country,
      };
    });
    const last = raw.at(-1)!;
    cursor = { soldAt: last.sold_at, id: last.id };
    if (raw.length < PAGE_SIZE) return;
  }
}
