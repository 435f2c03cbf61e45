import type { JobKindName, JobStatusName } from '../../../shared/contract/channels';
import type { SaleKind } from '../../../shared/contract/sales';
import type {
  DefectKind,
  DefectSeverity,
  FunctionalTest,
  Grade,
  PackagingState,
  ReturnReason,
} from '../../../shared/domain/grades';
import type {
  Channel,
  ItemStatus,
  Language,
  ListingStatus,
  Role,
  WindowResult,
} from '../../../shared/domain/status';
import type { Generated } from 'kysely';

/**
 * Kysely's view of the tables created by the migrations. Kept by hand beside them; the
 * migration tests compare it with what SQLite reports so the two cannot drift silently.
 */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface MerchantsTable {
  id: Generated<number>;
  name: string;
  currency: string;
  language: Language;
  return_window_days: number;
  address: string;
  pricing_policy: string | null;
  fee_schedule: string | null;
  created_at: string;
}

export interface ProfilesTable {
  id: Generated<number>;
  name: string;
  role: Role;
  merchant_id: number | null;
  pin_hash: string | null;
  created_at: string;
  password_hash: string | null;
  disabled_at: string | null;
}

export interface ProfileMerchantsTable {
  profile_id: number;
  merchant_id: number;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  profile_id: number;
  device: string;
  address: string | null;
  created_at: string;
  last_used_at: string;
  revoked_at: string | null;
  revoked_by: number | null;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  first_failed_at: string;
  locked_until: string | null;
}

export interface ProductsTable {
  id: Generated<number>;
  merchant_id: number;
  sku: string;
  ean: string | null;
  brand: string | null;
  model: string | null;
  title: string;
  description: string;
  ebay_category_id: string | null;
  original_cents: number;
  accessories: string;
  created_at: string;
  updated_at: string;
  /** Migration 0060: the merchant's units sold of the SKU, for the per-SKU return rate. */
  units_sold: Generated<number | null>;
}

export interface ItemsTable {
  id: Generated<number>;
  reference: string;
  merchant_id: number;
  product_id: number;
  order_reference: string | null;
  order_line: number | null;
  return_reason: ReturnReason | null;
  return_note: Generated<string>;
  delivered_at: string | null;
  received_at: string;
  window_result: Generated<WindowResult>;
  grade: Grade | null;
  packaging: PackagingState | null;
  functional_test: Generated<FunctionalTest>;
  factory_reset: Generated<number>;
  cleaned: Generated<number>;
  repackaged: Generated<number>;
  accessories_missing: Generated<string>;
  status: Generated<ItemStatus>;
  disposition: string | null;
  graded_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** Migration 0060: what the goods cost the reseller, the VAT margin scheme's basis. */
  purchase_cents: Generated<number | null>;
}

export interface PhotosTable {
  id: Generated<number>;
  item_id: number;
  hash: string;
  position: number;
  is_main: Generated<number>;
  width: number;
  height: number;
  bytes: number;
  warnings: Generated<string>;
  source: string;
  original_name: string | null;
  deleted_at: string | null;
  created_at: string;
}

export interface DefectsTable {
  id: Generated<number>;
  item_id: number;
  position: number;
  kind: DefectKind;
  location: Generated<string>;
  size_mm: number | null;
  severity: DefectSeverity;
  note: Generated<string>;
  photo_id: number | null;
}

export interface PricesTable {
  id: Generated<number>;
  item_id: number;
  currency: string;
  original_cents: number;
  proposed_cents: number;
  floor_cents: number;
  net_cents: number;
  steps: string;
  policy_version: Generated<number>;
  decision: Generated<string>;
  decided_by: number | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
}

export interface DescriptionsTable {
  id: Generated<number>;
  item_id: number;
  language: Language;
  title: string;
  condition_enum: string | null;
  condition_id: number | null;
  condition_text: Generated<string>;
  html: Generated<string>;
  edited_by: number | null;
  kept: Generated<number>;
  updated_at: string;
  /** Migration 0050: hash of the item's facts when the edit was kept, to flag it stale later. */
  facts_hash: Generated<string | null>;
}

/** Migration 0050: a merchant's changes to the default description wording, per language. */
export interface DescriptionTemplatesTable {
  id: Generated<number>;
  merchant_id: number;
  language: string;
  overrides: Generated<string>;
  updated_by: number | null;
  updated_at: string;
}

