import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  DESK_FOLDER_OPS,
  IPC_DESK_FOLDER,
  IPC_DESK_FOLDER_EVENT,
  type DeskFolderStatus,
  type DeskShot,
} from '../../shared/contract/desk';
import { MAX_UPLOAD_BYTES } from '../../shared/contract';
import {
  checkFolder,
  FolderProblem,
  FolderWatch,
  type FolderWatchOptions,
} from '../services/photos/folderWatch';
import { isServerPage } from './server';

/**
 * The camera folder of a desk whose app is a window onto a Rebound server. The server cannot see
 * the desk's disk, so the desk's own app watches the folder (services/photos/folderWatch.ts
 * says which files, and when) and hands each new shot to the server's page, which uploads it to
 * the item open on its photo desk, as a dropped photo would go. The folder is remembered in the
 * app's profile (desk-folder.json), per desk, and chosen in the system's folder dialog: the page
 * never names a path, and nothing but new images in that folder is ever read.
 */

const CHOICE_FILE = 'desk-folder.json';
const Choice = z.object({ path: z.string().min(1) }).strict();

export class DeskFolder {
  private folder: string | null = null;
  private readonly watch: FolderWatch;
  private readonly listeners = new Set<(status: DeskFolderStatus) => void>();

  constructor(
    private readonly profileDir: string,
    options: FolderWatchOptions = {},
  ) {
    this.watch = new FolderWatch(options);
    this.watch.on('change', () => this.announce());
    this.watch.on('ready', () => this.announce());
  }

  /** Watches the folder this desk chose before (if any and if it is still a folder). */
  async start(): Promise<void> {
    this.folder = readDeskFolderChoice(this.profileDir);
    await this.watch.watch(this.folder);
  }

  async stop(): Promise<void> {
    await this.watch.stop();
  }

  status(): DeskFolderStatus {
    const state = this.watch.state();
    return {
      path: this.folder,
      watching: state.watching,
      ...(state.error !== undefined ? { error: state.error } : {}),
      pendingCount: state.pendingCount,
      readyCount: state.readyCount,
    };
  }

  /** Checks, remembers and watches `folder` (null: none). */
  async setFolder(folder: string | null): Promise<DeskFolderStatus> {
    const resolved = folder === null ? null : await checkFolder(folder);
    saveDeskFolderChoice(this.profileDir, resolved);
    this.folder = resolved;
    await this.watch.watch(resolved);
    return this.status();
  }

  /** The shots ready now, read whole, in shooting order; each is handed over once. */
  async take(): Promise<DeskShot[]> {
    const shots: DeskShot[] = [];
    for (const file of await this.watch.take()) {
      if (file.size > MAX_UPLOAD_BYTES) {
        shots.push({
          name: file.name,
          refused: `The file is ${Math.round(file.size / 1_048_576)} MB; photos of up to ${MAX_UPLOAD_BYTES / 1_048_576} MB are taken.`,
        });
        continue;
      }
      try {
        shots.push({ name: file.name, bytes: new Uint8Array(await fs.promises.readFile(file.path)) });
      } catch (error) {
        shots.push({
          name: file.name,
          refused: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    return shots;
  }

  /** Called with the status whenever it changes (a page's window listens). */
  onChange(listener: (status: DeskFolderStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

export function readDeskFolderChoice(profileDir: string): string | null {
  try {
    const parsed = Choice.safeParse(JSON.parse(fs.readFileSync(path.join(profileDir, CHOICE_FILE), 'utf8')));
    return parsed.success ? parsed.data.path : null;
  } catch {
    return null;
  }
}

export function saveDeskFolderChoice(profileDir: string, folder: string | null): void {
  const file = path.join(profileDir, CHOICE_FILE);
  if (folder === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(profileDir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ path: folder })}\n`, { mode: 0o600 });
}

/** The part of Electron's invoke event the handler reads. */
export interface DeskFolderEvent {
  readonly senderFrame: { readonly parent: unknown; readonly url: string } | null;
  readonly sender: {
    readonly id: number;
    send(channel: string, payload: unknown): void;
    isDestroyed(): boolean;
    once(name: 'destroyed', listener: () => void): unknown;
  };
}

type Answer =
  | { readonly ok: true; readonly value: DeskFolderStatus | readonly DeskShot[] }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/**
 * The desk folder's one IPC channel, for the top frame of the server's own pages only. Each
 * window that asks is sent the status whenever it changes (IPC_DESK_FOLDER_EVENT).
 * `chooseDirectory` is the system's folder dialog (index.ts), or null when cancelled.
 */
export function registerDeskFolder(
  ipcMain: { handle(channel: string, handler: (event: DeskFolderEvent, op: unknown) => unknown): void },
  desk: DeskFolder,
  server: string,
  chooseDirectory: (current: string | null) => Promise<string | null>,
): void {
  const watching = new Set<number>();
  ipcMain.handle(IPC_DESK_FOLDER, async (event, op): Promise<Answer> => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null || !isServerPage(frame.url, server)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Only the Rebound server’s own page uses the desk’s folder.' },
      };
    }
    if (!(DESK_FOLDER_OPS as readonly unknown[]).includes(op)) {
      return { ok: false, error: { code: 'bad_input', message: 'Not a desk folder request.' } };
    }
    const sender = event.sender;
    if (!watching.has(sender.id)) {
      watching.add(sender.id);
      const stop = desk.onChange((status) => {
        if (!sender.isDestroyed()) sender.send(IPC_DESK_FOLDER_EVENT, status);
      });
      sender.once('destroyed', () => {
        stop();
        watching.delete(sender.id);
      });
    }
    try {
      switch (op) {
        case 'status':
          return { ok: true, value: desk.status() };
        case 'choose': {
          const chosen = await chooseDirectory(desk.status().path);
          return { ok: true, value: chosen === null ? desk.status() : await desk.setFolder(chosen) };
        }
        case 'clear':
          return { ok: true, value: await desk.setFolder(null) };
        case 'take':
          return { ok: true, value: await desk.take() };
        default:
          return { ok: false, error: { code: 'bad_input', message: 'Not a desk folder request.' } };
      }
    } catch (error) {
      if (error instanceof FolderProblem)
        return { ok: false, error: { code: 'bad_input', message: error.message } };
      throw error;
    }
  });
}
