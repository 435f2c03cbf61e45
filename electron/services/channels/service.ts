import type { z } from 'zod';
import type {
  EndInput,
  JobRowView,
  JobsListInput,
  JobsSummary,
  ListingJobResult,
  PublishInput,
  PublishResult,
} from '../../../shared/contract/channels';
import { CHANNELS, type Channel } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { money, say, term, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import type { Actor } from '../actor';
import { recordEvent } from '../events';
import type { Queryable } from '../db/queryable';
import { isoAt } from '../jobs/clock';
import { cancelQueued, enqueue, jobGeneration } from '../jobs/outbox';
import { requestSalesSync } from '../jobs/runner';
import type { Workspace } from '../workspace';
import { ensureAccount } from './accounts';
import { readErrorText } from '../jobs/error-text';
import { endReasonWords, forChannel, onChannel, toChannel } from './words';
import type { JobsEnvironment } from './registry';

/** Price decisions that let an item go on sale. */
const APPROVED_DECISIONS = ['approved', 'auto_approved', 'adjusted'] as const;

/** Item statuses that may be put on (another) channel: approved, or already listed somewhere. */
const PUBLISHABLE = new Set(['approved', 'listed']);

/**
 * Queues the listing of approved items on the chosen channels: per item and channel, the listing
 * row becomes `queued` and a publish job is written in the same transaction, with its event. Items
 * that may not be sold (not approved, defective, already sold) are refused with the reason; a
 * listing already queued, in progress or live is left alone, so pressing Publish twice is harmless.
 */
export async function publishItems(
  ws: Workspace,
  actor: Actor,
  env: JobsEnvironment,
  input: z.output<typeof PublishInput>,
): Promise<PublishResult[]> {
  const now = isoAt(env.clock.now());
  const channels = [...new Set(input.channels)];
  const itemIds = [...new Set(input.itemIds)];
  const results = await ws.kysely.transaction().execute(async (trx) => {
    const out: PublishResult[] = [];
    // Why a merchant cannot publish on a channel now, asked once per merchant and channel.
    const gaps = new Map<string, Message | null>();
    for (const itemId of itemIds) {
      const item = await trx
        .selectFrom('items')
        .select(['id', 'reference', 'status', 'grade', 'merchant_id'])
        .where('id', '=', itemId)
        .executeTakeFirst();
      const refuse = (channel: Channel, text: Message): PublishResult => ({
        itemId,
        reference: item?.reference ?? null,
        channel,
        outcome: 'refused',
        listingId: null,
        jobId: null,
        message: englishText(text),
        text,
      });
      if (!item) {
        out.push(...channels.map((c) => refuse(c, say('items.not_found', { id: String(itemId) }))));
        continue;
      }
      if (item.grade === 'defective') {
        out.push(
          ...channels.map((c) => refuse(c, say('channels.refuse.defective', { reference: item.reference }))),
        );
        continue;
      }
      if (!PUBLISHABLE.has(item.status)) {
        const text = say('channels.refuse.not_approved', {
          reference: item.reference,
          status: term('status', item.status),
        });
        out.push(...channels.map((c) => refuse(c, text)));
        continue;
      }
      const price = await trx
        .selectFrom('prices')
        .select(['proposed_cents', 'currency'])
        .where('item_id', '=', itemId)
        .where('decision', 'in', APPROVED_DECISIONS)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!price) {
        out.push(
          ...channels.map((c) => refuse(c, say('channels.refuse.no_price', { reference: item.reference }))),
        );
        continue;
      }
      for (const channel of channels) {
        if (!env.channels.supports(channel)) {
          out.push(refuse(channel, say('channels.refuse.unsupported', { channel: toChannel(channel) })));
          continue;
        }
        const existing = await trx
          .selectFrom('listings')
          .select(['id', 'status'])
          .where('item_id', '=', itemId)
          .where('channel', '=', channel)
          .executeTakeFirst();
        if (
          existing &&
          (existing.status === 'queued' || existing.status === 'working' || existing.status === 'live')
        ) {
          const text = say(`channels.already.${existing.status}`, { channel: onChannel(channel) });
          out.push({
            itemId,
            reference: item.reference,
            channel,
            outcome: 'already',
            listingId: existing.id,
            jobId: null,
            message: englishText(text),
            text,
          });
          continue;
        }
        if (env.channels.publishGap) {
          // An account that cannot publish (eBay without its policies, a shop not set up) is
          // refused now, naming what is missing, rather than failed later in a job. A local look
          // only: no network call inside this transaction.
          const key = `${item.merchant_id}:${channel}`;
          if (!gaps.has(key)) gaps.set(key, await env.channels.publishGap(trx, item.merchant_id, channel));
          const gap = gaps.get(key);
          if (gap) {
            out.push(refuse(channel, gap));
            continue;
          }
        }
        await ensureAccount(trx, item.merchant_id, channel, now);
        const listing = await trx
          .insertInto('listings')
          .values({
            item_id: itemId,
            channel,
            status: 'queued',
            // The item's own reference is its SKU on every channel: the key of the upsert.
            remote_sku: item.reference,
            price_cents: price.proposed_cents,
            last_error: null,
            last_error_text: null,
            end_reason: null,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc.columns(['item_id', 'channel']).doUpdateSet({
              status: 'queued',
              price_cents: price.proposed_cents,
              last_error: null,
              last_error_text: null,
              end_reason: null,
              updated_at: now,
            }),
          )
          .returning('id')
          .executeTakeFirstOrThrow();
        const generation = await jobGeneration(trx, 'publish', itemId, channel);
        const job = await enqueue(trx, {
          kind: 'publish',
          itemId,
          channel,
          payload: { listingId: listing.id },
          idempotencyKey: `publish:${itemId}:${channel}:${generation + 1}`,
          now,
        });
        await recordEvent(trx, actor, {
          itemId,
          merchantId: item.merchant_id,
          kind: 'listing.queued',
          text: say('channels.queued', {
            channel: forChannel(channel),
            price: money(price.proposed_cents, price.currency),
          }),
          data: { channel, listingId: listing.id, jobId: job.id, priceCents: price.proposed_cents },
          at: now,
        });
        out.push({
          itemId,
          reference: item.reference,
          channel,
          outcome: 'queued',
          listingId: listing.id,
          jobId: job.id,
          message: null,
          text: null,
        });
      }
    }
    return out;
  });
  if (results.some((r) => r.outcome === 'queued')) ws.changed('jobs', 'listings');
  return results;
}

async function listingWithItem(
  ws: Workspace,
  where: { listingId: number } | { itemId: number; channel: Channel },
) {
  let q = ws.kysely
    .selectFrom('listings')
    .innerJoin('items', 'items.id', 'listings.item_id')
    .select([
      'listings.id',
      'listings.channel',
      'listings.status',
      'listings.item_id',
      'items.reference',
      'items.merchant_id',
      'items.status as item_status',
    ]);
  q =
    'listingId' in where
      ? q.where('listings.id', '=', where.listingId)
      : q.where('listings.item_id', '=', where.itemId).where('listings.channel', '=', where.channel);
  return q.executeTakeFirst();
}

/** Tries a failed listing again: a new publish job (the old one stays failed, as history). */
export async function retryListing(
  ws: Workspace,
  actor: Actor,
  env: JobsEnvironment,
  listingId: number,
): Promise<ListingJobResult> {
  const listing = await listingWithItem(ws, { listingId });
  if (!listing) throw new AppError('not_found', say('channels.no_listing', { id: String(listingId) }));
  const channel = listing.channel;
  if (listing.status !== 'failed') {
    throw new AppError(
      'conflict',
      say('channels.retry_not_failed', {
        reference: listing.reference,
        channel: onChannel(channel),
        status: term('listingStatus', listing.status),
      }),
    );
  }
  if (listing.item_status === 'sold') {
    throw new AppError('conflict', say('channels.retry_sold', { reference: listing.reference }));
  }
  const now = isoAt(env.clock.now());
  const jobId = await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('listings')
      .set({ status: 'queued', last_error: null, last_error_text: null, updated_at: now })
      .where('id', '=', listing.id)
      .execute();
    const generation = await jobGeneration(trx, 'publish', listing.item_id, channel);
    const job = await enqueue(trx, {
      kind: 'publish',
      itemId: listing.item_id,
      channel,
      payload: { listingId: listing.id },
      idempotencyKey: `publish:${listing.item_id}:${channel}:${generation + 1}`,
      now,
    });
    await recordEvent(trx, actor, {
      itemId: listing.item_id,
      merchantId: listing.merchant_id,
      kind: 'listing.retried',
      text: say('channels.retried', { channel: toChannel(channel) }),
      data: { channel, listingId: listing.id, jobId: job.id },
      at: now,
    });
    return job.id;
  });
  ws.changed('jobs', 'listings');
  return { listingId: listing.id, channel, status: 'queued', jobId };
}