export interface ChannelAccountsTable {
  id: Generated<number>;
  merchant_id: number;
  channel: string;
  settings: Generated<string>;
  secret: Buffer | null;
  sales_cursor: string | null;
  created_at: string;
  updated_at: string;
}

export interface ListingsTable {
  id: Generated<number>;
  item_id: number;
  channel: Channel;
  status: ListingStatus;
  remote_sku: string | null;
  remote_offer_id: string | null;
  remote_listing_id: string | null;
  url: string | null;
  price_cents: number | null;
  end_reason: string | null;
  last_error: string | null;
  /** The same as a message (JSON of shared/messages' StoredMessage), drawn in the reader's language. */
  last_error_text: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: JobKindName;
  item_id: number | null;
  channel: string | null;
  payload: Generated<string>;
  status: Generated<JobStatusName>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  next_run_at: string;
  locked_by: string | null;
  locked_at: string | null;
  last_error: string | null;
  /** The same as a message (JSON of shared/messages' StoredMessage), drawn in the reader's language. */
  last_error_text: string | null;
  idempotency_key: string;
  created_at: string;
  updated_at: string;
}

export interface SalesTable {
  id: Generated<number>;
  item_id: number;
  merchant_id: number;
  channel: string;
  order_id: string;
  line_id: string;
  sold_at: string;
  currency: string;
  price_cents: number;
  shipping_cents: Generated<number>;
  fees_cents: Generated<number>;
  fees_estimated: Generated<number>;
  vat_cents: Generated<number>;
  vat_rate_bp: Generated<number>;
  vat_scheme: Generated<string>;
  buyer_country: string | null;
  kind: Generated<SaleKind>;
  reverses_sale_id: number | null;
  created_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  item_id: number | null;
  merchant_id: number | null;
  at: string;
  profile_id: number | null;
  actor: string;
  kind: string;
  summary: string;
  data: Generated<string>;
}

export interface ItemSearchTable {
  rowid: number;
  reference: string;
  sku: string;
  ean: string;
  order_reference: string;
  brand: string;
  model: string;
  title: string;
}

/** Migration 0070: the built-in practice marketplace's own listings (its side, not Rebound's). */
export interface PracticeListingsTable {
  id: Generated<number>;
  merchant_id: number;
  sku: string;
  title: string;
  description_html: Generated<string>;
  price_cents: number;
  original_cents: Generated<number>;
  currency: string;
  status: string;
  end_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Migration 0070: orders placed on the practice marketplace by a simulated buyer. */
export interface PracticeOrdersTable {
  id: Generated<number>;
  order_id: string;
  listing_id: number;
  merchant_id: number;
  sku: string;
  price_cents: number;
  shipping_cents: Generated<number>;
  currency: string;
  buyer_country: string | null;
  status: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** One picture upload to eBay, in the window shared by every process (migration 0100). */
export interface MediaUploadSlotsTable {
  id: Generated<number>;
  account_id: number;
  /** Milliseconds since 1970 (UTC). */
  taken_at: number;
  answered_at: number | null;
}

/** One person's "shoot by label" session (electron/services/routing/session.ts). */
export interface ShootingSessionsTable {
  /** The person's profile id; 0 on a desk without accounts. */
  person: number;
  active: number;
  keep_label_shots: number;
  merchant_id: number | null;
  /** JSON: the last label's item, the label that stopped the session and why. */
  state: string;
  /** JSON: the photos the desk lists, newest first. */
  photos: string;
  /** JSON: the session's items, in the order they were first seen. */
  items: string;
  updated_at: string;
}

export interface Database {
  settings: SettingsTable;
  merchants: MerchantsTable;
  profiles: ProfilesTable;
  profile_merchants: ProfileMerchantsTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  products: ProductsTable;
  items: ItemsTable;
  photos: PhotosTable;
  defects: DefectsTable;
  prices: PricesTable;
  descriptions: DescriptionsTable;
  description_templates: DescriptionTemplatesTable;
  channel_accounts: ChannelAccountsTable;
  media_upload_slots: MediaUploadSlotsTable;
  shooting_sessions: ShootingSessionsTable;
  listings: ListingsTable;
  jobs: JobsTable;
  sales: SalesTable;
  events: EventsTable;
  item_search: ItemSearchTable;
  practice_listings: PracticeListingsTable;
  practice_orders: PracticeOrdersTable;
}
