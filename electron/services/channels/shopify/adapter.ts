import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AdminApiClient, createAdminApiClient } from '@shopify/admin-api-client';
import {
  ChannelError,
  classifyHttpFailure,
  type ChannelAdapter,
  type EndReason,
  type ListingInput,
  type ListingPhoto,
  type RemoteListing,
  type RemoteRef,
  type RemoteSale,
  type SalesPage,
} from '../channel';
import {
  urlAddress,
  type ShopAdapterOptions,
  type ShopConnectionCheck,
  type ShopConnectionProblem,
  type ShopPlatform,
} from '../shop';
import {
  effectiveShopifyBaseUrl,
  parseShopifySecrets,
  parseShopifySettings,
  shopHost,
  SHOPIFY_REQUIRED_SCOPES,
  type ShopifySecrets,
  type ShopifySettings,
} from './config';

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
 */

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Orders' `updated_at` is indexed for search with a lag: read this much before the cursor. */
export const SALES_OVERLAP_MS = 15 * 60_000;
/** Without a cursor, the first sync looks this far back (Shopify shows 60 days without read_all_orders). */
const FIRST_SYNC_MS = 30 * 24 * 3_600_000;
/** Client-credentials tokens live ~24 h; renew this long before they lapse. */
const TOKEN_REFRESH_MARGIN_MS = 10 * 60_000;
/**
 * Page sizes keep one orders query under 600 points (Shopify refuses a single query above 1000
 * and its standard bucket holds 2000): an order rarely has more lines than this, and the rest are
 * paged with ReboundOrderLines. A refund of more than REFUND_LINES_PAGE lines is read only in part.
 */
const ORDERS_PAGE = 10;
const LINES_PAGE = 5;
const REFUND_LINES_PAGE = 5;
const MEDIA_PAGE = 25;
/** Shopify's default option for a product without variants of its own. */
const DEFAULT_OPTION = { name: 'Title', value: 'Default Title' } as const;

// ---------------------------------------------------------------------------------------------
// Money and handles
// ---------------------------------------------------------------------------------------------

/** Integer cents → Shopify's Money string (`"12.50"`), never through floating point. */
export function shopifyMoney(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`Not an amount in cents: ${cents}`);
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Shopify's `"12.5"` / `"12.50"` / `"12"` → 1250 cents, exactly; more decimals round half up. */
export function centsOf(amount: string | null | undefined): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec((amount ?? '0').trim());
  if (!match) return 0;
  const fraction = (match[3] ?? '').padEnd(3, '0');
  const cents = Number(match[2]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
  return match[1] === '-' ? -cents : cents;
}

/**
 * The product handle for a SKU: what Shopify itself would make of it (lowercase letters, digits,
 * dashes), so looking it up finds what productSet created. Two SKUs differing only in case or
 * punctuation share a handle; the variant's SKU is checked to tell them apart.
 */
export function handleFor(sku: string): string {
  const slug = sku
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `item-${Buffer.from(sku).toString('hex').slice(0, 40)}` : slug;
}

