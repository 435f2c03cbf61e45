import fs from 'node:fs';
import type eBayApi from 'ebay-api';
import { LANGUAGES, type Language } from '../../../../shared/domain/status';
import type { Clock } from '../../jobs/clock';
import { listingText } from '../../descriptions/service';
import type { Workspace } from '../../workspace';
import {
  ChannelError,
  type ChannelAdapter,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteRef,
  type RemoteSale,
  type SalesPage,
} from '../channel';
import { MARKETPLACES, type EbaySettings } from './config';
import { existingOfferId, readFailure } from './errors';
import type { EbaySession } from './oauth';

/** eBay's limits (SOURCES.md), checked before a call so the message can say what to change. */
export const SKU_MAX = 50;
const IMAGES_MAX = 24;
const ORDERS_PAGE = 200;
/** getOrders' lastModifiedDate can lag: read this much before the cursor, the caller de-duplicates. */
export const SALES_OVERLAP_MS = 15 * 60_000;
/** Without a cursor, the first sync looks this far back. */
const FIRST_SYNC_MS = 30 * 24 * 3_600_000;

/**
 * Media API: at most 50 uploads per 5 seconds per user. A token bucket per account, shared by
 * every adapter instance of that account in this process. When it is empty the upload is not
 * made: the job is retried when the bucket has refilled (no sleeping in the worker).
 */
export class UploadBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity = 50,
    private readonly windowMs = 5_000,
    nowMs = 0,
  ) {
    this.tokens = capacity;
    this.at = nowMs;
  }

  /** Takes one upload; returns 0, or the milliseconds to wait for the next one. */
  take(nowMs: number): number {
    const rate = this.capacity / this.windowMs;
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, nowMs - this.at) * rate);
    this.at = Math.max(this.at, nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / rate);
  }
}

const buckets = new Map<number, UploadBucket>();
export function uploadBucketFor(accountId: number, nowMs: number): UploadBucket {
  let bucket = buckets.get(accountId);
  if (!bucket) {
    bucket = new UploadBucket(50, 5_000, nowMs);
    buckets.set(accountId, bucket);
  }
  return bucket;
}

