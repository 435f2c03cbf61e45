/**
 * The item's life: received → graded → photographed → priced → awaiting approval → approved →
 * listed → sold, with the side exits. Stored as text in SQLite; this list is the only source.
 */
export const ITEM_STATUSES = [
  'received',
  'graded',
  'photographed',
  'priced',
  'awaiting_approval',
  'approved',
  'listed',
  'sold',
  'restocked',
  'returned_to_merchant',
  'destroyed',
  'rejected',
] as const;

export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Statuses that end an item's life in Rebound: nothing more happens to it. */
export const FINAL_STATUSES: ReadonlySet<ItemStatus> = new Set([
  'sold',
  'restocked',
  'returned_to_merchant',
  'destroyed',
]);

export const WINDOW_RESULTS = ['within_legal', 'within_merchant', 'outside', 'unknown'] as const;
export type WindowResult = (typeof WINDOW_RESULTS)[number];

export const ROLES = ['staff', 'approver', 'bookkeeper', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CHANNELS = ['practice', 'ebay', 'shopify', 'woocommerce', 'vendure'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LISTING_STATUSES = ['queued', 'working', 'live', 'failed', 'ended'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
