/** The sales ledger's writer: a page of a channel's sales and reversals recorded against Rebound's items. */
import type { Transaction } from 'kysely';
import { DEFAULT_POLICY, PricingPolicy, estimateFee, feeChannelFor } from '../../../shared/pricing';
import type { Channel } from '../../../shared/domain/status';
import type { Database } from '../db/schema';
import { money, say } from '../../../shared/messages';
import { recordEvent } from '../events';
import type { RemoteSale } from '../channels/channel';
import { onChannel } from '../channels/words';
import type { ChannelAccount } from '../channels/registry';
import { setItemStatus } from './item-status';
import { JOBS_ACTOR, asChannel } from './job';
import { cancelQueued, enqueue } from './outbox';

export interface SyncCounts {
  readonly recorded: number;
  readonly duplicates: number;
  readonly reversals: number;
  readonly unmatched: number;
  readonly endsQueued: number;
}

/** Fees as the channel reported them, or the merchant's own estimate for that channel. */
function feesFor(
  sale: RemoteSale,
  channel: Channel,
  policyJson: string | null,
): { cents: number; estimated: boolean } {
  if (sale.feesCents !== undefined) return { cents: sale.feesCents, estimated: false };
  let policy: PricingPolicy = DEFAULT_POLICY;
  if (policyJson !== null) {
    try {
      const parsed = PricingPolicy.safeParse(JSON.parse(policyJson));
      if (parsed.success) policy = parsed.data;
    } catch {
      // An unreadable stored policy leaves the default estimate; pricing reports the policy itself.
    }
  }
  return { cents: estimateFee(sale.priceCents, policy.fees[feeChannelFor(channel)]), estimated: true };
}

/**
 * Records one page of a channel's sales in one transaction, then moves the account's cursor, so a
 * crash either stores the whole page and the cursor or neither. A sale marks the item sold, ends
 * its listing there and queues the end of its listing on every other channel at once.
 */
