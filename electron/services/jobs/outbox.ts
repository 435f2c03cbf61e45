import { sql } from 'kysely';
import { JOB_KINDS, JOB_STATUSES } from '../../../shared/contract/channels';
import type { Channel } from '../../../shared/domain/status';
import type { Queryable } from '../db/queryable';
import { type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import { storeErrorText } from './error-text';

/**
 * The durable outbox. Every remote action is first a row in `jobs`, written in the same
 * transaction as the change that asks for it (a listing queued, a sale recorded), so a crash can
 * never lose the action nor do it without its reason. The worker (runner.ts) does it later.
 */

export { JOB_KINDS, JOB_STATUSES };
export type JobKind = (typeof JOB_KINDS)[number];
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Eight tries with the default backoff span about an hour: long enough for an outage. */
export const DEFAULT_MAX_ATTEMPTS = 8;

export interface EnqueueInput {
  readonly kind: JobKind;
  readonly itemId: number | null;
  readonly channel: Channel | null;
  readonly payload: Readonly<Record<string, unknown>>;
  /**
   * Unique over all jobs ever: the same key enqueued twice (a double click, a sync that sees the
   * same sale again) leaves the first job as the only one.
   */
  readonly idempotencyKey: string;
  /** ISO-8601 UTC: now, usually. */
  readonly now: string;
  readonly runAt?: string;
  readonly maxAttempts?: number;
}

export interface Enqueued {
  readonly id: number;
  /** False when a job with the same idempotency key already existed (it was left alone). */
  readonly created: boolean;
}

/** Call inside the caller's transaction. */
export async function enqueue(db: Queryable, input: EnqueueInput): Promise<Enqueued> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind: input.kind,
      item_id: input.itemId,
      channel: input.channel,
      payload: JSON.stringify(input.payload),
      status: 'queued',
      attempts: 0,
      max_attempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      next_run_at: input.runAt ?? input.now,
      idempotency_key: input.idempotencyKey,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * How many jobs of this kind were ever enqueued for the item on the channel: the next key's
 * generation, so a deliberate second attempt (after a failure) gets its own key while two
 * requests for the same attempt share one.
 */
export async function jobGeneration(
  db: Queryable,
  kind: JobKind,
  itemId: number,
  channel: Channel,
): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select(sql<number>`count(*)`.as('n'))
    .where('kind', '=', kind)
    .where('item_id', '=', itemId)
    .where('channel', '=', channel)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Cancels the item's waiting jobs of these kinds on the channel (they are not running yet). */
export async function cancelQueued(
  db: Queryable,
  itemId: number,
  channel: Channel,
  kinds: readonly JobKind[],
  reason: Message,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'cancelled',
      last_error: englishText(reason),
      last_error_text: storeErrorText(reason),
      updated_at: now,
    })
    .where('item_id', '=', itemId)
    .where('channel', '=', channel)
    .where('kind', 'in', kinds)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
