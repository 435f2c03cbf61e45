import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { ItemDetail } from '../../../shared/contract';
import type { ReturnReason } from '../../../shared/domain/grades';
import type { ReceiveInput, ReturnFactsInput } from '../../../shared/contract/intake';
import {
  checkReturnWindow,
  localIsoDate,
  toCalendarDate,
  type WindowCheck,
} from '../../../shared/domain/returnWindow';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { isNumbered, scanInOrder, sameValue, serializeWith } from '../db/dialect';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { getItem } from '../items';
import type { Workspace } from '../workspace';
import { conflictMessage, updateItemAt } from '../item-versions';
import { diffFields, fieldList } from './shared';
import { type Queryable } from '../db/queryable';
import { date, nested, say, type Message } from '../../../shared/messages';

/** Rebound references: "RB-" and a sequence number, zero-padded to six digits (more when needed). */
const REFERENCE_PREFIX = 'RB-';
const REFERENCE_DIGITS = 6;

export function formatReference(sequence: number): string {
  return `${REFERENCE_PREFIX}${String(sequence).padStart(REFERENCE_DIGITS, '0')}`;
}

/**
 * The canonical form of a typed or scanned reference, or null if the text is not one:
 * "rb-000123", "RB000123", "RB 123" and "RB-123" all become "RB-000123".
 */
export function normalizeReference(text: string): string | null {
  const match = /^RB[-\s_]?(\d{1,12})$/i.exec(text.trim());
  if (!match) return null;
  return formatReference(Number(match[1]));
}

/**
 * The highest sequence number in use. Read inside the writing transaction, which holds the
 * numbering (db/dialect.ts): nobody else can take the next number before it commits. A longer
 * reference is a larger number (at least REFERENCE_DIGITS digits, no leading zeros beyond them),
 * so the first numbered reference from the end of the (length, reference) index is the highest
 * (migration 0110): one index read, where casting every reference was a scan of every item.
 */
export async function maxReferenceNumber(db: Queryable): Promise<number> {
  await serializeWith(db, 'item_numbers');
  const row = await highestReference(db).executeTakeFirst();
  return row ? Number(row.reference.slice(REFERENCE_PREFIX.length)) : 0;
}

/** The query behind maxReferenceNumber, on its own so that its plan can be looked at. */
export function highestReference(db: Queryable) {
  return (
    db
      .selectFrom('items')
      .select('reference')
      // Not looked up through the unique index: that would find every RB- reference, then sort.
      .where(isNumbered(db, scanInOrder(db, sql.ref('reference')), REFERENCE_PREFIX))
      .orderBy(sql`length(reference)`, 'desc')
      .orderBy('reference', 'desc')
      .limit(1)
  );
}

export interface NewItem {
  readonly reference: string;
  readonly merchantId: number;
  readonly productId: number;
  readonly sku: string;
  readonly orderReference: string | null;
  readonly orderLine: number | null;
  readonly returnReason: ReturnReason | null;
  readonly returnNote: string;
  readonly deliveredAt: string | null;
  readonly receivedAt: string;
  readonly window: WindowCheck;
}

/** The item that already stands for this return notice line, if any (the idempotency key). */
export async function findNoticeItem(
  db: Queryable,
  key: { merchantId: number; orderReference: string; productId: number; orderLine: number | null },
): Promise<{ id: number; reference: string } | undefined> {
  // NULL-safe equality rather than `=`: a notice without a line number still matches its earlier import.
  return db
    .selectFrom('items')
    .select(['id', 'reference'])
    .where('merchant_id', '=', key.merchantId)
    .where('order_reference', '=', key.orderReference)
    .where('product_id', '=', key.productId)
    .where(sameValue(db, sql.ref('order_line'), key.orderLine))
    .executeTakeFirst();
}