export async function recordSales(
  trx: Transaction<Database>,
  account: ChannelAccount,
  sales: readonly RemoteSale[],
  cursor: string,
  now: string,
): Promise<SyncCounts> {
  const channel = account.channel;
  let recorded = 0;
  let duplicates = 0;
  let reversals = 0;
  let unmatched = 0;
  let endsQueued = 0;
  const merchant = await trx
    .selectFrom('merchants')
    .select('pricing_policy')
    .where('id', '=', account.merchantId)
    .executeTakeFirstOrThrow();

  for (const sale of sales) {
    const found = await trx
      .selectFrom('listings')
      .innerJoin('items', 'items.id', 'listings.item_id')
      .select([
        'listings.id as listing_id',
        'listings.status as listing_status',
        'items.id as item_id',
        'items.status',
      ])
      .where('listings.channel', '=', channel)
      .where('items.merchant_id', '=', account.merchantId)
      .where((eb) =>
        eb.or([
          ...(sale.remoteListingId !== null
            ? [eb('listings.remote_listing_id', '=', sale.remoteListingId)]
            : []),
          ...(sale.sku !== null ? [eb('listings.remote_sku', '=', sale.sku)] : []),
        ]),
      )
      .executeTakeFirst();
    if (!found) {
      // A line for something Rebound never listed (sold from the shop's own stock): not ours.
      unmatched += 1;
      continue;
    }
    const itemId = found.item_id;

    if (sale.kind === 'sale') {
      const fees = feesFor(sale, channel, merchant.pricing_policy);
      const inserted = await trx
        .insertInto('sales')
        .values({
          item_id: itemId,
          merchant_id: account.merchantId,
          channel,
          order_id: sale.orderId,
          line_id: sale.lineId,
          sold_at: sale.soldAt,
          currency: sale.currency,
          price_cents: sale.priceCents,
          shipping_cents: sale.shippingCents,
          fees_cents: fees.cents,
          fees_estimated: fees.estimated ? 1 : 0,
          buyer_country: sale.buyerCountry,
          kind: 'sale',
          reverses_sale_id: null,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['channel', 'order_id', 'line_id', 'kind']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        duplicates += 1;
        continue;
      }
      recorded += 1;
      const wasSold = found.status === 'sold';
      if (!wasSold) await setItemStatus(trx, itemId, 'sold', now);
      await trx
        .updateTable('listings')
        .set({
          status: 'ended',
          end_reason: 'sold',
          last_error: null,
          last_error_text: null,
          updated_at: now,
        })
        .where('id', '=', found.listing_id)
        .execute();
      await recordEvent(trx, JOBS_ACTOR, {
        itemId,
        merchantId: account.merchantId,
        kind: 'sale.recorded',
        text: say(sale.buyerCountry ? 'jobs.sale_recorded_to' : 'jobs.sale_recorded', {
          channel: onChannel(channel),
          price: money(sale.priceCents, sale.currency),
          shipping: money(sale.shippingCents, sale.currency),
          order: sale.orderId,
          ...(sale.buyerCountry ? { country: sale.buyerCountry } : {}),
        }),
        data: {
          channel,
          orderId: sale.orderId,
          lineId: sale.lineId,
          priceCents: sale.priceCents,
          shippingCents: sale.shippingCents,
          feesCents: fees.cents,
          feesEstimated: fees.estimated,
          buyerCountry: sale.buyerCountry,
          ...(wasSold ? {} : { status: 'sold' }),
        },
        at: now,
      });
      const others = await trx
        .selectFrom('listings')
        .select(['id', 'channel', 'status'])
        .where('item_id', '=', itemId)
        .where('channel', '!=', channel)
        .where('status', '!=', 'ended')
        .execute();
      for (const other of others) {
        const otherChannel = asChannel(other.channel);
        // Nothing queued for that channel should run now: not a publish, not a price change.
        await cancelQueued(
          trx,
          itemId,
          otherChannel,
          ['publish', 'update_price'],
          say('channels.sold_on', { channel: onChannel(channel) }),
          now,
        );
        const job = await enqueue(trx, {
          kind: 'end',
          itemId,
          channel: otherChannel,
          payload: { listingId: other.id, reason: 'sold_elsewhere' },
          idempotencyKey: `end:${itemId}:${otherChannel}:sold_elsewhere`,
          now,
        });
        if (job.created) endsQueued += 1;
      }
    } else {
      const original = await trx
        .selectFrom('sales')
        .select('id')
        .where('channel', '=', channel)
        .where('order_id', '=', sale.orderId)
        .where('line_id', '=', sale.lineId)
        .where('kind', '=', 'sale')
        .executeTakeFirst();
      const inserted = await trx
        .insertInto('sales')
        .values({
          item_id: itemId,
          merchant_id: account.merchantId,
          channel,
          order_id: sale.orderId,
          line_id: sale.lineId,
          sold_at: sale.soldAt,
          currency: sale.currency,
          // Stored as given; the ledger always counts a reversal against revenue (sales.ts).
          price_cents: Math.abs(sale.priceCents),
          shipping_cents: Math.abs(sale.shippingCents),
          fees_cents: Math.abs(sale.feesCents ?? 0),
          fees_estimated: sale.feesCents === undefined ? 1 : 0,
          buyer_country: sale.buyerCountry,
          kind: sale.kind,
          reverses_sale_id: original?.id ?? null,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['channel', 'order_id', 'line_id', 'kind']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        duplicates += 1;
        continue;
      }
      reversals += 1;
      await recordEvent(trx, JOBS_ACTOR, {
        itemId,
        merchantId: account.merchantId,
        kind: sale.kind === 'cancellation' ? 'sale.cancelled' : 'sale.refunded',
        text: say(sale.kind === 'cancellation' ? 'jobs.sale_cancelled' : 'jobs.sale_refunded', {
          order: sale.orderId,
          channel: onChannel(channel),
          amount: money(Math.abs(sale.priceCents), sale.currency),
        }),
        data: { channel, orderId: sale.orderId, lineId: sale.lineId, reversesSaleId: original?.id ?? null },
        at: now,
      });
    }
  }

  await trx
    .updateTable('channel_accounts')
    .set({ sales_cursor: cursor, updated_at: now })
    .where('id', '=', account.id)
    .execute();
  return { recorded, duplicates, reversals, unmatched, endsQueued };
}
