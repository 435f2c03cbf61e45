import { sql, type Kysely, type Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';
import type { Actor } from '../actor';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { afterExplicitIds, isNumbered, serializeWith } from '../db/dialect';
import type { Queryable } from '../db/queryable';
import { isoAt, type Clock } from '../jobs/clock';
import { enqueue } from '../jobs/outbox';
import type { Workspace } from '../workspace';
import { ensureAccount } from './accounts';
import {
  ChannelError,
  type ChannelAdapter,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteListingStatus,
  type RemoteRef,
  type RemoteSale,
  type SalesPage,
} from './channel';

/**
 * The practice marketplace: a channel built into Rebound, so a new user or a trainee can run the
 * whole flow (publish, a buyer, the sale, the other listings ending) without any account. It is
 * a marketplace of its own, stored in its own tables; Rebound reaches it only through the channel
 * interface, exactly as it reaches eBay.
 */

export const PRACTICE_URL_PREFIX = 'rebound-practice://listing/';
export const PRACTICE_ORDER_PREFIX = 'PM-';

/**
 * The sync reads orders changed a little before its cursor again, as it must on real channels
 * whose timestamps are coarse or committed late; the sales table's unique key drops the repeats.
 */
export const PRACTICE_SYNC_OVERLAP_MS = 2 * 60 * 1000;

/** Standard parcel to a practice buyer; real channels report the buyer's actual shipping. */
export const PRACTICE_SHIPPING_CENTS = 495;

type PracticeRow = Selectable<Database['practice_listings']>;

function practiceUrl(id: number): string {
  return `${PRACTICE_URL_PREFIX}${id}`;
}

function toRemote(
  row: Pick<PracticeRow, 'id' | 'sku' | 'status' | 'price_cents' | 'currency'>,
): RemoteListing {
  return {
    sku: row.sku,
    offerId: null,
    listingId: String(row.id),
    status: row.status as RemoteListingStatus,
    url: practiceUrl(row.id),
    priceCents: row.price_cents,
    currency: row.currency,
  };
}

/**
 * Copies practice listings that exist only on Rebound's side (written by the demo generator,
 * which predates this marketplace's tables) into the marketplace, under the same ids and URLs.
 * Safe to run any number of times.
 */
export async function adoptDemoListings(db: Queryable): Promise<void> {
  const adopted = await sql`
    INSERT INTO practice_listings
      (id, merchant_id, sku, title, price_cents, currency, status, end_reason, created_at, updated_at)
    SELECT CAST(l.remote_listing_id AS INTEGER), i.merchant_id, COALESCE(l.remote_sku, i.reference),
           p.title, COALESCE(l.price_cents, 0), m.currency,
           CASE WHEN l.status = 'live' THEN 'live' WHEN l.end_reason = 'sold' THEN 'sold' ELSE 'ended' END,
           l.end_reason, l.created_at, l.updated_at
      FROM listings l
      JOIN items i ON i.id = l.item_id
      JOIN products p ON p.id = i.product_id
      JOIN merchants m ON m.id = i.merchant_id
     WHERE l.channel = 'practice' AND ${isNumbered(db, sql.ref('l.remote_listing_id'))}
       AND NOT EXISTS (SELECT 1 FROM practice_listings pl WHERE pl.sku = COALESCE(l.remote_sku, i.reference))
    ON CONFLICT DO NOTHING`.execute(db);
  if (Number(adopted.numAffectedRows ?? 0) > 0) await afterExplicitIds(db, 'practice_listings');
}

export class PracticeChannel implements ChannelAdapter {
  readonly channel = 'practice' as const;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly merchantId: number,
    private readonly clock: Clock,
  ) {}

  private async row(ref: RemoteRef): Promise<PracticeRow | undefined> {
    await adoptDemoListings(this.db);
    const byId = ref.listingId !== null && /^\d+$/.test(ref.listingId) ? Number(ref.listingId) : null;
    const q = this.db.selectFrom('practice_listings').selectAll().where('merchant_id', '=', this.merchantId);
    const found = byId !== null ? await q.where('id', '=', byId).executeTakeFirst() : undefined;
    return found ?? (await q.where('sku', '=', ref.sku).executeTakeFirst());
  }

  async findBySku(sku: string): Promise<RemoteListing | null> {
    const found = await this.row({ sku, offerId: null, listingId: null });
    return found ? toRemote(found) : null;
  }

  async upsert(input: ListingInput): Promise<RemoteListing> {
    const now = isoAt(this.clock.now());
    const existing = await this.findBySku(input.sku);
    if (existing?.status === 'sold') {
      throw new ChannelError(
        'user',
        'already_sold',
        `${input.sku} has already been sold on the practice marketplace, so it cannot be listed again there.`,
        { text: say('channels.practice.already_sold', { sku: input.sku }) },
      );
    }
    if (existing) {
      await this.db
        .updateTable('practice_listings')
        .set({
          title: input.title,
          description_html: input.descriptionHtml,
          price_cents: input.priceCents,
          original_cents: input.originalCents,
          currency: input.currency,
          status: 'live',
          end_reason: null,
          updated_at: now,
        })
        .where('id', '=', Number(existing.listingId))
        .execute();
    } else {
      await this.db
        .insertInto('practice_listings')
        .values({
          merchant_id: this.merchantId,
          sku: input.sku,
          title: input.title,
          description_html: input.descriptionHtml,
          price_cents: input.priceCents,
          original_cents: input.originalCents,
          currency: input.currency,
          status: 'live',
          end_reason: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const stored = await this.findBySku(input.sku);
    if (!stored)
      throw new ChannelError('retryable', 'not_stored', `The practice listing ${input.sku} was not stored.`);
    return stored;
  }

  async updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    const found = await this.row(ref);
    if (!found) {
      throw new ChannelError(
        'user',
        'not_listed',
        `${ref.sku} is not listed on the practice marketplace; publish it before changing its price.`,
        { text: say('channels.practice.not_listed_for_price', { sku: ref.sku }) },
      );
    }
    await this.db
      .updateTable('practice_listings')
      .set({ price_cents: priceCents, updated_at: isoAt(this.clock.now()) })
      .where('id', '=', found.id)
      .execute();
    return toRemote({ ...found, price_cents: priceCents });
  }

  async end(ref: RemoteRef, reason: EndReason): Promise<void> {
    const found = await this.row(ref);
    // Nothing to end, or already ended or sold: ending is idempotent.
    if (!found || found.status !== 'live') return;
    await this.db
      .updateTable('practice_listings')
      .set({ status: 'ended', end_reason: reason, updated_at: isoAt(this.clock.now()) })
      .where('id', '=', found.id)
      .where('status', '=', 'live')
      .execute();
  }

  async state(ref: RemoteRef): Promise<RemoteListing | null> {
    const found = await this.row(ref);
    return found ? toRemote(found) : null;
  }

  async salesSince(cursor: string | null): Promise<SalesPage> {
    let q = this.db
      .selectFrom('practice_orders')
      .selectAll()
      .where('merchant_id', '=', this.merchantId)
      .orderBy('updated_at')
      .orderBy('id');
    if (cursor !== null) {
      const at = Date.parse(cursor);
      if (Number.isNaN(at))
        throw new ChannelError('user', 'bad_cursor', `Unreadable sales cursor “${cursor}”.`);
      q = q.where('updated_at', '>=', isoAt(at - PRACTICE_SYNC_OVERLAP_MS));
    }
    const orders = await q.execute();
    const sales: RemoteSale[] = [];
    for (const order of orders) {
      const line = {
        orderId: order.order_id,
        lineId: '1',
        sku: order.sku,
        remoteListingId: String(order.listing_id),
        priceCents: order.price_cents,
        shippingCents: order.shipping_cents,
        currency: order.currency,
        buyerCountry: order.buyer_country,
      };
      sales.push({ ...line, soldAt: order.created_at, kind: 'sale' });
      if (order.status === 'cancelled' || order.status === 'refunded') {
        sales.push({
          ...line,
          soldAt: order.updated_at,
          kind: order.status === 'cancelled' ? 'cancellation' : 'refund',
        });
      }
    }
    const last = orders.at(-1);
    return { sales, cursor: last ? last.updated_at : (cursor ?? isoAt(0)) };
  }
}

export interface PracticeBuyInput {
  readonly itemId?: number | undefined;
  readonly listingId?: number | undefined;
  readonly buyerCountry?: string | undefined;
}

export interface PracticeOrder {
  readonly orderId: string;
  readonly practiceListingId: number;
  readonly itemId: number | null;
  readonly sku: string;
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly currency: string;
  readonly buyerCountry: string;
  readonly url: string;
}

/**
 * The next order number. The demo generator wrote practice sales (PM-…) straight into the sales
 * ledger, so numbers already used there are skipped: a new order must never share an order id
 * with a recorded sale, or the sync would take it for that sale and drop it.
 */
async function nextOrderNumber(db: Queryable): Promise<number> {
  await serializeWith(db, 'practice_order_numbers');
  const row = await sql<{ n: number | null }>`
    SELECT max(n) AS n FROM (
      SELECT max(id) AS n FROM practice_orders
      UNION ALL
      SELECT max(CAST(substr(order_id, 4) AS INTEGER)) FROM sales
       WHERE channel = 'practice' AND ${isNumbered(db, sql.ref('order_id'), 'PM-')}) AS numbers`.execute(db);
  return Number(row.rows[0]?.n ?? 0) + 1;
}

/**
 * A practice buyer buys one listing: an order appears on the practice marketplace and the listing
 * is sold there, exactly what a real buyer does on eBay. Rebound learns of it the normal way,
 * through the sales sync (enqueued here, as a marketplace's notification would prompt it).
 */
export async function buyOnPractice(
  ws: Workspace,
  actor: Actor,
  clock: Clock,
  input: PracticeBuyInput,
): Promise<PracticeOrder> {
  const now = isoAt(clock.now());
  const order = await ws.kysely.transaction().execute(async (trx) => {
    await adoptDemoListings(trx);
    let listing: PracticeRow | undefined;
    let itemId: number | null = null;
    let reference: string | null = null;
    if (input.itemId !== undefined) {
      const item = await trx
        .selectFrom('items')
        .select(['id', 'reference'])
        .where('id', '=', input.itemId)
        .executeTakeFirst();
      if (!item) throw new AppError('not_found', say('items.not_found', { id: String(input.itemId) }));
      itemId = item.id;
      reference = item.reference;
      const local = await trx
        .selectFrom('listings')
        .select(['remote_sku', 'remote_listing_id'])
        .where('item_id', '=', item.id)
        .where('channel', '=', 'practice')
        .executeTakeFirst();
      const sku = local?.remote_sku ?? item.reference;
      listing = await trx
        .selectFrom('practice_listings')
        .selectAll()
        .where('sku', '=', sku)
        .executeTakeFirst();
    } else if (input.listingId !== undefined) {
      listing = await trx
        .selectFrom('practice_listings')
        .selectAll()
        .where('id', '=', input.listingId)
        .executeTakeFirst();
      if (!listing)
        throw new AppError('not_found', say('channels.practice.no_listing', { id: String(input.listingId) }));
    } else {
      throw new AppError('bad_input', say('channels.practice.say_what'));
    }
    const name = reference ?? (listing ? listing.sku : 'This item');
    if (!listing) {
      throw new AppError('conflict', say('channels.practice.not_listed', { name }));
    }
    const row = listing;
    if (row.status !== 'live') {
      throw new AppError(
        'conflict',
        say(row.status === 'sold' ? 'channels.practice.already_bought' : 'channels.practice.ended', { name }),
      );
    }
    if (itemId === null) {
      const item = await trx
        .selectFrom('items')
        .select(['id', 'reference'])
        .where('reference', '=', row.sku)
        .executeTakeFirst();
      itemId = item?.id ?? null;
    }
    const number = await nextOrderNumber(trx);
    const orderId = `${PRACTICE_ORDER_PREFIX}${String(number).padStart(6, '0')}`;
    const buyerCountry = input.buyerCountry ?? 'IE';
    await trx
      .insertInto('practice_orders')
      .values({
        id: number,
        order_id: orderId,
        listing_id: row.id,
        merchant_id: row.merchant_id,
        sku: row.sku,
        price_cents: row.price_cents,
        shipping_cents: PRACTICE_SHIPPING_CENTS,
        currency: row.currency,
        buyer_country: buyerCountry,
        status: 'paid',
        created_at: now,
        updated_at: now,
      })
      .execute();
    // Quantity one: the marketplace takes the listing off sale the moment it is bought.
    await trx
      .updateTable('practice_listings')
      .set({ status: 'sold', end_reason: 'sold', updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const accountId = await ensureAccount(trx, row.merchant_id, 'practice', now);
    await enqueue(trx, {
      kind: 'sync_sales',
      itemId: null,
      channel: 'practice',
      payload: { accountId },
      idempotencyKey: `sync_sales:${accountId}:order:${orderId}`,
      now,
    });
    if (itemId !== null) {
      await recordEvent(trx, actor, {
        itemId,
        merchantId: row.merchant_id,
        kind: 'practice.bought',
        text: say('channels.practice.bought', { country: buyerCountry, order: orderId }),
        data: { orderId, practiceListingId: row.id, priceCents: row.price_cents, buyerCountry },
        at: now,
      });
    }
    return {
      orderId,
      practiceListingId: row.id,
      itemId,
      sku: row.sku,
      priceCents: row.price_cents,
      shippingCents: PRACTICE_SHIPPING_CENTS,
      currency: row.currency,
      buyerCountry,
      url: practiceUrl(row.id),
    };
  });
  ws.changed('jobs', 'items', 'listings');
  return order;
}
