/**
 * Shared by the eBay test-server tests: a thin fetch wrapper and bodies eBay accepts.
 */
import type { EbayTestServer } from './server.js';

export interface CallOptions {
  readonly body?: unknown;
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

/** Calls the server like a Sell API client: Bearer token, JSON, `Content-Language: en-US` unless told. */
export async function call(
  server: EbayTestServer,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const token = options.token === undefined ? server.userToken() : options.token;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Language': 'en-US',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...options.headers,
  };
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as unknown) : null,
  };
}

export function inventoryItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    availability: { shipToLocationAvailability: { quantity: 1 } },
    condition: 'USED_EXCELLENT',
    conditionDescription: 'Returned unused; small scuff on the back.',
    product: {
      title: 'Pixel 8 128 GB Obsidian — returned, tested',
      description: 'Tested, reset, with charger.',
      imageUrls: ['https://i.ebayimg.test/images/g/abc/s-l1600.jpg'],
      aspects: { Brand: ['Google'] },
    },
    ...overrides,
  };
}

export function offer(sku: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sku,
    marketplaceId: 'EBAY_US',
    format: 'FIXED_PRICE',
    availableQuantity: 1,
    categoryId: '9355',
    listingDescription: 'Returned item, tested.',
    listingPolicies: {
      fulfillmentPolicyId: '6000001',
      paymentPolicyId: '6000002',
      returnPolicyId: '6000003',
    },
    merchantLocationKey: 'warehouse-1',
    pricingSummary: { price: { value: '249.00', currency: 'USD' } },
    ...overrides,
  };
}

/** `{errors:[{errorId, domain, category, message}]}` — eBay's error answer. */
export function errorIds(json: unknown): number[] {
  const list = (json as { errors?: { errorId: number }[] } | null)?.errors ?? [];
  return list.map((e) => e.errorId);
}
