import type {
  ChannelAdapter,
  EndReason,
  ListingInput,
  RemoteListing,
  RemoteRef,
  SalesPage,
} from '../channel';
import { urlAddress, type ShopPlatform } from '../shop';
import { WooApi, type WooChannelOptions } from './client';
import { parseWooSecrets, parseWooSettings, type WooSecrets, type WooSettings } from './config';
import { testWooConnection } from './connection';
import { end, findBySku, state, updatePrice, upsert } from './listings';
import { salesSince } from './sales';

/**
 * The WooCommerce channel (REST v3 through `@woocommerce/woocommerce-rest-api`, photos through
 * the WordPress media library). Facts in shared/CHANNELS.md, "WooCommerce".
 *
 * Idempotent by SKU: WooCommerce keeps SKUs unique, so the product is always looked up by SKU
 * before one is created, and a create that meets `product_invalid_sku` (an earlier attempt
 * created it but its answer was lost) takes over the product WooCommerce names.
 *
 * The work is split by role: `client.ts` (requests, errors, answer shapes), `format.ts` (money
 * and dates), `listings.ts`, `sales.ts` and `connection.ts`; this file ties them into the
 * ChannelAdapter and the ShopPlatform.
 */

export { mapWooError, readFailure, type WooChannelOptions } from './client';
export { testWooConnection } from './connection';
export { centsOf, wooAmount, wooPrices } from './format';
export { SALES_OVERLAP_MS } from './sales';

export class WooChannel implements ChannelAdapter {
  readonly channel = 'woocommerce' as const;
  private readonly api: WooApi;

  constructor(o: WooChannelOptions) {
    this.api = new WooApi(o);
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
}

export const woocommercePlatform: ShopPlatform<WooSettings, WooSecrets> = {
  name: 'woocommerce',
  parseSettings: parseWooSettings,
  parseSecrets: parseWooSecrets,
  address: (settings) => urlAddress(settings.url),
  create: (options) => new WooChannel(options),
  testConnection: (options) => testWooConnection(options),
};
