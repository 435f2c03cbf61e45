import { EventEmitter } from 'node:events';
import type { HotFolderStatus } from '../../../shared/contract/photos';
import { AppError } from '../../../shared/errors';
import { say, type StoredMessage } from '../../../shared/messages';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import { nowIso } from '../db/connection';
import { writeSetting } from '../settings';
import type { Workspace } from '../workspace';
import { checkFolder, FolderProblem, FolderWatch, type FolderWatchOptions } from './folderWatch';
import type { LabelRouting } from '../routing/desk';
import { addPhotos, type AddPhotoResult, type PhotoFile, type PhotoPool } from './index';

export { isCandidateName } from './folderWatch';

/**
 * The workspace's hot folder: every new shot in the folder chosen in Settings (folderWatch.ts
 * says which files, and when) is attached to the item open on the photo desk, in shooting
 * order. With no item open, arrivals wait (`pendingCount`) and go to the next item opened.
 * Nothing in here throws into the process.
 */

const MAX_REJECTED = 20;

export interface HotFolderOptions extends FolderWatchOptions {
  readonly pool?: PhotoPool;
}

export interface HotFolderEvents {
  /** A batch went through the pipeline (tests and logs). */
  imported: [itemId: number, results: readonly AddPhotoResult[]];
  /** A file is about to be read, with the size it has then. */
  reading: [name: string, size: number];
}

export class HotFolder extends EventEmitter<HotFolderEvents> {
  private folder: string | null = null;
  private running = false;
  private readonly watch: FolderWatch;
  private activeItemId: number | null = null;
  /** Shooting by label (routing/desk.ts): new shots go where their labels say, not to the open item. */
  private routing: LabelRouting | null = null;
  private actor: Actor = SYSTEM_ACTOR;
  private lastImported: HotFolderStatus['lastImported'];
  private importedCount = 0;
  private rejected: { name: string; reason: string; text?: StoredMessage; at: string }[] = [];
  private importing: Promise<void> = Promise.resolve();
  private lastStatusJson = '';

  constructor(
    private readonly ws: Workspace,
    private readonly options: HotFolderOptions = {},
  ) {
    super();
    this.watch = new FolderWatch(options);
    this.watch.on('ready', () => this.importReady());
    this.watch.on('change', () => this.announce());
  }

  /** Starts watching the folder saved in the settings (if any). */
  async start(): Promise<void> {
    this.running = true;
    this.folder = await readHotFolderSetting(this.ws);
    await this.watch.watch(this.folder);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.watch.stop();
    await this.importing;
  }

  /** Validates and saves the folder, and watches it from now on (if this process watches). */
  async setFolder(folder: string | null): Promise<HotFolderStatus> {
    if (this.ws.engine === 'postgres') {
      // A server's folders are the server's, not the desk's: the camera's folder of a desk
      // connected to a server is chosen in the desktop app on that desk (electron/main/deskFolder.ts).
      throw new AppError('bad_input', say('photos.server_no_folder'));
    }
    let resolved: string | null = null;
    if (folder !== null) {
      try {
        resolved = await checkFolder(folder);
      } catch (error) {
        if (error instanceof FolderProblem) throw new AppError('bad_input', error.text);
        throw error;
      }
    }
    await writeSetting(this.ws, 'hotFolder', resolved);
    this.folder = resolved;
    if (this.running) await this.watch.watch(resolved);
    this.ws.changed('photos', 'settings');
    return this.status();
  }

  /** The item open on the photo desk (null: none). Waiting arrivals go to it at once. */
  setActiveItem(itemId: number | null, actor: Actor): HotFolderStatus {
    this.activeItemId = itemId;
    this.actor = actor;
    if (itemId !== null) this.importReady();
    this.announce();
    return this.status();
  }

  /** Sends new shots to a "shoot by label" session (null: back to the open item). */
  routeBy(routing: LabelRouting | null, actor: Actor): void {
    this.routing = routing;
    if (routing) {
      this.actor = actor;
      this.importReady();
    }
    this.announce();
  }

  status(): HotFolderStatus {
    const watched = this.watch.state();
    return {
      onServer: this.ws.engine === 'postgres',
      path: this.folder,
      watching: this.running && watched.watching,
      ...(watched.error !== undefined ? { error: watched.error } : {}),
      ...(watched.errorText !== undefined ? { errorText: watched.errorText } : {}),
      activeItemId: this.activeItemId,
      ...(this.lastImported ? { lastImported: this.lastImported } : {}),
      pendingCount: watched.pendingCount,
      importedCount: this.importedCount,
      rejected: this.rejected,
    };
  }

  /** The status, naming the saved folder even in a process that does not watch (the CLI). */
  async currentStatus(): Promise<HotFolderStatus> {
    if (!this.running) this.folder = await readHotFolderSetting(this.ws);
    return this.status();
  }

