import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { HotFolderStatus } from '../../../shared/contract/photos';
import { AppError } from '../../../shared/errors';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import { nowIso } from '../db/connection';
import { writeSetting } from '../settings';
import type { Workspace } from '../workspace';
import { addPhotos, type AddPhotoResult, type PhotoPool } from './index';

/**
 * The tethered camera's hot folder. Tethering software (Capture One, darktable, gPhoto2,
 * EOS Utility…) writes each shot into a folder; every new image is attached to the item open on
 * the photo desk, in shooting order.
 *
 * How it decides what to read, and when:
 * - Only new arrivals are imported. Whatever is in the folder when watching starts (app start,
 *   folder changed in Settings) is remembered as already seen: yesterday's shots must not land
 *   on today's first item. Files are left in place; each one is remembered by name + size +
 *   mtime, so it is never imported twice, yet a file overwritten with a new shot (new size or
 *   mtime) counts as new.
 * - A file is read only once it is complete: its size and mtime must stay the same for
 *   `settleMs` across two checks. Temporary names (dotfiles, `~`, `.tmp`, `.part`, `.crdownload`…)
 *   are never read — software that writes under such a name and renames at the end is picked up
 *   at the rename. Only image extensions are considered (sidecars like .xmp are ignored).
 * - Shooting order is mtime, then name (cameras number their files).
 * - With no item open, arrivals wait (`pendingCount`) and go to the next item opened.
 * - fs.watch makes it quick, a polling timer makes it reliable: fs.watch does not survive the
 *   folder being removed (a card unmounted, the tethering software recreating it) and is unreliable
 *   on network shares. The poll notices the folder gone (status `watching: false` with the reason)
 *   and back, and re-attaches fs.watch. Nothing in here throws into the process.
 */

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', '.heic', '.heif']);
const TEMPORARY_SUFFIXES = ['~', '.tmp', '.temp', '.part', '.partial', '.crdownload', '.download', '.swp'];
const MAX_REJECTED = 20;

export interface HotFolderOptions {
  /** How often the folder is listed even when fs.watch says nothing. */
  readonly pollMs?: number;
  /** How long a file's size and mtime must stay unchanged before it is read. */
  readonly settleMs?: number;
  readonly pool?: PhotoPool;
}

/** Whether a name can be a finished image from a camera (not a temp, partial or hidden file). */
export function isCandidateName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$')) return false;
  const lower = name.toLowerCase();
  if (TEMPORARY_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return false;
  return IMAGE_EXTENSIONS.has(path.extname(lower));
}

interface Observed {
  readonly size: number;
  readonly mtimeMs: number;
  /** When this size and mtime were first seen. */
  readonly since: number;
}

interface Ready {
  readonly name: string;
  readonly key: string;
  readonly mtimeMs: number;
}

const keyOf = (name: string, size: number, mtimeMs: number) => `${name}\u0000${size}\u0000${mtimeMs}`;

export interface HotFolderEvents {
  /** A batch went through the pipeline (tests and logs). */
  imported: [itemId: number, results: readonly AddPhotoResult[]];
  /** A file is about to be read, with the size it has then. */
  reading: [name: string, size: number];
}

export class HotFolder extends EventEmitter<HotFolderEvents> {
  private folder: string | null = null;
  private running = false;
  private watcher: fs.FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private present = false;
  private error: string | undefined;
  private activeItemId: number | null = null;
  private actor: Actor = SYSTEM_ACTOR;
  /** Files seen, imported or refused: name + size + mtime. */
  private readonly known = new Set<string>();
  private readonly observed = new Map<string, Observed>();
  private ready: Ready[] = [];
  private lastImported: HotFolderStatus['lastImported'];
  private importedCount = 0;
  private rejected: { name: string; reason: string; at: string }[] = [];
  private scanning: Promise<void> | null = null;
  private rescan = false;
  private importing: Promise<void> = Promise.resolve();
  private lastStatusJson = '';
  private readonly pollMs: number;
  private readonly settleMs: number;

