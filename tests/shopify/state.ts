/**
 * What the Shopify test server remembers: one shop with its locations, products (variants,
 * inventory per location, media), staged uploads, orders (with cancellations and refunds), access
 * tokens and the cost bucket. Plain records; server.ts turns them into schema-shaped answers.
 */
import crypto from 'node:crypto';

/** Server time, movable by tests (token expiry, the 60-day order window, the cost bucket). */
export class TestClock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = () => Date.now()) {}
  now(): number {
    return this.base() + this.offsetMs;
  }
  iso(): string {
    return new Date(this.now()).toISOString();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type ProductStatus = 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'UNLISTED';
export type MediaStatus = 'UPLOADED' | 'PROCESSING' | 'READY' | 'FAILED';

export interface VariantRecord {
  readonly id: string;
  readonly inventoryItemId: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  tracked: boolean;
  inventoryPolicy: 'DENY' | 'CONTINUE';
  optionValues: { optionName: string; name: string }[];
  /** locationId → quantity name (`available`, `on_hand`) → quantity. */
  readonly levels: Map<string, Map<string, number>>;
  readonly createdAt: string;
  updatedAt: string;
}

export interface MediaRecord {
  readonly id: string;
  alt: string | null;
  status: MediaStatus;
  readonly originalSource: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly createdAt: string;
}

export interface ProductRecord {
  readonly id: string;
  handle: string;
  title: string;
  descriptionHtml: string;
  status: ProductStatus;
  vendor: string;
  productType: string;
  tags: string[];
  options: { name: string; values: string[] }[];
  variants: VariantRecord[];
  media: MediaRecord[];
  readonly createdAt: string;
  updatedAt: string;
}

export interface LocationRecord {
  readonly id: string;
  readonly name: string;
  readonly isPrimary: boolean;
}

export interface StagedUploadRecord {
  readonly key: string;
  readonly url: string;
  readonly resourceUrl: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly resource: string;
  readonly parameters: readonly { name: string; value: string }[];
  /** The file, once POSTed to `url` with every parameter. */
  received: { bytes: number; contentType: string } | null;
}

export interface OrderLineRecord {
  readonly id: string;
  readonly sku: string | null;
  readonly title: string;
  readonly quantity: number;
  /** Unit price as Shopify's decimal string. */
  readonly price: string;
  readonly variantId: string | null;
  readonly productId: string | null;
}

export interface RefundRecord {
  readonly id: string;
  readonly createdAt: string;
  readonly lines: readonly { lineItemId: string; quantity: number; subtotal: string }[];
}

export interface OrderRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  financialStatus: 'PAID' | 'PENDING' | 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'VOIDED';
  readonly currencyCode: string;
  readonly countryCode: string | null;
  /** Shipping charged, decimal string. */
  readonly shipping: string;
  readonly lines: readonly OrderLineRecord[];
  readonly refunds: RefundRecord[];
}

export interface TokenRecord {
  readonly scopes: readonly string[];
  /** Epoch ms (server clock); null for the merchant's permanent Admin API token. */
  readonly expiresAt: number | null;
}

/** Shopify's default scopes for the test app: everything Rebound needs. */
export const DEFAULT_SCOPES: readonly string[] = [
  'read_products',
  'write_products',
  'read_inventory',
  'write_inventory',
  'read_locations',
  'read_orders',
  'write_files',
];

export interface ShopInfo {
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
}

export class ShopifyState {
  readonly shop: ShopInfo;
  readonly locations: LocationRecord[] = [];
  readonly products: ProductRecord[] = [];
  readonly staged = new Map<string, StagedUploadRecord>();
  readonly orders: OrderRecord[] = [];
  readonly tokens = new Map<string, TokenRecord>();
  private next = 1001;

  constructor(
    readonly clock: TestClock,
    shop: ShopInfo,
  ) {
    this.shop = shop;
    this.locations.push({ id: this.gid('Location'), name: 'Shop location', isPrimary: true });
  }

  /** A fresh Shopify global id, e.g. `gid://shopify/Product/1001`. */
  gid(type: string): string {
    return `gid://shopify/${type}/${this.next++}`;
  }

  newToken(scopes: readonly string[], expiresAt: number | null, prefix = 'shpat_'): string {
    const token = `${prefix}${crypto.randomBytes(16).toString('hex')}`;
    this.tokens.set(token, { scopes, expiresAt });
    return token;
  }

  get primaryLocation(): LocationRecord {
    return this.locations.find((l) => l.isPrimary) ?? this.locations[0]!;
  }

  addLocation(name: string): LocationRecord {
    const location = { id: this.gid('Location'), name, isPrimary: false };
    this.locations.push(location);
    return location;
  }

