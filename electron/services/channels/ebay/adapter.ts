import fs from 'node:fs';
import type eBayApi from 'ebay-api';
import { LANGUAGES, type Language } from '../../../../shared/domain/status';
import type { Clock } from '../../jobs/clock';
import { listingText } from '../../descriptions/service';
import type { Workspace } from '../../workspace';
import {
  asChannelError,
  ChannelError,
  type ChannelAdapter,
  type UpsertOutcome,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteRef,
  type RemoteSale,
  type SalesPage,
} from '../channel';
import { MARKETPLACES, type EbaySettings } from './config';
import { releaseUploadSlot, takeUploadSlot } from './uploadWindow';
import { entryFailure, existingOfferId, mapEbayError, readFailure } from './errors';
import type { EbaySession } from './oauth';
import { say } from '../../../../shared/messages';
import { joinedWords } from '../words';

/** eBay's limits (SOURCES.md), checked before a call so the message can say what to change. */
export const SKU_MAX = 50;
export const TITLE_MAX = 80;
const CONDITION_DESCRIPTION_MAX = 1000;
const IMAGES_MAX = 24;
/** eBay's bulk Inventory calls take at most 25 entries. */
export const BULK_MAX = 25;
/** Uploads in flight at once in a batch; the Media window, not this, sets the pace. */
const UPLOAD_CONCURRENCY = 8;
/** A batch waits for a Media slot rather than give its jobs back, but never longer than this. */
const UPLOAD_WAIT_MAX_MS = 10_000;
const MIN_SLEEP_MS = 25;
const ORDERS_PAGE = 200;
/** getOrders' lastModifiedDate can lag: read this much before the cursor, the caller de-duplicates. */
export const SALES_OVERLAP_MS = 15 * 60_000;
/** Without a cursor, the first sync looks this far back. */
const FIRST_SYNC_MS = 30 * 24 * 3_600_000;

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
  /** How a batch waits for the next Media slot; tests may replace it. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The language Rebound drafts an eBay listing in: the marketplace's own where Rebound writes it
 * (EBAY_DE/AT German, EBAY_FR French, EBAY_US/GB English), so the text, the body's `locale` and
 * the `Content-Language` header always agree. Elsewhere null: pre-flight warns that the text will
 * be in the merchant's language.
 */
export function marketplaceLanguage(marketplace: keyof typeof MARKETPLACES): Language | null {
  const prefix = MARKETPLACES[marketplace].locale.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : null;
}

interface ItemFactsOf {
  readonly conditionEnum: string;
  readonly conditionDescription: string | null;
  readonly photoFiles: readonly string[];
}

interface BulkEntry {
  readonly sku?: string;
  readonly offerId?: string;
  readonly listingId?: string;
  readonly statusCode?: number;
  readonly errors?: readonly { errorId?: number; message?: string; longMessage?: string }[];
  readonly inventoryItem?: { product?: { imageUrls?: string[] } };
}

/** One listing of a batch on its way through the bulk calls. */
interface Pending {
  readonly index: number;
  readonly input: ListingInput;
  readonly facts: ItemFactsOf;
  imageUrls: string[];
  offerId: string | null;
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

