/** What a job's work looks up before it acts: the listing, its item, the channel account and its adapter. */
import type { Selectable } from 'kysely';
import type { Channel } from '../../../shared/domain/status';
import { loadItemRecord } from '../item-record';
import type { Queryable } from '../db/queryable';
import type { Database } from '../db/schema';
import { CHANNEL_LABELS, type RemoteRef } from '../channels/channel';
import type { ChannelAccount, JobsEnvironment } from '../channels/registry';
import { asChannel } from './job';

export type ListingRow = Selectable<Database['listings']>;

export function refOf(listing: ListingRow, sku: string): RemoteRef {
  return {
    sku: listing.remote_sku ?? sku,
    offerId: listing.remote_offer_id,
    listingId: listing.remote_listing_id,
  };
}

export async function loadListing(db: Queryable, listingId: number): Promise<ListingRow> {
  const listing = await db.selectFrom('listings').selectAll().where('id', '=', listingId).executeTakeFirst();
  if (!listing) throw new Error(`Listing ${listingId} no longer exists.`);
  return listing;
}

export interface ItemFacts {
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

export async function loadItem(db: Queryable, itemId: number): Promise<ItemFacts> {
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

export async function adapterForItem(
  db: Queryable,
  env: JobsEnvironment,
  merchantId: number,
  channel: Channel,
) {
  const row = await db
    .selectFrom('channel_accounts')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('channel', '=', channel)
    .executeTakeFirst();
  if (!row) throw new Error(`The merchant has no ${CHANNEL_LABELS[channel]} account.`);
  return env.channels.adapterFor(await accountFor(db, row.id));
}
