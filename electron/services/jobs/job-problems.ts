/** What a job's failure leaves behind for a person: the listing's error, and an event when it stops for good. */
import type { Transaction } from 'kysely';
import { date, say, type StoredMessage } from '../../../shared/messages';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { onChannel, problemOf, toChannel } from '../channels/words';
import { storeErrorText } from './error-text';
import { JOBS_ACTOR, asChannel, payloadNumber, payloadOf, type JobRow } from './job';
import { accountFor } from './lookups';

/**
 * Leaves the listing in a state a person can read when its job will be tried again (`queued`,
 * with what went wrong) or has stopped for good (`failed`, with what to do), with an event.
 * `message` is the English text; `text` the same as a message in the reader's language, when
 * the problem has one (otherwise `message` is drawn as it is, inside our sentence).
 */
export async function recordJobProblem(
  trx: Transaction<Database>,
  job: JobRow,
  outcome: {
    readonly final: boolean;
    readonly message: string;
    readonly text: StoredMessage | null;
    readonly retryAt: string | null;
  },
  now: string,
): Promise<void> {
  const problem = problemOf(outcome);
  if (job.kind === 'sync_sales') {
    if (!outcome.final) return;
    const account = await accountFor(trx, payloadNumber(job, 'accountId'));
    await recordEvent(trx, JOBS_ACTOR, {
      merchantId: account.merchantId,
      kind: 'sales.sync_failed',
      text: say('jobs.sync_failed', { channel: onChannel(account.channel), problem }),
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
  const publishing = job.kind === 'publish';
  const retryAt = outcome.retryAt ?? now;
  await trx
    .updateTable('listings')
    .set({
      // Only a publish decides whether the listing exists; a failed price change or end leaves a
      // live listing live, with the problem shown beside it.
      ...(publishing ? { status: outcome.final ? 'failed' : 'queued' } : {}),
      last_error: outcome.final ? outcome.message : `Will try again at ${retryAt}: ${outcome.message}`,
      last_error_text: storeErrorText(
        outcome.final ? outcome.text : say('jobs.will_retry', { at: date(retryAt), problem }),
      ),
      updated_at: now,
    })
    .where('id', '=', listing.id)
    .execute();
  if (!outcome.final) return;
  await recordEvent(trx, JOBS_ACTOR, {
    itemId: listing.item_id,
    kind: publishing ? 'listing.failed' : `listing.${job.kind}_failed`,
    text: publishing
      ? say('jobs.publish_failed', { channel: toChannel(channel), problem })
      : say(job.kind === 'end' ? 'jobs.end_failed' : 'jobs.price_failed', {
          channel: onChannel(channel),
          problem,
        }),
    data: { jobId: job.id, channel, attempts: job.attempts },
    at: now,
  });
}
