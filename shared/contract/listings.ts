import { z } from 'zod';
import { Id, Text, type Paged } from './common';
import { method } from './define';
import type { ItemSummary, Listing } from './items';

/** The statuses the Listings screen shows: ready to publish, live somewhere, or sold. */
export const LISTABLE_STATUSES = ['approved', 'listed', 'sold'] as const;

export const ListingsListInput = z
  .object({
    statuses: z.array(z.enum(LISTABLE_STATUSES)).max(LISTABLE_STATUSES.length).optional(),
    search: Text(200).optional(),
    merchantId: Id.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

/** One item with the state of its listing on every channel it was sent to. */
export interface ListingRow extends ItemSummary {
  readonly listings: readonly Listing[];
}

export const listingsContract = {
  'listings.list': method<Paged<ListingRow>>()(ListingsListInput),
} as const;
