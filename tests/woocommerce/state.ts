/**
 * What a WooCommerce shop holds, for the test server: products (unique SKUs), WordPress media,
 * orders a test can place, cancel and refund, the REST API keys and the WordPress users.
 *
 * Dates follow WooCommerce: `date_*` in the site's timezone and `date_*_gmt` in UTC, both as
 * `YYYY-MM-DDTHH:MM:SS` without a zone. This shop's timezone is UTC, so both are the same.
 */
import type { OrderStatus } from './fields.js';

/** The shop's own clock: order and product dates. Starts at a fixed instant; tests move it. */
export class ShopClock {
  constructor(private ms: number = Date.parse('2026-04-01T09:00:00.000Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

/** WooCommerce's date format: whole seconds, no zone. */
export function wooDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** `"12.99"` from integer cents, exactly. */
export function decimalOf(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Integer cents from `"12.99"` / `"12.9"` / `"12"`; NaN for anything else. */
export function centsOfDecimal(value: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return Number.NaN;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

export type KeyPermissions = 'read' | 'write' | 'read_write';

export interface ApiKey {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  permissions: KeyPermissions;
}

export interface WpUser {
  readonly id: number;
  readonly username: string;
  readonly name: string;
  /** Application passwords as WordPress shows them once (`abcd efgh ijkl mnop qrst uvwx`). */
  readonly appPasswords: string[];
  /** `upload_files`: administrators and shop managers have it, customers do not. */
  canUpload: boolean;
}

export interface Media {
  readonly id: number;
  readonly filename: string;
  readonly mimeType: string;
  readonly bytes: number;
  readonly date: string;
  readonly author: number;
  altText: string;
  title: string;
}

export type Product = Record<string, unknown> & {
  id: number;
  sku: string;
  status: string;
  images: { id: number; [key: string]: unknown }[];
  stock_quantity: number | null;
  total_sales: number;
};

export interface OrderLineInput {
  readonly sku: string;
  /** Line total in cents (quantity 1 unless given). */
  readonly totalCents: number;
  readonly quantity?: number;
  readonly name?: string;
}

export interface OrderInput {
  readonly lines: readonly OrderLineInput[];
  /** Default `processing` (paid). */
  readonly status?: OrderStatus;
  readonly shippingCents?: number;
  readonly currency?: string;
  readonly country?: string;
}

export type Order = Record<string, unknown> & {
  id: number;
  status: OrderStatus;
  date_modified_gmt: string;
  date_paid_gmt: string | null;
  line_items: Record<string, unknown>[];
  refunds: { id: number; reason: string; total: string }[];
};

const PAID: readonly OrderStatus[] = ['processing', 'completed'];
/** Statuses in which WooCommerce holds the stock of the order's lines (wc_maybe_reduce_stock_levels). */
const STOCK_HELD: readonly OrderStatus[] = ['processing', 'completed', 'on-hold'];

export class WooState {
  readonly products = new Map<number, Product>();
  readonly media = new Map<number, Media>();
  readonly orders = new Map<number, Order>();
  readonly keys: ApiKey[] = [];
  readonly users: WpUser[] = [];
  /** WordPress hands out post ids (products, media, orders) from one sequence. */
  private nextPostId = 100;
  private nextItemId = 1000;
  /** OAuth nonces seen (WooCommerce refuses a nonce used twice within 15 minutes). */
  readonly nonces = new Set<string>();

  constructor(
    readonly clock: ShopClock,
    readonly siteUrl: () => string,
    readonly currency = 'EUR',
  ) {}

  newId(): number {
    this.nextPostId += 1;
    return this.nextPostId;
  }

  findKey(consumerKey: string): ApiKey | undefined {
    return this.keys.find((k) => k.consumerKey === consumerKey);
  }

  findUser(username: string): WpUser | undefined {
    return this.users.find((u) => u.username === username);
  }

  productBySku(sku: string): Product | undefined {
    if (sku === '') return undefined;
    for (const product of this.products.values()) if (product.sku === sku) return product;
    return undefined;
  }

  /** A product with every property WooCommerce answers, defaults as documented. */
  newProduct(id: number): Product {
    const now = wooDate(this.clock.now());
    return {
      id,
      name: 'Product',
      slug: `product-${id}`,
      permalink: '',
      date_created: now,
      date_created_gmt: now,
      date_modified: now,
      date_modified_gmt: now,
      type: 'simple',
      status: 'publish',
      featured: false,
      catalog_visibility: 'visible',
      description: '',
      short_description: '',
      sku: '',
      price: '',
      regular_price: '',
      sale_price: '',
      date_on_sale_from: null,
      date_on_sale_from_gmt: null,
      date_on_sale_to: null,
      date_on_sale_to_gmt: null,
      price_html: '',
      on_sale: false,
      purchasable: false,
      total_sales: 0,
      virtual: false,
      downloadable: false,
      downloads: [],
      download_limit: -1,
      download_expiry: -1,
      external_url: '',
      button_text: '',
      tax_status: 'taxable',
      tax_class: '',
      manage_stock: false,
      stock_quantity: null,
      stock_status: 'instock',
      backorders: 'no',
      backorders_allowed: false,
      backordered: false,
      sold_individually: false,
      weight: '',
      dimensions: { length: '', width: '', height: '' },
      shipping_required: true,
      shipping_taxable: true,
      shipping_class: '',
      shipping_class_id: 0,
      reviews_allowed: true,
      average_rating: '0.00',
      rating_count: 0,
      related_ids: [],
      upsell_ids: [],
      cross_sell_ids: [],
      parent_id: 0,
      purchase_note: '',
      categories: [],
      tags: [],
      images: [],
      attributes: [],
      default_attributes: [],
      variations: [],
      grouped_products: [],
      menu_order: 0,
      meta_data: [],
    };
  }

  /** What WooCommerce derives on save: price, on_sale, purchasable, stock status, permalink. */
  derive(product: Product): void {
    const regular = String(product['regular_price'] ?? '');
    const sale = String(product['sale_price'] ?? '');
    const onSale = sale !== '' && (regular === '' || centsOfDecimal(sale) < centsOfDecimal(regular));
    product['price'] = onSale ? sale : regular;
    product['on_sale'] = onSale;
    product['purchasable'] = product['price'] !== '' && product.status === 'publish';
    product['price_html'] =
      product['price'] === '' ? '' : `<span class="amount">${String(product['price'])}</span>`;
    if (product['manage_stock'] === true) {
      product['stock_status'] = (product.stock_quantity ?? 0) > 0 ? 'instock' : 'outofstock';
    } else {
      product.stock_quantity = null;
    }
    const slug = String(product['slug'] || `product-${product.id}`);
    product['permalink'] =
      product.status === 'publish'
        ? `${this.siteUrl()}/product/${slug}/`
        : `${this.siteUrl()}/?post_type=product&p=${product.id}`;
    const now = wooDate(this.clock.now());
    product['date_modified'] = now;
    product['date_modified_gmt'] = now;
  }

  /** The image entries WooCommerce answers for attachment ids. */
  imageEntry(id: number, alt: string | undefined): Record<string, unknown> & { id: number } {
    const media = this.media.get(id)!;
    if (alt !== undefined) media.altText = alt;
    return {
      id,
      date_created: media.date,
      date_created_gmt: media.date,
      date_modified: media.date,
      date_modified_gmt: media.date,
      src: this.mediaUrl(media),
      name: media.title,
      alt: media.altText,
    };
  }

  mediaUrl(media: Media): string {
    const d = new Date(Date.parse(`${media.date}Z`));
    const month = String(d.getUTCMonth() + 1).padStart(2, '0');
    return `${this.siteUrl()}/wp-content/uploads/${d.getUTCFullYear()}/${month}/${media.filename}`;
  }

  /** The `/wp/v2/media` answer for one attachment. */
  mediaAnswer(media: Media): Record<string, unknown> {
    return {
      id: media.id,
      date: media.date,
      date_gmt: media.date,
      guid: { rendered: this.mediaUrl(media) },
      modified: media.date,
      modified_gmt: media.date,
      slug: media.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      status: 'inherit',
      type: 'attachment',
      link: `${this.siteUrl()}/?attachment_id=${media.id}`,
      title: { rendered: media.title },
      author: media.author,
      comment_status: 'open',
      ping_status: 'closed',
      template: '',
      meta: [],
      description: { rendered: '' },
      caption: { rendered: '' },
      alt_text: media.altText,
      media_type: 'image',
      mime_type: media.mimeType,
      media_details: { filesize: media.bytes, sizes: {} },
      post: null,
      source_url: this.mediaUrl(media),
    };
  }

  // --- Orders, as a test places and changes them ----------------------------------------------

  /** Places an order for products by SKU (unknown SKUs become lines without a product). */
  addOrder(input: OrderInput): Order {
    const id = this.newId();
    const now = wooDate(this.clock.now());
    const status = input.status ?? 'processing';
    const shipping = input.shippingCents ?? 0;
    let itemsTotal = 0;
    const lines = input.lines.map((line) => {
      const product = this.productBySku(line.sku);
      const quantity = line.quantity ?? 1;
      itemsTotal += line.totalCents;
      this.nextItemId += 1;
      return {
        id: this.nextItemId,
        name: line.name ?? String(product?.['name'] ?? line.sku),
        product_id: product?.id ?? 0,
        variation_id: 0,
        quantity,
        tax_class: '',
        subtotal: decimalOf(line.totalCents),
        subtotal_tax: '0.00',
        total: decimalOf(line.totalCents),
        total_tax: '0.00',
        taxes: [],
        meta_data: [],
        sku: line.sku,
        price: line.totalCents / 100 / quantity,
      };
    });
    const country = input.country ?? 'FR';
    const address = {
      first_name: 'Camille',
      last_name: 'Martin',
      company: '',
      address_1: '1 rue de la Paix',
      address_2: '',
      city: 'Paris',
      state: '',
      postcode: '75002',
      country,
    };
    this.nextItemId += 1;
    const order: Order = {
      id,
      parent_id: 0,
      number: String(id),
      order_key: `wc_order_${id.toString(16)}`,
      created_via: 'checkout',
      version: '9.4.0',
      status,
      currency: input.currency ?? this.currency,
      date_created: now,
      date_created_gmt: now,
      date_modified: now,
      date_modified_gmt: now,
      discount_total: '0.00',
      discount_tax: '0.00',
      shipping_total: decimalOf(shipping),
      shipping_tax: '0.00',
      cart_tax: '0.00',
      total: decimalOf(itemsTotal + shipping),
      total_tax: '0.00',
      prices_include_tax: true,
      customer_id: 0,
      customer_ip_address: '203.0.113.7',
      customer_user_agent: 'Mozilla/5.0',
      customer_note: '',
      billing: { ...address, email: 'camille@example.com', phone: '' },
      shipping: address,
      payment_method: 'stripe',
      payment_method_title: 'Credit card',
      transaction_id: PAID.includes(status) ? `pi_${id}` : '',
      date_paid: PAID.includes(status) ? now : null,
      date_paid_gmt: PAID.includes(status) ? now : null,
      date_completed: status === 'completed' ? now : null,
      date_completed_gmt: status === 'completed' ? now : null,
      cart_hash: '',
      meta_data: [],
      line_items: lines,
      tax_lines: [],
      shipping_lines:
        shipping > 0
          ? [
              {
                id: this.nextItemId,
                method_title: 'Flat rate',
                method_id: 'flat_rate',
                total: decimalOf(shipping),
                total_tax: '0.00',
                taxes: [],
                meta_data: [],
              },
            ]
          : [],
      fee_lines: [],
      coupon_lines: [],
      refunds: [],
    };
    this.orders.set(id, order);
    if (STOCK_HELD.includes(status)) this.moveStock(order, -1);
    return order;
  }

  /** Changes an order's status the way the shop's admin would; returns the order. */
  setOrderStatus(id: number, status: OrderStatus): Order {
    const order = this.orders.get(id);
    if (!order) throw new Error(`No order ${id}`);
    const before = order.status;
    const now = wooDate(this.clock.now());
    order.status = status;
    order.date_modified_gmt = now;
    order['date_modified'] = now;
    if (PAID.includes(status) && order.date_paid_gmt === null) {
      order.date_paid_gmt = now;
      order['date_paid'] = now;
    }
    if (status === 'completed') {
      order['date_completed'] = now;
      order['date_completed_gmt'] = now;
    }
    const held = STOCK_HELD.includes(before);
    if (!held && STOCK_HELD.includes(status)) this.moveStock(order, -1);
    if (held && ['cancelled', 'refunded', 'failed'].includes(status)) this.moveStock(order, +1);
    return order;
  }

  cancelOrder(id: number): Order {
    return this.setOrderStatus(id, 'cancelled');
  }

  /** A full refund: status `refunded` and a refund record of the whole total. */
  refundOrder(id: number, reason = 'Returned by the buyer'): Order {
    const order = this.setOrderStatus(id, 'refunded');
    order.refunds.push({ id: this.newId(), reason, total: `-${String(order['total'])}` });
    return order;
  }

  private moveStock(order: Order, direction: 1 | -1): void {
    for (const line of order.line_items) {
      const product = this.products.get(Number(line['product_id']));
      if (!product) continue;
      const quantity = Number(line['quantity'] ?? 1);
      if (product['manage_stock'] === true && product.stock_quantity !== null) {
        product.stock_quantity += direction * quantity;
      }
      product.total_sales = Math.max(0, product.total_sales - direction * quantity);
      this.derive(product);
    }
  }
}
