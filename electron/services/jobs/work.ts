import { sql, type Selectable, type Transaction } from 'kysely';
import { DEFAULT_POLICY, PricingPolicy, estimateFee, feeChannelFor } from '../../../shared/pricing';
import {
  CHANNELS,
  FINAL_STATUSES,
  LANGUAGES,
  type Channel,
  type ItemStatus,
  type Language,
} from '../../../shared/domain/status';
import { listingText } from '../descriptions/service';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import type { Database } from '../db/schema';
import { historyMoney, recordEvent } from '../events';
import { loadItemRecord } from '../item-record';
import type { Queryable } from '../db/queryable';
import {
  CHANNEL_LABELS,
  END_REASONS,
  type ChannelAdapter,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteRef,
  type UpsertOutcome,
  type RemoteSale,
} from '../channels/channel';
import type { ChannelAccount, JobsEnvironment } from '../channels/registry';
import type { Workspace } from '../workspace';
import { isoAt } from './clock';
import { cancelQueued, enqueue, type JobKind } from './outbox';

/**
 * What each kind of job does. Every remote call is made outside a transaction (it can take
 * seconds); every local write that follows it is one transaction with its event. Each step is
 * safe to run twice: a publish looks the SKU up before creating, an end of an ended listing
 * succeeds, a sale already recorded is skipped by the sales table's unique key.
 */

/** Who the worker's changes are attributed to in the history. */
export const JOBS_ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'Rebound (channel jobs)' };

export type JobRow = Selectable<Database['jobs']>;
type ListingRow = Selectable<Database['listings']>;

/** Which parts of the app a job's outcome changes, for the windows' refresh. */
export type Domain = 'jobs' | 'listings' | 'items' | 'sales';

export interface WorkResult {
  readonly changed: readonly Domain[];
  readonly summary: string;
}

function asChannel(value: string | null): Channel {
  const found = CHANNELS.find((c) => c === value);
  if (!found) throw new Error(`Job has no known channel (${String(value)}).`);
  return found;
}

function payloadOf(job: JobRow): Record<string, unknown> {
  const value: unknown = JSON.parse(job.payload);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function payloadNumber(job: JobRow, key: string): number {
  const value = payloadOf(job)[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`Job ${job.id} has no ${key}.`);
  return value;
}

function refOf(listing: ListingRow, sku: string): RemoteRef {
  return {
    sku: listing.remote_sku ?? sku,
    offerId: listing.remote_offer_id,
    listingId: listing.remote_listing_id,
  };
}

async function loadListing(db: Queryable, listingId: number): Promise<ListingRow> {
  const listing = await db.selectFrom('listings').selectAll().where('id', '=', listingId).executeTakeFirst();
  if (!listing) throw new Error(`Listing ${listingId} no longer exists.`);
  return listing;
}

interface ItemFacts {
  readonly id: number;
  readonly reference: string;
  readonly status: string;
  readonly merchantId: number;
  readonly language: string;
  readonly currency: string;
  readonly title: string;
  readonly description: string;
  readonly originalCents: number;
}

async function loadItem(db: Queryable, itemId: number): Promise<ItemFacts> {
  // A plain Error rather than the services' AppError: the runner retries it like any unexpected
  // failure, where an AppError would fail the job at once.
  const row = await loadItemRecord(db, itemId, (id) => new Error(`Item ${id} no longer exists.`));
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    merchantId: row.merchant_id,
    language: row.language,
    currency: row.currency,
    title: row.title,
    description: row.description,
    originalCents: row.original_cents,
  };
}

export async function accountFor(db: Queryable, accountId: number): Promise<ChannelAccount> {
  const row = await db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw new Error(`Channel account ${accountId} no longer exists.`);
  return {
    id: row.id,
    merchantId: row.merchant_id,
    channel: asChannel(row.channel),
    settings: row.settings,
    salesCursor: row.sales_cursor,
  };
}

