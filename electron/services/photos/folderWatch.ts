import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { say, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';

/**
 * Watches the folder a tethered camera writes into and hands over each new, complete image in
 * shooting order. Tethering software (Capture One, darktable, gPhoto2, EOS Utility…) writes each
 * shot into a folder. Two places read one: the workspace's hot folder (hotFolder.ts), which adds
 * the shots to the item open on the photo desk, and a desk connected to a Rebound server
 * (electron/main/deskFolder.ts), which uploads them from the desk's own disk.
 *
 * How it decides what to hand over, and when:
 * - Only new arrivals. Whatever is in the folder when watching starts (app start, folder
 *   changed) is remembered as already seen: yesterday's shots must not land on today's first
 *   item. Files are left in place; each one is remembered by name + size + mtime, so it is never
 *   handed over twice, yet a file overwritten with a new shot (new size or mtime) counts as new.
 * - A file is ready only once it is complete: its size and mtime must stay the same for
 *   `settleMs` across two checks. Temporary names (dotfiles, `~`, `.tmp`, `.part`,
 *   `.crdownload`…) are never read — software that writes under such a name and renames at the
 *   end is picked up at the rename. Only image extensions are considered (sidecars like .xmp
 *   are ignored).
 * - Shooting order is mtime, then name (cameras number their files).
 * - fs.watch makes it quick, a polling timer makes it reliable: fs.watch does not survive the
 *   folder being removed (a card unmounted, the tethering software recreating it) and is
 *   unreliable on network shares. The poll notices the folder gone (with the reason) and back,
 *   and re-attaches fs.watch. Nothing in here throws into the process.
 */

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', '.heic', '.heif']);
const TEMPORARY_SUFFIXES = ['~', '.tmp', '.temp', '.part', '.partial', '.crdownload', '.download', '.swp'];

export interface FolderWatchOptions {
  /** How often the folder is listed even when fs.watch says nothing. */
  readonly pollMs?: number;
  /** How long a file's size and mtime must stay unchanged before it is ready. */
  readonly settleMs?: number;
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

interface Entry {
  readonly name: string;
  readonly key: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** A complete new image, handed over by {@link FolderWatch.take}. */
export interface ReadyFile {
  readonly name: string;
  /** The file's full path. */
  readonly path: string;
  readonly size: number;
}

export interface FolderWatchState {
  readonly folder: string | null;
  /** Watching, and the folder is there. */
  readonly watching: boolean;
  /** Why it is not watching (folder missing, not readable…), in one English sentence. */
  readonly error?: string;
  /** The same, as a message drawn in the reader's language. */
  readonly errorText?: Message;
  /** Files that arrived and are not handed over yet: still being written, or not taken. */
  readonly pendingCount: number;
  /** Of those, the complete ones, ready to take. */
  readonly readyCount: number;
}

const keyOf = (name: string, size: number, mtimeMs: number) => `${name}\u0000${size}\u0000${mtimeMs}`;

export interface FolderWatchEvents {
  /** New files are ready to take. */
  ready: [];
  /** The state changed (folder gone or back, files arriving). */
  change: [];
}

export class FolderWatch extends EventEmitter<FolderWatchEvents> {
  private folder: string | null = null;
  private running = false;
  private watcher: fs.FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private present = false;
  private error: Message | undefined;
  /** Files seen or handed over: name + size + mtime. */
  private readonly known = new Set<string>();
  private readonly observed = new Map<string, Observed>();
  private ready: (Entry & { readonly folder: string })[] = [];
  private scanning: Promise<void> | null = null;
  private rescan = false;
  private readonly pollMs: number;
  private readonly settleMs: number;

  constructor(options: FolderWatchOptions = {}) {
    super();
    this.pollMs = options.pollMs ?? 1000;
    this.settleMs = options.settleMs ?? 1200;
  }

  state(): FolderWatchState {
    return {
      folder: this.folder,
      watching: this.running && this.present,
      ...(this.error !== undefined ? { error: englishText(this.error), errorText: this.error } : {}),
      pendingCount: this.ready.length + this.observed.size,
      readyCount: this.ready.length,
    };
  }

  /** Watches `folder` from now on (null: none), forgetting the one before. */
  async watch(folder: string | null): Promise<void> {
    this.detach();
    await this.scanning;
    this.folder = folder;
    this.running = folder !== null;
    this.known.clear();
    this.observed.clear();
    this.ready = [];
    this.present = false;
    this.error = undefined;
    if (folder === null) {
      this.emit('change');
      return;
    }
    // The baseline: what is there now was not shot for the item about to be opened.
    try {
      for (const entry of await this.list(folder)) this.known.add(entry.key);
      this.present = true;
      this.attachWatcher(folder);
    } catch (error) {
      this.error = describeFolderProblem(folder, error);
    }
    this.timer = setInterval(() => this.scan(), this.pollMs);
    this.timer.unref();
    this.emit('change');
  }

  async stop(): Promise<void> {
    this.running = false;
    this.detach();
    await this.scanning;
  }

  /** Resolves once the folder has been listed (a listing under way, or one more if asked). */
  async settled(): Promise<void> {
    await this.scanning;
  }

  /**
   * Hands over every ready file, in shooting order, and counts them as seen. Each is looked at
   * once more first: a file rewritten since it settled is left to settle again.
   */
  async take(): Promise<ReadyFile[]> {
    const batch = this.ready;
    this.ready = [];
    const files: ReadyFile[] = [];
    for (const file of batch) {
      this.known.add(file.key);
      const full = path.join(file.folder, file.name);
      const stat = await fs.promises.stat(full).catch(() => null);
      if (!stat || keyOf(file.name, stat.size, stat.mtimeMs) !== file.key) {
        this.known.delete(file.key);
        continue;
      }
      files.push({ name: file.name, path: full, size: stat.size });
    }
    if (batch.length > 0) this.emit('change');
    return files;
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
    let entries: Entry[];
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
      this.error = describeFolderProblem(folder, error);
      this.emit('change');
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
    const newlyReady: (Entry & { readonly folder: string })[] = [];
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
        newlyReady.push({ ...entry, folder });
      }
    }
    // Files that disappeared before they settled are forgotten.
    for (const name of this.observed.keys()) if (!names.has(name)) this.observed.delete(name);
    if (newlyReady.length > 0) {
      this.ready = [...this.ready, ...newlyReady].sort(
        (a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name, 'en', { numeric: true }),
      );
      this.emit('ready');
    }
    this.emit('change');
  }

  private async list(folder: string): Promise<Entry[]> {
    const dirents = await fs.promises.readdir(folder, { withFileTypes: true });
    const entries: Entry[] = [];
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
}

/** Why a folder cannot be watched, as a message (the system's own words kept verbatim). */
export function describeFolderProblem(folder: string, error: unknown): Message {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return say('photos.folder_gone', { folder });
  if (code === 'ENOTDIR') return say('photos.folder_not_folder', { folder });
  if (code === 'EACCES' || code === 'EPERM') return say('photos.folder_denied', { folder });
  return say('photos.folder_unreadable', {
    folder,
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** Why a folder cannot be watched, in one English sentence. */
export function describeFolderError(folder: string, error: unknown): string {
  return englishText(describeFolderProblem(folder, error));
}

/** Checks that `folder` is a readable folder, with a sentence for the person when it is not. */
export async function checkFolder(folder: string): Promise<string> {
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(resolved);
  } catch {
    throw new FolderProblem(say('photos.folder_missing', { folder: resolved }));
  }
  if (!stat.isDirectory()) throw new FolderProblem(say('photos.folder_is_file', { folder: resolved }));
  try {
    await fs.promises.access(resolved, fs.constants.R_OK);
  } catch {
    throw new FolderProblem(say('photos.folder_denied', { folder: resolved }));
  }
  return resolved;
}

/** A folder that cannot be chosen, and why: `message` in English, `text` in the reader's language. */
export class FolderProblem extends Error {
  readonly text: Message;

  constructor(text: Message) {
    super(englishText(text));
    this.text = text;
  }
}