/** Takes an item off one channel: queued work there is cancelled and an end job is written. */
export async function endListing(
  ws: Workspace,
  actor: Actor,
  env: JobsEnvironment,
  input: z.output<typeof EndInput>,
): Promise<ListingJobResult> {
  const listing = await listingWithItem(ws, { itemId: input.itemId, channel: input.channel });
  if (!listing) {
    throw new AppError(
      'not_found',
      say('channels.item_not_listed', { id: String(input.itemId), channel: onChannel(input.channel) }),
    );
  }
  if (listing.status === 'ended') {
    throw new AppError(
      'conflict',
      say('channels.already_ended', { reference: listing.reference, channel: onChannel(input.channel) }),
    );
  }
  const now = isoAt(env.clock.now());
  const jobId = await ws.kysely.transaction().execute(async (trx) => {
    await cancelQueued(
      trx,
      listing.item_id,
      input.channel,
      ['publish', 'update_price'],
      say('channels.ended_by_request'),
      now,
    );
    const generation = await jobGeneration(trx, 'end', listing.item_id, input.channel);
    const job = await enqueue(trx, {
      kind: 'end',
      itemId: listing.item_id,
      channel: input.channel,
      payload: { listingId: listing.id, reason: input.reason },
      idempotencyKey: `end:${listing.item_id}:${input.channel}:${input.reason}:${generation + 1}`,
      now,
    });
    await recordEvent(trx, actor, {
      itemId: listing.item_id,
      merchantId: listing.merchant_id,
      kind: 'listing.end_requested',
      text: say('channels.end_requested', {
        channel: onChannel(input.channel),
        reason: endReasonWords(input.reason),
      }),
      data: { channel: input.channel, listingId: listing.id, jobId: job.id, reason: input.reason },
      at: now,
    });
    return job.id;
  });
  ws.changed('jobs', 'listings');
  return { listingId: listing.id, channel: input.channel, status: listing.status, jobId };
}

