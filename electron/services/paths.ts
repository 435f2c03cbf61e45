import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The data folder Electron's `app.getPath('userData')` would give for "Rebound", so that the CLI
 * and the browser mode open the same workspace as the desktop app unless told otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REBOUND_DATA_DIR) return path.resolve(env.REBOUND_DATA_DIR);
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Rebound');
    case 'darwin':
      return path.join(os.homedir(), 'Library', 'Application Support', 'Rebound');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Rebound');
  }
}

/**
 * The data folder holds the merchants' data, sales and the channels' sealed credentials: it and
 * every folder Rebound creates in it are readable by their owner only, files with secrets too.
 * (POSIX modes; on Windows the folder inherits the user profile's ACLs and the modes are ignored.)
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates a folder of the data folder (and missing parents) readable by its owner only. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** `makePrivateDir` for async code. */
export async function makePrivateDirAsync(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** How the data folder was found, decided before anything is written in it. */
export interface DataDirState {
  readonly dir: string;
  /** Created now, or already Rebound's (it holds rebound.sqlite, or nothing but the app's profile). */
  readonly ours: boolean;
}

/**
 * Creates the data folder owner-only, or finds the existing one. An existing folder counts as
 * Rebound's when it holds `rebound.sqlite` or is empty (but for the desktop app's Chromium
 * profile); a folder holding other things (`--data-dir` pointed at an existing folder of the
 * user's) is never changed.
 */
export function prepareDataDir(dataDir: string): DataDirState {
  const dir = path.resolve(dataDir);
  const created = fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE }) !== undefined;
  if (created) return { dir, ours: true };
  // The desktop app's Chromium profile alone (made first when --data-dir names the folder) is empty.
  const entries = fs.readdirSync(dir);
  const ours = entries.includes('rebound.sqlite') || entries.every((name) => name === 'electron-profile');
  return { dir, ours };
}

/**
 * Takes group and world access away from Rebound's data folder (POSIX): a folder created by an
 * older version, or under a permissive umask, is made owner-only at open. Best effort: a folder
 * this user may not chmod (another owner, a read-only mount) is left as it is.
 */
export function tightenDataDir(state: DataDirState, platform: NodeJS.Platform = process.platform): void {
  if (!state.ours || platform === 'win32') return;
  try {
    const mode = fs.statSync(state.dir).mode & 0o777;
    if ((mode & 0o077) !== 0) fs.chmodSync(state.dir, mode & PRIVATE_DIR_MODE);
  } catch {
    // Not ours to change after all (EPERM, EROFS): the workspace opens as before.
  }
}
