import { z } from 'zod';
import type { RoutedItem, RoutedPhoto } from '../../../shared/contract/photos';
import { StoredMessage } from '../../../shared/messages';
import { nowIso } from '../db/connection';
import type { Queryable } from '../db/queryable';
import { START, type RouteState } from './route';

/**
 * One person's "shoot by label" session as the database keeps it (migration 0140), so that every
 * instance of a server files a desk's next shot after the label another instance read. Its JSON
 * columns are read back through the schemas below: a row written by another version, or damaged,
 * starts a fresh session instead of filing shots on a guess.
 */

export interface ShootingSession {
  readonly on: boolean;
  readonly keepLabelShots: boolean;
  readonly merchantId: number | null;
  readonly state: RouteState;
  /** Why the session stopped, as said on the photo whose label stopped it. */
  readonly stopText: StoredMessage | null;
  /** The photos the desk lists, newest first. */
  readonly photos: readonly RoutedPhoto[];
  /** The session's items, in the order they were first seen: ← and → move a photo along them. */
  readonly items: readonly RoutedItem[];
}

export const NO_SESSION: ShootingSession = {
  on: false,
  keepLabelShots: false,
  merchantId: null,
  state: START,
  stopText: null,
  photos: [],
  items: [],
};

const Id = z.number().int().positive();
const Reference = z.string().min(1).max(64);

const RoutableItem = z
  .object({ id: Id, reference: Reference, merchantId: Id, merchantName: z.string() })
  .strict();

const State = z
  .object({
    current: RoutableItem.nullable(),
    stoppedAt: Reference.nullable(),
    stopText: StoredMessage.nullable(),
  })
  .strict();

const Item = z.object({ id: Id, reference: Reference, title: z.string() }).strict();

const Photo = z
  .object({
    n: z.number().int().positive(),
    name: z.string(),
    at: z.string(),
    how: z.enum(['label', 'follows_label', 'unrouted', 'stopped']),
    label: Reference.nullable(),
    item: Item.nullable(),
    photoId: Id.nullable(),
    hash: z.string().nullable(),
    dropped: z.boolean(),
    movedFrom: Item.nullable(),
    reason: z.string().nullable(),
    text: StoredMessage.nullable(),
  })
  .strict();

function parsed<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null; // not JSON at all
  }
}

/** The person's session; a fresh one (off) when there is none or its row cannot be read. */
export async function readSession(db: Queryable, person: number): Promise<ShootingSession> {
  const row = await db
    .selectFrom('shooting_sessions')
    .selectAll()
    .where('person', '=', person)
    .executeTakeFirst();
  if (!row) return NO_SESSION;
  const state = parsed(State, row.state);
  const photos = parsed(z.array(Photo), row.photos);
  const items = parsed(z.array(Item), row.items);
  if (!state || !photos || !items) return NO_SESSION;
  return {
    on: row.active === 1,
    keepLabelShots: row.keep_label_shots === 1,
    merchantId: row.merchant_id,
    state: { current: state.current, stoppedAt: state.stoppedAt },
    stopText: state.stopText,
    photos,
    items,
  };
}

export async function writeSession(db: Queryable, person: number, session: ShootingSession): Promise<void> {
  const row = {
    active: session.on ? 1 : 0,
    keep_label_shots: session.keepLabelShots ? 1 : 0,
    merchant_id: session.merchantId,
    state: JSON.stringify({
      current: session.state.current,
      stoppedAt: session.state.stoppedAt,
      stopText: session.stopText,
    }),
    photos: JSON.stringify(session.photos),
    items: JSON.stringify(session.items),
    updated_at: nowIso(),
  };
  await db
    .insertInto('shooting_sessions')
    .values({ person, ...row })
    .onConflict((conflict) => conflict.column('person').doUpdateSet(row))
    .execute();
}
