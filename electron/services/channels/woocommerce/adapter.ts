import fs from 'node:fs';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
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
  assertWooUrl,
  createWooClient,
  isLocalHost,
  parseWooSecrets,
  parseWooSettings,
  type WooClient,
  type WooSecrets,
  type WooSettings,
} from './config';

/**
 * The WooCommerce channel (REST v3 through `@woocommerce/woocommerce-rest-api`, photos through
 * the WordPress media library). Facts in shared/CHANNELS.md, "WooCommerce".
 *
 * Idempotent by SKU: WooCommerce keeps SKUs unique, so the product is always looked up by SKU
 * before one is created, and a create that meets `product_invalid_sku` (an earlier attempt
 * created it but its answer was lost) takes over the product WooCommerce names.
 */

const DEFAULT_TIMEOUT_MS = 30_000;
/** WooCommerce's largest page. */
const ORDERS_PAGE = 100;
/** A runaway guard: 500 pages of 100 orders is far beyond any one poll. */
const MAX_PAGES = 500;
/**
 * Orders are read from a little before the cursor: WooCommerce dates are whole seconds and an
 * order changed while we page can land behind us. The caller de-duplicates by order and line.
 */
export const SALES_OVERLAP_MS = 15 * 60_000;
/** Without a cursor, the first sync looks this far back. */
const FIRST_SYNC_MS = 30 * 24 * 3_600_000;

/** Statuses in which an order is a sale (on-hold: awaiting a bank transfer, stock is held). */
const SALE_STATUSES = new Set(['processing', 'completed', 'on-hold']);
/** Statuses that undo a sale the order once was. */
const REVERSAL_STATUSES = new Set(['cancelled', 'refunded', 'failed']);

/** Integer cents → WooCommerce's decimal string (`"12.99"`), never through floating point. */
export function wooAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    // A bug upstream, not a passing fault: retrying the same amount cannot help.
    throw new ChannelError('user', 'bad_amount', `Not an amount in cents: ${cents}.`);
  }
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** WooCommerce's `"12.99"` (or `"12.9"`, `"12"`, a number) → 1299 cents, exactly; 0 if empty. */
export function centsOf(value: unknown): number {
  const text = typeof value === 'number' ? value.toFixed(2) : String(value ?? '').trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text);
  if (!match) return 0;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/**
 * The resale price as WooCommerce's sale price under the original as regular price, so the shop
 * shows the original struck through. A "resale" at or above the original has nothing to strike:
 * it becomes the regular price alone.
 */
export function wooPrices(
  priceCents: number,
  originalCents: number,
): { regular_price: string; sale_price: string } {
  if (originalCents > priceCents) {
    return { regular_price: wooAmount(originalCents), sale_price: wooAmount(priceCents) };
  }
  return { regular_price: wooAmount(priceCents), sale_price: '' };
}