  constructor(
    private readonly ws: Workspace,
    private readonly options: HotFolderOptions = {},
  ) {
    super();
    this.pollMs = options.pollMs ?? 1000;
    this.settleMs = options.settleMs ?? 1200;
  }

  /** Starts watching the folder saved in the settings (if any). */
  async start(): Promise<void> {
    this.running = true;
    const saved = await readHotFolderSetting(this.ws);
    await this.watch(saved);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.detach();
    await this.scanning;
    await this.importing;
  }

  /** Validates and saves the folder, and watches it from now on (if this process watches). */
  async setFolder(folder: string | null): Promise<HotFolderStatus> {
    let resolved: string | null = null;
    if (folder !== null) {
      resolved = path.resolve(folder);
      let stat: fs.Stats;
      try {
        stat = await fs.promises.stat(resolved);
      } catch {
        throw new AppError('bad_input', `There is no folder at ${resolved}.`);
      }
      if (!stat.isDirectory()) throw new AppError('bad_input', `${resolved} is a file, not a folder.`);
      try {
        await fs.promises.access(resolved, fs.constants.R_OK);
      } catch {
        throw new AppError('bad_input', `Rebound may not read the folder ${resolved}.`);
      }
    }
    await writeSetting(this.ws, 'hotFolder', resolved);
    if (this.running) await this.watch(resolved);
    else this.folder = resolved;
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

  status(): HotFolderStatus {
    return {
      path: this.folder,
      watching: this.running && this.present,
      ...(this.error !== undefined ? { error: this.error } : {}),
      activeItemId: this.activeItemId,
      ...(this.lastImported ? { lastImported: this.lastImported } : {}),
      pendingCount: this.ready.length + this.observed.size,
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
    await this.scanning;
    await this.importing;
  }

  private async watch(folder: string | null): Promise<void> {
    this.detach();
    await this.scanning;
    this.folder = folder;
    this.known.clear();
    this.observed.clear();
    this.ready = [];
    this.present = false;
    this.error = undefined;
    if (folder === null || !this.running) {
      this.announce();
      return;
    }
    // The baseline: what is there now was not shot for the item about to be opened.
    try {
      for (const entry of await this.list(folder)) this.known.add(entry.key);
      this.present = true;
      this.attachWatcher(folder);
    } catch (error) {
      this.error = describeFolderError(folder, error);
    }
    this.timer = setInterval(() => this.scan(), this.pollMs);
    this.timer.unref();
    this.announce();
  }

  private detach(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }

  private attachWatcher(folder: string): void {
    try {
      const watcher = fs.watch(folder, { persistent: false }, () => this.scan());
      // The folder removed, a network share gone: the poll takes over until it is back.
      watcher.on('error', () => {
        watcher.close();
        if (this.watcher === watcher) this.watcher = null;
        this.scan();
      });
      this.watcher = watcher;
    } catch {
      // Some file systems cannot be watched; polling alone still works.
      this.watcher = null;
    }
  }

  /** Lists the folder now (coalesced: one listing at a time, one more if asked meanwhile). */
  private scan(): void {
    if (!this.running || this.folder === null) return;
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    const folder = this.folder;
    this.scanning = this.scanOnce(folder)
      .catch(() => undefined)
      .finally(() => {
        this.scanning = null;
        if (this.rescan) {
          this.rescan = false;
          this.scan();
        }
      });
  }

  private async scanOnce(folder: string): Promise<void> {
    let entries: { name: string; key: string; size: number; mtimeMs: number }[];
    try {
      entries = await this.list(folder);
    } catch (error) {
      if (this.folder !== folder) return;
      if (this.present || this.error === undefined) {
        this.present = false;
        this.watcher?.close();
        this.watcher = null;
        this.observed.clear();
      }
      this.error = describeFolderError(folder, error);
      this.announce();
      return;
    }
    if (this.folder !== folder || !this.running) return;
    if (!this.present) {
      // Back (or there at last): watch it again. What is in it now and was never seen is new.
      this.present = true;
      this.error = undefined;
      this.attachWatcher(folder);
    }

    const now = Date.now();
    const names = new Set<string>();
    const newlyReady: Ready[] = [];
    for (const entry of entries) {
      names.add(entry.name);
      if (this.known.has(entry.key) || this.ready.some((r) => r.key === entry.key)) {
        this.observed.delete(entry.name);
        continue;
      }
      const previous = this.observed.get(entry.name);
      if (!previous || previous.size !== entry.size || previous.mtimeMs !== entry.mtimeMs) {
        // First sight, or still being written: look again later.
        this.observed.set(entry.name, { size: entry.size, mtimeMs: entry.mtimeMs, since: now });
        continue;
      }
      if (entry.size > 0 && now - previous.since >= this.settleMs) {
        this.observed.delete(entry.name);
        newlyReady.push({ name: entry.name, key: entry.key, mtimeMs: entry.mtimeMs });
      }
    }
    // Files that disappeared before they settled are forgotten.
    for (const name of this.observed.keys()) if (!names.has(name)) this.observed.delete(name);
    if (newlyReady.length > 0) {
      this.ready = [...this.ready, ...newlyReady].sort(
        (a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name, 'en', { numeric: true }),
      );
      this.importReady();
    }
    this.announce();
  }

  private async list(folder: string) {
    const dirents = await fs.promises.readdir(folder, { withFileTypes: true });
    const entries: { name: string; key: string; size: number; mtimeMs: number }[] = [];
    for (const dirent of dirents) {
      if (!dirent.isFile() || !isCandidateName(dirent.name)) continue;
      try {
        const stat = await fs.promises.stat(path.join(folder, dirent.name));
        entries.push({
          name: dirent.name,
          size: stat.size,
          mtimeMs: stat.mtimeMs,
          key: keyOf(dirent.name, stat.size, stat.mtimeMs),
        });
      } catch {
        // Gone between the listing and the stat: the next listing will tell.
      }
    }
    return entries;
  }

  /** Imports what is ready into the open item, one batch after another (never two at once). */
  private importReady(): void {
    // The item open when the shots became ready: a switch while a batch is still decoding must
    // not send them to the next item.
    const itemId = this.activeItemId;
    const actor = this.actor;
    this.importing = this.importing.then(async () => {
      const folder = this.folder;
      if (itemId === null || folder === null || this.ready.length === 0 || !this.running) return;
      const batch = this.ready;
      this.ready = [];
      for (const file of batch) this.known.add(file.key);
      const files = [];
      for (const file of batch) {
        const full = path.join(folder, file.name);
        // The last look before reading: a file rewritten since it settled waits for the next round.
        const stat = await fs.promises.stat(full).catch(() => null);
        if (!stat || keyOf(file.name, stat.size, stat.mtimeMs) !== file.key) {
          this.known.delete(file.key);
          continue;
        }
        this.emit('reading', file.name, stat.size);
        files.push({ path: full, name: file.name, source: 'hot_folder' as const });
      }
      if (files.length === 0) return;
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
        this.reject(files.map((f) => ({ name: f.name, reason })));
        this.announce();
        return;
      }
      const at = nowIso();
      const accepted = results.filter((r) => r.ok);
      this.importedCount += accepted.filter((r) => !r.duplicate).length;
      const last = accepted.at(-1);
      if (last) this.lastImported = { name: last.name, at, itemId };
      this.reject(results.flatMap((r) => (r.ok ? [] : [{ name: r.name, reason: r.reason }])));
      this.emit('imported', itemId, results);
      this.announce(true);
    });
  }

  private reject(files: readonly { name: string; reason: string }[]): void {
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

function describeFolderError(folder: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `The folder ${folder} is not there (removed, or its drive is not connected).`;
  if (code === 'ENOTDIR') return `${folder} is not a folder.`;
  if (code === 'EACCES' || code === 'EPERM') return `Rebound may not read the folder ${folder}.`;
  return `The folder ${folder} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
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