function searchValue(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

// ---------------------------------------------------------------------------------------------
// Operations (every one is named, and validated by the test server against Shopify's schema)
// ---------------------------------------------------------------------------------------------

const PRODUCT_FIELDS = /* GraphQL */ `
  fragment ReboundProduct on Product {
    id
    handle
    status
    onlineStoreUrl
    variants(first: 5) {
      nodes {
        id
        sku
        price
        compareAtPrice
        inventoryQuantity
        inventoryItem {
          id
        }
      }
    }
    media(first: ${MEDIA_PAGE}) {
      nodes {
        id
        alt
        status
        ... on MediaImage {
          originalSource {
            fileSize
          }
        }
      }
    }
  }
`;

const PRODUCT_BY_HANDLE = /* GraphQL */ `
  query ReboundProductByHandle($handle: String!) {
    shop {
      currencyCode
    }
    productByIdentifier(identifier: { handle: $handle }) {
      ...ReboundProduct
    }
  }
  ${PRODUCT_FIELDS}
`;

const PRODUCTS_BY_SKU = /* GraphQL */ `
  query ReboundProductsBySku($query: String!) {
    shop {
      currencyCode
    }
    products(first: 5, query: $query) {
      nodes {
        ...ReboundProduct
      }
    }
  }
  ${PRODUCT_FIELDS}
`;

const PRODUCT_BY_ID = /* GraphQL */ `
  query ReboundProductById($id: ID!) {
    shop {
      currencyCode
    }
    product(id: $id) {
      ...ReboundProduct
    }
  }
  ${PRODUCT_FIELDS}
`;

const PRIMARY_LOCATION = /* GraphQL */ `
  query ReboundPrimaryLocation {
    location {
      id
    }
  }
`;

const STAGED_UPLOADS = /* GraphQL */ `
  mutation ReboundStagedUploads($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        resourceUrl
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const PRODUCT_SET = /* GraphQL */ `
  mutation ReboundProductSet($identifier: ProductSetIdentifiers!, $input: ProductSetInput!) {
    productSet(identifier: $identifier, input: $input, synchronous: true) {
      product {
        ...ReboundProduct
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${PRODUCT_FIELDS}
`;

const VARIANT_PRICE = /* GraphQL */ `
  mutation ReboundVariantPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      product {
        ...ReboundProduct
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${PRODUCT_FIELDS}
`;

const STOCK = /* GraphQL */ `
  query ReboundStock($id: ID!, $locationId: ID!) {
    product(id: $id) {
      id
      status
      variants(first: 5) {
        nodes {
          id
          sku
          inventoryItem {
            id
            inventoryLevel(locationId: $locationId) {
              quantities(names: ["available"]) {
                name
                quantity
              }
            }
          }
        }
      }
    }
  }
`;

const SET_QUANTITIES = /* GraphQL */ `
  mutation ReboundSetQuantities($input: InventorySetQuantitiesInput!) {
    inventorySetQuantities(input: $input) {
      inventoryAdjustmentGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const PRODUCT_STATUS = /* GraphQL */ `
  mutation ReboundProductStatus($product: ProductUpdateInput!) {
    productUpdate(product: $product) {
      product {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const LINE_FIELDS = /* GraphQL */ `
  fragment ReboundLine on LineItem {
    id
    sku
    quantity
    product {
      id
    }
    discountedUnitPriceAfterAllDiscountsSet {
      shopMoney {
        amount
        currencyCode
      }
    }
  }
`;

const ORDERS = /* GraphQL */ `
  query ReboundOrders($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        updatedAt
        cancelledAt
        currencyCode
        shippingAddress {
          countryCodeV2
        }
        totalShippingPriceSet {
          shopMoney {
            amount
          }
        }
        lineItems(first: ${LINES_PAGE}) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ReboundLine
          }
        }
        refunds {
          id
          createdAt
          refundLineItems(first: ${REFUND_LINES_PAGE}) {
            nodes {
              quantity
              lineItem {
                id
              }
              subtotalSet {
                shopMoney {
                  amount
                }
              }
            }
          }
        }
      }
    }
  }
  ${LINE_FIELDS}
`;

const MORE_LINES = /* GraphQL */ `
  query ReboundOrderLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 50, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ReboundLine
        }
      }
    }
  }
  ${LINE_FIELDS}
`;

const CONNECTION = /* GraphQL */ `
  query ReboundConnection {
    shop {
      name
      currencyCode
    }
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// Answer shapes (only what the operations above select)
// ---------------------------------------------------------------------------------------------

interface ProductNode {
  id: string;
  handle: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'UNLISTED';
  onlineStoreUrl: string | null;
  variants: {
    nodes: {
      id: string;
      sku: string | null;
      price: string;
      compareAtPrice: string | null;
      inventoryQuantity: number | null;
      inventoryItem: { id: string };
    }[];
  };
  media: {
    nodes: {
      id: string;
      alt: string | null;
      status: string;
      originalSource?: { fileSize: number | null } | null;
    }[];
  };
}

interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

interface Money {
  shopMoney: { amount: string; currencyCode?: string };
}

interface LineNode {
  id: string;
  sku: string | null;
  quantity: number;
  product: { id: string } | null;
  discountedUnitPriceAfterAllDiscountsSet: Money;
}

interface OrderNode {
  id: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  currencyCode: string;
  shippingAddress: { countryCodeV2: string | null } | null;
  totalShippingPriceSet: Money;
  lineItems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: LineNode[] };
  refunds: {
    id: string;
    createdAt: string | null;
    refundLineItems: { nodes: { quantity: number; lineItem: { id: string }; subtotalSet: Money }[] };
  }[];
}

interface ThrottleCost {
  requestedQueryCost?: number;
  throttleStatus?: { maximumAvailable?: number; currentlyAvailable?: number; restoreRate?: number };
}

/**
 * How long to wait after THROTTLED: until the bucket has restored what the query asked for
 * (requested − currently available, at restoreRate points per second), at least a second.
 */
export function throttleWaitMs(cost: ThrottleCost | undefined): number {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (!status || requested === undefined || !status.restoreRate) return 2_000;
  const missing = Math.max(0, requested - (status.currentlyAvailable ?? 0));
  return Math.max(1_000, Math.ceil((missing / status.restoreRate) * 1000));
}