  /** Resolves once the folder has been listed and whatever was ready has been imported. */
  async settled(): Promise<void> {
    await this.watch.settled();
    await this.importing;
  }

  /** Imports what is ready into the open item, one batch after another (never two at once). */
  private importReady(): void {
    // The item open when the shots became ready: a switch while a batch is still decoding must
    // not send them to the next item.
    const itemId = this.activeItemId;
    const actor = this.actor;
    const routing = this.routing?.active ? this.routing : null;
    this.importing = this.importing.then(async () => {
      if ((itemId === null && !routing) || !this.running) return;
      const ready = await this.watch.take();
      for (const file of ready) this.emit('reading', file.name, file.size);
      const files = ready.map((file) => ({
        path: file.path,
        name: file.name,
        source: 'hot_folder' as const,
      }));
      if (files.length === 0) return;
      if (routing) {
        await this.importByLabel(routing, actor, files);
        return;
      }
      if (itemId === null) return;
      let results: AddPhotoResult[];
      try {
        results = await addPhotos(
          this.ws,
          actor,
          itemId,
          files,
          undefined,
          this.options.pool ? { pool: this.options.pool } : {},
        );
      } catch (error) {
        // The item was removed meanwhile, or the database is closing: say so, keep watching.
        const reason = error instanceof Error ? error.message : String(error);
        const text = error instanceof AppError && error.text !== null ? { text: error.text } : {};
        this.reject(files.map((f) => ({ name: f.name, reason, ...text })));
        this.announce();
        return;
      }
      const at = nowIso();
      const accepted = results.filter((r) => r.ok);
      this.importedCount += accepted.filter((r) => !r.duplicate).length;
      const last = accepted.at(-1);
      if (last) this.lastImported = { name: last.name, at, itemId };
      this.reject(results.flatMap((r) => (r.ok ? [] : [{ name: r.name, reason: r.reason, text: r.text }])));
      this.emit('imported', itemId, results);
      this.announce(true);
    });
  }

  /** Shots filed by their labels; where each went is the session's to show (routing/desk.ts). */
  private async importByLabel(
    routing: LabelRouting,
    actor: Actor,
    files: readonly PhotoFile[],
  ): Promise<void> {
    try {
      const lines = await routing.add(actor, files, this.options.pool);
      const filed = lines.filter((line) => line.photoId !== null);
      this.importedCount += filed.length;
      const last = filed.at(-1);
      if (last?.item) this.lastImported = { name: last.name, at: nowIso(), itemId: last.item.id };
      this.reject(
        lines.flatMap((line) =>
          line.photoId === null && !line.dropped && line.reason !== null
            ? [{ name: line.name, reason: line.reason, ...(line.text ? { text: line.text } : {}) }]
            : [],
        ),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const text = error instanceof AppError && error.text !== null ? { text: error.text } : {};
      this.reject(files.map((f) => ({ name: f.name, reason, ...text })));
    }
    this.announce(true);
  }

  private reject(files: readonly { name: string; reason: string; text?: StoredMessage }[]): void {
    if (files.length === 0) return;
    const at = nowIso();
    this.rejected = [...files.map((f) => ({ ...f, at })).reverse(), ...this.rejected].slice(0, MAX_REJECTED);
  }

  /** A `changed` event when what the desk shows about the folder changed (not on every poll). */
  private announce(force = false): void {
    const json = JSON.stringify(this.status());
    if (!force && json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.ws.changed('photos');
  }
}

export async function readHotFolderSetting(ws: Workspace): Promise<string | null> {
  const row = await ws.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'hotFolder')
    .executeTakeFirst();
  if (!row) return null;
  const value: unknown = JSON.parse(row.value);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

const folders = new WeakMap<Workspace, HotFolder>();

/**
 * The workspace's hot folder. Every process has one (it holds the photo desk's open item), but
 * only the long-running ones — the Electron app and `rebound serve` — start it watching.
 */
export function hotFolderOf(ws: Workspace): HotFolder {
  let folder = folders.get(ws);
  if (!folder) {
    folder = new HotFolder(ws);
    folders.set(ws, folder);
  }
  return folder;
}

/** Starts watching the saved folder; a failure is reported in the status, never thrown. */
export async function startHotFolder(ws: Workspace, options: HotFolderOptions = {}): Promise<HotFolder> {
  const existing = folders.get(ws);
  if (existing) await existing.stop();
  const folder = new HotFolder(ws, options);
  folders.set(ws, folder);
  await folder.start();
  return folder;
}

export async function stopHotFolder(ws: Workspace): Promise<void> {
  await folders.get(ws)?.stop();
}