  get listingLanguage(): Language | undefined {
    return marketplaceLanguage(this.o.settings.marketplace) ?? undefined;
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

  /** What can be refused before anything is sent: eBay would refuse it, or refuse the whole bulk call. */
  private checkInput(input: ListingInput): void {
    if (input.sku.length > SKU_MAX) {
      throw new ChannelError(
        'user',
        'sku_too_long',
        `eBay takes SKUs of at most ${SKU_MAX} characters; “${input.sku.slice(0, 60)}…” is ${input.sku.length}. Shorten the item reference.`,
        {
          text: say('channels.ebay.sku_too_long', {
            max: SKU_MAX,
            sku: `${input.sku.slice(0, 60)}…`,
            length: input.sku.length,
          }),
        },
      );
    }
    if ([...input.title].length > TITLE_MAX) {
      throw new ChannelError(
        'user',
        'title_too_long',
        `eBay takes titles of at most ${TITLE_MAX} characters; “${input.title.slice(0, 40)}…” has ${[...input.title].length}. Shorten the title in the item's description.`,
        {
          text: say('channels.ebay.title_too_long', {
            max: TITLE_MAX,
            title: `${input.title.slice(0, 40)}…`,
            length: [...input.title].length,
          }),
        },
      );
    }
    if (input.currency !== this.market.currency) {
      throw new ChannelError(
        'user',
        'currency',
        `${this.o.settings.marketplace} sells in ${this.market.currency}, the merchant prices in ${input.currency}: choose the matching eBay marketplace.`,
        {
          text: say('channels.ebay.currency', {
            market: this.o.settings.marketplace,
            currency: this.market.currency,
            merchantCurrency: input.currency,
          }),
        },
      );
    }
  }

  private requireSettings(): void {
    const s = this.o.settings;
    const gaps = [
      s.fulfillmentPolicyId ? null : (['shipping policy', 'shipping_policy'] as const),
      s.paymentPolicyId ? null : (['payment policy', 'payment_policy'] as const),
      s.returnPolicyId ? null : (['return policy', 'return_policy'] as const),
      s.merchantLocationKey ? null : (['inventory location', 'location'] as const),
      s.categoryId ? null : (['category', 'category'] as const),
    ].filter((x) => x !== null);
    const missing = gaps.map(([words]) => words);
    if (missing.length > 0) {
      throw new ChannelError(
        'user',
        'not_configured',
        `eBay needs the seller’s ${missing.join(', ')}: run the eBay check in Settings and complete them.`,
        {
          text: say('channels.ebay_gap.missing', {
            missing: joinedWords(gaps.map(([, code]) => say(`channels.ebay_gap.${code}`))),
          }),
        },
      );
    }
  }

  private inventoryBody(input: ListingInput, facts: ItemFactsOf, imageUrls: readonly string[]) {
    return {
      locale: this.market.locale.replace('-', '_'),
      availability: { shipToLocationAvailability: { quantity: input.quantity } },
      condition: facts.conditionEnum,
      ...(facts.conditionDescription
        ? { conditionDescription: clip(facts.conditionDescription, CONDITION_DESCRIPTION_MAX) }
        : {}),
      product: { title: input.title, description: input.descriptionHtml, imageUrls: [...imageUrls] },
    };
  }

  private offerDetails(input: ListingInput) {
    const s = this.o.settings;
    return {
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
  }

  async upsert(input: ListingInput): Promise<RemoteListing> {
    const s = this.o.settings;
    this.checkInput(input);
    this.requireSettings();
    const facts = await this.itemFacts(input.sku);
    const imageUrls = await this.imageUrls(input.sku, facts.photoFiles);
    const item = this.inventoryBody(input, facts, imageUrls);
    await this.o.session.call('saving the inventory item', () =>
      // ebay-api's types inherit the contract's `aspects: string` error (tests/ebay README): cast here.
      this.inventory.createOrReplaceInventoryItem(input.sku, item as never),
    );

    const details = this.offerDetails(input);
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

  /**
   * Publishes many listings with eBay's bulk calls, 25 per call: pictures (Media API, paced by
   * its window), then bulkCreateOrReplaceInventoryItem, bulkCreateOffer and bulkPublishOffer,
   * each answering per entry (207). A refused entry fails only its own listing; a bulk call that
   * fails outright fails only its 25. Pictures of the next 25 keep uploading while the bulk calls
   * of the previous ones are under way, so the Media window, not the round trips, sets the pace.
   * Idempotent like `upsert`: an offer that an interrupted run already created comes back from
   * bulkCreateOffer as "Offer entity already exists" with its id, and is updated, not duplicated.
   */
  async upsertMany(inputs: readonly ListingInput[]): Promise<readonly UpsertOutcome[]> {
    this.requireSettings();
    const failed = new Map<number, ChannelError>();
    const fail = (index: number, error: unknown) => {
      if (!failed.has(index)) failed.set(index, asChannelError(error));
    };
    const pending: Pending[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        this.checkInput(input);
        const facts = await this.itemFacts(input.sku);
        if (facts.photoFiles.length === 0) {
          throw new ChannelError(
            'user',
            'no_photos',
            `eBay needs at least one picture: add photos to ${input.sku}.`,
            { text: say('channels.ebay.no_photos', { reference: input.sku }) },
          );
        }
        pending.push({ index, input, facts, imageUrls: [], offerId: null });
      } catch (error) {
        fail(index, error);
      }
    }
    const chunks: Pending[][] = [];
    for (let start = 0; start < pending.length; start += BULK_MAX) {
      chunks.push(pending.slice(start, start + BULK_MAX));
    }
    const listings = new Map<number, RemoteListing>();

    // Pictures already on eBay (an earlier run stored them on the inventory item) are kept.
    for (const chunk of chunks) {
      await this.guard(chunk, fail, async () => {
        const answer = (await this.o.session.call('reading the inventory items', () =>
          this.inventory.bulkGetInventoryItem({
            requests: chunk.map((p) => ({ sku: p.input.sku })),
          } as never),
        )) as { responses?: BulkEntry[] } | null;
        const stored = new Map(
          (answer?.responses ?? []).map((r) => [r.sku, r.inventoryItem?.product?.imageUrls]),
        );
        for (const p of chunk) {
          const urls = stored.get(p.input.sku) ?? [];
          if (urls.length === p.facts.photoFiles.length) p.imageUrls = [...urls];
        }
      });
    }

    const uploads = this.uploadPictures(chunks, fail, failed);
    try {
      for (const [k, chunk] of chunks.entries()) {
        await uploads.chunkDone[k];
        await this.guard(chunk, fail, () =>
          this.publishChunk(
            chunk.filter((p) => !failed.has(p.index)),
            fail,
            listings,
          ),
        );
      }
    } finally {
      uploads.stop();
      await uploads.all;
    }

    return inputs.map((input, index): UpsertOutcome => {
      const listing = listings.get(index);
      if (listing) return { sku: input.sku, ok: true, listing };
      return { sku: input.sku, ok: false, error: failed.get(index) ?? missingEntry('publishing the offer') };
    });
  }

  /** Runs one bulk step for a chunk: if the call itself fails, the chunk's listings fail with it (auth: all). */
  private async guard(
    chunk: readonly Pending[],
    fail: (index: number, error: unknown) => void,
    step: () => Promise<void>,
  ): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (error instanceof ChannelError && error.kind === 'auth') throw error;
      for (const p of chunk) fail(p.index, error);
    }
  }

