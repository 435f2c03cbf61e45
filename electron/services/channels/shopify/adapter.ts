import type {
  ChannelAdapter,
  EndReason,
  ListingInput,
  RemoteListing,
  RemoteRef,
  SalesPage,
} from '../channel';
import { urlAddress, type ShopAdapterOptions, type ShopConnectionCheck, type ShopPlatform } from '../shop';
import { ShopifyClient } from './client';
import {
  parseShopifySecrets,
  parseShopifySettings,
  shopHost,
  type ShopifySecrets,
  type ShopifySettings,
} from './config';
import { testConnection } from './connection';
import { end, findBySku, state, updatePrice, upsert } from './listings';
import { salesSince } from './sales';

/**
 * The Shopify channel: the Admin GraphQL API through `@shopify/admin-api-client` (main process
 * only: the client refuses to run where `window` exists).
 *
 * One listing is one product with one variant, found by a handle derived from the SKU, so
 * `productSet(identifier: {handle})` is an upsert: a retry after a timeout (the product was made
 * but the answer lost) updates the product the first attempt made instead of adding a second.
 * Photos go through staged uploads (a desktop has no public image URLs). Money crosses as decimal
 * strings. Shopify's cost-based throttling, including `THROTTLED` inside an HTTP 200, becomes a
 * retryable ChannelError whose `retryAfterMs` is computed from the bucket it reports.
 *
 * The work is split by role: `client.ts` (requests, tokens, throttling), `queries.ts` (the
 * GraphQL documents), `format.ts` (money and handles), `listings.ts`, `sales.ts` and
 * `connection.ts`; this file ties them into the ChannelAdapter and the ShopPlatform.
 */

export { DEFAULT_TIMEOUT_MS, shopifyFetch, throttleWaitMs } from './client';
export { centsOf, handleFor, shopifyMoney } from './format';
export { SALES_OVERLAP_MS } from './sales';

export class ShopifyChannel implements ChannelAdapter {
  readonly channel = 'shopify' as const;
  private readonly api: ShopifyClient;

  constructor(o: ShopAdapterOptions<ShopifySettings, ShopifySecrets>) {
    this.api = new ShopifyClient(o);
  }

  findBySku(sku: string): Promise<RemoteListing | null> {
    return findBySku(this.api, sku);
  }

  upsert(input: ListingInput): Promise<RemoteListing> {
    return upsert(this.api, input);
  }

  updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    return updatePrice(this.api, ref, priceCents);
  }

  end(ref: RemoteRef, reason: EndReason): Promise<void> {
    return end(this.api, ref, reason);
  }

  state(ref: RemoteRef): Promise<RemoteListing | null> {
    return state(this.api, ref);
  }

  salesSince(cursor: string | null): Promise<SalesPage> {
    return salesSince(this.api, cursor);
  }

  testConnection(): Promise<ShopConnectionCheck> {
    return testConnection(this.api);
  }
}

export const shopifyPlatform: ShopPlatform<ShopifySettings, ShopifySecrets> = {
  name: 'shopify',
  parseSettings: parseShopifySettings,
  parseSecrets: parseShopifySecrets,
  address: (settings) => {
    const typed = shopHost(settings.shopDomain).host ?? settings.shopDomain.trim().toLowerCase();
    return settings.baseUrl ? `${typed} via ${urlAddress(settings.baseUrl)}` : typed;
  },
  create: (options) => new ShopifyChannel(options),
  testConnection: (options) => new ShopifyChannel(options).testConnection(),
};