// ---------------------------------------------------------------------------------------------
// Transport: the client, the test-server seam, tokens
// ---------------------------------------------------------------------------------------------

type FetchInit = NonNullable<
  Parameters<NonNullable<Parameters<typeof createAdminApiClient>[0]['customFetchApi']>>[1]
>;

/**
 * The fetch the client uses. `@shopify/admin-api-client` always builds `https://<shop>/admin/…`;
 * with a test base URL (settings or REBOUND_SHOPIFY_BASE_URL) the shop's origin is swapped for it,
 * keeping Shopify's paths, and `X-Forwarded-Host` says which shop was meant. Any other origin is
 * left alone. Each call is bounded by the timeout, and a network failure keeps its cause's code
 * (ENOTFOUND, ECONNREFUSED) in the message, since the client only passes messages on.
 */
export function shopifyFetch(host: string, baseUrl: string | null, timeoutMs: number) {
  const origin = baseUrl ? baseUrl.replace(/\/+$/, '') : null;
  return async (url: string, init: FetchInit = {}): Promise<Response> => {
    let target = url;
    const headers = new Headers(init.headers);
    if (origin) {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' && parsed.host === host) {
        target = `${origin}${parsed.pathname}${parsed.search}`;
        headers.set('X-Forwarded-Host', host);
      }
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await fetch(target, { ...init, headers, signal });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const name = (error as { name?: string }).name;
      const what =
        name === 'TimeoutError' || name === 'AbortError'
          ? `timed out after ${timeoutMs} ms`
          : (cause?.code ?? cause?.message ?? String(error));
      throw new Error(`${host}: ${what}`, { cause: error });
    }
  };
}

/** Client-credentials tokens of this process, per shop and app: one fetch serves every adapter. */
const clientTokens = new Map<string, { token: string; expiresAt: number }>();

export class ShopifyChannel implements ChannelAdapter {
  readonly channel = 'shopify' as const;
  private readonly timeoutMs: number;
  private clients = new Map<string, AdminApiClient>();
  private currency: string | null = null;
  private location: string | null;

  constructor(private readonly o: ShopAdapterOptions<ShopifySettings, ShopifySecrets>) {
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.location = o.settings.locationId ?? null;
  }

  /** The shop's myshopify host, or a user error saying what is wrong with the address. */
  private host(): string {
    const parsed = shopHost(this.o.settings.shopDomain);
    if ('problem' in parsed) {
      throw new ChannelError(
        'user',
        parsed.problem,
        domainMessage(parsed.problem, this.o.settings.shopDomain),
      );
    }
    return parsed.host;
  }

  private fetcher() {
    return shopifyFetch(this.host(), effectiveShopifyBaseUrl(this.o.settings), this.timeoutMs);
  }

  /**
   * Per shop, origin, app and secret: a corrected secret never reuses a token cached for the old
   * one, and a token issued by one origin (a test server) is never sent to another.
   */
  private tokenKey(): string {
    const s = this.o.secrets;
    const secret = crypto
      .createHash('sha256')
      .update(s.clientSecret ?? '')
      .digest('hex')
      .slice(0, 16);
    return `${this.host()}|${effectiveShopifyBaseUrl(this.o.settings) ?? ''}|${s.clientId ?? ''}|${secret}`;
  }