  /** Inventory items, offers and publication for up to 25 listings whose pictures are on eBay. */
  private async publishChunk(
    chunk: readonly Pending[],
    fail: (index: number, error: unknown) => void,
    listings: Map<number, RemoteListing>,
  ): Promise<void> {
    const now = () => this.o.clock.now();
    let alive = chunk.filter((p) => p.imageUrls.length > 0);
    if (alive.length === 0) return;

    const saved = (await this.o.session.call('saving the inventory items', () =>
      this.inventory.bulkCreateOrReplaceInventoryItem({
        requests: alive.map((p) => ({
          sku: p.input.sku,
          ...this.inventoryBody(p.input, p.facts, p.imageUrls),
        })),
      } as never),
    )) as { responses?: BulkEntry[] } | null;
    const savedBySku = new Map((saved?.responses ?? []).map((r) => [r.sku, r]));
    alive = alive.filter((p) => {
      const entry = savedBySku.get(p.input.sku);
      if (entry && isSuccess(entry.statusCode)) return true;
      fail(
        p.index,
        entry
          ? mapEbayError(entryFailure(entry.statusCode, entry.errors), 'saving the inventory item', now())
          : missingEntry('saving the inventory item'),
      );
      return false;
    });
    if (alive.length === 0) return;

    const created = (await this.o.session.call('creating the offers', () =>
      this.inventory.bulkCreateOffer({
        requests: alive.map((p) => ({
          ...this.offerDetails(p.input),
          sku: p.input.sku,
          marketplaceId: this.o.settings.marketplace,
          format: 'FIXED_PRICE',
        })),
      } as never),
    )) as { responses?: BulkEntry[] } | null;
    const createdBySku = new Map((created?.responses ?? []).map((r) => [r.sku, r]));
    for (const p of alive) {
      const entry = createdBySku.get(p.input.sku);
      if (!entry) {
        fail(p.index, missingEntry('creating the offer'));
      } else if (isSuccess(entry.statusCode) && entry.offerId) {
        p.offerId = entry.offerId;
      } else {
        const existing = existingOfferId(entryFailure(entry.statusCode, entry.errors));
        if (!existing) {
          fail(
            p.index,
            mapEbayError(entryFailure(entry.statusCode, entry.errors), 'creating the offer', now()),
          );
          continue;
        }
        // Rare (a resumed batch): one updateOffer each, so the offer carries today's price and text.
        try {
          await this.o.session.call('updating the offer', () =>
            this.inventory.updateOffer(existing, this.offerDetails(p.input) as never),
          );
          p.offerId = existing;
        } catch (error) {
          if (error instanceof ChannelError && error.kind === 'auth') throw error;
          fail(p.index, error);
        }
      }
    }
    alive = alive.filter((p) => p.offerId !== null);
    if (alive.length === 0) return;

    // Publishing a published offer revises its listing: same listing id.
    const published = (await this.o.session.call('publishing the offers', () =>
      this.inventory.bulkPublishOffer({ requests: alive.map((p) => ({ offerId: p.offerId })) } as never),
    )) as { responses?: BulkEntry[] } | null;
    const byOffer = new Map((published?.responses ?? []).map((r) => [r.offerId, r]));
    for (const p of alive) {
      const entry = byOffer.get(p.offerId ?? '');
      if (!entry) {
        fail(p.index, missingEntry('publishing the offer'));
      } else if (!isSuccess(entry.statusCode) || !entry.listingId) {
        fail(
          p.index,
          mapEbayError(entryFailure(entry.statusCode, entry.errors), 'publishing the offer', now()),
        );
      } else {
        listings.set(p.index, {
          sku: p.input.sku,
          offerId: p.offerId,
          listingId: entry.listingId,
          status: 'live',
          url: this.listingUrl(entry.listingId),
          priceCents: p.input.priceCents,
          currency: p.input.currency,
        });
      }
    }
  }