async function adapterForItem(db: Queryable, env: JobsEnvironment, merchantId: number, channel: Channel) {
  const row = await db
    .selectFrom('channel_accounts')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('channel', '=', channel)
    .executeTakeFirst();
  if (!row) throw new Error(`The merchant has no ${CHANNEL_LABELS[channel]} account.`);
  return env.channels.adapterFor(await accountFor(db, row.id));
}

/**
 * What goes on the listing: the description staff kept, or else the draft generated from the
 * item's recorded facts ("why is it discounted"), in the merchant's market language. Only an
 * item the drafting refuses (never the case for an approved item) falls back to the catalogue.
 */
async function listingInput(
  ws: Workspace,
  item: ItemFacts,
  priceCents: number,
  adapter: ChannelAdapter,
): Promise<ListingInput> {
  const isLanguage = (value: string | undefined): value is Language =>
    value !== undefined && (LANGUAGES as readonly string[]).includes(value);
  // A channel that lists in one language (an eBay marketplace) decides; else the merchant's.
  const language: Language = isLanguage(adapter.listingLanguage)
    ? adapter.listingLanguage
    : isLanguage(item.language)
      ? item.language
      : 'en';
  const text = await listingText(ws, item.id, language);
  const title = text?.title || item.title;
  const photos = await ws.kysely
    .selectFrom('photos')
    .select('hash')
    .where('item_id', '=', item.id)
    .where('deleted_at', 'is', null)
    .orderBy('is_main', 'desc')
    .orderBy('position')
    .execute();
  return {
    sku: item.reference,
    title,
    descriptionHtml: text?.html || item.description,
    priceCents,
    originalCents: item.originalCents,
    currency: item.currency,
    quantity: 1,
    photos: photos.map((p, index) => ({
      file: ws.photoPath(p.hash, 'listing'),
      alt: `${title} (${index + 1}/${photos.length})`,
    })),
  };
}