  private async accessToken(): Promise<string> {
    const s = this.o.secrets;
    if (s.accessToken) return s.accessToken;
    const key = this.tokenKey();
    const cached = clientTokens.get(key);
    if (cached && cached.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.o.clock.now()) return cached.token;
    let res: Response;
    try {
      res = await this.fetcher()(`https://${this.host()}/admin/oauth/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          client_id: s.clientId,
          client_secret: s.clientSecret,
          grant_type: 'client_credentials',
        }),
      });
    } catch (error) {
      throw networkError('getting an access token', error);
    }
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || !body.access_token) {
      if (res.status === 400 || res.status === 401 || body.error === 'invalid_client') {
        throw new ChannelError(
          'auth',
          body.error ?? `http_${res.status}`,
          'Shopify refused the app’s client id and secret: copy them again from the app’s settings in the Shopify Dev Dashboard.',
        );
      }
      throw classifyHttpFailure(
        res.status,
        `Shopify could not issue an access token (HTTP ${res.status}).`,
        res.headers.get('Retry-After'),
        this.o.clock.now(),
      );
    }
    const expiresAt = this.o.clock.now() + (body.expires_in ?? 86_399) * 1000;
    clientTokens.set(key, { token: body.access_token, expiresAt });
    return body.access_token;
  }

  private async client(token: string): Promise<AdminApiClient> {
    let client = this.clients.get(token);
    if (!client) {
      // Loaded here, not at the top, to keep the CLI's start-up time down.
      const { createAdminApiClient } = await import('@shopify/admin-api-client');
      client = createAdminApiClient({
        storeDomain: this.host(),
        apiVersion: this.o.settings.apiVersion,
        accessToken: token,
        customFetchApi: this.fetcher(),
        // Retries are the jobs table's business (with backoff that survives a restart), not the client's.
        retries: 0,
        // The client warns on the console about versions it does not know yet; the version is pinned on purpose.
        logger: () => undefined,
      });
      this.clients.clear();
      this.clients.set(token, client);
    }
    return client;
  }

  /** One GraphQL call; every failure comes back as a ChannelError of the right kind. */
  private async gql<T>(action: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const token = await this.accessToken();
    const client = await this.client(token);
    const res = await client.request<T>(query, variables ? { variables } : {});
    if (!res.errors) {
      if (res.data === undefined || res.data === null) {
        throw new ChannelError('retryable', 'no_data', `Shopify answered without data while ${action}.`);
      }
      return res.data;
    }
    const error = this.mapErrors(action, res.errors, res.extensions?.cost);
    if (error.kind === 'auth' && !this.o.secrets.accessToken) {
      // A client-credentials token can be revoked before it lapses: get a fresh one next time.
      clientTokens.delete(this.tokenKey());
    }
    throw error;
  }

  private mapErrors(
    action: string,
    errors: NonNullable<Awaited<ReturnType<AdminApiClient['request']>>['errors']>,
    cost: ThrottleCost | undefined,
  ): ChannelError {
    const status = errors.networkStatusCode;
    const graphQLErrors = errors.graphQLErrors ?? [];
    const now = this.o.clock.now();
    if (status === undefined && graphQLErrors.length === 0) {
      const message = errors.message ?? 'no answer';
      const timeout = /timed out|timeout|abort/i.test(message);
      return new ChannelError(
        'retryable',
        timeout ? 'timeout' : (/\b(E[A-Z_]+)\b/.exec(message)?.[1] ?? 'network'),
        `Shopify did not answer while ${action}: ${message.replace(/^GraphQL Client: /, '')}`,
      );
    }
    if (status !== undefined && status !== 200) {
      const retryAfter = errors.response?.headers.get('Retry-After') ?? null;
      if (status === 401) {
        return new ChannelError(
          'auth',
          'http_401',
          'Shopify refused Rebound’s access token: enter the shop’s Admin API access token again in Settings.',
        );
      }
      if (status === 404) {
        return new ChannelError(
          'user',
          'wrong_url',
          `No Shopify shop answers at ${this.host()}: check the shop address in Settings.`,
        );
      }
      if (status === 402 || status === 423) {
        return new ChannelError(
          'user',
          `http_${status}`,
          `Shopify says the shop is ${status === 402 ? 'frozen (an unpaid bill)' : 'locked'}: the merchant must resolve it in Shopify first.`,
        );
      }
      return classifyHttpFailure(status, `Shopify answered HTTP ${status} while ${action}.`, retryAfter, now);
    }
    const codes = graphQLErrors.map((e) =>
      String((e.extensions as { code?: unknown } | undefined)?.code ?? ''),
    );
    const words = graphQLErrors.map((e) => e.message).join(' ');
    if (codes.includes('THROTTLED')) {
      return new ChannelError(
        'retryable',
        'THROTTLED',
        `Shopify’s rate limit was reached while ${action}; continuing shortly.`,
        {
          retryAfterMs: throttleWaitMs(cost),
        },
      );
    }
    if (codes.includes('ACCESS_DENIED')) {
      return new ChannelError(
        'auth',
        'ACCESS_DENIED',
        `Shopify refused ${action}: ${words} Give the shop’s app that permission, then reconnect.`,
      );
    }
    if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('SERVICE_UNAVAILABLE')) {
      return new ChannelError(
        'retryable',
        codes.find((c) => c !== '') ?? 'shopify_error',
        `Shopify failed while ${action}: ${words}`,
      );
    }
    return new ChannelError(
      'user',
      codes.find((c) => c !== '') ?? 'graphql',
      `Shopify refused ${action}: ${words}`,
    );
  }

  private userErrors(action: string, errors: readonly UserError[] | null | undefined): void {
    if (!errors || errors.length === 0) return;
    const first = errors[0]!;
    throw new ChannelError(
      'user',
      first.code ?? 'user_error',
      `Shopify refused ${action}: ${errors.map((e) => e.message).join(' ')}`,
    );
  }

  // ---- lookups ----

  private async productByHandle(sku: string): Promise<ProductNode | null> {
    const data = await this.gql<{ shop: { currencyCode: string }; productByIdentifier: ProductNode | null }>(
      'looking up the product',
      PRODUCT_BY_HANDLE,
      { handle: handleFor(sku) },
    );
    this.currency = data.shop.currencyCode;
    const product = data.productByIdentifier;
    if (product && !product.variants.nodes.some((v) => v.sku === sku)) {
      const other = product.variants.nodes[0]?.sku ?? '(none)';
      throw new ChannelError(
        'user',
        'handle_taken',
        `The Shopify product at /products/${product.handle} belongs to SKU ${other}, not ${sku}: rename one of the item references.`,
      );
    }
    return product;
  }

  /** By handle first (immediate); then by SKU (search, which lags a little) for a product whose handle the merchant changed. */
  private async findProduct(sku: string): Promise<ProductNode | null> {
    const byHandle = await this.productByHandle(sku);
    if (byHandle) return byHandle;
    const data = await this.gql<{ shop: { currencyCode: string }; products: { nodes: ProductNode[] } }>(
      'looking up the product by SKU',
      PRODUCTS_BY_SKU,
      { query: `sku:${searchValue(sku)}` },
    );
    this.currency = data.shop.currencyCode;
    return data.products.nodes.find((p) => p.variants.nodes.some((v) => v.sku === sku)) ?? null;
  }

  private async productById(id: string): Promise<ProductNode | null> {
    const data = await this.gql<{ shop: { currencyCode: string }; product: ProductNode | null }>(
      'reading the product',
      PRODUCT_BY_ID,
      { id },
    );
    this.currency = data.shop.currencyCode;
    return data.product;
  }

  private async productFor(ref: RemoteRef): Promise<ProductNode | null> {
    if (ref.listingId) {
      const product = await this.productById(ref.listingId);
      if (product) return product;
    }
    return this.findProduct(ref.sku);
  }

  private async locationId(): Promise<string> {
    if (this.location) return this.location;
    const data = await this.gql<{ location: { id: string } | null }>(
      'finding the shop’s location',
      PRIMARY_LOCATION,
    );
    if (!data.location) {
      throw new ChannelError(
        'user',
        'no_location',
        'The Shopify shop has no location to stock items at: add one in Shopify.',
      );
    }
    this.location = data.location.id;
    return this.location;
  }

  private toRemote(product: ProductNode, sku: string): RemoteListing {
    const variant = product.variants.nodes.find((v) => v.sku === sku) ?? product.variants.nodes[0];
    const live = product.status === 'ACTIVE' && (variant?.inventoryQuantity ?? 0) > 0;
    return {
      sku,
      offerId: variant?.id ?? null,
      listingId: product.id,
      status: live ? 'live' : 'ended',
      url: product.onlineStoreUrl ?? `https://${this.host()}/products/${product.handle}`,
      priceCents: centsOf(variant?.price),
      currency: this.currency ?? '',
    };
  }

  // ---- ChannelAdapter ----

  async findBySku(sku: string): Promise<RemoteListing | null> {
    const product = await this.findProduct(sku);
    return product ? this.toRemote(product, sku) : null;
  }

  async upsert(input: ListingInput): Promise<RemoteListing> {
    const existing = await this.findProduct(input.sku);
    if (this.currency !== null && this.currency !== input.currency) {
      throw new ChannelError(
        'user',
        'currency',
        `The Shopify shop sells in ${this.currency}, the merchant prices in ${input.currency}: change the shop’s currency or the merchant’s.`,
      );
    }
    const locationId = await this.locationId();
    const variant = existing?.variants.nodes.find((v) => v.sku === input.sku) ?? existing?.variants.nodes[0];
    const photos = input.photos ?? [];
    const media = existing?.media.nodes ?? [];
    // A retry or a re-publish keeps the photos Shopify already holds (same count, alt text and
    // size, none failed) instead of uploading them again; a changed photo sends them all anew.
    const sizes = await Promise.all(
      photos.map((p) =>
        fs.promises.stat(p.file).then(
          (st) => st.size,
          () => -1,
        ),
      ),
    );
    const keepMedia =
      existing !== null &&
      media.length === photos.length &&
      media.every(
        (m, i) =>
          m.status !== 'FAILED' &&
          m.alt === photos[i]!.alt &&
          (m.originalSource?.fileSize ?? sizes[i]) === sizes[i],
      );
    const files = keepMedia ? null : await this.stagePhotos(input.sku, photos);
    const data = await this.gql<{ productSet: { product: ProductNode | null; userErrors: UserError[] } }>(
      'saving the product',
      PRODUCT_SET,
      {
        identifier: existing ? { id: existing.id } : { handle: handleFor(input.sku) },
        input: {
          title: input.title,
          descriptionHtml: input.descriptionHtml,
          status: 'ACTIVE',
          productOptions: [{ name: DEFAULT_OPTION.name, values: [{ name: DEFAULT_OPTION.value }] }],
          variants: [
            {
              ...(variant ? { id: variant.id } : {}),
              optionValues: [{ optionName: DEFAULT_OPTION.name, name: DEFAULT_OPTION.value }],
              sku: input.sku,
              price: shopifyMoney(input.priceCents),
              // Shown struck through next to the price; only meaningful above it.
              compareAtPrice:
                input.originalCents > input.priceCents ? shopifyMoney(input.originalCents) : null,
              inventoryPolicy: 'DENY',
              inventoryItem: { tracked: true },
              inventoryQuantities: [{ locationId, name: 'available', quantity: input.quantity }],
            },
          ],
          ...(files ? { files } : {}),
        },
      },
    );
    this.userErrors('saving the product', data.productSet.userErrors);
    const product = data.productSet.product;
    if (!product)
      throw new ChannelError(
        'retryable',
        'no_product',
        'Shopify saved the product without returning it; checking again.',
      );
    this.currency ??= input.currency;
    return this.toRemote(product, input.sku);
  }

  /** Staged uploads: ask Shopify where to put each photo, POST it there, hand back its resourceUrl. */
  private async stagePhotos(
    sku: string,
    photos: readonly ListingPhoto[],
  ): Promise<{ originalSource: string; contentType: 'IMAGE'; alt: string }[]> {
    if (photos.length === 0) return [];
    const files = await Promise.all(
      photos.map(async (photo, i) => {
        try {
          return {
            photo,
            bytes: await fs.promises.readFile(photo.file),
            filename: `${handleFor(sku)}-${i + 1}.jpg`,
          };
        } catch {
          throw new ChannelError(
            'user',
            'photo_missing',
            `The photo ${photo.file} of ${sku} cannot be read: take it again.`,
          );
        }
      }),
    );
    const data = await this.gql<{
      stagedUploadsCreate: {
        stagedTargets:
          { url: string; resourceUrl: string; parameters: { name: string; value: string }[] }[] | null;
        userErrors: UserError[];
      };
    }>('preparing the photo upload', STAGED_UPLOADS, {
      input: files.map((f) => ({
        filename: f.filename,
        mimeType: 'image/jpeg',
        resource: 'IMAGE',
        httpMethod: 'POST',
        fileSize: String(f.bytes.length),
      })),
    });
    this.userErrors('preparing the photo upload', data.stagedUploadsCreate.userErrors);
    const targets = data.stagedUploadsCreate.stagedTargets ?? [];
    if (targets.length !== files.length) {
      throw new ChannelError(
        'retryable',
        'staged_targets',
        'Shopify returned fewer upload targets than photos; trying again.',
      );
    }
    const out: { originalSource: string; contentType: 'IMAGE'; alt: string }[] = [];
    for (const [i, target] of targets.entries()) {
      const file = files[i]!;
      const form = new FormData();
      for (const p of target.parameters) form.append(p.name, p.value);
      // The file goes last: the storage service ignores form fields after it.
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'image/jpeg' }), file.filename);
      let res: Response;
      try {
        res = await fetch(target.url, {
          method: 'POST',
          body: form,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        throw networkError('uploading a photo', error);
      }
      if (!res.ok) {
        const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
        throw classifyHttpFailure(
          res.status,
          `Shopify’s photo storage refused ${file.filename} (HTTP ${res.status}): ${text}`,
          res.headers.get('Retry-After'),
          this.o.clock.now(),
        );
      }
      out.push({ originalSource: target.resourceUrl, contentType: 'IMAGE', alt: file.photo.alt });
    }
    return out;
  }

