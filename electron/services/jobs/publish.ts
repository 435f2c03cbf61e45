/** The publish job: one listing at a time, or several claimed together in a batch. */
import { FINAL_STATUSES, type Channel, type ItemStatus } from '../../../shared/domain/status';
import { money, say, term } from '../../../shared/messages';
import { recordEvent } from '../events';
import {
  type ChannelAdapter,
  type ListingInput,
  type RemoteListing,
  type UpsertOutcome,
} from '../channels/channel';
import type { JobsEnvironment } from '../channels/registry';
import { onChannel } from '../channels/words';
import type { Workspace } from '../workspace';
import { isoAt } from './clock';
import { setItemStatus } from './item-status';
import { JOBS_ACTOR, asChannel, payloadNumber, type JobRow, type WorkResult } from './job';
import { listingInput } from './listing-input';
import { adapterForItem, loadItem, loadListing, type ItemFacts, type ListingRow } from './lookups';

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
          text: say('jobs.not_published', {
            channel: onChannel(channel),
            status: term('status', item.status),
          }),
          data: { channel, listingId: listing.id, reason: 'sold_elsewhere' },
          at: now,
        });
      }
    });
    return {
      settled: {
        changed: ['listings'],
        summary: `not published: item is ${item.status}`,
        text: say('jobs.done.not_published', { status: term('status', item.status) }),
      },
    };
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
        last_error_text: null,
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
      text: say('jobs.published', {
        channel: onChannel(channel),
        price: money(remote.priceCents, remote.currency),
      }),
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
    text: say('jobs.done.live', { where: remote.url ?? remote.listingId ?? remote.sku }),
  };
}

export async function publish(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
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
