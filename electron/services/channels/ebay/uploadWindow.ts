import { serializeWith } from '../../db/dialect';
import type { Workspace } from '../../workspace';

/**
 * eBay's picture-upload limit (50 per 5 seconds per seller) kept for every process at once: the
 * window is the account's rows of `media_upload_slots` (migration 0100), so two instances of the
 * server, or the app and the command line, share it instead of each keeping its own and together
 * going over. The arithmetic is UploadBucket's; here it is fed from the table.
 *
 * An upload whose process died never gets its answer written; after IN_FLIGHT_EXPIRY_MS (longer
 * than any upload's timeout) its slot counts as answered then, so a crash never blocks an account.
 */

/**
 * Media API: at most 50 uploads per 5 seconds per user, counted by eBay over a sliding window of
 * the times uploads *arrive*. We cannot see arrivals, but an upload has arrived by the time its
 * answer is back: so an upload holds its slot while in flight and for 5 seconds after its answer.
 * Then no 51st upload can reach eBay within 5 seconds of the first, however late or uneven the
 * network is. One window per account, shared by every process (the table below).
 * `take` never sleeps: it answers how long to wait, and the caller waits (a slot is never more
 * than 5 seconds away) or, past UPLOAD_WAIT_MAX_MS, gives its job back with Retry-After.
 */
export class UploadBucket {
  private inFlight = 0;
  /** When the answers of recent uploads came back, oldest first. */
  private readonly answered: number[] = [];

  constructor(
    private readonly capacity = 50,
    private readonly windowMs = 5_000,
    _nowMs = 0,
    /** Extra room kept clear of eBay's edge, on top of the window. */
    private readonly marginMs = 0,
  ) {}

  /** Takes a slot for one upload: 0, or the milliseconds to wait before asking again. */
  take(nowMs: number): number {
    const horizon = nowMs - this.windowMs - this.marginMs;
    while (this.answered.length > 0 && this.answered[0]! <= horizon) this.answered.shift();
    if (this.inFlight + this.answered.length < this.capacity) {
      this.inFlight += 1;
      return 0;
    }
    // Every slot is held by an upload still in flight: its answer is a round trip away.
    return this.answered.length > 0 ? this.answered[0]! - horizon : IN_FLIGHT_WAIT_MS;
  }

  /** The upload's answer (or failure) came back: its slot frees `windowMs` from now. */
  release(nowMs: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.answered.push(nowMs);
  }

  /** An upload answered at `atMs`, known from elsewhere (the shared window): in time order. */
  answeredAt(atMs: number): void {
    this.answered.push(atMs);
  }
}

const IN_FLIGHT_WAIT_MS = 50;

const CAPACITY = 50;
const WINDOW_MS = 5_000;
/** A little room on top of eBay's window, for clocks that disagree by a few milliseconds. */
const MARGIN_MS = 20;
const IN_FLIGHT_EXPIRY_MS = 120_000;

export interface UploadTake {
  /** The slot taken, or null when none is free yet. */
  readonly slotId: number | null;
  /** With no slot: milliseconds to wait before asking again. */
  readonly waitMs: number;
}

export async function takeUploadSlot(ws: Workspace, accountId: number, nowMs: number): Promise<UploadTake> {
  return ws.kysely.transaction().execute(async (trx) => {
    // The delete comes first: on SQLite it takes the write lock, so the read below is already
    // serialised with every other process's; on PostgreSQL an advisory lock does that.
    await serializeWith(trx, 'media_uploads');
    await trx
      .deleteFrom('media_upload_slots')
      .where('account_id', '=', accountId)
      .where((eb) =>
        eb.or([
          eb('answered_at', '<=', nowMs - WINDOW_MS - MARGIN_MS),
          eb.and([
            eb('answered_at', 'is', null),
            eb('taken_at', '<=', nowMs - IN_FLIGHT_EXPIRY_MS - WINDOW_MS),
          ]),
        ]),
      )
      .execute();
    const rows = await trx
      .selectFrom('media_upload_slots')
      .select(['taken_at', 'answered_at'])
      .where('account_id', '=', accountId)
      .execute();
    const bucket = new UploadBucket(CAPACITY, WINDOW_MS, nowMs, MARGIN_MS);
    const answered = rows
      .map(
        (row) =>
          row.answered_at ??
          (row.taken_at <= nowMs - IN_FLIGHT_EXPIRY_MS ? row.taken_at + IN_FLIGHT_EXPIRY_MS : null),
      )
      .filter((at): at is number => at !== null)
      .sort((a, b) => a - b);
    for (const at of answered) bucket.answeredAt(at);
    for (let i = rows.length - answered.length; i > 0; i -= 1) bucket.take(nowMs);
    const waitMs = bucket.take(nowMs);
    if (waitMs > 0) return { slotId: null, waitMs };
    const slot = await trx
      .insertInto('media_upload_slots')
      .values({ account_id: accountId, taken_at: nowMs, answered_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { slotId: slot.id, waitMs: 0 };
  });
}

/** The upload's answer (or failure) came back: its slot frees one window from now. */
export async function releaseUploadSlot(ws: Workspace, slotId: number, nowMs: number): Promise<void> {
  await ws.kysely
    .updateTable('media_upload_slots')
    .set({ answered_at: nowMs })
    .where('id', '=', slotId)
    .execute();
}
