/** What a job's failure leaves behind for a person: the listing's error, and an event when it stops for good. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { CHANNEL_LABELS } from '../channels/channel';
import { JOBS_ACTOR, asChannel, payloadNumber, payloadOf, type JobRow } from './job';
import { accountFor } from './lookups';

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
