import { END_REASONS } from '../../../shared/contract/channels';
import type { Channel } from '../../../shared/domain/status';
import type { StoredMessage } from '../../../shared/messages';

/**
 * One shape for every marketplace and shop (shared/CHANNELS.md, "One shape for every channel").
 * The job worker only ever talks to this interface, so eBay, the shops and the built-in practice
 * marketplace are published, repriced, ended and polled for sales the same way, and a test can
 * stand in for any of them.
 *
 * Money crosses this interface as integer minor units; each channel converts at its own edge
 * (decimal strings for Shopify and WooCommerce, `{value, currency}` for eBay).
 */

export { END_REASONS };
export type EndReason = (typeof END_REASONS)[number];

/** What Rebound sends to create or update one listing. The SKU is the item's own reference. */
export interface ListingInput {
  readonly sku: string;
  readonly title: string;
  readonly descriptionHtml: string;
  readonly priceCents: number;
  /** The original price, shown struck through where the channel supports it. */
  readonly originalCents: number;
  readonly currency: string;
  readonly quantity: 1;
  /**
   * The listing photos, main photo first: JPEG files on this disk (the `listing` variant, or for
   * shops the watermarked copy when the merchant wants one). Channels upload them themselves.
   */
  readonly photos?: readonly ListingPhoto[];
}

export interface ListingPhoto {
  readonly file: string;
  /** Alt text for shops that take it: the title and the photo's position. */
  readonly alt: string;
}

/** The remote ids of one listing, stored locally so a retry never creates a second one. */
export interface RemoteRef {
  readonly sku: string;
  readonly offerId: string | null;
  readonly listingId: string | null;
}

export type RemoteListingStatus = 'live' | 'ended' | 'sold';

export interface RemoteListing extends RemoteRef {
  readonly status: RemoteListingStatus;
  readonly url: string | null;
  readonly priceCents: number;
  readonly currency: string;
}

export const REMOTE_SALE_KINDS = ['sale', 'cancellation', 'refund'] as const;
export type RemoteSaleKind = (typeof REMOTE_SALE_KINDS)[number];

/** One order line as the channel reports it. A cancellation or refund is its own line. */
export interface RemoteSale {
  readonly orderId: string;
  readonly lineId: string;
  readonly sku: string | null;
  readonly remoteListingId: string | null;
  readonly priceCents: number;
  readonly shippingCents: number;
  /** The channel's real fees when it reports them; absent means Rebound estimates them. */
  readonly feesCents?: number | undefined;
  readonly currency: string;
  /** ISO-8601 UTC. */
  readonly soldAt: string;
  /** ISO 3166-1 alpha-2, when the channel tells. */
  readonly buyerCountry: string | null;
  readonly kind: RemoteSaleKind;
}

export interface SalesPage {
  readonly sales: readonly RemoteSale[];
  /**
   * Opaque to the caller, stored in `channel_accounts.sales_cursor` only after the page is
   * recorded. Channels read a little before it (their timestamps can be coarse or late), so the
   * same line may come twice: the caller de-duplicates by order and line id.
   */
  readonly cursor: string;
}

export interface ChannelAdapter {
  readonly channel: Channel;
  findBySku(sku: string): Promise<RemoteListing | null>;
  /** Create or update, idempotent by SKU: looks the SKU up first, never creates a second listing. */
  upsert(input: ListingInput): Promise<RemoteListing>;
  updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing>;
  /** Idempotent: ending a listing that has already ended (or does not exist) succeeds. */
  end(ref: RemoteRef, reason: EndReason): Promise<void>;
  state(ref: RemoteRef): Promise<RemoteListing | null>;
  salesSince(cursor: string | null): Promise<SalesPage>;
  /**
   * Channels with bulk calls (eBay: 25 per call) publish many listings at once, each with its
   * own outcome in the order given. Throws only when the whole batch failed (auth, a bulk call
   * that did not answer): then every listing of the batch is retried or failed alike.
   */
  upsertMany?(inputs: readonly ListingInput[]): Promise<readonly UpsertOutcome[]>;
  /**
   * The language the listing text must be drafted in, when the channel decides it (an eBay
   * marketplace lists in its own language); otherwise the merchant's.
   */
  readonly listingLanguage?: string;
}

export type UpsertOutcome =
  | { readonly sku: string; readonly ok: true; readonly listing: RemoteListing }
  | { readonly sku: string; readonly ok: false; readonly error: ChannelError };

/**
 * How a failed remote call is handled:
 * - `retryable`: the call may succeed later (timeout, rate limit, 5xx, a named transient code);
 * - `user`: the data is wrong; retrying the same call cannot help, a person must change something;
 * - `auth`: the account's credentials were refused; the merchant must reconnect the account.
 */
export type ChannelErrorKind = 'retryable' | 'user' | 'auth';

export class ChannelError extends Error {
  readonly kind: ChannelErrorKind;
  /** A machine code: the remote's own code where there is one (e.g. `25002`), or ours. */
  readonly code: string;
  /** From the remote's Retry-After, in milliseconds: the earliest moment worth trying again. */
  readonly retryAfterMs: number | null;
  /**
   * The same as a message drawn in the reader's language, with the remote's words verbatim
   * inside it; null where only the English `message` exists.
   */
  readonly text: StoredMessage | null;

  constructor(
    kind: ChannelErrorKind,
    code: string,
    message: string,
    options: { retryAfterMs?: number | null; cause?: unknown; text?: StoredMessage } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChannelError';
    this.kind = kind;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.text = options.text ?? null;
  }
}

/**
 * Reads an HTTP Retry-After header: either delay-seconds or an HTTP date. Returns milliseconds
 * from `nowMs`, never negative; null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * Classifies an HTTP failure the same way for every channel: 401/403 need a reconnect, 408, 425,
 * 429 and 5xx are worth retrying (honouring Retry-After), any other 4xx is a problem with what
 * was sent, explained by `message`.
 */
export function classifyHttpFailure(
  status: number,
  message: string,
  retryAfter: string | null | undefined,
  nowMs: number,
): ChannelError {
  if (status === 401 || status === 403) {
    return new ChannelError('auth', `http_${status}`, message);
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return new ChannelError('retryable', `http_${status}`, message, {
      retryAfterMs: parseRetryAfter(retryAfter, nowMs),
    });
  }
  return new ChannelError('user', `http_${status}`, message);
}

/** Treats anything that is not a ChannelError (a dropped socket, a bug) as worth one more try. */
export function asChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelError('retryable', 'unexpected', message, { cause: error });
}

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  practice: 'the practice marketplace',
  ebay: 'eBay',
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  vendure: 'Vendure',
};
