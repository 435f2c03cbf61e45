/** Reading Vendure's placed orders as sales, cancellations and refunds. */

import { ChannelError, type RemoteSale, type SalesPage } from '../channel';
import type { VendureApi } from './client';
import type { OrderLineRecord, OrderRecord } from './queries';

/** Read this much before the cursor: coarse timestamps, and orders committed after they were stamped. */
export const SALES_OVERLAP_MS = 5 * 60_000;
/** Without a cursor, the first sync looks this far back. */
const FIRST_SYNC_MS = 30 * 24 * 3_600_000;
/** Refunds of orders placed this long ago are still picked up (they do not change the order). */
const REFUND_SWEEP_MS = 60 * 24 * 3_600_000;
const ORDERS_PAGE = 100;
/** Order states in which the buyer has paid (or the payment is authorised): a sale. */
const SOLD_STATES = new Set([
  'PaymentAuthorized',
  'PaymentSettled',
  'PartiallyShipped',
  'Shipped',
  'PartiallyDelivered',
  'Delivered',
]);

export async function salesSince(api: VendureApi, cursor: string | null): Promise<SalesPage> {
  let fromMs: number;
  if (cursor === null) {
    fromMs = api.o.clock.now() - FIRST_SYNC_MS;
  } else {
    const at = Date.parse(cursor);
    if (Number.isNaN(at)) {
      throw new ChannelError('user', 'bad_cursor', `Unreadable Vendure sales cursor “${cursor}”.`);
    }
    fromMs = at - SALES_OVERLAP_MS;
  }
  const after = new Date(fromMs).toISOString();
  const sales = new Map<string, RemoteSale>();
  const add = (sale: RemoteSale) => sales.set(`${sale.orderId}/${sale.lineId}/${sale.kind}`, sale);
  let latest = cursor ?? after;
  await eachOrder(
    api,
    'reading orders',
    { updatedAt: { after }, orderPlacedAt: { isNull: false } },
    'updatedAt',
    (order) => {
      const updatedAt = iso(order.updatedAt);
      if (updatedAt > latest) latest = updatedAt;
      salesOf(order).forEach(add);
    },
  );
  // Vendure records a refund without touching the order's updatedAt, so the query above only
  // sees refunds made within the overlap. Orders placed in the last REFUND_SWEEP_MS are read
  // again for their refunds alone.
  const sweepFrom = new Date(api.o.clock.now() - REFUND_SWEEP_MS).toISOString();
  await eachOrder(
    api,
    'reading refunds',
    { orderPlacedAt: { after: sweepFrom } },
    'orderPlacedAt',
    (order) => {
      salesOf(order)
        .filter((sale) => sale.kind === 'refund')
        .forEach(add);
    },
  );
  return { sales: [...sales.values()], cursor: latest };
}

async function eachOrder(
  api: VendureApi,
  action: string,
  filter: Record<string, unknown>,
  sortBy: 'updatedAt' | 'orderPlacedAt',
  visit: (order: OrderRecord) => void,
): Promise<void> {
  for (let skip = 0; ; skip += ORDERS_PAGE) {
    const data = await api.session.call<{ orders: { items: OrderRecord[]; totalItems: number } }>(
      action,
      `query ReboundOrders($options: OrderListOptions!) {
        orders(options: $options) {
          totalItems
          items {
            id code state updatedAt orderPlacedAt currencyCode shippingWithTax
            shippingAddress { countryCode }
            lines {
              id quantity orderPlacedQuantity proratedUnitPriceWithTax
              productVariant { id sku productId }
            }
            payments { refunds { id state total createdAt lines { orderLineId quantity } } }
          }
        }
      }`,
      { options: { filter, sort: { [sortBy]: 'ASC' }, skip, take: ORDERS_PAGE } },
    );
    const orders = data.orders.items;
    orders.forEach(visit);
    if (orders.length < ORDERS_PAGE || skip + orders.length >= data.orders.totalItems) return;
  }
}

/**
 * One placed order → its sale lines, plus a cancellation for each line Vendure cancelled and a
 * refund for each settled refund. All carry the order code and the order line's id, so the
 * reversal finds its sale. Shipping is counted once, on the order's first line.
 */
export function salesOf(order: OrderRecord): RemoteSale[] {
  if (order.orderPlacedAt === null) return [];
  const cancelled = order.state === 'Cancelled';
  if (!cancelled && !SOLD_STATES.has(order.state)) return [];
  const out: RemoteSale[] = [];
  const lines = order.lines.filter((line) => line.orderPlacedQuantity > 0);
  const byId = new Map(lines.map((line) => [line.id, line]));
  const base = (line: OrderLineRecord, index: number) => ({
    orderId: order.code,
    lineId: line.id,
    sku: line.productVariant?.sku ?? null,
    remoteListingId: line.productVariant?.productId ?? null,
    shippingCents: index === 0 ? order.shippingWithTax : 0,
    currency: order.currencyCode,
    buyerCountry: order.shippingAddress?.countryCode ?? null,
  });
  lines.forEach((line, index) => {
    const placed = line.proratedUnitPriceWithTax * line.orderPlacedQuantity;
    out.push({ ...base(line, index), priceCents: placed, soldAt: iso(order.orderPlacedAt!), kind: 'sale' });
    const gone = cancelled ? line.orderPlacedQuantity : line.orderPlacedQuantity - line.quantity;
    if (gone > 0) {
      out.push({
        ...base(line, index),
        priceCents: line.proratedUnitPriceWithTax * gone,
        soldAt: iso(order.updatedAt),
        kind: 'cancellation',
      });
    }
  });
  for (const payment of order.payments ?? []) {
    for (const refund of payment.refunds) {
      if (refund.state !== 'Settled') continue;
      // A refund by amount (the only kind Vendure ≥ 2.2 offers) names no lines: it belongs to
      // the line only when the order has one; otherwise it cannot be tied to an item and is left
      // for the merchant (one line per order is what Rebound's single items make).
      const refundLines =
        refund.lines.length > 0
          ? refund.lines
          : lines.length === 1
            ? [{ orderLineId: lines[0]!.id, quantity: lines[0]!.orderPlacedQuantity }]
            : [];
      for (const refundLine of refundLines) {
        const line = byId.get(refundLine.orderLineId);
        if (!line) continue;
        out.push({
          ...base(line, lines.indexOf(line)),
          priceCents:
            refund.lines.length > 0 ? line.proratedUnitPriceWithTax * refundLine.quantity : refund.total,
          shippingCents: 0,
          soldAt: iso(refund.createdAt),
          kind: 'refund',
        });
      }
    }
  }
  return out;
}

function iso(value: string): string {
  return new Date(value).toISOString();
}
