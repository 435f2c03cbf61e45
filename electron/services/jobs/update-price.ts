/** The update_price job: a live listing's price changed on its channel. */
import { money, say, term } from '../../../shared/messages';
import { recordEvent } from '../events';
import type { JobsEnvironment } from '../channels/registry';
import { onChannel } from '../channels/words';
import type { Workspace } from '../workspace';
import { isoAt } from './clock';
import { JOBS_ACTOR, asChannel, payloadNumber, type JobRow, type WorkResult } from './job';
import { adapterForItem, loadItem, loadListing, refOf } from './lookups';

export async function updatePrice(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const listing = await loadListing(ws.kysely, payloadNumber(job, 'listingId'));
  const priceCents = payloadNumber(job, 'priceCents');
  const channel = asChannel(listing.channel);
  const item = await loadItem(ws.kysely, listing.item_id);
  if (listing.status !== 'live')
    return {
      changed: [],
      summary: `listing is ${listing.status}: nothing to reprice`,
      text: say('jobs.done.not_repriced', { status: term('listingStatus', listing.status) }),
    };
  const adapter = await adapterForItem(ws.kysely, env, item.merchantId, channel);
  const remote = await adapter.updatePrice(refOf(listing, item.reference), priceCents);
  const now = isoAt(env.clock.now());
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('listings')
      .set({ price_cents: remote.priceCents, last_error: null, last_error_text: null, updated_at: now })
      .where('id', '=', listing.id)
      .execute();
    await recordEvent(trx, JOBS_ACTOR, {
      itemId: item.id,
      merchantId: item.merchantId,
      kind: 'listing.price_updated',
      text: say('jobs.price_updated', {
        channel: onChannel(channel),
        price: money(remote.priceCents, remote.currency),
      }),
      data: { channel, before: listing.price_cents, after: remote.priceCents },
      at: now,
    });
  });
  return {
    changed: ['listings'],
    summary: `price ${remote.priceCents}`,
    text: say('jobs.done.repriced', { price: money(remote.priceCents, remote.currency) }),
  };
}