  async updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    const product = await this.productFor(ref);
    const variant = product?.variants.nodes.find((v) => v.sku === ref.sku) ?? product?.variants.nodes[0];
    if (!product || !variant) {
      throw new ChannelError(
        'user',
        'not_found',
        `Shopify has no product for ${ref.sku}: publish the item again.`,
      );
    }
    const data = await this.gql<{
      productVariantsBulkUpdate: { product: ProductNode | null; userErrors: UserError[] };
    }>('changing the price', VARIANT_PRICE, {
      productId: product.id,
      variants: [{ id: variant.id, price: shopifyMoney(priceCents) }],
    });
    this.userErrors('changing the price', data.productVariantsBulkUpdate.userErrors);
    const updated = data.productVariantsBulkUpdate.product ?? product;
    return { ...this.toRemote(updated, ref.sku), priceCents };
  }

  /**
   * Stock to 0 (compare-and-swap on the quantity just read, re-read if someone changed it
   * meanwhile), then the product to DRAFT so it leaves the shop. Each step is skipped when already
   * done, so ending twice, or ending what never existed, succeeds.
   */
  async end(ref: RemoteRef, reason: EndReason): Promise<void> {
    const product = await this.productFor(ref);
    if (!product) return;
    const locationId = await this.locationId();
    for (let attempt = 0; ; attempt += 1) {
      const data = await this.gql<{
        product: {
          id: string;
          status: string;
          variants: {
            nodes: {
              id: string;
              sku: string | null;
              inventoryItem: {
                id: string;
                inventoryLevel: { quantities: { name: string; quantity: number }[] } | null;
              };
            }[];
          };
        } | null;
      }>('reading the stock', STOCK, { id: product.id, locationId });
      const variant =
        data.product?.variants.nodes.find((v) => v.sku === ref.sku) ?? data.product?.variants.nodes[0];
      const level = variant?.inventoryItem.inventoryLevel ?? null;
      const available = level?.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
      if (!variant || level === null || available === 0) break;
      const result = await this.gql<{ inventorySetQuantities: { userErrors: UserError[] } }>(
        'setting the stock to 0',
        SET_QUANTITIES,
        {
          input: {
            name: 'available',
            reason: 'correction',
            referenceDocumentUri: `rebound://listing/${encodeURIComponent(ref.sku)}/end/${reason}`,
            quantities: [
              {
                inventoryItemId: variant.inventoryItem.id,
                locationId,
                quantity: 0,
                changeFromQuantity: available,
              },
            ],
          },
        },
      );
      const errors = result.inventorySetQuantities.userErrors;
      const stale = errors.some(
        (e) => e.code === 'CHANGE_FROM_QUANTITY_STALE' || e.code === 'COMPARE_QUANTITY_STALE',
      );
      if (stale && attempt < 2) continue;
      if (stale) {
        throw new ChannelError(
          'retryable',
          'CHANGE_FROM_QUANTITY_STALE',
          'The stock on Shopify keeps changing; trying again shortly.',
        );
      }
      this.userErrors('setting the stock to 0', errors);
      break;
    }
    if (product.status === 'DRAFT' || product.status === 'ARCHIVED') return;
    const hidden = await this.gql<{ productUpdate: { userErrors: UserError[] } }>(
      'hiding the product',
      PRODUCT_STATUS,
      {
        product: { id: product.id, status: 'DRAFT' },
      },
    );
    this.userErrors('hiding the product', hidden.productUpdate.userErrors);
  }

  async state(ref: RemoteRef): Promise<RemoteListing | null> {
    const product = await this.productFor(ref);
    return product ? this.toRemote(product, ref.sku) : null;
  }

  async salesSince(cursor: string | null): Promise<SalesPage> {
    let fromMs: number;
    if (cursor === null) {
      fromMs = this.o.clock.now() - FIRST_SYNC_MS;
    } else {
      const at = Date.parse(cursor);
      if (Number.isNaN(at))
        throw new ChannelError('user', 'bad_cursor', `Unreadable Shopify sales cursor “${cursor}”.`);
      fromMs = at - SALES_OVERLAP_MS;
    }
    const query = `updated_at:>'${new Date(fromMs).toISOString()}'`;
    const sales: RemoteSale[] = [];
    let latest = cursor ?? new Date(fromMs).toISOString();
    let after: string | null = null;
    for (;;) {
      let data: {
        orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OrderNode[] };
      };
      try {
        data = await this.gql('reading orders', ORDERS, { first: ORDERS_PAGE, after, query });
      } catch (error) {
        // A long backlog outlasts the cost bucket: hand back the pages read so far (the cursor
        // stops at the last order seen, sorted by update time) and the next poll continues.
        if (sales.length > 0 && error instanceof ChannelError && error.kind === 'retryable') break;
        throw error;
      }
      for (const order of data.orders.nodes) {
        if (Date.parse(order.updatedAt) > Date.parse(latest))
          latest = new Date(Date.parse(order.updatedAt)).toISOString();
        const lines = [...order.lineItems.nodes];
        let page = order.lineItems.pageInfo;
        while (page.hasNextPage) {
          const more: { order: { lineItems: OrderNode['lineItems'] } | null } = await this.gql(
            'reading order lines',
            MORE_LINES,
            { id: order.id, after: page.endCursor },
          );
          if (!more.order) break;
          lines.push(...more.order.lineItems.nodes);
          page = more.order.lineItems.pageInfo;
        }
        sales.push(...salesOf(order, lines));
      }
      if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) break;
      after = data.orders.pageInfo.endCursor;
    }
    return { sales, cursor: latest };
  }

  // ---- test connection ----

  async testConnection(): Promise<ShopConnectionCheck> {
    const parsed = shopHost(this.o.settings.shopDomain);
    if ('problem' in parsed) {
      return {
        ok: false,
        shopName: null,
        problems: [
          { code: parsed.problem, message: domainMessage(parsed.problem, this.o.settings.shopDomain) },
        ],
      };
    }
    let data: {
      shop: { name: string; currencyCode: string };
      currentAppInstallation: { accessScopes: { handle: string }[] };
    };
    try {
      data = await this.gql('checking the connection', CONNECTION);
    } catch (error) {
      return { ok: false, shopName: null, problems: [connectionProblem(error, parsed.host)] };
    }
    const granted = data.currentAppInstallation.accessScopes.map((s) => s.handle);
    const missing = SHOPIFY_REQUIRED_SCOPES.filter((scope) => !granted.includes(scope));
    const problems: ShopConnectionProblem[] = missing.length
      ? [
          {
            code: 'missing_permission',
            message: `The shop’s app lacks the permission${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: add ${missing.length > 1 ? 'them' : 'it'} to the app’s Admin API scopes in Shopify, install the new version, and enter the new token.`,
          },
        ]
      : [];
    return { ok: problems.length === 0, shopName: data.shop.name, problems };
  }
}