/** Integer cents → eBay's `{value: "12.99", currency}`; never through floating point. */
export function ebayAmount(cents: number, currency: string): { value: string; currency: string } {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`Not an amount in cents: ${cents}`);
  return { value: `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency };
}

/** eBay's `"12.99"` → 1299 cents, exactly. */
export function centsOf(value: string | undefined): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec((value ?? '0').trim());
  if (!match) return 0;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** eBay's "no such offer / inventory item" (404, whatever its errorId). */
function isNotFound(error: unknown): boolean {
  return error instanceof ChannelError && error.kind === 'user' && readFailure(error.cause).status === 404;
}

interface OfferRecord {
  offerId: string;
  sku: string;
  marketplaceId: string;
  format?: string;
  status?: string;
  listing?: { listingId?: string; listingStatus?: string };
  pricingSummary?: { price?: { value?: string; currency?: string } };
  categoryId?: string;
  listingDescription?: string;
  listingPolicies?: Record<string, unknown>;
  merchantLocationKey?: string;
  availableQuantity?: number;
}

interface EbayAmount {
  value?: string;
  currency?: string;
}
interface OrderRecord {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  cancelStatus?: { cancelState?: string };
  buyer?: { buyerRegistrationAddress?: { contactAddress?: { countryCode?: string } } };
  fulfillmentStartInstructions?: {
    shippingStep?: { shipTo?: { contactAddress?: { countryCode?: string } } };
  }[];
  lineItems?: {
    lineItemId: string;
    legacyItemId?: string;
    sku?: string;
    total?: EbayAmount;
    lineItemCost?: EbayAmount;
    deliveryCost?: { shippingCost?: EbayAmount };
  }[];
}

export interface EbayChannelOptions {
  readonly ws: Workspace;
  readonly merchantId: number;
  readonly accountId: number;
  readonly settings: EbaySettings;
  readonly api: eBayApi;
  readonly session: EbaySession;
  readonly clock: Clock;
}

/**
 * The eBay channel: Inventory API (inventory item → offer → publish), Media API for pictures,
 * Fulfillment API for orders. Idempotent by SKU (the item reference): the offer is always looked
 * up before one is created, and eBay's "Offer entity already exists" hands back the one to reuse,
 * so a crash between createOffer and our own bookkeeping never yields a second offer.
 */
export class EbayChannel implements ChannelAdapter {
  readonly channel = 'ebay' as const;
  private readonly market: (typeof MARKETPLACES)[keyof typeof MARKETPLACES];

  constructor(private readonly o: EbayChannelOptions) {
    this.market = MARKETPLACES[o.settings.marketplace];
  }

  private get inventory() {
    return this.o.api.sell.inventory;
  }

  private listingUrl(listingId: string): string {
    return `https://${this.market.host}/itm/${listingId}`;
  }

  private toRemote(offer: OfferRecord): RemoteListing {
    const listingId = offer.listing?.listingId ?? null;
    const live =
      offer.status === 'PUBLISHED' && listingId !== null && offer.listing?.listingStatus !== 'ENDED';
    return {
      sku: offer.sku,
      offerId: offer.offerId,
      listingId,
      status: live ? 'live' : 'ended',
      url: listingId ? this.listingUrl(listingId) : null,
      priceCents: centsOf(offer.pricingSummary?.price?.value),
      currency: offer.pricingSummary?.price?.currency ?? this.market.currency,
    };
  }

  /** Our offer for the SKU on this marketplace (fixed price), or null. */
  private async findOffer(sku: string): Promise<OfferRecord | null> {
    try {
      const page = (await this.o.session.call('looking up the offer', () =>
        this.inventory.getOffers({ sku, marketplaceId: this.o.settings.marketplace }),
      )) as { offers?: OfferRecord[] } | null;
      return (
        page?.offers?.find(
          (x) =>
            x.marketplaceId === this.o.settings.marketplace && (x.format ?? 'FIXED_PRICE') === 'FIXED_PRICE',
        ) ?? null
      );
    } catch (error) {
      // eBay answers "no offers" as 404 / 25713 rather than an empty page.
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  private async getOffer(offerId: string): Promise<OfferRecord | null> {
    try {
      return (await this.o.session.call('reading the offer', () =>
        this.inventory.getOffer(offerId),
      )) as OfferRecord;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async findBySku(sku: string): Promise<RemoteListing | null> {
    const offer = await this.findOffer(sku);
    return offer ? this.toRemote(offer) : null;
  }

  async upsert(input: ListingInput): Promise<RemoteListing> {
    const s = this.o.settings;
    if (input.sku.length > SKU_MAX) {
      throw new ChannelError(
        'user',
        'sku_too_long',
        `eBay takes SKUs of at most ${SKU_MAX} characters; “${input.sku.slice(0, 60)}…” is ${input.sku.length}. Shorten the item reference.`,
      );
    }
    if (
      !s.fulfillmentPolicyId ||
      !s.paymentPolicyId ||
      !s.returnPolicyId ||
      !s.merchantLocationKey ||
      !s.categoryId
    ) {
      throw new ChannelError(
        'user',
        'not_configured',
        'eBay needs the seller’s shipping, payment and return policies, a location and a category: complete the eBay settings.',
      );
    }
    if (input.currency !== this.market.currency) {
      throw new ChannelError(
        'user',
        'currency',
        `${s.marketplace} sells in ${this.market.currency}, the merchant prices in ${input.currency}: choose the matching eBay marketplace.`,
      );
    }
    const facts = await this.itemFacts(input.sku);
    const imageUrls = await this.imageUrls(input.sku, facts.photoFiles);
    const item = {
      locale: this.market.locale.replace('-', '_'),
      availability: { shipToLocationAvailability: { quantity: input.quantity } },
      condition: facts.conditionEnum,
      ...(facts.conditionDescription ? { conditionDescription: facts.conditionDescription } : {}),
      product: { title: input.title, description: input.descriptionHtml, imageUrls },
    };
    await this.o.session.call('saving the inventory item', () =>
      // ebay-api's types inherit the contract's `aspects: string` error (tests/ebay README): cast here.
      this.inventory.createOrReplaceInventoryItem(input.sku, item as never),
    );

    const details = {
      availableQuantity: input.quantity,
      categoryId: s.categoryId,
      listingDescription: input.descriptionHtml,
      listingPolicies: {
        fulfillmentPolicyId: s.fulfillmentPolicyId,
        paymentPolicyId: s.paymentPolicyId,
        returnPolicyId: s.returnPolicyId,
      },
      merchantLocationKey: s.merchantLocationKey,
      pricingSummary: { price: ebayAmount(input.priceCents, input.currency) },
    };
    let offer = await this.findOffer(input.sku);
    let offerId: string;
    if (offer) {
      offerId = offer.offerId;
      await this.o.session.call('updating the offer', () =>
        this.inventory.updateOffer(offerId, details as never),
      );
    } else {
      offerId = await this.createOffer({
        ...details,
        sku: input.sku,
        marketplaceId: s.marketplace,
        format: 'FIXED_PRICE',
      });
    }
    offer = await this.getOffer(offerId);
    if (offer?.status === 'PUBLISHED' && offer.listing?.listingId) {
      // updateOffer on a published offer already revised the live listing.
      return this.toRemote(offer);
    }
    const published = (await this.o.session.call('publishing the offer', () =>
      this.inventory.publishOffer(offerId),
    )) as { listingId?: string };
    if (!published.listingId) {
      throw new ChannelError(
        'retryable',
        'no_listing_id',
        'eBay published the offer without a listing id; checking again.',
      );
    }
    return {
      sku: input.sku,
      offerId,
      listingId: published.listingId,
      status: 'live',
      url: this.listingUrl(published.listingId),
      priceCents: input.priceCents,
      currency: input.currency,
    };
  }

  private async createOffer(body: Record<string, unknown>): Promise<string> {
    try {
      const created = (await this.o.session.call('creating the offer', () =>
        this.inventory.createOffer(body as never),
      )) as { offerId: string };
      return created.offerId;
    } catch (error) {
      // Created by an earlier attempt that crashed before we saw the answer: eBay names it.
      const existing = existingOfferId(error instanceof ChannelError ? error.cause : error);
      if (existing) {
        const { sku: _sku, marketplaceId: _m, format: _f, ...details } = body;
        await this.o.session.call('updating the offer', () =>
          this.inventory.updateOffer(existing, details as never),
        );
        return existing;
      }
      throw error;
    }
  }

  async updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    const offer = ref.offerId ? await this.getOffer(ref.offerId) : await this.findOffer(ref.sku);
    if (!offer) {
      throw new ChannelError(
        'user',
        'not_found',
        `eBay has no offer for ${ref.sku}: publish the item again.`,
      );
    }
    const currency = offer.pricingSummary?.price?.currency ?? this.market.currency;
    const details = {
      availableQuantity: offer.availableQuantity ?? 1,
      categoryId: offer.categoryId,
      listingDescription: offer.listingDescription,
      listingPolicies: offer.listingPolicies,
      merchantLocationKey: offer.merchantLocationKey,
      pricingSummary: { price: ebayAmount(priceCents, currency) },
    };
    await this.o.session.call('changing the price', () =>
      this.inventory.updateOffer(offer.offerId, details as never),
    );
    return { ...this.toRemote(offer), priceCents, currency };
  }

  async end(ref: RemoteRef, _reason: EndReason): Promise<void> {
    const offerId = ref.offerId ?? (await this.findOffer(ref.sku))?.offerId ?? null;
    if (offerId === null) return;
    try {
      await this.o.session.call('ending the listing', () => this.inventory.withdrawOffer(offerId));
    } catch (error) {
      // Already withdrawn, never published, or gone: the listing is not live, which is the goal.
      if (error instanceof ChannelError && ['25713', '25002', 'http_404'].includes(error.code)) {
        const failure = readFailure(error.cause);
        if (failure.status === 404 || failure.status === 400) return;
      }
      throw error;
    }
  }

  async state(ref: RemoteRef): Promise<RemoteListing | null> {
    const offer = ref.offerId ? await this.getOffer(ref.offerId) : await this.findOffer(ref.sku);
    return offer ? this.toRemote(offer) : null;
  }

  async salesSince(cursor: string | null): Promise<SalesPage> {
    let fromMs: number;
    if (cursor === null) {
      fromMs = this.o.clock.now() - FIRST_SYNC_MS;
    } else {
      const at = Date.parse(cursor);
      if (Number.isNaN(at))
        throw new ChannelError('user', 'bad_cursor', `Unreadable eBay sales cursor “${cursor}”.`);
      fromMs = at - SALES_OVERLAP_MS;
    }
    // eBay wants UTC ISO 8601 with milliseconds: `lastmodifieddate:[2026-04-01T09:00:00.000Z..]`.
    const filter = `lastmodifieddate:[${new Date(fromMs).toISOString()}..]`;
    const sales: RemoteSale[] = [];
    let latest = cursor ?? new Date(fromMs).toISOString();
    for (let offset = 0; ; offset += ORDERS_PAGE) {
      const page = (await this.o.session.call('reading orders', () =>
        this.o.api.sell.fulfillment.getOrders({ filter, limit: ORDERS_PAGE, offset }),
      )) as { orders?: OrderRecord[]; total?: number };
      const orders = page.orders ?? [];
      for (const order of orders) {
        if (order.lastModifiedDate > latest) latest = order.lastModifiedDate;
        sales.push(...this.salesOf(order));
      }
      if (orders.length < ORDERS_PAGE || offset + orders.length >= (page.total ?? 0)) break;
    }
    return { sales, cursor: latest };
  }

  private salesOf(order: OrderRecord): RemoteSale[] {
    const country =
      order.fulfillmentStartInstructions?.[0]?.shippingStep?.shipTo?.contactAddress?.countryCode ??
      order.buyer?.buyerRegistrationAddress?.contactAddress?.countryCode ??
      null;
    const out: RemoteSale[] = [];
    for (const line of order.lineItems ?? []) {
      const amount = line.lineItemCost ?? line.total;
      const base = {
        orderId: order.orderId,
        lineId: line.lineItemId,
        sku: line.sku ?? null,
        remoteListingId: line.legacyItemId ?? null,
        priceCents: centsOf(amount?.value),
        shippingCents: centsOf(line.deliveryCost?.shippingCost?.value),
        currency: amount?.currency ?? this.market.currency,
        buyerCountry: country,
      };
      out.push({ ...base, soldAt: order.creationDate, kind: 'sale' });
      if (order.cancelStatus?.cancelState === 'CANCELED') {
        out.push({ ...base, soldAt: order.lastModifiedDate, kind: 'cancellation' });
      }
    }
    return out;
  }

  /** The drafted condition and the listing photos of the item with this reference. */
  private async itemFacts(sku: string) {
    const db = this.o.ws.kysely;
    const item = await db
      .selectFrom('items')
      .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
      .select(['items.id', 'merchants.language'])
      .where('items.merchant_id', '=', this.o.merchantId)
      .where('items.reference', '=', sku)
      .executeTakeFirst();
    if (!item) throw new ChannelError('user', 'unknown_item', `No item ${sku} for this merchant.`);
    const language = (LANGUAGES as readonly string[]).includes(item.language)
      ? (item.language as Language)
      : 'en';
    const text = await listingText(this.o.ws, item.id, language);
    if (!text) {
      throw new ChannelError(
        'user',
        'no_description',
        `Item ${sku} has no listing description eBay can use: draft one first.`,
      );
    }
    const photos = await db
      .selectFrom('photos')
      .select('hash')
      .where('item_id', '=', item.id)
      .where('deleted_at', 'is', null)
      .orderBy('is_main', 'desc')
      .orderBy('position')
      .limit(IMAGES_MAX)
      .execute();
    return {
      conditionEnum: text.conditionEnum,
      conditionDescription: text.conditionDescription,
      photoFiles: photos.map((p) => this.o.ws.photoPath(p.hash, 'listing')),
    };
  }

  /**
   * The pictures' eBay URLs. An inventory item that already holds as many URLs as we have photos
   * (a retry, a re-publish) keeps them, so a retry does not upload everything again.
   */
  private async imageUrls(sku: string, files: readonly string[]): Promise<string[]> {
    if (files.length === 0) {
      throw new ChannelError('user', 'no_photos', `eBay needs at least one picture: add photos to ${sku}.`);
    }
    let existing: string[] = [];
    try {
      const current = (await this.o.session.call('reading the inventory item', () =>
        this.inventory.getInventoryItem(sku),
      )) as { product?: { imageUrls?: string[] } };
      existing = current.product?.imageUrls ?? [];
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (existing.length === files.length) return existing;

    const bucket = uploadBucketFor(this.o.accountId, this.o.clock.now());
    const urls: string[] = [];
    for (const file of files) {
      const waitMs = bucket.take(this.o.clock.now());
      if (waitMs > 0) {
        throw new ChannelError(
          'retryable',
          'media_rate',
          'eBay takes 50 pictures per 5 seconds; continuing shortly.',
          {
            retryAfterMs: waitMs,
          },
        );
      }
      const bytes = await fs.promises.readFile(file);
      const uploaded = (await this.o.session.call('uploading a picture', () => {
        const form = new FormData();
        form.append('image', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
        // ebay-api v9 has no image method and forces JSON; the per-call header wins (tests/ebay README).
        return this.o.api.commerce.media.post(
          '/image/create_image_from_file',
          form,
          {},
          {
            headers: { 'Content-Type': 'multipart/form-data' },
          },
        );
      })) as { imageUrl?: string };
      if (!uploaded.imageUrl)
        throw new ChannelError('retryable', 'no_image_url', 'eBay stored a picture without a URL.');
      urls.push(uploaded.imageUrl);
    }
    return urls;
  }
}