export async function syncNow(ws: Workspace, env: JobsEnvironment): Promise<{ jobIds: number[] }> {
  return { jobIds: await requestSalesSync(ws, env, `request:${isoAt(env.clock.now())}`) };
}

export async function jobsSummary(ws: Workspace): Promise<JobsSummary> {
  const rows = await ws.kysely
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['queued', 'running', 'failed'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { queued: count('queued'), running: count('running'), failed: count('failed') };
}

export async function listJobs(ws: Workspace, input: z.output<typeof JobsListInput>): Promise<JobRowView[]> {
  let q = ws.kysely
    .selectFrom('jobs')
    .leftJoin('items', 'items.id', 'jobs.item_id')
    .select([
      'jobs.id',
      'jobs.kind',
      'jobs.status',
      'jobs.item_id',
      'items.reference',
      'jobs.channel',
      'jobs.attempts',
      'jobs.max_attempts',
      'jobs.next_run_at',
      'jobs.last_error',
      'jobs.last_error_text',
      'jobs.created_at',
      'jobs.updated_at',
    ])
    .orderBy('jobs.id', 'desc')
    .limit(input.limit);
  if (input.status) q = q.where('jobs.status', '=', input.status);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    itemId: r.item_id,
    reference: r.reference,
    channel: CHANNELS.find((c) => c === r.channel) ?? null,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    nextRunAt: r.next_run_at,
    lastError: r.last_error,
    lastErrorText: readErrorText(r.last_error_text),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/**
 * For the pricing side: call inside the transaction that changes an item's approved price. Every
 * listing of the item that is live (or on its way) gets an `update_price` job; the key carries the
 * price, so saving the same price twice queues one job.
 */
export async function queuePriceUpdates(
  trx: Queryable,
  actor: Actor,
  itemId: number,
  priceCents: number,
  now: string,
): Promise<number[]> {
  const listings = await trx
    .selectFrom('listings')
    .innerJoin('items', 'items.id', 'listings.item_id')
    .select([
      'listings.id',
      'listings.channel',
      'listings.status',
      'listings.price_cents',
      'items.merchant_id',
    ])
    .where('listings.item_id', '=', itemId)
    .where('listings.status', 'in', ['queued', 'working', 'live'])
    .execute();
  const jobIds: number[] = [];
  for (const listing of listings) {
    if (listing.price_cents === priceCents) continue;
    const channel = listing.channel;
    if (listing.status === 'queued') {
      // Not sent yet: the publish job reads the listing's price when it runs.
      await trx
        .updateTable('listings')
        .set({ price_cents: priceCents, updated_at: now })
        .where('id', '=', listing.id)
        .execute();
      continue;
    }
    const job = await enqueue(trx, {
      kind: 'update_price',
      itemId,
      channel,
      payload: { listingId: listing.id, priceCents },
      idempotencyKey: `update_price:${itemId}:${channel}:${priceCents}:${now}`,
      now,
    });
    if (!job.created) continue;
    jobIds.push(job.id);
    await recordEvent(trx, actor, {
      itemId,
      merchantId: listing.merchant_id,
      kind: 'listing.price_queued',
      text: say('channels.price_queued', { channel: forChannel(channel) }),
      data: { channel, listingId: listing.id, jobId: job.id, priceCents },
      at: now,
    });
  }
  return jobIds;
}
