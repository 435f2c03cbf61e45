/** Reading Shopify's orders as sales, refunds and cancellations. */

import { ChannelError, type RemoteSale, type SalesPage } from '../channel';
import type { ShopifyClient } from './client';
import { centsOf } from './format';
import { MORE_LINES, ORDERS, ORDERS_PAGE, type LineNode, type OrderNode } from './queries';

/** Orders' `updated_at` is indexed for search with a lag: read this much before the cursor. */
export const SALES_OVERLAP_MS = 15 * 60_000;
/** Without a cursor, the first sync looks this far back (Shopify shows 60 days without read_all_orders). */
export const FIRST_SYNC_MS = 30 * 24 * 3_600_000;

export async function salesSince(api: ShopifyClient, cursor: string | null): Promise<SalesPage> {
  let fromMs: number;
  if (cursor === null) {
    fromMs = api.o.clock.now() - FIRST_SYNC_MS;
  } else {
    const at = Date.parse(cursor);
    if (Number.isNaN(at))
      throw new ChannelError('user', 'bad_cursor', `Unreadable Shopify sales cursor “${cursor}”.`);
    fromMs = at - SALES_OVERLAP_MS;
  }
  const query = `updated_at:>'${new Date(fromMs).toISOString()}'`;
  const sales: RemoteSale[] = [];
  let latest = cursor ?? new Date(fromMs).toISOString();
  let after: string | null = null;
  for (;;) {
    let data: {
      orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OrderNode[] };
    };
    try {
      data = await api.gql('reading orders', ORDERS, { first: ORDERS_PAGE, after, query });
    } catch (error) {
      // A long backlog outlasts the cost bucket: hand back the pages read so far (the cursor
      // stops at the last order seen, sorted by update time) and the next poll continues.
      if (sales.length > 0 && error instanceof ChannelError && error.kind === 'retryable') break;
      throw error;
    }
    for (const order of data.orders.nodes) {
      if (Date.parse(order.updatedAt) > Date.parse(latest))
        latest = new Date(Date.parse(order.updatedAt)).toISOString();
      const lines = [...order.lineItems.nodes];
      let page = order.lineItems.pageInfo;
      while (page.hasNextPage) {
        const more: { order: { lineItems: OrderNode['lineItems'] } | null } = await api.gql(
          'reading order lines',
          MORE_LINES,
          { id: order.id, after: page.endCursor },
        );
        if (!more.order) break;
        lines.push(...more.order.lineItems.nodes);
        page = more.order.lineItems.pageInfo;
      }
      sales.push(...salesOf(order, lines));
    }
    if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) break;
    after = data.orders.pageInfo.endCursor;
  }
  return { sales, cursor: latest };
}

/** One order → its sale lines, and reversals: a cancelled order reverses every line, a refund the lines it refunds. */
function salesOf(order: OrderNode, lines: readonly LineNode[]): RemoteSale[] {
  const out: RemoteSale[] = [];
  const shippingCents = centsOf(order.totalShippingPriceSet.shopMoney.amount);
  const country = order.shippingAddress?.countryCodeV2 ?? null;
  lines.forEach((line, i) => {
    const unit = line.discountedUnitPriceAfterAllDiscountsSet.shopMoney;
    const base = {
      orderId: order.id,
      lineId: line.id,
      sku: line.sku,
      remoteListingId: line.product?.id ?? null,
      priceCents: centsOf(unit.amount) * line.quantity,
      // The order's shipping, carried once, by its first line.
      shippingCents: i === 0 ? shippingCents : 0,
      currency: unit.currencyCode ?? order.currencyCode,
      buyerCountry: country,
    };
    out.push({ ...base, soldAt: order.createdAt, kind: 'sale' });
    if (order.cancelledAt) {
      out.push({ ...base, soldAt: order.cancelledAt, kind: 'cancellation' });
      return;
    }
    const refunded = order.refunds.flatMap((r) =>
      r.refundLineItems.nodes.filter((l) => l.lineItem.id === line.id).map((l) => ({ refund: r, line: l })),
    );
    if (refunded.length > 0) {
      const cents = refunded.reduce((sum, r) => sum + centsOf(r.line.subtotalSet.shopMoney.amount), 0);
      const at = refunded[refunded.length - 1]!.refund.createdAt ?? order.updatedAt;
      out.push({ ...base, priceCents: cents, shippingCents: 0, soldAt: at, kind: 'refund' });
    }
  });
  return out;
}
