import {
  ChannelError,
  type ChannelAdapter,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteRef,
  type SalesPage,
} from '../channel';
import { urlAddress, type ShopPlatform } from '../shop';
import { VendureSession, type VendureApi, type VendureChannelOptions } from './client';
import {
  insecureUrlReason,
  parseVendureSecrets,
  parseVendureSettings,
  type VendureSecrets,
  type VendureSettings,
} from './config';
import { checkConnection } from './connection';
import { end, findBySku, state, updatePrice, upsert } from './listings';
import type { ChannelRecord } from './queries';
import { salesSince } from './sales';

/**
 * The Vendure channel, over Vendure's Admin GraphQL API with plain `fetch` (shared/CHANNELS.md,
 * "Vendure"). Facts this file is shaped by:
 * - SKUs are not unique in Vendure. Rebound's product is the one whose slug is derived from the
 *   SKU (`reboundSlug`) and that holds a variant with exactly that SKU; a merchant's own product
 *   with the same SKU is never touched. The slug is looked up before anything is created, so a
 *   retry after a timeout or a crash (also between createProduct and createProductVariants)
 *   finds what the first attempt made.
 * - Photos are uploaded with the GraphQL multipart request spec and tagged with a hash of their
 *   bytes, so a retry reuses the assets the first attempt uploaded instead of adding copies.
 * - Money is integer minor units on both sides: nothing to convert.
 * - There is no compare-at price: it goes to a ProductVariant custom field when the merchant has
 *   one and names it in the settings (`compareAtCustomField`).
 * - Order timestamps are whole seconds on some databases (sql.js, MySQL without fractions): the
 *   sales query reads `SALES_OVERLAP_MS` before the cursor; the caller de-duplicates.
 *
 * The work is split by role: `client.ts` (the session and its requests), `queries.ts` (answer
 * shapes and selected fields), `listings.ts`, `sales.ts` and `connection.ts`; this file ties them
 * into the ChannelAdapter and the ShopPlatform.
 */

export { VendureSession, type VendureChannelOptions } from './client';
export { reboundSlug } from './listings';
export { SALES_OVERLAP_MS, salesOf } from './sales';

export class VendureChannel implements ChannelAdapter, VendureApi {
  readonly channel = 'vendure' as const;
  readonly session: VendureSession;
  channelInfo: ChannelRecord | null = null;

  constructor(readonly o: VendureChannelOptions) {
    this.session = new VendureSession(o.settings, o.secrets, o.clock, o.timeoutMs);
  }

  findBySku(sku: string): Promise<RemoteListing | null> {
    return findBySku(this, sku);
  }

  upsert(input: ListingInput): Promise<RemoteListing> {
    return upsert(this, input);
  }

  updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    return updatePrice(this, ref, priceCents);
  }

  end(ref: RemoteRef, reason: EndReason): Promise<void> {
    return end(this, ref, reason);
  }

  state(ref: RemoteRef): Promise<RemoteListing | null> {
    return state(this, ref);
  }

  salesSince(cursor: string | null): Promise<SalesPage> {
    return salesSince(this, cursor);
  }
}

export const vendurePlatform: ShopPlatform<VendureSettings, VendureSecrets> = {
  name: 'vendure',
  parseSettings: parseVendureSettings,
  parseSecrets: parseVendureSecrets,
  address: (settings) => urlAddress(settings.adminApiUrl),
  create(options) {
    const insecure = insecureUrlReason(options.settings.adminApiUrl);
    if (insecure) throw new ChannelError('user', 'insecure_url', insecure);
    return new VendureChannel({
      settings: options.settings,
      secrets: options.secrets,
      clock: options.clock,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  },
  testConnection: checkConnection,
};
