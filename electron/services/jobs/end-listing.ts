/** The end job: a listing taken down on its channel, with the reason a person reads. */
import { recordEvent } from '../events';
import { say } from '../../../shared/messages';
import { END_REASONS, type EndReason } from '../channels/channel';
import { endReasonWords, onChannel } from '../channels/words';
import type { JobsEnvironment } from '../channels/registry';
import type { Workspace } from '../workspace';
import { isoAt } from './clock';
import { JOBS_ACTOR, asChannel, payloadNumber, payloadOf, type JobRow, type WorkResult } from './job';
import { adapterForItem, loadItem, loadListing, refOf } from './lookups';

function endReasonOf(job: JobRow): EndReason {
  const value = payloadOf(job).reason;
  const found = END_REASONS.find((r) => r === value);
  if (!found) throw new Error(`Job ${job.id} has no end reason.`);
  return found;
}

export async function end(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
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
      .set({ status: 'ended', end_reason: reason, last_error: null, last_error_text: null, updated_at: now })
      .where('id', '=', listing.id)
      .execute();
    if (listing.status !== 'ended') {
      await recordEvent(trx, JOBS_ACTOR, {
        itemId: item.id,
        merchantId: item.merchantId,
        kind: 'listing.ended',
        text: say('jobs.ended', { channel: onChannel(channel), reason: endReasonWords(reason) }),
        data: { channel, listingId: listing.remote_listing_id, reason },
        at: now,
      });
    }
  });
  return {
    changed: ['listings'],
    summary: `ended (${reason})`,
    text: say('jobs.done.ended', { reason: endReasonWords(reason) }),
  };
}
