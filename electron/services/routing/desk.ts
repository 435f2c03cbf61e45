import type { LabelRoutingStatus, RoutedItem, RoutedPhoto } from '../../../shared/contract/photos';
import { AppError } from '../../../shared/errors';
import { say, type StoredMessage } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { serializeWith } from '../db/dialect';
import type { Queryable } from '../db/queryable';
import type { PhotoFile, PhotoPool } from '../photos';
import { movePhoto } from '../photos/manage';
import type { Workspace } from '../workspace';
import { START } from './route';
import { fileByLabel, type RoutedFile } from './routeFiles';
import { NO_SESSION, readSession, writeSession, type ShootingSession } from './session';

/**
 * The photo desk's "shoot by label" session: every shot that arrives (the hot folder, a desk's
 * uploaded camera folder, dropped files, the webcam) is filed on the item whose label it shows or
 * follows, in arrival order, and the desk sees each photo's item and why. A photo filed wrongly is
 * moved by a person (photos.move); a stop waits until the person resumes.
 *
 * One session per person of the workspace, kept in the database (routing/session.ts): a server's
 * instances all file a desk's next shot after the label any of them read. Each change to a session
 * reads it, works, and writes it back as one step: in this process one after another (so the
 * shooting order holds across batches), and on PostgreSQL under a lock per person as well, so two
 * instances never file the same person's shots side by side.
 */

/** How many photos the desk keeps listed. */
const KEPT = 200;

export interface RoutingOptions {
  readonly keepLabelShots: boolean;
  readonly merchantId: number | null;
}