function networkError(action: string, error: unknown): ChannelError {
  const message = error instanceof Error ? error.message : String(error);
  const timeout = /timed out|timeout|abort/i.test(message);
  return new ChannelError(
    'retryable',
    timeout ? 'timeout' : 'network',
    `Shopify did not answer while ${action}: ${message}`,
    {
      cause: error,
    },
  );
}

function domainMessage(problem: 'insecure_url' | 'wrong_url', typed: string): string {
  return problem === 'insecure_url'
    ? `The shop address “${typed}” starts with http://: Shopify only answers over HTTPS. Use https://, or just the address, like my-shop.myshopify.com.`
    : `“${typed}” is not a Shopify shop address: use the shop’s my-shop.myshopify.com address (Shopify admin › Settings › Domains), not its own domain.`;
}

function connectionProblem(error: unknown, host: string): ShopConnectionProblem {
  const e = error instanceof ChannelError ? error : null;
  if (e?.code === 'http_401') {
    return {
      code: 'bad_token',
      message:
        'Shopify refused the access token: copy the Admin API access token (it starts with shpat_) of the shop’s app again.',
    };
  }
  if (e?.kind === 'auth' && e.code === 'invalid_client') {
    return { code: 'bad_token', message: e.message };
  }
  if (e?.code === 'ACCESS_DENIED') {
    return { code: 'missing_permission', message: e.message };
  }
  if (e?.code === 'wrong_url' || e?.code === 'ENOTFOUND') {
    return {
      code: 'wrong_url',
      message: `No Shopify shop answers at ${host}: check the shop address (Shopify admin › Settings › Domains shows the myshopify.com one).`,
    };
  }
  return {
    code: 'unreachable',
    message: `Shopify could not be reached (${e?.message ?? String(error)}): check the internet connection and try again.`,
  };
}

