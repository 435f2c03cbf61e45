import type { Clock } from '../jobs/clock';
import type { Workspace } from '../workspace';
import type { ChannelAdapter } from './channel';
import type { StoredMessage } from '../../../shared/messages';

/**
 * What the merchant's own shops (Shopify, WooCommerce, Vendure) have in common beyond the
 * channel interface: how an adapter is built from an account's settings and sealed secrets, and
 * the "test connection" that tells the merchant in plain words what is wrong.
 *
 * Each platform lives in its own folder (`shopify/`, `woocommerce/`, `vendure/`) with a
 * `config.ts` (zod schemas of its settings and secrets) and an `adapter.ts` exporting a
 * `ShopPlatform` below. The account layer (Settings, `rebound shop configure`, the registry)
 * only ever goes through `ShopPlatform`.
 */

export const SHOP_PLATFORMS = ['shopify', 'woocommerce', 'vendure'] as const;
export type ShopPlatformName = (typeof SHOP_PLATFORMS)[number];

export interface ShopAdapterOptions<Settings, Secrets> {
  readonly ws: Workspace;
  readonly merchantId: number;
  readonly accountId: number;
  readonly settings: Settings;
  readonly secrets: Secrets;
  readonly clock: Clock;
  /** Per-request timeout; a timeout is a retryable ChannelError. */
  readonly timeoutMs?: number;
}

/** One finding of "test connection". */
export interface ShopConnectionProblem {
  /** e.g. `bad_token`, `wrong_url`, `missing_permission`, `insecure_url`, `unreachable`. */
  readonly code: string;
  /** What is wrong and what to do, in plain words for a merchant. */
  readonly message: string;
  /** The same as a message in the reader's language, the shop's own words verbatim inside. */
  readonly text?: StoredMessage;
}

export interface ShopConnectionCheck {
  readonly ok: boolean;
  /** What the shop said about itself when it answered (its name, version), for reassurance. */
  readonly shopName: string | null;
  readonly problems: readonly ShopConnectionProblem[];
}

export interface ShopPlatform<Settings = unknown, Secrets = unknown> {
  readonly name: ShopPlatformName;
  /** Parses what is stored in `channel_accounts.settings` (JSON) and the opened secret. */
  parseSettings(value: unknown): Settings;
  parseSecrets(value: unknown): Secrets;
  /**
   * Where the secrets are sent, normalised for comparing (the shop's host or API address, and a
   * stored test origin). Configuring another address without new credentials deletes the stored
   * ones: credentials given for one address are never sent to another.
   */
  address(settings: Settings): string;
  create(options: ShopAdapterOptions<Settings, Secrets>): ChannelAdapter;
  testConnection(options: ShopAdapterOptions<Settings, Secrets>): Promise<ShopConnectionCheck>;
}

/**
 * A URL reduced to what decides where a request goes: scheme, host, port and path, without a
 * trailing slash; case-insensitive parts lowercased by the URL parser. Text that does not parse
 * is compared as typed (trimmed, lowercased).
 */
export function urlAddress(value: string): string {
  try {
    const url = new URL(value.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return value.trim().toLowerCase();
  }
}
