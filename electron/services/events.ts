import type { Kysely, Transaction } from 'kysely';
import { type Message } from '../../shared/messages';
import { englishText } from '../../shared/messages/render';
import type { Actor } from './actor';
import { nowIso } from './db/connection';
import type { Database } from './db/schema';

interface EventBase {
  readonly itemId?: number | null;
  readonly merchantId?: number | null;
  readonly kind: string;
  readonly data?: unknown;
  readonly at?: string;
}

/**
 * An event says what happened as a message (code and parameters), stored in its data and drawn
 * in each reader's language when the history is read; its English drawing goes into `summary`
 * for logs and for readers of an older version. `summary` alone is left for the event kinds not
 * yet moved to messages.
 */
export type EventInput = EventBase & ({ readonly text: Message } | { readonly summary: string });

/** The event's English line: its message drawn in English, or the sentence it was given. */
export function eventSummary(event: EventInput): string {
  return 'text' in event ? englishText(event.text) : event.summary;
}

/** The event's data with its message inside, under `text`, where the history reads it back. */
function dataWithText(event: EventInput): unknown {
  const data = event.data ?? {};
  if (!('text' in event) || typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return { ...data, text: event.text };
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
      summary: eventSummary(event),
      data: JSON.stringify(withDevice(dataWithText(event), actor.device)),
    })
    .execute();
}
