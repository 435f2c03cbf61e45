import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../jobs/clock';
import {
  ChannelError,
  classifyHttpFailure,
  type ChannelAdapter,
  type EndReason,
  type ListingInput,
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
  insecureUrlReason,
  parseVendureSecrets,
  parseVendureSettings,
  type VendureSecrets,
  type VendureSettings,
} from './config';

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
 */

/** Read this much before the cursor: coarse timestamps, and orders committed after they were stamped. */
export const SALES_OVERLAP_MS = 5 * 60_000;
/** Without a cursor, the first sync looks this far back. */
const FIRST_SYNC_MS = 30 * 24 * 3_600_000;
/** Refunds of orders placed this long ago are still picked up (they do not change the order). */
const REFUND_SWEEP_MS = 60 * 24 * 3_600_000;
const ORDERS_PAGE = 100;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Order states in which the buyer has paid (or the payment is authorised): a sale. */
const SOLD_STATES = new Set([
  'PaymentAuthorized',
  'PaymentSettled',
  'PartiallyShipped',
  'Shipped',
  'PartiallyDelivered',
  'Delivered',
]);
/** Vendure's error codes that mean "not now" rather than "not like this". */
const RETRYABLE_CODES = new Set(['INTERNAL_SERVER_ERROR']);
/** Vendure's permission names: the broad one or, since v2, the granular one. */
const NEEDED_PERMISSIONS: readonly (readonly [string, readonly string[]])[] = [
  ['read products', ['ReadCatalog', 'ReadProduct']],
  ['create products', ['CreateCatalog', 'CreateProduct']],
  ['update products', ['UpdateCatalog', 'UpdateProduct']],
  ['upload assets', ['CreateCatalog', 'CreateAsset']],
  ['read orders', ['ReadOrder']],
];

/**
 * The product slug Rebound gives an item: the SKU as Vendure would normalise it (lower case,
 * `-` for anything else), so `RB-000123` is `rb-000123`. When that loses more than case, a short
 * hash of the exact SKU keeps two SKUs from sharing a slug.
 */
export function reboundSlug(sku: string): string {
  const plain = sku
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain !== '' && plain === sku.toLowerCase()) return plain;
  const hash = crypto.createHash('sha256').update(sku).digest('hex').slice(0, 8);
  return plain === '' ? `item-${hash}` : `${plain}-${hash}`;
}

