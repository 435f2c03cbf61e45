/** Reading WooCommerce's orders as sales, cancellations and refunds. */

import { ChannelError, type RemoteSale, type SalesPage } from '../channel';
import type { WooApi, WooOrder } from './client';
import { centsOf, gmtParam, isoOfGmt } from './format';

/** WooCommerce's largest page. */
const ORDERS_PAGE = 100;
/** A runaway guard: 500 pages of 100 orders is far beyond any one poll. */
const MAX_PAGES = 500;
/**
 * Orders are read from a little before the cursor: WooCommerce dates are whole seconds and an
 * order changed while we page can land behind us. The caller de-duplicates by order and line.
 */
export const SALES_OVERLAP_MS = 15 * 60_000;
/** Without a cursor, the first sync looks this far back. */
const FIRST_SYNC_MS = 30 * 24 * 3_600_000;

/** Statuses in which an order is a sale (on-hold: awaiting a bank transfer, stock is held). */
const SALE_STATUSES = new Set(['processing', 'completed', 'on-hold']);
/** Statuses that undo a sale the order once was. */
const REVERSAL_STATUSES = new Set(['cancelled', 'refunded', 'failed']);

export async function salesSince(api: WooApi, cursor: string | null): Promise<SalesPage> {
  let fromMs: number;
  if (cursor === null) {
    fromMs = api.clock.now() - FIRST_SYNC_MS;
  } else {
    const at = Date.parse(cursor);
    if (Number.isNaN(at)) {
      throw new ChannelError('user', 'bad_cursor', `Unreadable WooCommerce sales cursor “${cursor}”.`);
    }
    fromMs = at - SALES_OVERLAP_MS;
  }
  const sales: RemoteSale[] = [];
  let latest = cursor ?? new Date(fromMs).toISOString();
  // Ordered by id, oldest first: an order placed while we page lands on a later page, never
  // shifts one we have not read yet.
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data, headers } = await api.call<WooOrder[]>('reading orders', (c) =>
      c.get('orders', {
        modified_after: gmtParam(fromMs),
        dates_are_gmt: 'true',
        orderby: 'id',
        order: 'asc',
        per_page: String(ORDERS_PAGE),
        page: String(page),
      }),
    );
    const orders = Array.isArray(data) ? data : [];
    for (const order of orders) {
      const modified = isoOfGmt(order.date_modified_gmt);
      if (modified !== null && modified > latest) latest = modified;
      sales.push(...(await salesOf(api, order)));
    }
    const totalPages = Number(headers['x-wp-totalpages'] ?? 1);
    if (orders.length === 0 || !Number.isFinite(totalPages) || page >= totalPages) break;
  }
  return { sales, cursor: latest };
}

/**
 * One order → its lines: a sale while the order is processing, completed or on-hold; a
 * cancelled, refunded or failed order that was paid reports the sale and its reversal (the
 * caller de-duplicates). One never paid (an on-hold bank transfer that never came) is reversed
 * only if Rebound recorded its sale: an abandoned checkout must not count as a cancellation.
 */
async function salesOf(api: WooApi, order: WooOrder): Promise<RemoteSale[]> {
  const lines = order.line_items ?? [];
  const currency = order.currency ?? (await api.currency());
  const soldAt =
    isoOfGmt(order.date_paid_gmt) ??
    isoOfGmt(order.date_created_gmt) ??
    new Date(api.clock.now()).toISOString();
  const changedAt = isoOfGmt(order.date_modified_gmt) ?? soldAt;
  const country = order.shipping?.country || order.billing?.country || null;
  // Shipping is charged per order: split it over the lines, the odd cents on the first.
  const shipping = Math.max(0, centsOf(order.shipping_total));
  const share = lines.length > 0 ? Math.floor(shipping / lines.length) : 0;
  const out: RemoteSale[] = [];
  for (const [i, line] of lines.entries()) {
    const base = {
      orderId: String(order.id),
      lineId: String(line.id),
      sku: line.sku ? line.sku : null,
      remoteListingId: line.product_id ? String(line.product_id) : null,
      priceCents: Math.abs(centsOf(line.total)),
      shippingCents: i === 0 ? shipping - share * (lines.length - 1) : share,
      currency,
      buyerCountry: country ? country.toUpperCase() : null,
    };
    if (SALE_STATUSES.has(order.status)) {
      out.push({ ...base, soldAt, kind: 'sale' });
    } else if (REVERSAL_STATUSES.has(order.status)) {
      const kind = order.status === 'refunded' ? 'refund' : 'cancellation';
      if (order.date_paid_gmt) {
        out.push({ ...base, soldAt, kind: 'sale' }, { ...base, soldAt: changedAt, kind });
      } else if (await saleRecorded(api, base.orderId, base.lineId)) {
        out.push({ ...base, soldAt: changedAt, kind });
      }
    }
    // pending, checkout-draft, trash: not a sale (yet).
  }
  return out;
}

async function saleRecorded(api: WooApi, orderId: string, lineId: string): Promise<boolean> {
  const row = await api.ws.kysely
    .selectFrom('sales')
    .select('id')
    .where('channel', '=', 'woocommerce')
    .where('merchant_id', '=', api.o.merchantId)
    .where('order_id', '=', orderId)
    .where('line_id', '=', lineId)
    .where('kind', '=', 'sale')
    .executeTakeFirst();
  return row !== undefined;
}