/** WooCommerce's zone-less GMT date (`2026-04-01T09:00:00`) → ISO 8601 UTC. */
function isoOfGmt(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(/[Zz]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** ISO → WooCommerce's query format, read as UTC with `dates_are_gmt=true`. */
function gmtParam(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

interface WooProduct {
  id: number;
  sku: string;
  status: string;
  permalink?: string;
  regular_price?: string;
  sale_price?: string;
  price?: string;
  manage_stock?: boolean;
  stock_quantity?: number | null;
  stock_status?: string;
  total_sales?: number;
  images?: { id: number }[];
}

interface WooOrder {
  id: number;
  status: string;
  currency?: string;
  date_created_gmt?: string;
  date_modified_gmt?: string;
  date_paid_gmt?: string | null;
  shipping_total?: string;
  billing?: { country?: string };
  shipping?: { country?: string };
  line_items?: { id: number; product_id?: number; sku?: string; total?: string }[];
}

/** What a failed call left us: the HTTP status and WordPress' `{code, message, data}`, if any. */
interface Failure {
  readonly status: number | null;
  readonly retryAfter: string | null;
  readonly code: string | null;
  readonly message: string | null;
  /** `rest_invalid_param`'s per-parameter reasons. */
  readonly params: Readonly<Record<string, string>>;
  readonly data: Readonly<Record<string, unknown>>;
  readonly networkCode: string | null;
}

function readBody(data: unknown): Pick<Failure, 'code' | 'message' | 'params' | 'data'> {
  const body = (typeof data === 'object' && data !== null ? data : {}) as {
    code?: unknown;
    message?: unknown;
    data?: unknown;
  };
  const extra = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<
    string,
    unknown
  >;
  const params = (
    typeof extra['params'] === 'object' && extra['params'] !== null ? extra['params'] : {}
  ) as Record<string, string>;
  return {
    code: typeof body.code === 'string' ? body.code : null,
    // WordPress messages can carry HTML (`<p>There has been a critical error…</p>`).
    message: typeof body.message === 'string' ? body.message.replace(/<[^>]+>/g, '').trim() : null,
    params,
    data: extra,
  };
}

/** From an axios error (the WooCommerce client) or our own fetch failure. */
export function readFailure(error: unknown): Failure {
  const e = error as {
    response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
    code?: unknown;
    name?: unknown;
  } | null;
  const res = e?.response;
  const retryAfter = res?.headers?.['retry-after'];
  return {
    status: typeof res?.status === 'number' ? res.status : null,
    retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
    ...readBody(res?.data),
    networkCode: typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : null,
  };
}

/**
 * One WooCommerce / WordPress failure → one ChannelError: no answer, 429 and 5xx retry (honouring
 * Retry-After), 401/403 need new credentials, any other 4xx is the data, in WooCommerce's words.
 */
export function mapWooError(
  error: unknown,
  action: string,
  nowMs: number,
  service = 'WooCommerce',
): ChannelError {
  if (error instanceof ChannelError) return error;
  const f = readFailure(error);
  if (f.status === null) {
    const detail = error instanceof Error ? error.message : String(error);
    return new ChannelError(
      'retryable',
      f.networkCode ?? 'network',
      `The shop did not answer while ${action} (${detail}); trying again later.`,
      { cause: error },
    );
  }
  const params = Object.values(f.params);
  const words = [f.message ?? `HTTP ${f.status}`, ...params].join(' ');
  const classified = classifyHttpFailure(f.status, words, f.retryAfter, nowMs);
  const code = f.code ?? classified.code;
  switch (classified.kind) {
    case 'auth':
      return new ChannelError(
        'auth',
        code,
        service === 'WordPress'
          ? `WordPress refused the user name and Application Password while ${action}: ${words} Create a new Application Password (Users → Profile) and enter it in Settings.`
          : `WooCommerce refused Rebound’s key while ${action}: ${words} Check the consumer key and secret (Read/Write) under WooCommerce → Settings → Advanced → REST API, and reconnect the shop in Settings.`,
        { cause: error },
      );
    case 'retryable':
      return new ChannelError(
        'retryable',
        code,
        `${service} is busy or failing (${words}) while ${action}.`,
        {
          retryAfterMs: classified.retryAfterMs,
          cause: error,
        },
      );
    case 'user':
      return new ChannelError('user', code, `${service} refused ${action}: ${words}`, { cause: error });
    default: {
      const never: never = classified.kind;
      throw new Error(`Unknown error kind ${String(never)}`);
    }
  }
}

function isNotFound(error: unknown): boolean {
  const f = readFailure(error);
  return f.status === 404 || (f.status === 400 && f.code === 'woocommerce_rest_product_invalid_id');
}

/** A fetch answer that is not 2xx, shaped like an axios error so one mapping reads both. */
class HttpFailure extends Error {
  constructor(readonly response: { status: number; headers: Record<string, unknown>; data: unknown }) {
    super(`HTTP ${response.status}`);
  }
}

async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    // An HTML page (a host's error page, a site that is not WordPress): keep the text.
  }
  if (!res.ok) {
    throw new HttpFailure({ status: res.status, headers: Object.fromEntries(res.headers), data });
  }
  return data;
}

function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export type WooChannelOptions = ShopAdapterOptions<WooSettings, WooSecrets>;

export class WooChannel implements ChannelAdapter {
  readonly channel = 'woocommerce' as const;
  private readonly timeoutMs: number;
  private clientValue: Promise<WooClient> | null = null;
  private currencyValue: string | null = null;

  constructor(private readonly o: WooChannelOptions) {
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private get clock(): Clock {
    return this.o.clock;
  }

  private get ws(): Workspace {
    return this.o.ws;
  }

  private client(): Promise<WooClient> {
    if (!this.clientValue) {
      try {
        assertWooUrl(this.o.settings);
      } catch (error) {
        throw new ChannelError(
          'user',
          'insecure_url',
          `The shop address ${this.o.settings.url} is not https: change it to the https:// address in Settings.`,
          { cause: error },
        );
      }
      this.clientValue = createWooClient(this.o.settings, this.o.secrets, this.timeoutMs);
    }
    return this.clientValue;
  }

  private async call<T>(
    action: string,
    run: (client: WooClient) => Promise<{ data: unknown; headers?: unknown }>,
  ) {
    try {
      const res = await run(await this.client());
      return { data: res.data as T, headers: (res.headers ?? {}) as Record<string, unknown> };
    } catch (error) {
      throw mapWooError(error, action, this.clock.now());
    }
  }

  /** The merchant's currency: WooCommerce products carry none, the shop has one. */
  private async currency(): Promise<string> {
    if (this.currencyValue === null) {
      const row = await this.ws.kysely
        .selectFrom('merchants')
        .select('currency')
        .where('id', '=', this.o.merchantId)
        .executeTakeFirst();
      this.currencyValue = row?.currency ?? 'EUR';
    }
    return this.currencyValue;
  }

  private async toRemote(product: WooProduct): Promise<RemoteListing> {
    const stock = product.manage_stock ? (product.stock_quantity ?? 0) : 1;
    const published = product.status === 'publish' && product.stock_status !== 'outofstock' && stock > 0;
    const soldOut = product.status === 'publish' && stock <= 0 && (product.total_sales ?? 0) > 0;
    return {
      sku: product.sku,
      offerId: null,
      listingId: String(product.id),
      status: published ? 'live' : soldOut ? 'sold' : 'ended',
      url: product.permalink || null,
      priceCents: centsOf(product.sale_price || product.regular_price || product.price),
      currency: await this.currency(),
    };
  }

  private async findProduct(sku: string): Promise<WooProduct | null> {
    const { data } = await this.call<WooProduct[]>('looking up the product', (c) =>
      c.get('products', { sku, status: 'any', per_page: '10' }),
    );
    // `sku=` takes a comma-separated list: keep only the exact match.
    return (Array.isArray(data) ? data : []).find((p) => p.sku === sku) ?? null;
  }

  private async getProduct(id: string): Promise<WooProduct | null> {
    try {
      const { data } = await this.call<WooProduct>('reading the product', (c) =>
        c.get(`products/${Number(id)}`),
      );
      return data;
    } catch (error) {
      if (error instanceof ChannelError && isNotFound(error.cause)) return null;
      throw error;
    }
  }

  private async productFor(ref: RemoteRef): Promise<WooProduct | null> {
    if (ref.listingId !== null && /^\d+$/.test(ref.listingId)) {
      const product = await this.getProduct(ref.listingId);
      if (product && product.sku === ref.sku) return product;
    }
    return this.findProduct(ref.sku);
  }

  async findBySku(sku: string): Promise<RemoteListing | null> {
    const product = await this.findProduct(sku);
    return product ? this.toRemote(product) : null;
  }

  async upsert(input: ListingInput): Promise<RemoteListing> {
    const merchantCurrency = await this.currency();
    if (input.currency !== merchantCurrency) {
      throw new ChannelError(
        'user',
        'currency',
        `The shop sells in ${merchantCurrency}, the item is priced in ${input.currency}: price it in ${merchantCurrency}.`,
      );
    }
    const existing = await this.findProduct(input.sku);
    const images = await this.imagesFor(input, existing);
    const body = {
      name: input.title,
      type: 'simple',
      status: 'publish',
      catalog_visibility: 'visible',
      description: input.descriptionHtml,
      sku: input.sku,
      ...wooPrices(input.priceCents, input.originalCents),
      manage_stock: true,
      stock_quantity: input.quantity,
      ...(images ? { images } : {}),
    };
    if (existing) return this.toRemote(await this.updateProduct(existing.id, body, 'updating the product'));
    try {
      const { data } = await this.call<WooProduct>('creating the product', (c) => c.post('products', body));
      return this.toRemote(data);
    } catch (error) {
      // Created by an earlier attempt whose answer we never saw: WooCommerce names the product.
      const f = error instanceof ChannelError ? readFailure(error.cause) : null;
      if (f?.code !== 'product_invalid_sku') throw error;
      const id =
        typeof f.data['resource_id'] === 'number'
          ? f.data['resource_id']
          : (await this.findProduct(input.sku))?.id;
      if (id === undefined) throw error;
      return this.toRemote(await this.updateProduct(id, body, 'updating the product'));
    }
  }

  private async updateProduct(
    id: number,
    body: Record<string, unknown>,
    action: string,
  ): Promise<WooProduct> {
    const { data } = await this.call<WooProduct>(action, (c) => c.put(`products/${id}`, body));
    return data;
  }

  /**
   * The product's images as WordPress attachment ids. A product that already holds as many
   * images as we have photos (a retry, a re-publish) keeps them, so a retry uploads nothing again.
   * Without photos the product's images are left as they are.
   */
  private async imagesFor(
    input: ListingInput,
    existing: WooProduct | null,
  ): Promise<{ id: number; alt: string }[] | null> {
    const photos = input.photos ?? [];
    if (photos.length === 0) return null;
    const current = existing?.images ?? [];
    if (current.length === photos.length) {
      return current.map((image, i) => ({ id: image.id, alt: photos[i]!.alt }));
    }
    const { wpUser } = this.o.settings;
    const { wpAppPassword } = this.o.secrets;
    if (!wpUser || !wpAppPassword) {
      throw new ChannelError(
        'user',
        'missing_permission',
        'Photos cannot be uploaded to the shop: WordPress needs a user name and an Application Password (Users → Profile → Application Passwords). Add them in the shop settings.',
      );
    }
    // The client refuses plain http to another machine; the upload must too.
    await this.client();
    const out: { id: number; alt: string }[] = [];
    for (const [i, photo] of photos.entries()) {
      const bytes = await fs.promises.readFile(photo.file);
      const filename = `${input.sku.replace(/[^A-Za-z0-9._-]+/g, '-')}-${i + 1}.jpg`;
      const query = new URLSearchParams({ alt_text: photo.alt, title: `${input.title} (${i + 1})` });
      try {
        const media = (await fetchJson(
          `${this.o.settings.url}/wp-json/wp/v2/media?${query.toString()}`,
          {
            method: 'POST',
            headers: {
              Authorization: basicAuth(wpUser, wpAppPassword),
              'Content-Type': 'image/jpeg',
              'Content-Disposition': `attachment; filename="${filename}"`,
            },
            body: new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
          },
          this.timeoutMs,
        )) as { id?: unknown };
        if (typeof media.id !== 'number') {
          throw new ChannelError('retryable', 'no_media_id', 'WordPress stored a photo without an id.');
        }
        out.push({ id: media.id, alt: photo.alt });
      } catch (error) {
        throw mapWooError(
          error,
          `uploading photo ${i + 1} of ${photos.length}`,
          this.clock.now(),
          'WordPress',
        );
      }
    }
    return out;
  }

  async updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    const product = await this.productFor(ref);
    if (!product) {
      throw new ChannelError(
        'user',
        'not_found',
        `The shop has no product ${ref.sku}: publish the item again.`,
      );
    }
    // The original stays the regular price while it is above the new price.
    const regular = centsOf(product.regular_price);
    const original = regular > 0 ? regular : centsOf(product.price);
    const updated = await this.updateProduct(
      product.id,
      wooPrices(priceCents, original),
      'changing the price',
    );
    return this.toRemote(updated);
  }

  /** Stock 0 and draft: out of the shop, kept for its history. Already so, or gone: done. */
  async end(ref: RemoteRef, _reason: EndReason): Promise<void> {
    const product = await this.productFor(ref);
    if (!product) return;
    if (product.status === 'draft' && product.manage_stock === true && (product.stock_quantity ?? 0) <= 0)
      return;
    await this.updateProduct(
      product.id,
      { status: 'draft', manage_stock: true, stock_quantity: 0 },
      'ending the listing',
    );
  }

  async state(ref: RemoteRef): Promise<RemoteListing | null> {
    const product = await this.productFor(ref);
    return product ? this.toRemote(product) : null;
  }

  async salesSince(cursor: string | null): Promise<SalesPage> {
    let fromMs: number;
    if (cursor === null) {
      fromMs = this.clock.now() - FIRST_SYNC_MS;
    } else {
      const at = Date.parse(cursor);
      if (Number.isNaN(at)) {
        throw new ChannelError('user', 'bad_cursor', `Unreadable WooCommerce sales cursor “${cursor}”.`);
      }
      fromMs = at - SALES_OVERLAP_MS;
    }
    const sales: RemoteSale[] = [];
    let latest = cursor ?? new Date(fromMs).toISOString();
    // Ordered by id, oldest first: an order placed while we page lands on a later page, never
    // shifts one we have not read yet.
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const { data, headers } = await this.call<WooOrder[]>('reading orders', (c) =>
        c.get('orders', {
          modified_after: gmtParam(fromMs),
          dates_are_gmt: 'true',
          orderby: 'id',
          order: 'asc',
          per_page: String(ORDERS_PAGE),
          page: String(page),
        }),
      );
      const orders = Array.isArray(data) ? data : [];
      for (const order of orders) {
        const modified = isoOfGmt(order.date_modified_gmt);
        if (modified !== null && modified > latest) latest = modified;
        sales.push(...(await this.salesOf(order)));
      }
      const totalPages = Number(headers['x-wp-totalpages'] ?? 1);
      if (orders.length === 0 || !Number.isFinite(totalPages) || page >= totalPages) break;
    }
    return { sales, cursor: latest };
  }

  /**
   * One order → its lines: a sale while the order is processing, completed or on-hold; a
   * cancelled, refunded or failed order that was paid reports the sale and its reversal (the
   * caller de-duplicates). One never paid (an on-hold bank transfer that never came) is reversed
   * only if Rebound recorded its sale: an abandoned checkout must not count as a cancellation.
   */
  private async salesOf(order: WooOrder): Promise<RemoteSale[]> {
    const lines = order.line_items ?? [];
    const currency = order.currency ?? (await this.currency());
    const soldAt =
      isoOfGmt(order.date_paid_gmt) ??
      isoOfGmt(order.date_created_gmt) ??
      new Date(this.clock.now()).toISOString();
    const changedAt = isoOfGmt(order.date_modified_gmt) ?? soldAt;
    const country = order.shipping?.country || order.billing?.country || null;
    // Shipping is charged per order: split it over the lines, the odd cents on the first.
    const shipping = Math.max(0, centsOf(order.shipping_total));
    const share = lines.length > 0 ? Math.floor(shipping / lines.length) : 0;
    const out: RemoteSale[] = [];
    for (const [i, line] of lines.entries()) {
      const base = {
        orderId: String(order.id),
        lineId: String(line.id),
        sku: line.sku ? line.sku : null,
        remoteListingId: line.product_id ? String(line.product_id) : null,
        priceCents: Math.abs(centsOf(line.total)),
        shippingCents: i === 0 ? shipping - share * (lines.length - 1) : share,
        currency,
        buyerCountry: country ? country.toUpperCase() : null,
      };
      if (SALE_STATUSES.has(order.status)) {
        out.push({ ...base, soldAt, kind: 'sale' });
      } else if (REVERSAL_STATUSES.has(order.status)) {
        const kind = order.status === 'refunded' ? 'refund' : 'cancellation';
        if (order.date_paid_gmt) {
          out.push({ ...base, soldAt, kind: 'sale' }, { ...base, soldAt: changedAt, kind });
        } else if (await this.saleRecorded(base.orderId, base.lineId)) {
          out.push({ ...base, soldAt: changedAt, kind });
        }
      }
      // pending, checkout-draft, trash: not a sale (yet).
    }
    return out;
  }

  private async saleRecorded(orderId: string, lineId: string): Promise<boolean> {
    const row = await this.ws.kysely
      .selectFrom('sales')
      .select('id')
      .where('channel', '=', 'woocommerce')
      .where('merchant_id', '=', this.o.merchantId)
      .where('order_id', '=', orderId)
      .where('line_id', '=', lineId)
      .where('kind', '=', 'sale')
      .executeTakeFirst();
    return row !== undefined;
  }
}