  /**
   * Uploads the pictures of every chunk that needs them, several at a time and in chunk order,
   * within the Media window. `chunkDone[k]` settles when chunk k's pictures are all up (or its
   * listings failed); `stop` ends the work early (an auth failure elsewhere).
   */
  private uploadPictures(
    chunks: readonly (readonly Pending[])[],
    fail: (index: number, error: unknown) => void,
    failed: ReadonlyMap<number, ChannelError>,
  ): { chunkDone: Promise<void>[]; all: Promise<void>; stop: () => void } {
    const tasks = chunks.flatMap((chunk, k) =>
      chunk
        .filter((p) => p.imageUrls.length === 0 && !failed.has(p.index))
        .flatMap((p) => p.facts.photoFiles.map((file, position) => ({ k, p, file, position }))),
    );
    const left = chunks.map((_, k) => tasks.filter((t) => t.k === k).length);
    const resolvers: (() => void)[] = [];
    const chunkDone = chunks.map(
      (_, k) =>
        new Promise<void>((resolve) => {
          resolvers[k] = resolve;
          if (left[k] === 0) resolve();
        }),
    );
    const urls = new Map<number, string[]>();
    let next = 0;
    let stopped = false;
    const work = async () => {
      while (!stopped && next < tasks.length) {
        const task = tasks[next++]!;
        try {
          if (!failed.has(task.p.index)) {
            const url = await this.uploadPicture(task.file, await this.uploadSlot());
            const list = urls.get(task.p.index) ?? [];
            list[task.position] = url;
            urls.set(task.p.index, list);
            if (list.filter(Boolean).length === task.p.facts.photoFiles.length) task.p.imageUrls = list;
          }
        } catch (error) {
          fail(task.p.index, error);
          if (error instanceof ChannelError && error.kind === 'auth') stopped = true;
        }
        left[task.k]! -= 1;
        if (left[task.k] === 0) resolvers[task.k]!();
      }
    };
    const all = Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, tasks.length) }, work)).then(
      () => {
        // Whatever was not reached (stopped early) settles too, so nobody waits for ever.
        for (const resolve of resolvers) resolve();
      },
    );
    return {
      chunkDone,
      all,
      stop: () => {
        stopped = true;
      },
    };
  }

  /**
   * Waits for the account's next Media slot rather than give the job back for a moment's wait.
   * The window is shared by every process working the account (./uploadWindow.ts).
   */
  private async uploadSlot(): Promise<number> {
    const sleep = this.o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (;;) {
      const before = this.o.clock.now();
      const { slotId, waitMs } = await takeUploadSlot(this.o.ws, this.o.accountId, before);
      if (slotId !== null) return slotId;
      if (waitMs > UPLOAD_WAIT_MAX_MS) {
        throw new ChannelError(
          'retryable',
          'media_rate',
          'eBay takes 50 pictures per 5 seconds; continuing shortly.',
          {
            retryAfterMs: waitMs,
          },
        );
      }
      // Never less than a few ms: a timer may fire before the wall clock ticks over, and a clock
      // that stays still across a real pause is a test's, which would wait for ever.
      await sleep(Math.max(waitMs, MIN_SLEEP_MS));
      if (this.o.clock.now() === before) {
        throw new ChannelError(
          'retryable',
          'media_rate',
          'eBay takes 50 pictures per 5 seconds; continuing shortly.',
          {
            retryAfterMs: waitMs,
          },
        );
      }
    }
  }

  /** Uploads one picture; the caller has taken its Media slot, which is given back here. */
  private async uploadPicture(file: string, slotId: number): Promise<string> {
    try {
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
      return uploaded.imageUrl;
    } finally {
      await releaseUploadSlot(this.o.ws, slotId, this.o.clock.now());
    }
  }

  async updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    const offer = ref.offerId ? await this.getOffer(ref.offerId) : await this.findOffer(ref.sku);
    if (!offer) {
      throw new ChannelError(
        'user',
        'not_found',
        `eBay has no offer for ${ref.sku}: publish the item again.`,
        { text: say('channels.ebay.no_offer', { reference: ref.sku }) },
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
    const language =
      marketplaceLanguage(this.o.settings.marketplace) ??
      ((LANGUAGES as readonly string[]).includes(item.language) ? item.language : 'en');
    const text = await listingText(this.o.ws, item.id, language);
    if (!text) {
      throw new ChannelError(
        'user',
        'no_description',
        `Item ${sku} has no listing description eBay can use: draft one first.`,
        { text: say('channels.ebay.no_description', { reference: sku }) },
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
      throw new ChannelError('user', 'no_photos', `eBay needs at least one picture: add photos to ${sku}.`, {
        text: say('channels.ebay.no_photos', { reference: sku }),
      });
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

    const urls: string[] = [];
    for (const file of files) {
      urls.push(await this.uploadPicture(file, await this.uploadSlot()));
    }
    return urls;
  }
}

function isSuccess(statusCode: number | undefined): boolean {
  return statusCode !== undefined && statusCode >= 200 && statusCode < 300;
}

function missingEntry(action: string): ChannelError {
  return new ChannelError(
    'retryable',
    'no_entry',
    `eBay's answer had no result for this item while ${action}.`,
  );
}

/** Cuts text to eBay's limit at a word, with an ellipsis, rather than have the whole call refused. */
function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