export class LabelRouting {
  /** Whether the session was on when this process last read or wrote it (for the hot folder). */
  private on = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ws: Workspace,
    /** The person's profile id; 0 on a desk without accounts. */
    private readonly person: number,
  ) {}

  /** Whether new shots of this person's camera folder go by label (as last seen here). */
  get active(): boolean {
    return this.on;
  }

  async status(): Promise<LabelRoutingStatus> {
    const session = await readSession(this.ws.kysely, this.person);
    this.on = session.on;
    return statusOf(session);
  }

  /**
   * Turns shooting by label on or off. Turning it on, or changing its options, starts a new
   * session: the last label seen belongs to the shots before.
   */
  async set(on: boolean, options: RoutingOptions): Promise<LabelRoutingStatus> {
    if (on && options.merchantId !== null) await this.merchantOf(options.merchantId);
    const session = await this.change(async (session) => {
      const same =
        on === session.on &&
        options.keepLabelShots === session.keepLabelShots &&
        options.merchantId === session.merchantId;
      const next: ShootingSession = same
        ? session
        : { ...NO_SESSION, on, keepLabelShots: options.keepLabelShots, merchantId: options.merchantId };
      return { session: next, result: next };
    });
    this.ws.changed('photos');
    return statusOf(session);
  }

  /** After a stop, the person has looked: the next label starts a set again. */
  async resume(): Promise<LabelRoutingStatus> {
    const session = await this.change(async (session) => {
      const next: ShootingSession = { ...session, state: START, stopText: null };
      return { session: next, result: next };
    });
    this.ws.changed('photos');
    return statusOf(session);
  }

  /** Files shots that arrived, in the order given, and says where each went. */
  async add(actor: Actor, files: readonly PhotoFile[], pool?: PhotoPool): Promise<RoutedPhoto[]> {
    const lines = await this.change((session) => this.file(session, actor, files, pool));
    this.ws.changed('photos');
    return lines;
  }

  /** Moves a photo of the session to another item and notes it on the photo's line. */
  async move(actor: Actor, photoId: number, itemId: number): Promise<{ photoId: number }> {
    const moved = await this.change(async (session) => {
      const moved = await movePhoto(this.ws, actor, photoId, itemId);
      const line = session.photos.find((photo) => photo.photoId === photoId);
      if (!line) return { session: null, result: moved };
      const item = session.items.find((candidate) => candidate.id === itemId) ?? (await this.itemOf(itemId));
      const photos = session.photos.map((photo) =>
        photo === line
          ? { ...line, item, photoId: moved.photoId, movedFrom: line.movedFrom ?? line.item }
          : photo,
      );
      return { session: { ...session, photos }, result: moved };
    });
    this.ws.changed('photos');
    return moved;
  }

  /**
   * Reads the session, lets `work` decide, and writes what it returns (null: nothing to write).
   * On PostgreSQL the read, the work and the write hold the person's lock in one transaction;
   * the work's own writes (the photos it files) go through the workspace as usual. SQLite has
   * one process per data folder, so the queue alone keeps the order there.
   */
  private change<T>(
    work: (session: ShootingSession) => Promise<{ session: ShootingSession | null; result: T }>,
  ): Promise<T> {
    const step = async (db: Queryable): Promise<T> => {
      const { session, result } = await work(await readSession(db, this.person));
      if (session) {
        await writeSession(db, this.person, session);
        this.on = session.on;
      }
      return result;
    };
    const run = this.queue.then(() =>
      this.ws.engine === 'postgres'
        ? this.ws.kysely.transaction().execute(async (trx) => {
            await serializeWith(trx, `shooting:${this.person}`);
            return step(trx);
          })
        : step(this.ws.kysely),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async file(
    session: ShootingSession,
    actor: Actor,
    files: readonly PhotoFile[],
    pool?: PhotoPool,
  ): Promise<{ session: ShootingSession; result: RoutedPhoto[] }> {
    this.on = session.on;
    if (!session.on) throw new AppError('conflict', say('routing.off'));
    const merchant = session.merchantId === null ? null : await this.merchantOf(session.merchantId);
    const routed = await fileByLabel(this.ws, actor, files, session.state, {
      keepLabelShots: session.keepLabelShots,
      merchant,
      ...(pool ? { pool } : {}),
    });
    let stopText = session.stopText;
    if (session.state.stoppedAt === null && routed.state.stoppedAt !== null) {
      // The first photo that says "stopped" is the one whose label stopped it, with the reason.
      const stop = routed.files.find((file) => file.routed.kind === 'stopped');
      stopText = stop?.routed.kind === 'stopped' ? stop.routed.message : null;
    }
    let items = session.items;
    let count = session.photos[0]?.n ?? 0;
    const lines: RoutedPhoto[] = [];
    for (const file of routed.files) {
      const line = await this.line(file, ++count, items);
      if (line.item && !items.some((known) => known.id === line.item!.id)) items = [...items, line.item];
      lines.push(line);
    }
    const photos = [...[...lines].reverse(), ...session.photos].slice(0, KEPT);
    return { session: { ...session, state: routed.state, stopText, photos, items }, result: lines };
  }

  private async line(file: RoutedFile, n: number, items: readonly RoutedItem[]): Promise<RoutedPhoto> {
    const { routed, photo } = file;
    const target = routed.kind === 'label' || routed.kind === 'follows_label' ? routed.item : null;
    const item = target
      ? (items.find((known) => known.id === target.id) ?? (await this.itemOf(target.id)))
      : null;
    const dropped = routed.kind === 'label' && !routed.keep;
    const why =
      routed.kind === 'unrouted' || routed.kind === 'stopped'
        ? routed.message
        : photo && !photo.ok
          ? photo.text
          : null;
    return {
      n,
      name: file.name,
      at: nowIso(),
      how: routed.kind,
      label: file.label?.reference ?? null,
      item: photo?.ok ? item : null,
      photoId: photo?.ok ? photo.photoId : null,
      hash: photo?.ok ? photo.hash : null,
      dropped,
      movedFrom: null,
      reason: photo && !photo.ok ? photo.reason : why && englishText(why),
      text: why,
    };
  }

  private async merchantOf(merchantId: number): Promise<{ id: number; name: string }> {
    const row = await this.ws.kysely
      .selectFrom('merchants')
      .select(['id', 'name'])
      .where('id', '=', merchantId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', say('intake.merchant_not_found', { id: merchantId }));
    return row;
  }

  private async itemOf(itemId: number): Promise<RoutedItem | null> {
    const row = await this.ws.kysely
      .selectFrom('items')
      .innerJoin('products', 'products.id', 'items.product_id')
      .select(['items.id', 'items.reference', 'products.title'])
      .where('items.id', '=', itemId)
      .executeTakeFirst();
    return row ?? null;
  }
}

function statusOf(session: ShootingSession): LabelRoutingStatus {
  const { current, stoppedAt } = session.state;
  return {
    on: session.on,
    keepLabelShots: session.keepLabelShots,
    merchantId: session.merchantId,
    current: current ? (session.items.find((item) => item.id === current.id) ?? null) : null,
    stopped: stoppedAt === null ? null : stopOf(stoppedAt, session.stopText),
    photos: session.photos,
    items: session.items,
  };
}

/** The stop to show: why the label at `reference` stopped the session. */
function stopOf(reference: string, said: StoredMessage | null): NonNullable<LabelRoutingStatus['stopped']> {
  const text = said ?? say('routing.after_stop', { reference });
  return { reference, reason: englishText(text), text };
}

const sessions = new WeakMap<Workspace, Map<number, LabelRouting>>();

/** The "shoot by label" session of the person acting (one per person and workspace). */
export function labelRoutingOf(ws: Workspace, actor: Actor): LabelRouting {
  let byPerson = sessions.get(ws);
  if (!byPerson) {
    byPerson = new Map();
    sessions.set(ws, byPerson);
  }
  const person = actor.profileId ?? 0;
  let routing = byPerson.get(person);
  if (!routing) {
    routing = new LabelRouting(ws, person);
    byPerson.set(person, routing);
  }
  return routing;
}