/** Inserts an item and its "received" event; the caller owns the transaction. */
export async function insertItem(
  trx: Transaction<Database>,
  actor: Actor,
  item: NewItem,
  source: 'desk' | 'import',
  now: string,
): Promise<number> {
  const row = await trx
    .insertInto('items')
    .values({
      reference: item.reference,
      merchant_id: item.merchantId,
      product_id: item.productId,
      order_reference: item.orderReference,
      order_line: item.orderLine,
      return_reason: item.returnReason,
      return_note: item.returnNote,
      delivered_at: item.deliveredAt,
      received_at: item.receivedAt,
      window_result: item.window.result,
      grade: null,
      packaging: null,
      status: 'received',
      disposition: null,
      graded_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(trx, actor, {
    itemId: row.id,
    merchantId: item.merchantId,
    kind: 'item.received',
    text: receivedText(item, source),
    data: {
      source,
      reference: item.reference,
      productId: item.productId,
      sku: item.sku,
      orderReference: item.orderReference,
      orderLine: item.orderLine,
      returnReason: item.returnReason,
      returnNote: item.returnNote,
      deliveredAt: item.deliveredAt,
      receivedAt: item.receivedAt,
      window: item.window,
    },
    at: now,
  });
  return row.id;
}

/** The history line of a received item: with its order and line when it came with them. */
function receivedText(item: NewItem, source: 'desk' | 'import'): Message {
  const what = { reference: item.reference, sku: item.sku };
  const imported = source === 'import';
  if (item.orderReference === null) return say(imported ? 'items.received_imported' : 'items.received', what);
  if (item.orderLine === null) {
    return say(imported ? 'items.received_imported_order' : 'items.received_order', {
      ...what,
      order: item.orderReference,
    });
  }
  return say(imported ? 'items.received_imported_order_line' : 'items.received_order_line', {
    ...what,
    order: item.orderReference,
    line: item.orderLine,
  });
}

function assertDateOrder(deliveredAt: string | null, receivedAt: string): void {
  if (deliveredAt !== null && deliveredAt > receivedAt) {
    throw new AppError(
      'bad_input',
      say('intake.dates_out_of_order', { received: date(receivedAt), delivered: date(deliveredAt) }),
    );
  }
}

function duplicateNotice(existing: { id: number; reference: string }): AppError {
  return new AppError('conflict', say('intake.duplicate_notice', { reference: existing.reference }), {
    itemId: existing.id,
    reference: existing.reference,
  });
}

export async function receiveItem(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ReceiveInput>,
): Promise<ItemDetail> {
  const receivedAt = input.receivedAt ?? localIsoDate();
  const deliveredAt = input.deliveredAt ?? null;
  assertDateOrder(deliveredAt, receivedAt);
  const id = await ws.kysely.transaction().execute(async (trx) => {
    const product = await trx
      .selectFrom('products')
      .innerJoin('merchants', 'merchants.id', 'products.merchant_id')
      .select(['products.id', 'products.sku', 'products.merchant_id', 'merchants.return_window_days'])
      .where('products.id', '=', input.productId)
      .executeTakeFirst();
    if (!product)
      throw new AppError('not_found', say('intake.product_not_found', { id: String(input.productId) }));
    const orderReference = input.orderReference ?? null;
    const orderLine = input.orderLine ?? null;
    if (orderReference !== null) {
      const existing = await findNoticeItem(trx, {
        merchantId: product.merchant_id,
        orderReference,
        productId: product.id,
        orderLine,
      });
      if (existing) throw duplicateNotice(existing);
    }
    const now = nowIso();
    return insertItem(
      trx,
      actor,
      {
        reference: formatReference((await maxReferenceNumber(trx)) + 1),
        merchantId: product.merchant_id,
        productId: product.id,
        sku: product.sku,
        orderReference,
        orderLine,
        returnReason: input.returnReason ?? null,
        returnNote: input.returnNote ?? '',
        deliveredAt,
        receivedAt,
        window: checkReturnWindow({
          deliveredAt,
          receivedAt,
          merchantWindowDays: product.return_window_days,
        }),
      },
      'desk',
      now,
    );
  });
  ws.changed('items');
  return getItem(ws, id);
}

/** Corrects the return's facts (order, reason, dates) and re-checks the return window. */
export async function updateReturnFacts(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ReturnFactsInput>,
): Promise<ItemDetail> {
  await ws.kysely.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
      .select([
        'items.id',
        'items.reference',
        'items.version',
        'items.merchant_id',
        'items.product_id',
        'items.order_reference',
        'items.order_line',
        'items.return_reason',
        'items.return_note',
        'items.delivered_at',
        'items.received_at',
        'items.window_result',
        'merchants.return_window_days',
      ])
      .where('items.id', '=', input.itemId)
      .executeTakeFirst();
    if (!item) throw new AppError('not_found', say('items.not_found', { id: String(input.itemId) }));
    if (item.version !== input.version) {
      throw new AppError('conflict', conflictMessage(item.reference, input.version, item.version), {
        itemId: item.id,
        version: item.version,
      });
    }
    const before = {
      orderReference: item.order_reference,
      orderLine: item.order_line,
      returnReason: item.return_reason,
      returnNote: item.return_note,
      deliveredAt: item.delivered_at,
      receivedAt: item.received_at,
      windowResult: item.window_result,
    };
    const next = {
      orderReference: input.orderReference === undefined ? item.order_reference : input.orderReference,
      orderLine: input.orderLine === undefined ? item.order_line : input.orderLine,
      returnReason: input.returnReason === undefined ? item.return_reason : input.returnReason,
      returnNote: input.returnNote ?? item.return_note,
      deliveredAt: input.deliveredAt === undefined ? item.delivered_at : input.deliveredAt,
      receivedAt: input.receivedAt ?? item.received_at,
    };
    const check = checkReturnWindow({
      deliveredAt: next.deliveredAt,
      receivedAt: next.receivedAt,
      merchantWindowDays: item.return_window_days,
    });
    // Only an edit of a date is checked, so that fixing the reason of an item whose stored dates
    // contradict each other is not refused.
    const receivedDay = toCalendarDate(next.receivedAt);
    if (
      (input.deliveredAt !== undefined || input.receivedAt !== undefined) &&
      next.deliveredAt &&
      receivedDay
    ) {
      assertDateOrder(next.deliveredAt, receivedDay);
    }
    const after = { ...next, windowResult: check.result };
    const changes = diffFields(before, after);
    if (Object.keys(changes).length === 0) return;
    if (next.orderReference !== null && (changes.orderReference || changes.orderLine)) {
      const existing = await findNoticeItem(trx, {
        merchantId: item.merchant_id,
        orderReference: next.orderReference,
        productId: item.product_id,
        orderLine: next.orderLine,
      });
      if (existing && existing.id !== item.id) throw duplicateNotice(existing);
    }
    const now = nowIso();
    await updateItemAt(
      trx,
      item,
      input.version,
      {
        order_reference: next.orderReference,
        order_line: next.orderLine,
        return_reason: next.returnReason,
        return_note: next.returnNote,
        delivered_at: next.deliveredAt,
        received_at: next.receivedAt,
        window_result: check.result,
      },
      now,
    );
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: 'item.return_facts',
      text: say('items.return_facts_changed', {
        fields: nested(fieldList('items.field', Object.keys(changes))),
      }),
      data: { changes, window: check },
      at: now,
    });
  });
  ws.changed('items');
  return getItem(ws, input.itemId);
}
