import type { LabelRoutingStatus, RoutedItem, RoutedPhoto } from '../../../shared/contract/photos';
import { AppError } from '../../../shared/errors';
import { say, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { PhotoFile, PhotoPool } from '../photos';
import { movePhoto } from '../photos/manage';
import type { Workspace } from '../workspace';
import { START, type RouteState } from './route';
import { fileByLabel, type RoutedFile } from './routeFiles';

/**
 * The photo desk's "shoot by label" session: every shot that arrives (the hot folder, a desk's
 * uploaded camera folder, dropped files, the webcam) is filed on the item whose label it shows or
 * follows, in arrival order, and the desk sees each photo's item and why. A photo filed wrongly is
 * moved by a person (photos.move); a stop waits until the person resumes.
 *
 * One session per person of the workspace, kept in this process: a desk is one person at one
 * machine, and the session is its shooting state (the last label seen), not data to keep.
 */

/** How many photos the desk keeps listed. */
const KEPT = 200;

export interface RoutingOptions {
  readonly keepLabelShots: boolean;
  readonly merchantId: number | null;
}

export class LabelRouting {
  private on = false;
  private options: RoutingOptions = { keepLabelShots: false, merchantId: null };
  private merchant: { id: number; name: string } | null = null;
  private state: RouteState = START;
  /** Why the session stopped, as said on the photo whose label stopped it. */
  private stopText: Message | null = null;
  private photos: RoutedPhoto[] = [];
  private items: RoutedItem[] = [];
  private count = 0;
  /** Batches are filed one after another, so the shooting order holds across batches. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ws: Workspace) {}

  get active(): boolean {
    return this.on;
  }

  status(): LabelRoutingStatus {
    const current = this.state.current;
    const stoppedAt = this.state.stoppedAt;
    return {
      on: this.on,
      keepLabelShots: this.options.keepLabelShots,
      merchantId: this.options.merchantId,
      current: current ? (this.items.find((item) => item.id === current.id) ?? null) : null,
      stopped: stoppedAt === null ? null : this.stop(stoppedAt),
      photos: this.photos,
      items: this.items,
    };
  }

  /** The stop to show: why the label at `reference` stopped the session. */
  private stop(reference: string): NonNullable<LabelRoutingStatus['stopped']> {
    const text = this.stopText ?? say('routing.after_stop', { reference });
    return { reference, reason: englishText(text), text };
  }

  /**
   * Turns shooting by label on or off. Turning it on, or changing its options, starts a new
   * session: the last label seen belongs to the shots before.
   */
  async set(on: boolean, options: RoutingOptions): Promise<LabelRoutingStatus> {
    let merchant: { id: number; name: string } | null = null;
    if (on && options.merchantId !== null) {
      const row = await this.ws.kysely
        .selectFrom('merchants')
        .select(['id', 'name'])
        .where('id', '=', options.merchantId)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', say('intake.merchant_not_found', { id: options.merchantId }));
      merchant = row;
    }
    await this.queue;
    const same =
      on === this.on &&
      options.keepLabelShots === this.options.keepLabelShots &&
      options.merchantId === this.options.merchantId;
    this.on = on;
    this.options = options;
    this.merchant = merchant;
    if (!same) {
      this.state = START;
      this.stopText = null;
      this.photos = [];
      this.items = [];
      this.count = 0;
    }
    this.ws.changed('photos');
    return this.status();
  }

  /** After a stop, the person has looked: the next label starts a set again. */
  async resume(): Promise<LabelRoutingStatus> {
    await this.queue;
    this.state = START;
    this.stopText = null;
    this.ws.changed('photos');
    return this.status();
  }

  /** Files shots that arrived, in the order given, and says where each went. */
  add(actor: Actor, files: readonly PhotoFile[], pool?: PhotoPool): Promise<RoutedPhoto[]> {
    const run = this.queue.then(() => this.file(actor, files, pool));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Moves a photo of the session to another item and notes it on the photo's line. */
  async move(actor: Actor, photoId: number, itemId: number): Promise<{ photoId: number }> {
    const moved = await movePhoto(this.ws, actor, photoId, itemId);
    const index = this.photos.findIndex((photo) => photo.photoId === photoId);
    const line = this.photos[index];
    if (line) {
      const item = this.items.find((candidate) => candidate.id === itemId) ?? (await this.itemOf(itemId));
      this.photos[index] = {
        ...line,
        item,
        photoId: moved.photoId,
        movedFrom: line.movedFrom ?? line.item,
      };
      this.photos = [...this.photos];
      this.ws.changed('photos');
    }
    return moved;
  }

  private async file(actor: Actor, files: readonly PhotoFile[], pool?: PhotoPool): Promise<RoutedPhoto[]> {
    if (!this.on) throw new AppError('conflict', say('routing.off'));
    const routed = await fileByLabel(this.ws, actor, files, this.state, {
      keepLabelShots: this.options.keepLabelShots,
      merchant: this.merchant,
      ...(pool ? { pool } : {}),
    });
    if (this.state.stoppedAt === null && routed.state.stoppedAt !== null) {
      // The first photo that says "stopped" is the one whose label stopped it, with the reason.
      const stop = routed.files.find((file) => file.routed.kind === 'stopped');
      this.stopText = stop?.routed.kind === 'stopped' ? stop.routed.message : null;
    }
    this.state = routed.state;
    const lines: RoutedPhoto[] = [];
    for (const file of routed.files) lines.push(await this.line(file));
    this.photos = [...[...lines].reverse(), ...this.photos].slice(0, KEPT);
    this.ws.changed('photos');
    return lines;
  }

  private async line(file: RoutedFile): Promise<RoutedPhoto> {
    const { routed, photo } = file;
    const target = routed.kind === 'label' || routed.kind === 'follows_label' ? routed.item : null;
    const item = target ? await this.itemOf(target.id) : null;
    if (item && !this.items.some((known) => known.id === item.id)) this.items = [...this.items, item];
    const dropped = routed.kind === 'label' && !routed.keep;
    const why =
      routed.kind === 'unrouted' || routed.kind === 'stopped'
        ? routed.message
        : photo && !photo.ok
          ? photo.text
          : null;
    return {
      n: ++this.count,
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

  private async itemOf(itemId: number): Promise<RoutedItem | null> {
    const known = this.items.find((item) => item.id === itemId);
    if (known) return known;
    const row = await this.ws.kysely
      .selectFrom('items')
      .innerJoin('products', 'products.id', 'items.product_id')
      .select(['items.id', 'items.reference', 'products.title'])
      .where('items.id', '=', itemId)
      .executeTakeFirst();
    return row ?? null;
  }
}

const sessions = new WeakMap<Workspace, Map<number, LabelRouting>>();

/** The "shoot by label" session of the person acting (one per person and workspace). */
export function labelRoutingOf(ws: Workspace, actor: Actor): LabelRouting {
  let byPerson = sessions.get(ws);
  if (!byPerson) {
    byPerson = new Map();
    sessions.set(ws, byPerson);
  }
  const key = actor.profileId ?? 0;
  let routing = byPerson.get(key);
  if (!routing) {
    routing = new LabelRouting(ws);
    byPerson.set(key, routing);
  }
  return routing;
}
