import type { Kysely, Transaction } from 'kysely';
import { formatMoney } from '../../shared/domain/money';
import type { Actor } from './actor';
import { nowIso } from './db/connection';
import type { Database } from './db/schema';

export interface EventInput {
  readonly itemId?: number | null;
  readonly merchantId?: number | null;
  readonly kind: string;
  readonly summary: string;
  readonly data?: unknown;
  readonly at?: string;
}

/**
 * An amount as history lines write it today (English, the currency's own digits). One place, so
 * that drawing history in the reader's language later changes one function.
 */
export function historyMoney(cents: number, currency: string): string {
  return formatMoney(cents, currency, 'en');
}

/** The device a person acted from goes into the event's data, so the history can say where. */
function withDevice(data: unknown, device: string | undefined): unknown {
  if (device === undefined || typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return { ...data, device };
}

/**
 * Appends to the audit trail. Call it inside the same transaction as the change it describes,
 * so there is never a change without its event or an event without its change.
 */
export async function recordEvent(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  event: EventInput,
): Promise<void> {
  await db
    .insertInto('events')
    .values({
      item_id: event.itemId ?? null,
      merchant_id: event.merchantId ?? null,
      at: event.at ?? nowIso(),
      profile_id: actor.profileId,
      actor: actor.name,
      kind: event.kind,
      summary: event.summary,
      data: JSON.stringify(withDevice(event.data ?? {}, actor.device)),
    })
    .execute();
}