/** One order → its sale lines, and reversals: a cancelled order reverses every line, a refund the lines it refunds. */
function salesOf(order: OrderNode, lines: readonly LineNode[]): RemoteSale[] {
  const out: RemoteSale[] = [];
  const shippingCents = centsOf(order.totalShippingPriceSet.shopMoney.amount);
  const country = order.shippingAddress?.countryCodeV2 ?? null;
  lines.forEach((line, i) => {
    const unit = line.discountedUnitPriceAfterAllDiscountsSet.shopMoney;
    const base = {
      orderId: order.id,
      lineId: line.id,
      sku: line.sku,
      remoteListingId: line.product?.id ?? null,
      priceCents: centsOf(unit.amount) * line.quantity,
      // The order's shipping, carried once, by its first line.
      shippingCents: i === 0 ? shippingCents : 0,
      currency: unit.currencyCode ?? order.currencyCode,
      buyerCountry: country,
    };
    out.push({ ...base, soldAt: order.createdAt, kind: 'sale' });
    if (order.cancelledAt) {
      out.push({ ...base, soldAt: order.cancelledAt, kind: 'cancellation' });
      return;
    }
    const refunded = order.refunds.flatMap((r) =>
      r.refundLineItems.nodes.filter((l) => l.lineItem.id === line.id).map((l) => ({ refund: r, line: l })),
    );
    if (refunded.length > 0) {
      const cents = refunded.reduce((sum, r) => sum + centsOf(r.line.subtotalSet.shopMoney.amount), 0);
      const at = refunded[refunded.length - 1]!.refund.createdAt ?? order.updatedAt;
      out.push({ ...base, priceCents: cents, shippingCents: 0, soldAt: at, kind: 'refund' });
    }
  });
  return out;
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
