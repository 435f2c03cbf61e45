import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { BACKUP_KINDS, type BackupInfo, type BackupKind } from '../../../shared/contract/backups';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../paths';

/**
 * The backups Rebound keeps of a workspace database, in `<data folder>/backups/` (0700), each a
 * consistent copy made with SQLite's `VACUUM INTO` (0600: it holds the channels' sealed
 * secrets like the database). The file name says all there is to know about one, so the folder
 * is the whole record: `rebound-<schema>-<UTC time>-<kind>.sqlite`, for example
 * `rebound-90-20260302T090000.000Z-daily.sqlite`.
 */

export type { BackupInfo, BackupKind };

/** How many of each kind are kept: taking one deletes the oldest beyond this. */
export const KEEP: Readonly<Record<BackupKind, number>> = {
  daily: 7,
  'pre-migration': 3,
  manual: 7,
  'before-restore': 3,
};

export const BACKUPS_FOLDER = 'backups';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER);
}

/** `2026-03-02T09:00:00.000Z` → `20260302T090000.000Z` (ISO 8601 basic: no colons, for Windows). */
function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '');
}

function unstamp(text: string): string {
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13)}`;
}

export function backupName(kind: BackupKind, schemaVersion: number, at: Date): string {
  return `rebound-${schemaVersion}-${stamp(at)}-${kind}.sqlite`;
}

const NAME = /^rebound-(\d+)-(\d{8}T\d{6}\.\d{3}Z)-([a-z-]+)\.sqlite$/;

function isKind(value: string): value is BackupKind {
  return (BACKUP_KINDS as readonly string[]).includes(value);
}

/** What a backup's file name says, or null for a file that is not one of Rebound's backups. */
export function parseBackupName(name: string): Omit<BackupInfo, 'file' | 'sizeBytes'> | null {
  const match = NAME.exec(name);
  if (!match || !isKind(match[3]!)) return null;
  return { kind: match[3], schemaVersion: Number(match[1]), takenAt: unstamp(match[2]!) };
}

/** Every backup in the data folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    try {
      found.push({ ...parsed, file, sizeBytes: fs.statSync(file).size });
    } catch {
      // Deleted while we looked: not a backup any more.
    }
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.file.localeCompare(a.file));
}

export function latestBackup(dataDir: string): BackupInfo | null {
  return listBackups(dataDir)[0] ?? null;
}

/** "2026-03-02 09:00 UTC": how messages name a backup's date. */
export function backupDate(info: Pick<BackupInfo, 'takenAt'>): string {
  return `${info.takenAt.slice(0, 10)} ${info.takenAt.slice(11, 16)} UTC`;
}

/**
 * A consistent copy of the database `db` is connected to, written to `target` (which must not
 * exist) owner-only and flushed to disk. `VACUUM INTO` reads one snapshot, so the copy is whole
 * even while other connections write; a failed copy leaves no file behind.
 */
export function vacuumInto(db: BetterSqlite3.Database, target: string): void {
  // VACUUM INTO writes into an empty file and keeps its mode: made first, owner-only.
  fs.writeFileSync(target, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  try {
    db.prepare('VACUUM INTO ?').run(target);
    fsyncFile(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the backups folder (0700), and owner-only again if something widened it. */
export function makeBackupsDir(dataDir: string): string {
  const dir = backupsDir(dataDir);
  makePrivateDir(dir);
  if (process.platform !== 'win32') {
    try {
      const mode = fs.statSync(dir).mode & 0o777;
      if ((mode & 0o077) !== 0) fs.chmodSync(dir, mode & PRIVATE_DIR_MODE);
    } catch {
      // Not ours to change (another owner, a read-only mount): the copy is still made.
    }
  }
  return dir;
}

/**
 * Takes a backup of this kind into the data folder's backups/ and deletes the oldest of the
 * kind beyond what is kept. `db` is a connection to the workspace database.
 */
export function takeBackup(
  db: BetterSqlite3.Database,
  dataDir: string,
  kind: BackupKind,
  now: Date = new Date(),
): BackupInfo {
  const dir = makeBackupsDir(dataDir);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const file = path.join(dir, backupName(kind, schemaVersion, now));
  vacuumInto(db, file);
  pruneBackups(dataDir, kind);
  return { file, kind, schemaVersion, takenAt: now.toISOString(), sizeBytes: fs.statSync(file).size };
}

/** Deletes the oldest backups of a kind beyond the `keep` newest; returns what it deleted. */
export function pruneBackups(dataDir: string, kind: BackupKind, keep: number = KEEP[kind]): BackupInfo[] {
  const extra = listBackups(dataDir)
    .filter((b) => b.kind === kind)
    .slice(keep);
  for (const backup of extra) {
    fs.rmSync(backup.file, { force: true });
    // A damaged database kept before a restore is kept as its file and its write-ahead log.
    fs.rmSync(`${backup.file}-wal`, { force: true });
  }
  return extra;
}