// --- Test connection ------------------------------------------------------------------------------

/**
 * Checks, in order, what a merchant can get wrong, and says each in plain words: an address that
 * is not https, a site that is not WordPress or has no WooCommerce, a refused or read-only key,
 * and the WordPress Application Password photos need. Credentials are never sent to an http
 * address on another machine.
 */
export async function testWooConnection(o: WooChannelOptions): Promise<ShopConnectionCheck> {
  const problems: ShopConnectionProblem[] = [];
  const timeoutMs = o.timeoutMs ?? 15_000;
  const done = (shopName: string | null): ShopConnectionCheck => ({
    ok: problems.length === 0,
    shopName,
    problems,
  });
  let url: URL;
  try {
    url = new URL(o.settings.url);
  } catch {
    problems.push({
      code: 'wrong_url',
      message: `“${o.settings.url}” is not a web address. Enter the shop’s address, like https://shop.example.com.`,
    });
    return done(null);
  }
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
    problems.push({
      code: 'insecure_url',
      message: `The shop address starts with http://, so your orders and WordPress password would travel unencrypted. Use the shop’s https:// address (${o.settings.url.replace(/^http:/, 'https:')}).`,
    });
    return done(null);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push({
      code: 'wrong_url',
      message: `“${o.settings.url}” is not a web address. Enter the shop’s address, like https://shop.example.com.`,
    });
    return done(null);
  }

  // 1. Is there a WordPress with WooCommerce at this address?
  let shopName: string | null;
  try {
    const index = (await fetchJson(
      `${o.settings.url}/wp-json/`,
      { headers: { Accept: 'application/json' } },
      timeoutMs,
    )) as {
      name?: unknown;
      namespaces?: unknown;
    };
    if (typeof index !== 'object' || index === null || !Array.isArray(index.namespaces)) {
      problems.push(notWordPress(o.settings.url));
      return done(null);
    }
    shopName = typeof index.name === 'string' && index.name !== '' ? index.name : null;
    if (!index.namespaces.includes('wc/v3')) {
      problems.push({
        code: 'wrong_url',
        message: `${shopName ?? o.settings.url} is a WordPress site, but WooCommerce’s REST API is not there. Is WooCommerce installed and activated on it?`,
      });
      return done(shopName);
    }
  } catch (error) {
    const f = readFailure(error);
    problems.push(
      f.status === null
        ? {
            code: 'unreachable',
            message: `Rebound could not reach ${url.host} (${error instanceof Error ? error.message : String(error)}). Check the address and that the shop is online.`,
          }
        : notWordPress(o.settings.url),
    );
    return done(null);
  }

  // 2. The WooCommerce key: read, then an empty batch as a write check that changes nothing.
  const client = await createWooClient(o.settings, o.secrets, timeoutMs);
  try {
    await client.get('products', { per_page: '1' });
    await client.post('products/batch', {});
  } catch (error) {
    const f = readFailure(error);
    if (f.status === 401 || f.status === 403) {
      const readOnly = /write permission/i.test(f.message ?? '');
      problems.push(
        readOnly
          ? {
              code: 'missing_permission',
              message:
                'The WooCommerce key is read-only, so Rebound cannot create products. Edit the key (WooCommerce → Settings → Advanced → REST API) and give it Read/Write permission.',
            }
          : {
              code: 'bad_token',
              message: `WooCommerce refused the consumer key and secret (“${f.message ?? `HTTP ${f.status}`}”). Create a key with Read/Write permission under WooCommerce → Settings → Advanced → REST API and enter both parts again.`,
            },
      );
    } else {
      const mapped = mapWooError(error, 'checking the key', o.clock.now());
      problems.push({
        code: f.status === null ? 'unreachable' : 'shop_error',
        message: `${mapped.message} Try again in a few minutes.`,
      });
    }
  }

  // 3. The WordPress Application Password photos need.
  const { wpUser } = o.settings;
  const { wpAppPassword } = o.secrets;
  if (!wpUser || !wpAppPassword) {
    problems.push({
      code: 'missing_permission',
      message:
        'Without a WordPress user name and Application Password, Rebound cannot upload photos to the shop. In WordPress open Users → Profile → Application Passwords, create one for Rebound and enter it with your user name.',
    });
    return done(shopName);
  }
  try {
    const me = (await fetchJson(
      `${o.settings.url}/wp-json/wp/v2/users/me?context=edit`,
      { headers: { Accept: 'application/json', Authorization: basicAuth(wpUser, wpAppPassword) } },
      timeoutMs,
    )) as { capabilities?: Record<string, unknown> };
    if (me.capabilities?.['upload_files'] !== true) {
      problems.push({
        code: 'missing_permission',
        message: `The WordPress user “${wpUser}” may not upload photos. Give it the Shop manager or Administrator role, or use another user’s Application Password.`,
      });
    }
  } catch (error) {
    const f = readFailure(error);
    if (f.status === 401 || f.status === 403) {
      problems.push({
        code: 'bad_token',
        message: `WordPress refused the user name “${wpUser}” with that Application Password (“${f.message ?? `HTTP ${f.status}`}”). Check the user name and create a new Application Password under Users → Profile.`,
      });
    } else {
      const mapped = mapWooError(error, 'checking the WordPress password', o.clock.now(), 'WordPress');
      problems.push({ code: f.status === null ? 'unreachable' : 'shop_error', message: mapped.message });
    }
  }
  return done(shopName);
}

function notWordPress(address: string): ShopConnectionProblem {
  return {
    code: 'wrong_url',
    message: `${address} does not look like a WordPress shop: it has no WordPress REST API (/wp-json/). Check the address; it is the address of the shop’s home page.`,
  };
}

export const woocommercePlatform: ShopPlatform<WooSettings, WooSecrets> = {
  name: 'woocommerce',
  parseSettings: parseWooSettings,
  parseSecrets: parseWooSecrets,
  address: (settings) => urlAddress(settings.url),
  create: (options) => new WooChannel(options),
  testConnection: (options) => testWooConnection(options),
};