/** The asset tag that names a photo's bytes, so the same photo is uploaded once. */
function photoTag(bytes: Buffer): string {
  return `rebound-photo-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

interface GraphQLError {
  readonly message: string;
  readonly extensions?: { readonly code?: string };
}

interface ErrorResultShape {
  readonly __typename: string;
  readonly errorCode?: string;
  readonly message?: string;
}

interface VariantRecord {
  readonly id: string;
  readonly sku: string;
  readonly enabled: boolean;
  readonly price: number;
  readonly currencyCode: string;
  readonly prices: readonly { currencyCode: string; price: number }[];
  readonly stockOnHand: number;
  readonly stockAllocated: number;
}

interface ProductRecord {
  readonly id: string;
  readonly slug: string;
  readonly enabled: boolean;
  readonly featuredAsset: { id: string } | null;
  readonly assets: readonly { id: string }[];
  readonly variants?: readonly VariantRecord[];
}

interface Found {
  readonly product: ProductRecord;
  readonly variant: VariantRecord;
}

interface ChannelRecord {
  readonly id: string;
  readonly code: string;
  readonly token: string;
  readonly defaultCurrencyCode: string;
  readonly availableCurrencyCodes: readonly string[];
}

interface OrderLineRecord {
  readonly id: string;
  readonly quantity: number;
  readonly orderPlacedQuantity: number;
  readonly proratedUnitPriceWithTax: number;
  readonly productVariant: { id: string; sku: string; productId: string } | null;
}

interface OrderRecord {
  readonly id: string;
  readonly code: string;
  readonly state: string;
  readonly updatedAt: string;
  readonly orderPlacedAt: string | null;
  readonly currencyCode: string;
  readonly shippingWithTax: number;
  readonly shippingAddress: { countryCode: string | null } | null;
  readonly lines: readonly OrderLineRecord[];
  readonly payments:
    | readonly {
        refunds: readonly {
          id: string;
          state: string;
          total: number;
          createdAt: string;
          lines: readonly { orderLineId: string; quantity: number }[];
        }[];
      }[]
    | null;
}

const VARIANT_FIELDS = `id sku enabled price currencyCode prices { currencyCode price } stockOnHand stockAllocated`;
const PRODUCT_FIELDS = `id slug enabled featuredAsset { id } assets { id }`;

/** What one request needs beyond the query: a multipart upload of files. */
interface Upload {
  /** `variables` path → the file's bytes and name. */
  readonly files: readonly { path: string; bytes: Buffer; name: string }[];
}

/**
 * One Admin API session: logs in with the stored username and password (the answer's
 * `vendure-auth-token` header is the bearer token, kept in memory only), logs in again once when
 * Vendure no longer accepts the token, and turns every failure into a ChannelError.
 */
export class VendureSession {
  private token: string | null = null;

  constructor(
    private readonly settings: VendureSettings,
    private readonly secrets: VendureSecrets,
    private readonly clock: Clock,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** Runs a named operation; `action` says what Rebound was doing, for the merchant. */
  async call<T>(
    action: string,
    query: string,
    variables: Record<string, unknown> = {},
    upload?: Upload,
  ): Promise<T> {
    const hadToken = this.token !== null;
    if (!hadToken) await this.login();
    try {
      return await this.request<T>(action, query, variables, upload);
    } catch (error) {
      // An expired or revoked session answers FORBIDDEN: log in again, once.
      if (!(error instanceof ChannelError && error.code === 'FORBIDDEN') || !hadToken) throw error;
      await this.login();
      return this.request<T>(action, query, variables, upload);
    }
  }

  /** `login(username, password)`; throws an `auth` ChannelError on refused credentials. */
  async login(): Promise<{ identifier: string }> {
    this.token = null;
    const { data, headers } = await this.send<{ login: ErrorResultShape & { identifier?: string } }>(
      'signing in',
      {
        query: `mutation ReboundLogin($username: String!, $password: String!) {
          login(username: $username, password: $password) {
            __typename
            ... on CurrentUser { identifier }
            ... on ErrorResult { errorCode message }
          }
        }`,
        variables: { username: this.secrets.username, password: this.secrets.password },
      },
      false,
    );
    const result = data.login;
    if (result.__typename !== 'CurrentUser') {
      throw new ChannelError(
        'auth',
        result.errorCode ?? 'bad_credentials',
        `Vendure refused the username or password (${result.message ?? result.__typename}): check them in Settings.`,
      );
    }
    const token = headers.get('vendure-auth-token');
    if (!token) {
      throw new ChannelError(
        'user',
        'no_bearer_token',
        'Vendure signed in without a vendure-auth-token header: set authOptions.tokenMethod to include "bearer" in the shop’s configuration.',
      );
    }
    this.token = token;
    return { identifier: result.identifier ?? this.secrets.username };
  }

  /**
   * Asks, without signing in, for something only the Admin API has. An Admin API answers (or
   * says FORBIDDEN); the Shop API and anything else fail, so the merchant hears "wrong address"
   * rather than "wrong password".
   */
  async probe(): Promise<void> {
    try {
      await this.send(
        'checking the address',
        { query: `query ReboundProbe { activeAdministrator { id } }`, variables: {} },
        false,
      );
    } catch (error) {
      if (error instanceof ChannelError && ['FORBIDDEN', 'wrong_channel'].includes(error.code)) return;
      if (error instanceof ChannelError && error.kind === 'user') {
        throw new ChannelError('user', 'not_vendure', error.message, { cause: error });
      }
      throw error;
    }
  }

  private async request<T>(
    action: string,
    query: string,
    variables: Record<string, unknown>,
    upload: Upload | undefined,
  ): Promise<T> {
    const { data } = await this.send<T>(action, { query, variables }, true, upload);
    return data;
  }

  private async send<T>(
    action: string,
    body: { query: string; variables: Record<string, unknown> },
    authorised: boolean,
    upload?: Upload,
  ): Promise<{ data: T; headers: Headers }> {
    const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1];
    // Named operations show up by name in Vendure's logs and APM: an anonymous one is a bug here.
    if (!operationName) throw new Error(`Unnamed GraphQL operation: ${body.query.slice(0, 60)}`);
    const headers: Record<string, string> = {};
    if (authorised && this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.settings.channelToken) headers['vendure-token'] = this.settings.channelToken;
    let payload: string | FormData;
    if (upload) {
      // GraphQL multipart request spec: `operations`, then `map`, then the files in map order.
      const form = new FormData();
      form.append('operations', JSON.stringify({ operationName, ...body }));
      form.append(
        'map',
        JSON.stringify(Object.fromEntries(upload.files.map((f, i) => [String(i), [f.path]]))),
      );
      upload.files.forEach((f, i) => {
        form.append(String(i), new Blob([new Uint8Array(f.bytes)], { type: 'image/jpeg' }), f.name);
      });
      payload = form;
      // Apollo Server's CSRF prevention refuses a multipart request without a non-simple header.
      headers['apollo-require-preflight'] = 'true';
    } else {
      payload = JSON.stringify({ operationName, ...body });
      headers['content-type'] = 'application/json';
    }

    let response: Response;
    let text: string;
    try {
      response = await fetch(this.settings.adminApiUrl, {
        method: 'POST',
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
        // A redirect could carry the password elsewhere: the merchant must give the final address.
        redirect: 'error',
      });
      // The timeout covers the body too: a stalled answer is a timeout, not a strange answer.
      text = await response.text();
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const detail =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new ChannelError(
        'retryable',
        timedOut ? 'timeout' : 'network',
        timedOut
          ? `Vendure did not answer within ${Math.round(this.timeoutMs / 1000)} s while ${action}.`
          : `Vendure could not be reached while ${action}: ${detail}`,
        { cause: error },
      );
    }

    type Answer = { data?: T | null; errors?: readonly GraphQLError[] };
    let json: Answer | null;
    try {
      json = JSON.parse(text) as Answer;
    } catch {
      json = null;
    }
    if (json?.errors?.length) throw this.graphQLFailure(json.errors, action, response);
    if (!response.ok) {
      const failure = classifyHttpFailure(
        response.status,
        `Vendure answered HTTP ${response.status} while ${action}.`,
        response.headers.get('retry-after'),
        this.clock.now(),
      );
      throw new ChannelError(failure.kind, failure.code, failure.message, {
        retryAfterMs: failure.retryAfterMs,
      });
    }
    if (json === null || json.data === undefined || json.data === null) {
      throw new ChannelError(
        'user',
        'not_vendure',
        `${this.settings.adminApiUrl} does not answer like a Vendure Admin API (while ${action}): check the address, it usually ends in /admin-api.`,
      );
    }
    return { data: json.data, headers: response.headers };
  }

  private graphQLFailure(errors: readonly GraphQLError[], action: string, response: Response): ChannelError {
    const first = errors[0]!;
    const code = first.extensions?.code ?? `http_${response.status}`;
    const words = errors.map((e) => e.message).join(' ');
    if (code === 'CHANNEL_NOT_FOUND') {
      return new ChannelError(
        'user',
        'wrong_channel',
        `Vendure knows no channel with the token “${this.settings.channelToken ?? ''}”: copy the token from the channel’s page in Vendure, or leave it empty for the default channel.`,
      );
    }
    if (code === 'FORBIDDEN') {
      return new ChannelError(
        'auth',
        'FORBIDDEN',
        `Vendure did not allow ${action} (${words}): check the administrator’s username, password and role permissions.`,
      );
    }
    if (RETRYABLE_CODES.has(code) || response.status >= 500) {
      return new ChannelError('retryable', code, `Vendure failed while ${action}: ${words}`);
    }
    return new ChannelError('user', code, `Vendure refused ${action}: ${words}`);
  }
}

/** An ErrorResult member of a union (`… on ErrorResult { errorCode message }`) → a `user` error. */
function unwrap<T extends { __typename: string }>(
  result: T | ErrorResultShape,
  expected: string,
  action: string,
): T {
  if (result.__typename === expected) return result as T;
  const error = result as ErrorResultShape;
  throw new ChannelError(
    'user',
    error.errorCode ?? result.__typename,
    `Vendure refused ${action}: ${error.message ?? result.__typename}`,
  );
}

export interface VendureChannelOptions {
  readonly settings: VendureSettings;
  readonly secrets: VendureSecrets;
  readonly clock: Clock;
  readonly timeoutMs?: number;
}

export class VendureChannel implements ChannelAdapter {
  readonly channel = 'vendure' as const;
  readonly session: VendureSession;
  private channelInfo: ChannelRecord | null = null;

  constructor(private readonly o: VendureChannelOptions) {
    this.session = new VendureSession(o.settings, o.secrets, o.clock, o.timeoutMs);
  }

  private get language(): string {
    return this.o.settings.languageCode;
  }

  private async activeChannel(): Promise<ChannelRecord> {
    if (!this.channelInfo) {
      const data = await this.session.call<{ activeChannel: ChannelRecord }>(
        'reading the shop’s channel',
        `query ReboundActiveChannel { activeChannel { id code token defaultCurrencyCode availableCurrencyCodes } }`,
      );
      const token = this.o.settings.channelToken;
      // Vendure answers CHANNEL_NOT_FOUND for an unknown token; this guards against a shop (or a
      // proxy) that would serve another channel instead: never publish into the wrong one.
      if (token && data.activeChannel.token !== token) {
        throw new ChannelError(
          'user',
          'wrong_channel',
          `Vendure knows no channel with the token “${token}”: correct the channel token in the Vendure settings.`,
        );
      }
      this.channelInfo = data.activeChannel;
    }
    return this.channelInfo;
  }

  /** The currency Rebound prices in on this shop, and whether it is the channel's default. */
  private async currency(): Promise<{ code: string; isDefault: boolean }> {
    const channel = await this.activeChannel();
    const code = this.o.settings.currencyCode ?? channel.defaultCurrencyCode;
    if (code !== channel.defaultCurrencyCode && !channel.availableCurrencyCodes.includes(code)) {
      throw new ChannelError(
        'user',
        'currency',
        `The Vendure channel “${channel.code}” does not sell in ${code}: add the currency to the channel or change the Vendure settings.`,
      );
    }
    return { code, isDefault: code === channel.defaultCurrencyCode };
  }

  private async priceInput(priceCents: number): Promise<Record<string, unknown>> {
    if (!Number.isSafeInteger(priceCents) || priceCents < 0) {
      throw new ChannelError('user', 'bad_price', `Not an amount in minor units: ${priceCents}.`);
    }
    const currency = await this.currency();
    return currency.isDefault
      ? { price: priceCents }
      : { prices: [{ currencyCode: currency.code, price: priceCents }] };
  }

  private url(slug: string): string | null {
    const template = this.o.settings.storefrontProductUrl;
    return template ? template.replace('{slug}', encodeURIComponent(slug)) : null;
  }

  private toRemote(found: Found, currency: string): RemoteListing {
    const { product, variant } = found;
    const available = variant.stockOnHand - variant.stockAllocated;
    const status =
      !product.enabled || !variant.enabled
        ? 'ended'
        : available > 0
          ? 'live'
          : variant.stockAllocated > 0
            ? 'sold'
            : 'ended';
    const price = variant.prices.find((p) => p.currencyCode === currency);
    return {
      sku: variant.sku,
      offerId: variant.id,
      listingId: product.id,
      status,
      url: this.url(product.slug),
      priceCents: price?.price ?? variant.price,
      currency: price ? currency : variant.currencyCode,
    };
  }

  /** Rebound's product and variant for the SKU: the variant with exactly that SKU under our slug. */
  private async findOurs(sku: string): Promise<Found | null> {
    const slug = reboundSlug(sku);
    const data = await this.session.call<{
      productVariants: { items: (VariantRecord & { product: ProductRecord })[] };
    }>(
      'looking up the SKU',
      `query ReboundFindVariant($sku: String!) {
        productVariants(options: { filter: { sku: { eq: $sku } }, take: 100 }) {
          items { ${VARIANT_FIELDS} product { ${PRODUCT_FIELDS} } }
        }
      }`,
      { sku },
    );
    const hit = data.productVariants.items.find((v) => v.sku === sku && v.product.slug === slug);
    if (!hit) return null;
    const { product, ...variant } = hit;
    return { product, variant };
  }

  /** Looks the ref up by the stored variant id first (one call), by SKU when that is gone. */
  private async findRef(ref: RemoteRef): Promise<Found | null> {
    if (ref.offerId) {
      const data = await this.session.call<{
        productVariant: (VariantRecord & { product: ProductRecord }) | null;
      }>(
        'reading the product',
        `query ReboundGetVariant($id: ID!) {
          productVariant(id: $id) { ${VARIANT_FIELDS} product { ${PRODUCT_FIELDS} } }
        }`,
        { id: ref.offerId },
      );
      const hit = data.productVariant;
      if (hit && hit.sku === ref.sku && hit.product.slug === reboundSlug(ref.sku)) {
        const { product, ...variant } = hit;
        return { product, variant };
      }
    }
    return this.findOurs(ref.sku);
  }

  async findBySku(sku: string): Promise<RemoteListing | null> {
    const found = await this.findOurs(sku);
    return found ? this.toRemote(found, (await this.currency()).code) : null;
  }

  async upsert(input: ListingInput): Promise<RemoteListing> {
    const currency = await this.currency();
    if (input.currency !== currency.code) {
      throw new ChannelError(
        'user',
        'currency',
        `The Vendure shop sells in ${currency.code}, the item is priced in ${input.currency}: set the Vendure currency to match.`,
      );
    }
    const slug = reboundSlug(input.sku);
    let found = await this.findOurs(input.sku);
    let product: ProductRecord | null = found?.product ?? null;
    if (!product) {
      // A product under our slug without our variant: an attempt that stopped after
      // createProduct (adopt it), or someone else's product (refuse rather than mix them).
      product = await this.productBySlug(slug);
      if (product && (product.variants ?? []).some((v) => v.sku !== input.sku)) {
        throw new ChannelError(
          'user',
          'slug_taken',
          `The Vendure product “${slug}” already exists with other SKUs: rename or remove it in Vendure, then publish ${input.sku} again.`,
        );
      }
    }

    const assetIds = await this.uploadPhotos(input);
    const translation = {
      languageCode: this.language,
      name: input.title,
      slug,
      description: input.descriptionHtml,
    };
    const productInput = {
      enabled: true,
      translations: [translation],
      ...(assetIds.length > 0 ? { assetIds, featuredAssetId: assetIds[0] } : {}),
    };
    if (product) {
      const data = await this.session.call<{ updateProduct: ProductRecord }>(
        'updating the product',
        `mutation ReboundUpdateProduct($input: UpdateProductInput!) {
          updateProduct(input: $input) { ${PRODUCT_FIELDS} }
        }`,
        { input: { id: product.id, ...productInput } },
      );
      product = data.updateProduct;
    } else {
      const data = await this.session.call<{ createProduct: ProductRecord }>(
        'creating the product',
        `mutation ReboundCreateProduct($input: CreateProductInput!) {
          createProduct(input: $input) { ${PRODUCT_FIELDS} }
        }`,
        { input: productInput },
      );
      product = data.createProduct;
    }

    const field = this.o.settings.compareAtCustomField;
    const variantInput = {
      enabled: true,
      translations: [{ languageCode: this.language, name: input.title }],
      ...(await this.priceInput(input.priceCents)),
      stockOnHand: input.quantity,
      trackInventory: 'TRUE',
      ...(field ? { customFields: { [field]: input.originalCents } } : {}),
    };
    if (found) {
      await this.session.call(
        'updating the product variant',
        `mutation ReboundUpdateVariant($input: [UpdateProductVariantInput!]!) {
          updateProductVariants(input: $input) { id }
        }`,
        // An open Vendure order already holds the unit: it is sold (the next sales poll says so),
        // so the stock is left alone rather than putting a sold item back on sale.
        {
          input: [
            found.variant.stockAllocated > 0
              ? { id: found.variant.id, ...variantInput, stockOnHand: undefined }
              : { id: found.variant.id, ...variantInput },
          ],
        },
      );
    } else {
      await this.session.call(
        'creating the product variant',
        `mutation ReboundCreateVariant($input: [CreateProductVariantInput!]!) {
          createProductVariants(input: $input) { id }
        }`,
        { input: [{ productId: product.id, sku: input.sku, ...variantInput }] },
      );
    }
    found = await this.findOurs(input.sku);
    if (!found) {
      throw new ChannelError(
        'retryable',
        'not_visible',
        `Vendure saved ${input.sku} but does not show it yet; checking again.`,
      );
    }
    if (found.variant.stockAllocated === 0 && found.variant.stockOnHand < input.quantity) {
      // Stock lives in stock locations; a channel without one keeps none of what was set.
      throw new ChannelError(
        'user',
        'no_stock',
        `Vendure kept no stock for ${input.sku}: give the channel a stock location in Vendure (Settings › Stock locations), then publish again.`,
      );
    }
    return this.toRemote(found, currency.code);
  }

  private async productBySlug(slug: string): Promise<ProductRecord | null> {
    const data = await this.session.call<{ product: ProductRecord | null }>(
      'looking up the product',
      `query ReboundProductBySlug($slug: String!) {
        product(slug: $slug) { ${PRODUCT_FIELDS} variants { id sku } }
      }`,
      { slug },
    );
    return data.product && data.product.slug === slug ? data.product : null;
  }

  /**
   * The asset ids of the listing photos, in order. Each photo is tagged with a hash of its
   * bytes; photos Vendure already holds (an earlier attempt, a re-publish) are not sent again.
   */
  private async uploadPhotos(input: ListingInput): Promise<string[]> {
    const photos = input.photos ?? [];
    if (photos.length === 0) return [];
    const loaded = await Promise.all(
      photos.map(async (photo) => {
        const bytes = await fs.promises.readFile(photo.file).catch((error: unknown) => {
          throw new ChannelError(
            'user',
            'photo_missing',
            `The photo ${photo.file} of ${input.sku} cannot be read.`,
            {
              cause: error,
            },
          );
        });
        return { ...photo, bytes, tag: photoTag(bytes) };
      }),
    );
    const tags = [...new Set(loaded.map((p) => p.tag))];
    const known = await this.session.call<{
      assets: { items: { id: string; tags: { value: string }[] }[] };
    }>(
      'looking up the photos',
      `query ReboundFindAssets($tags: [String!]!, $take: Int!) {
        assets(options: { tags: $tags, tagsOperator: OR, take: $take }) { items { id tags { value } } }
      }`,
      { tags, take: Math.max(tags.length * 4, 10) },
    );
    const byTag = new Map<string, string>();
    for (const asset of known.assets.items) {
      for (const tag of asset.tags)
        if (tags.includes(tag.value) && !byTag.has(tag.value)) byTag.set(tag.value, asset.id);
    }
    const missing = loaded.filter(
      (p, i) => !byTag.has(p.tag) && loaded.findIndex((q) => q.tag === p.tag) === i,
    );
    if (missing.length > 0) {
      const data = await this.session.call<{
        createAssets: ({ __typename: 'Asset'; id: string } | ErrorResultShape)[];
      }>(
        'uploading the photos',
        `mutation ReboundCreateAssets($input: [CreateAssetInput!]!) {
          createAssets(input: $input) {
            __typename
            ... on Asset { id }
            ... on ErrorResult { errorCode message }
          }
        }`,
        {
          input: missing.map((p) => ({
            file: null,
            tags: [p.tag],
            translations: [{ languageCode: this.language, name: p.alt || path.basename(p.file) }],
          })),
        },
        {
          files: missing.map((p, i) => ({
            path: `variables.input.${i}.file`,
            bytes: p.bytes,
            name: `${reboundSlug(input.sku)}-${i + 1}.jpg`,
          })),
        },
      );
      data.createAssets.forEach((result, i) => {
        const asset = unwrap(result as { __typename: 'Asset'; id: string }, 'Asset', 'the photo');
        byTag.set(missing[i]!.tag, asset.id);
      });
    }
    return [...new Set(loaded.map((p) => byTag.get(p.tag)!))];
  }

  async updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    const found = await this.findRef(ref);
    if (!found) {
      throw new ChannelError(
        'user',
        'not_found',
        `Vendure has no product for ${ref.sku}: publish the item again.`,
      );
    }
    await this.session.call(
      'changing the price',
      `mutation ReboundUpdatePrice($input: [UpdateProductVariantInput!]!) {
        updateProductVariants(input: $input) { id }
      }`,
      { input: [{ id: found.variant.id, ...(await this.priceInput(priceCents)) }] },
    );
    const currency = (await this.currency()).code;
    return { ...this.toRemote(found, currency), priceCents, currency };
  }

  /**
   * Hides the product and takes its free stock away. Stock an open Vendure order holds stays,
   * so Vendure's own fulfilment still balances (it subtracts what it allocated when it ships).
   */
  async end(ref: RemoteRef, _reason: EndReason): Promise<void> {
    const found = await this.findRef(ref);
    if (!found) return;
    const { product, variant } = found;
    const stock = Math.max(0, variant.stockAllocated);
    if (variant.stockOnHand !== stock) {
      await this.session.call(
        'taking the stock away',
        `mutation ReboundEndVariant($input: [UpdateProductVariantInput!]!) {
          updateProductVariants(input: $input) { id }
        }`,
        { input: [{ id: variant.id, stockOnHand: stock }] },
      );
    }
    if (product.enabled) {
      await this.session.call(
        'hiding the product',
        `mutation ReboundDisableProduct($input: UpdateProductInput!) {
          updateProduct(input: $input) { id }
        }`,
        { input: { id: product.id, enabled: false } },
      );
    }
  }

  async state(ref: RemoteRef): Promise<RemoteListing | null> {
    const found = await this.findRef(ref);
    return found ? this.toRemote(found, (await this.currency()).code) : null;
  }

  async salesSince(cursor: string | null): Promise<SalesPage> {
    let fromMs: number;
    if (cursor === null) {
      fromMs = this.o.clock.now() - FIRST_SYNC_MS;
    } else {
      const at = Date.parse(cursor);
      if (Number.isNaN(at)) {
        throw new ChannelError('user', 'bad_cursor', `Unreadable Vendure sales cursor “${cursor}”.`);
      }
      fromMs = at - SALES_OVERLAP_MS;
    }
    const after = new Date(fromMs).toISOString();
    const sales = new Map<string, RemoteSale>();
    const add = (sale: RemoteSale) => sales.set(`${sale.orderId}/${sale.lineId}/${sale.kind}`, sale);
    let latest = cursor ?? after;
    await this.eachOrder(
      'reading orders',
      { updatedAt: { after }, orderPlacedAt: { isNull: false } },
      'updatedAt',
      (order) => {
        const updatedAt = iso(order.updatedAt);
        if (updatedAt > latest) latest = updatedAt;
        salesOf(order).forEach(add);
      },
    );
    // Vendure records a refund without touching the order's updatedAt, so the query above only
    // sees refunds made within the overlap. Orders placed in the last REFUND_SWEEP_MS are read
    // again for their refunds alone.
    const sweepFrom = new Date(this.o.clock.now() - REFUND_SWEEP_MS).toISOString();
    await this.eachOrder(
      'reading refunds',
      { orderPlacedAt: { after: sweepFrom } },
      'orderPlacedAt',
      (order) => {
        salesOf(order)
          .filter((sale) => sale.kind === 'refund')
          .forEach(add);
      },
    );
    return { sales: [...sales.values()], cursor: latest };
  }

  private async eachOrder(
    action: string,
    filter: Record<string, unknown>,
    sortBy: 'updatedAt' | 'orderPlacedAt',
    visit: (order: OrderRecord) => void,
  ): Promise<void> {
    for (let skip = 0; ; skip += ORDERS_PAGE) {
      const data = await this.session.call<{ orders: { items: OrderRecord[]; totalItems: number } }>(
        action,
        `query ReboundOrders($options: OrderListOptions!) {
          orders(options: $options) {
            totalItems
            items {
              id code state updatedAt orderPlacedAt currencyCode shippingWithTax
              shippingAddress { countryCode }
              lines {
                id quantity orderPlacedQuantity proratedUnitPriceWithTax
                productVariant { id sku productId }
              }
              payments { refunds { id state total createdAt lines { orderLineId quantity } } }
            }
          }
        }`,
        { options: { filter, sort: { [sortBy]: 'ASC' }, skip, take: ORDERS_PAGE } },
      );
      const orders = data.orders.items;
      orders.forEach(visit);
      if (orders.length < ORDERS_PAGE || skip + orders.length >= data.orders.totalItems) return;
    }
  }
}

/**
 * One placed order → its sale lines, plus a cancellation for each line Vendure cancelled and a
 * refund for each settled refund. All carry the order code and the order line's id, so the
 * reversal finds its sale. Shipping is counted once, on the order's first line.
 */
export function salesOf(order: OrderRecord): RemoteSale[] {
  if (order.orderPlacedAt === null) return [];
  const cancelled = order.state === 'Cancelled';
  if (!cancelled && !SOLD_STATES.has(order.state)) return [];
  const out: RemoteSale[] = [];
  const lines = order.lines.filter((line) => line.orderPlacedQuantity > 0);
  const byId = new Map(lines.map((line) => [line.id, line]));
  const base = (line: OrderLineRecord, index: number) => ({
    orderId: order.code,
    lineId: line.id,
    sku: line.productVariant?.sku ?? null,
    remoteListingId: line.productVariant?.productId ?? null,
    shippingCents: index === 0 ? order.shippingWithTax : 0,
    currency: order.currencyCode,
    buyerCountry: order.shippingAddress?.countryCode ?? null,
  });
  lines.forEach((line, index) => {
    const placed = line.proratedUnitPriceWithTax * line.orderPlacedQuantity;
    out.push({ ...base(line, index), priceCents: placed, soldAt: iso(order.orderPlacedAt!), kind: 'sale' });
    const gone = cancelled ? line.orderPlacedQuantity : line.orderPlacedQuantity - line.quantity;
    if (gone > 0) {
      out.push({
        ...base(line, index),
        priceCents: line.proratedUnitPriceWithTax * gone,
        soldAt: iso(order.updatedAt),
        kind: 'cancellation',
      });
    }
  });
  for (const payment of order.payments ?? []) {
    for (const refund of payment.refunds) {
      if (refund.state !== 'Settled') continue;
      // A refund by amount (the only kind Vendure ≥ 2.2 offers) names no lines: it belongs to
      // the line only when the order has one; otherwise it cannot be tied to an item and is left
      // for the merchant (one line per order is what Rebound's single items make).
      const refundLines =
        refund.lines.length > 0
          ? refund.lines
          : lines.length === 1
            ? [{ orderLineId: lines[0]!.id, quantity: lines[0]!.orderPlacedQuantity }]
            : [];
      for (const refundLine of refundLines) {
        const line = byId.get(refundLine.orderLineId);
        if (!line) continue;
        out.push({
          ...base(line, lines.indexOf(line)),
          priceCents:
            refund.lines.length > 0 ? line.proratedUnitPriceWithTax * refundLine.quantity : refund.total,
          shippingCents: 0,
          soldAt: iso(refund.createdAt),
          kind: 'refund',
        });
      }
    }
  }
  return out;
}

function iso(value: string): string {
  return new Date(value).toISOString();
}

async function checkConnection(
  options: ShopAdapterOptions<VendureSettings, VendureSecrets>,
): Promise<ShopConnectionCheck> {
  const problems: ShopConnectionProblem[] = [];
  const fail = (code: string, message: string): ShopConnectionCheck => ({
    ok: false,
    shopName: null,
    problems: [...problems, { code, message }],
  });
  const insecure = insecureUrlReason(options.settings.adminApiUrl);
  if (insecure) return fail('insecure_url', insecure);

  const session = new VendureSession(
    options.settings,
    options.secrets,
    options.clock,
    options.timeoutMs ?? 15_000,
  );
  let identifier: string;
  try {
    await session.probe();
    identifier = (await session.login()).identifier;
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    if (error.code === 'wrong_channel') return fail('wrong_channel', error.message);
    if (error.kind === 'auth') {
      return fail('bad_credentials', `Vendure does not accept this username and password. ${error.message}`);
    }
    if (
      error.code === 'not_vendure' ||
      error.code === 'GRAPHQL_VALIDATION_FAILED' ||
      error.code.startsWith('http_4')
    ) {
      return fail(
        'wrong_url',
        `${options.settings.adminApiUrl} is not a Vendure Admin API: use the address of the shop’s Admin API, usually ending in /admin-api.`,
      );
    }
    if (error.kind === 'retryable') {
      return fail(
        'unreachable',
        `Vendure could not be reached: ${error.message} Check the address and that the shop is running.`,
      );
    }
    return fail('wrong_url', error.message);
  }

  let shopName: string;
  try {
    const data = await session.call<{
      activeChannel: ChannelRecord;
      me: { channels: { token: string; code: string; permissions: string[] }[] } | null;
      globalSettings: {
        serverConfig: {
          moneyStrategyPrecision: number;
          entityCustomFields: { entityName: string; customFields: { name: string; type: string }[] }[];
        };
      };
    }>(
      'checking the connection',
      `query ReboundCheckConnection {
        activeChannel { id code token defaultCurrencyCode availableCurrencyCodes }
        me { channels { token code permissions } }
        globalSettings { serverConfig { moneyStrategyPrecision entityCustomFields { entityName customFields { ... on CustomField { name type } } } } }
      }`,
    );
    const channel = data.activeChannel;
    shopName = `Vendure, channel “${channel.code}”`;
    const token = options.settings.channelToken;
    if (token && channel.token !== token) {
      problems.push({
        code: 'wrong_channel',
        message: `Vendure knows no channel with the token “${token}”: copy the token from the channel’s page in Vendure, or leave it empty for the default channel.`,
      });
    }
    const mine = data.me?.channels.find((c) => c.code === channel.code);
    const granted = new Set(mine?.permissions ?? []);
    const missing = NEEDED_PERMISSIONS.filter(([, any]) => !any.some((p) => granted.has(p))).map(
      ([what]) => what,
    );
    if (missing.length > 0) {
      problems.push({
        code: 'missing_permission',
        message: `The Vendure administrator “${identifier}” may not ${missing.join(', ')} in channel “${channel.code}”: give its role those permissions.`,
      });
    }
    const currency = options.settings.currencyCode;
    if (
      currency &&
      currency !== channel.defaultCurrencyCode &&
      !channel.availableCurrencyCodes.includes(currency)
    ) {
      problems.push({
        code: 'currency',
        message: `The channel “${channel.code}” does not sell in ${currency}; it sells in ${channel.availableCurrencyCodes.join(', ')}.`,
      });
    }
    if (data.globalSettings.serverConfig.moneyStrategyPrecision !== 2) {
      problems.push({
        code: 'money_precision',
        message: `The shop stores money with ${data.globalSettings.serverConfig.moneyStrategyPrecision} decimals; Rebound works with cents (2).`,
      });
    }
    const field = options.settings.compareAtCustomField;
    if (field) {
      const variantFields =
        data.globalSettings.serverConfig.entityCustomFields.find((e) => e.entityName === 'ProductVariant')
          ?.customFields ?? [];
      const config = variantFields.find((f) => f.name === field);
      if (!config || config.type !== 'int') {
        problems.push({
          code: 'missing_custom_field',
          message: `The shop has no whole-number custom field “${field}” on product variants for the original price: add it to the Vendure configuration (customFields.ProductVariant, type "int") or clear the setting.`,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    if (error.code === 'FORBIDDEN' || error.kind === 'auth') {
      return fail('missing_permission', error.message);
    }
    return fail(error.kind === 'retryable' ? 'unreachable' : 'wrong_url', error.message);
  }
  return { ok: problems.length === 0, shopName, problems };
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