/** Moves an item to a new status on the worker's behalf; the version bump tells open editors. */
async function setItemStatus(trx: Transaction<Database>, itemId: number, status: ItemStatus, now: string) {
  await trx
    .updateTable('items')
    .set({ status, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', itemId)
    .execute();
}

/** A publish job ready for its remote call, or settled without one. */
type PublishPlan =
  | { readonly settled: WorkResult }
  | {
      readonly settled: null;
      readonly listing: ListingRow;
      readonly item: ItemFacts;
      readonly channel: Channel;
      readonly merchantId: number;
      readonly adapter: ChannelAdapter;
      readonly input: ListingInput;
    };

/** Everything a publish does before the remote call: the checks, and the listing shown `working`. */
async function planPublish(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<PublishPlan> {
  const listing = await loadListing(ws.kysely, payloadNumber(job, 'listingId'));
  const channel = asChannel(listing.channel);
  const item = await loadItem(ws.kysely, listing.item_id);
  const label = CHANNEL_LABELS[channel];
  const adapter = await adapterForItem(ws.kysely, env, item.merchantId, channel);

  if (listing.status === 'ended' || FINAL_STATUSES.has(item.status as ItemStatus)) {
    // The item sold elsewhere (or left Rebound) before this job ran. A crash may still have
    // created the listing remotely, so look it up by SKU and end it rather than trust our row.
    const remote = await adapter.findBySku(item.reference);
    if (remote && remote.status === 'live') await adapter.end(remote, 'sold_elsewhere');
    await ws.kysely.transaction().execute(async (trx) => {
      if (listing.status !== 'ended') {
        const now = isoAt(env.clock.now());
        await trx
          .updateTable('listings')
          .set({ status: 'ended', end_reason: 'sold_elsewhere', updated_at: now })
          .where('id', '=', listing.id)
          .execute();
        await recordEvent(trx, JOBS_ACTOR, {
          itemId: item.id,
          merchantId: item.merchantId,
          kind: 'listing.ended',
          summary: `Not published on ${label}: the item is ${item.status.replaceAll('_', ' ')}.`,
          data: { channel, listingId: listing.id, reason: 'sold_elsewhere' },
          at: now,
        });
      }
    });
    return { settled: { changed: ['listings'], summary: `not published: item is ${item.status}` } };
  }

  const priceCents = listing.price_cents;
  if (priceCents === null) throw new Error(`Listing ${listing.id} has no price.`);
  await ws.kysely
    .updateTable('listings')
    .set({ status: 'working', updated_at: isoAt(env.clock.now()) })
    .where('id', '=', listing.id)
    .execute();
  ws.changed('listings');
  const input = await listingInput(ws, item, priceCents, adapter);
  return { settled: null, listing, item, channel, merchantId: item.merchantId, adapter, input };
}

/** Stores what the channel answered: the listing live with its remote ids, the item listed. */
async function recordPublished(
  ws: Workspace,
  env: JobsEnvironment,
  plan: Extract<PublishPlan, { settled: null }>,
  remote: RemoteListing,
): Promise<WorkResult> {
  const { listing, item, channel } = plan;
  const label = CHANNEL_LABELS[channel];
  const now = isoAt(env.clock.now());
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('listings')
      .set({
        status: 'live',
        remote_sku: remote.sku,
        remote_offer_id: remote.offerId,
        remote_listing_id: remote.listingId,
        url: remote.url,
        price_cents: remote.priceCents,
        end_reason: null,
        last_error: null,
        updated_at: now,
      })
      .where('id', '=', listing.id)
      .execute();
    const current = await trx
      .selectFrom('items')
      .select('status')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    if (current.status === 'approved') await setItemStatus(trx, item.id, 'listed', now);
    await recordEvent(trx, JOBS_ACTOR, {
      itemId: item.id,
      merchantId: item.merchantId,
      kind: 'listing.published',
      summary: `Listed on ${label} at ${historyMoney(remote.priceCents, remote.currency)}`,
      data: {
        channel,
        listingId: remote.listingId,
        url: remote.url,
        priceCents: remote.priceCents,
        ...(current.status === 'approved' ? { status: 'listed' } : {}),
      },
      at: now,
    });
  });
  return {
    changed: ['listings', 'items'],
    summary: `live at ${remote.url ?? remote.listingId ?? remote.sku}`,
  };
}

async function publish(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const plan = await planPublish(ws, env, job);
  if (plan.settled) return plan.settled;
  return recordPublished(ws, env, plan, await plan.adapter.upsert(plan.input));
}

export type BatchResult =
  | { readonly job: JobRow; readonly result: WorkResult; readonly error?: undefined }
  | { readonly job: JobRow; readonly result?: undefined; readonly error: unknown };

/**
 * Publishes several claimed publish jobs together. Jobs of one merchant on a channel with bulk
 * calls go out in one `upsertMany` (eBay: 25 per call instead of five calls each); each keeps its
 * own outcome, so a refused item fails alone. Channels without bulk calls publish one by one.
 */
export async function performPublishBatch(
  ws: Workspace,
  env: JobsEnvironment,
  jobs: readonly JobRow[],
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  const groups = new Map<string, { job: JobRow; plan: Extract<PublishPlan, { settled: null }> }[]>();
  for (const job of jobs) {
    try {
      const plan = await planPublish(ws, env, job);
      if (plan.settled) {
        results.push({ job, result: plan.settled });
        continue;
      }
      const key = `${plan.merchantId}:${plan.channel}`;
      const group = groups.get(key) ?? [];
      group.push({ job, plan });
      groups.set(key, group);
    } catch (error) {
      results.push({ job, error });
    }
  }
  for (const group of groups.values()) {
    const adapter = group[0]!.plan.adapter;
    if (!adapter.upsertMany || group.length === 1) {
      for (const { job, plan } of group) {
        try {
          results.push({
            job,
            result: await recordPublished(ws, env, plan, await adapter.upsert(plan.input)),
          });
        } catch (error) {
          results.push({ job, error });
        }
      }
      continue;
    }
    let outcomes: readonly UpsertOutcome[];
    try {
      outcomes = await adapter.upsertMany(group.map((g) => g.plan.input));
    } catch (error) {
      // The batch as a whole failed (auth, a bulk call unanswered): every job retries or fails alike.
      for (const { job } of group) results.push({ job, error });
      continue;
    }
    for (const [index, { job, plan }] of group.entries()) {
      const outcome = outcomes[index];
      if (!outcome) {
        results.push({ job, error: new Error('The channel gave no result for this listing.') });
      } else if (!outcome.ok) {
        results.push({ job, error: outcome.error });
      } else {
        try {
          results.push({ job, result: await recordPublished(ws, env, plan, outcome.listing) });
        } catch (error) {
          results.push({ job, error });
        }
      }
    }
  }
  return results;
}

async function updatePrice(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const listing = await loadListing(ws.kysely, payloadNumber(job, 'listingId'));
  const priceCents = payloadNumber(job, 'priceCents');
  const channel = asChannel(listing.channel);
  const item = await loadItem(ws.kysely, listing.item_id);
  if (listing.status !== 'live')
    return { changed: [], summary: `listing is ${listing.status}: nothing to reprice` };
  const adapter = await adapterForItem(ws.kysely, env, item.merchantId, channel);
  const remote = await adapter.updatePrice(refOf(listing, item.reference), priceCents);
  const now = isoAt(env.clock.now());
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('listings')
      .set({ price_cents: remote.priceCents, last_error: null, updated_at: now })
      .where('id', '=', listing.id)
      .execute();
    await recordEvent(trx, JOBS_ACTOR, {
      itemId: item.id,
      merchantId: item.merchantId,
      kind: 'listing.price_updated',
      summary: `Price on ${CHANNEL_LABELS[channel]} changed to ${historyMoney(remote.priceCents, remote.currency)}`,
      data: { channel, before: listing.price_cents, after: remote.priceCents },
      at: now,
    });
  });
  return { changed: ['listings'], summary: `price ${remote.priceCents}` };
}