  productById(id: string): ProductRecord | null {
    return this.products.find((p) => p.id === id) ?? null;
  }

  productByHandle(handle: string): ProductRecord | null {
    return this.products.find((p) => p.handle === handle) ?? null;
  }

  productsBySku(sku: string): ProductRecord[] {
    return this.products.filter((p) => p.variants.some((v) => v.sku === sku));
  }

  variantById(id: string): { product: ProductRecord; variant: VariantRecord } | null {
    for (const product of this.products) {
      const variant = product.variants.find((v) => v.id === id);
      if (variant) return { product, variant };
    }
    return null;
  }

  variantByInventoryItem(id: string): { product: ProductRecord; variant: VariantRecord } | null {
    for (const product of this.products) {
      const variant = product.variants.find((v) => v.inventoryItemId === id);
      if (variant) return { product, variant };
    }
    return null;
  }

  /** Quantity `name` of a variant at a location; null when it is not stocked there. */
  quantity(variant: VariantRecord, locationId: string, name = 'available'): number | null {
    const level = variant.levels.get(locationId);
    if (!level) return null;
    return level.get(name) ?? 0;
  }

  setQuantity(variant: VariantRecord, locationId: string, name: string, quantity: number): void {
    let level = variant.levels.get(locationId);
    if (!level) {
      level = new Map();
      variant.levels.set(locationId, level);
    }
    level.set(name, quantity);
    // Rebound's items are never committed or reserved: on hand follows available.
    if (name === 'available') level.set('on_hand', quantity);
    variant.updatedAt = this.clock.iso();
  }

  /**
   * A buyer's order, as Shopify records it after checkout. `lines` name a SKU (and take its
   * product and variant when one exists); `at` defaults to now.
   */
  addOrder(input: {
    lines: readonly { sku: string; price: string; quantity?: number; title?: string }[];
    shipping?: string;
    countryCode?: string | null;
    currencyCode?: string;
    at?: string;
    financialStatus?: OrderRecord['financialStatus'];
  }): OrderRecord {
    const at = input.at ?? this.clock.iso();
    const lines = input.lines.map((line) => {
      const product = this.productsBySku(line.sku)[0] ?? null;
      const variant = product?.variants.find((v) => v.sku === line.sku) ?? null;
      return {
        id: this.gid('LineItem'),
        sku: line.sku,
        title: line.title ?? product?.title ?? line.sku,
        quantity: line.quantity ?? 1,
        price: line.price,
        variantId: variant?.id ?? null,
        productId: product?.id ?? null,
      };
    });
    const number = this.orders.length + 1001;
    const order: OrderRecord = {
      id: this.gid('Order'),
      name: `#${number}`,
      createdAt: at,
      updatedAt: at,
      cancelledAt: null,
      cancelReason: null,
      financialStatus: input.financialStatus ?? 'PAID',
      currencyCode: input.currencyCode ?? this.shop.currencyCode,
      countryCode: input.countryCode === undefined ? 'US' : input.countryCode,
      shipping: input.shipping ?? '0.00',
      lines,
      refunds: [],
    };
    this.orders.push(order);
    return order;
  }

  private order(id: string): OrderRecord {
    const order = this.orders.find((o) => o.id === id);
    if (!order) throw new Error(`No order ${id}`);
    return order;
  }

  /** The merchant cancels (and voids or refunds) an order: a later update of the same order. */
  cancelOrder(id: string, reason = 'CUSTOMER'): OrderRecord {
    const order = this.order(id);
    const at = this.clock.iso();
    order.cancelledAt = at;
    order.cancelReason = reason;
    order.financialStatus = order.financialStatus === 'PAID' ? 'REFUNDED' : 'VOIDED';
    order.updatedAt = at;
    return order;
  }

  /** A refund of some lines (all by default), without cancelling the order. */
  refundOrder(id: string, lineIds?: readonly string[]): RefundRecord {
    const order = this.order(id);
    const at = this.clock.iso();
    const lines = order.lines
      .filter((l) => !lineIds || lineIds.includes(l.id))
      .map((l) => ({ lineItemId: l.id, quantity: l.quantity, subtotal: l.price }));
    const refund = { id: this.gid('Refund'), createdAt: at, lines };
    order.refunds.push(refund);
    order.financialStatus = lines.length === order.lines.length ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    order.updatedAt = at;
    return refund;
  }

  /** Media finish processing between requests, as Shopify's asynchronous pipeline does. */
  settleMedia(): void {
    for (const product of this.products) {
      for (const media of product.media) {
        if (media.status === 'UPLOADED' || media.status === 'PROCESSING') {
          media.status = media.bytes > 0 ? 'READY' : 'FAILED';
        }
      }
    }
  }
}