function endReasonOf(job: JobRow): EndReason {
  const value = payloadOf(job).reason;
  const found = END_REASONS.find((r) => r === value);
  if (!found) throw new Error(`Job ${job.id} has no end reason.`);
  return found;
}

const END_WORDS: Readonly<Record<EndReason, string>> = {
  sold: 'sold there',
  sold_elsewhere: 'sold on another channel',
  withdrawn: 'withdrawn',
};

async function end(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const listing = await loadListing(ws.kysely, payloadNumber(job, 'listingId'));
  const reason = endReasonOf(job);
  const channel = asChannel(listing.channel);
  const item = await loadItem(ws.kysely, listing.item_id);
  const adapter = await adapterForItem(ws.kysely, env, item.merchantId, channel);
  // Even a listing we never saw go live is looked up: a publish may have reached the remote
  // just before a crash, without its ids being stored.
  const ref = refOf(listing, item.reference);
  const remote =
    ref.listingId !== null || ref.offerId !== null ? ref : await adapter.findBySku(item.reference);
  if (remote) await adapter.end(remote, reason);
  const now = isoAt(env.clock.now());
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('listings')
      .set({ status: 'ended', end_reason: reason, last_error: null, updated_at: now })
      .where('id', '=', listing.id)
      .execute();
    if (listing.status !== 'ended') {
      await recordEvent(trx, JOBS_ACTOR, {
        itemId: item.id,
        merchantId: item.merchantId,
        kind: 'listing.ended',
        summary: `Listing on ${CHANNEL_LABELS[channel]} ended: ${END_WORDS[reason]}`,
        data: { channel, listingId: listing.remote_listing_id, reason },
        at: now,
      });
    }
  });
  return { changed: ['listings'], summary: `ended (${reason})` };
}

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
  const label = CHANNEL_LABELS[channel];
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
        .set({ status: 'ended', end_reason: 'sold', last_error: null, updated_at: now })
        .where('id', '=', found.listing_id)
        .execute();
      await recordEvent(trx, JOBS_ACTOR, {
        itemId,
        merchantId: account.merchantId,
        kind: 'sale.recorded',
        summary:
          `Sold on ${label} for ${historyMoney(sale.priceCents, sale.currency)} + ${historyMoney(sale.shippingCents, sale.currency)} shipping` +
          (sale.buyerCountry ? ` to a buyer in ${sale.buyerCountry}` : '') +
          ` (order ${sale.orderId})`,
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
        await cancelQueued(trx, itemId, otherChannel, ['publish', 'update_price'], `Sold on ${label}.`, now);
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
      const word = sale.kind === 'cancellation' ? 'cancelled' : 'refunded';
      await recordEvent(trx, JOBS_ACTOR, {
        itemId,
        merchantId: account.merchantId,
        kind: sale.kind === 'cancellation' ? 'sale.cancelled' : 'sale.refunded',
        summary: `Order ${sale.orderId} on ${label} was ${word}: ${historyMoney(Math.abs(sale.priceCents), sale.currency)} counted back out of revenue. The item stays sold until someone decides what happens to it.`,
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

async function syncSales(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const account = await accountFor(ws.kysely, payloadNumber(job, 'accountId'));
  const adapter: ChannelAdapter = env.channels.adapterFor(account);
  const page = await adapter.salesSince(account.salesCursor);
  const now = isoAt(env.clock.now());
  const counts = await ws.kysely
    .transaction()
    .execute(async (trx) => recordSales(trx, account, page.sales, page.cursor, now));
  return {
    changed: counts.recorded + counts.reversals > 0 ? ['sales', 'items', 'listings', 'jobs'] : [],
    summary: `${counts.recorded} sales, ${counts.reversals} reversals, ${counts.duplicates} already recorded, ${counts.unmatched} not Rebound's`,
  };
}

export async function performJob(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const kind = job.kind as JobKind;
  switch (kind) {
    case 'publish':
      return publish(ws, env, job);
    case 'update_price':
      return updatePrice(ws, env, job);
    case 'end':
      return end(ws, env, job);
    case 'sync_sales':
      return syncSales(ws, env, job);
    default:
      throw new Error(`Unknown job kind: ${String(kind)}`);
  }
}

/**
 * Leaves the listing in a state a person can read when its job will be tried again (`queued`,
 * with what went wrong) or has stopped for good (`failed`, with what to do), with an event.
 */
export async function recordJobProblem(
  trx: Transaction<Database>,
  job: JobRow,
  outcome: { readonly final: boolean; readonly message: string; readonly retryAt: string | null },
  now: string,
): Promise<void> {
  if (job.kind === 'sync_sales') {
    if (!outcome.final) return;
    const account = await accountFor(trx, payloadNumber(job, 'accountId'));
    await recordEvent(trx, JOBS_ACTOR, {
      merchantId: account.merchantId,
      kind: 'sales.sync_failed',
      summary: `Sales from ${CHANNEL_LABELS[account.channel]} could not be fetched: ${outcome.message}`,
      data: { jobId: job.id, channel: account.channel },
      at: now,
    });
    return;
  }
  const listingId = payloadOf(job).listingId;
  if (typeof listingId !== 'number') return;
  const listing = await trx.selectFrom('listings').selectAll().where('id', '=', listingId).executeTakeFirst();
  if (!listing) return;
  const channel = asChannel(listing.channel);
  const label = CHANNEL_LABELS[channel];
  const publishing = job.kind === 'publish';
  await trx
    .updateTable('listings')
    .set({
      // Only a publish decides whether the listing exists; a failed price change or end leaves a
      // live listing live, with the problem shown beside it.
      ...(publishing ? { status: outcome.final ? 'failed' : 'queued' } : {}),
      last_error: outcome.final
        ? outcome.message
        : `Will try again at ${outcome.retryAt ?? now}: ${outcome.message}`,
      updated_at: now,
    })
    .where('id', '=', listing.id)
    .execute();
  if (!outcome.final) return;
  const what = publishing
    ? 'Publishing to'
    : job.kind === 'end'
      ? 'Ending the listing on'
      : 'Changing the price on';
  await recordEvent(trx, JOBS_ACTOR, {
    itemId: listing.item_id,
    kind: publishing ? 'listing.failed' : `listing.${job.kind}_failed`,
    summary: `${what} ${label} failed: ${outcome.message}`,
    data: { jobId: job.id, channel, attempts: job.attempts },
    at: now,
  });
}
