import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { nested, say } from '../../../shared/messages';
import { damagedDatabase, isDamage, quickCheck } from '../db/integrity';
import type { Migration } from '../db/migration';
import { MIGRATIONS } from '../db/migrations';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../paths';
import { backupName, fsyncFile, makeBackupsDir, pruneBackups, vacuumInto, type BackupInfo } from './files';

/**
 * `rebound backup --out FILE` and `rebound restore FILE`: a copy of the workspace database taken
 * at any time (the app may be running), and a backup put back in its place, only while nothing
 * else has the workspace open, keeping the database it replaces.
 */

export const DATABASE_FILE = 'rebound.sqlite';

/** The files SQLite keeps beside a database: a stale one must never meet another database. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

export interface BackupResult {
  readonly file: string;
  readonly schemaVersion: number;
  readonly takenAt: string;
  readonly sizeBytes: number;
}

/**
 * Copies the data folder's database to `out` with `VACUUM INTO`: one consistent snapshot even
 * while the app writes, never over an existing file, owner-only. The source is only read (no
 * migration, whatever its schema); a copy that fails its quick check is deleted and refused.
 */
export function backupTo(dataDir: string, out: string, now: Date = new Date()): BackupResult {
  const source = path.join(path.resolve(dataDir), DATABASE_FILE);
  if (!fs.existsSync(source)) {
    throw new AppError('not_found', say('backup.no_database', { dir: path.resolve(dataDir) }));
  }
  const target = path.resolve(out);
  if (fs.existsSync(target)) {
    throw new AppError('conflict', say('backup.target_exists', { file: target }));
  }
  if (!fs.existsSync(path.dirname(target))) {
    throw new AppError(
      'not_found',
      say('backup.no_target_folder', { dir: path.dirname(target), file: target }),
    );
  }
  const db = new BetterSqlite3(source, { fileMustExist: true, timeout: 5000 });
  let schemaVersion: number;
  try {
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
    vacuumInto(db, target);
  } catch (error) {
    if (isDamage(error)) throw damagedDatabase(source, [(error as Error).message]);
    throw error;
  } finally {
    db.close();
  }
  const problems = checkFile(target);
  if (problems.length > 0) {
    fs.rmSync(target, { force: true });
    throw damagedDatabase(source, problems);
  }
  return { file: target, schemaVersion, takenAt: now.toISOString(), sizeBytes: fs.statSync(target).size };
}

function checkFile(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return quickCheck(db);
  } finally {
    db.close();
  }
}

/** The tables every Rebound database has had since its first schema. */
const REBOUND_TABLES = ['merchants', 'products', 'items', 'settings'];

/**
 * Checks that a file may be restored: a SQLite database that passes its quick check, made by
 * Rebound (it has Rebound's tables and a schema version) and not by a newer version than this
 * one. Returns its schema version.
 */
export function inspectBackup(file: string, migrations: readonly Migration[] = MIGRATIONS): number {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('not_found', say('backup.cannot_open', { file, reason: (error as Error).message }));
  }
  try {
    let version: number;
    let tables: string[];
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      ).map((row) => row.name);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError('unsupported', say('backup.not_sqlite', { file }));
      }
      if (isDamage(error)) throw damagedBackup(file, [(error as Error).message]);
      throw error;
    }
    const problems = quickCheck(db);
    if (problems.length > 0) throw damagedBackup(file, problems);
    if (version === 0 || !REBOUND_TABLES.every((name) => tables.includes(name))) {
      throw new AppError('unsupported', say('backup.not_rebound', { file }));
    }
    const latest = migrations.at(-1)?.version ?? 0;
    if (version > latest) {
      throw new AppError('newer_database', say('backup.newer', { file, version, latest }));
    }
    return version;
  } finally {
    db.close();
  }
}

function damagedBackup(file: string, problems: readonly string[]): AppError {
  return new AppError(
    'damaged_database',
    say('backup.damaged', {
      file,
      problem: problems[0] ?? nested(say('backup.damaged_unreadable')),
    }),
    { file, problems },
  );
}

export interface RestoreResult {
  /** The backup that was restored. */
  readonly restored: string;
  /** The workspace database it replaced. */
  readonly database: string;
  readonly schemaVersion: number;
  /** The copy of the database it replaced, in the backups folder (none when there was none). */
  readonly previous: BackupInfo | null;
  /** The schema the next open migrates it to, when it is older than this version's. */
  readonly migratesTo: number | null;
}

/**
 * Puts a backup in place of the data folder's database. Refused while anything has the workspace
 * open (the app, `rebound serve`, another command): the check takes SQLite's exclusive lock on
 * the database, which an open Rebound's connection prevents, and holds it throughout, so nothing
 * can open the workspace half-way. The database being replaced is copied to backups/ first (a
 * damaged one byte for byte, with its write-ahead log); the backup is copied beside it and
 * renamed over it, so the database is always one whole file or the other, and the old one's
 * write-ahead log and shared memory are removed first so they never meet the new one.
 */
export function restoreBackup(
  dataDir: string,
  backup: string,
  options: { readonly migrations?: readonly Migration[]; readonly now?: Date } = {},
): RestoreResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? new Date();
  const source = path.resolve(backup);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) {
    throw new AppError('not_found', say('backup.no_file', { file: source }));
  }
  const dir = path.resolve(dataDir);
  const live = path.join(dir, DATABASE_FILE);
  if (fs.existsSync(live) && fs.realpathSync(live) === fs.realpathSync(source)) {
    throw new AppError('bad_input', say('backup.own_database', { file: source }));
  }
  const schemaVersion = inspectBackup(source, migrations);
  makePrivateDir(dir);

  let lock = fs.existsSync(live) ? lockExclusively(live, dir) : null;
  let previous: BackupInfo | null = null;
  const staging = path.join(dir, `.${DATABASE_FILE}.restoring-${process.pid}`);
  try {
    if (fs.existsSync(live)) previous = keepCurrent(lock, live, dir, now);
    fs.rmSync(staging, { force: true });
    const from = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
    try {
      vacuumInto(from, staging);
    } finally {
      from.close();
    }
    if (lock) {
      // Out of WAL while holding the lock: the old write-ahead log is checkpointed and deleted
      // by SQLite itself, and closing the lock later touches no file the new database owns.
      try {
        lock.pragma('journal_mode = DELETE');
      } catch {
        // A damaged file: its log is already kept with the copy, and removed below.
      }
    }
    if (process.platform === 'win32') {
      // Windows can neither delete nor rename over a file that is open: the lock ends here.
      lock?.close();
      lock = null;
    }
    for (const suffix of COMPANIONS) fs.rmSync(`${live}${suffix}`, { force: true });
    fs.chmodSync(staging, PRIVATE_FILE_MODE);
    fs.renameSync(staging, live);
    fsyncFolder(dir);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    throw error;
  } finally {
    lock?.close();
  }
  const latest = migrations.at(-1)?.version ?? 0;
  return {
    restored: source,
    database: live,
    schemaVersion,
    previous,
    migratesTo: schemaVersion < latest ? latest : null,
  };
}

/**
 * A connection holding SQLite's exclusive lock on the database until it is closed, or null when
 * the file is too damaged for SQLite to lock it (nothing can have it open then: Rebound refuses
 * a damaged database). Refused when anything else has the database open.
 */
function lockExclusively(file: string, dataDir: string): BetterSqlite3.Database | null {
  const db = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    // In exclusive locking mode the lock outlives the transaction: held until close().
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new AppError('conflict', say('backup.workspace_open', { dir: dataDir }));
    }
    if (isDamage(error)) return null;
    throw error;
  }
}

/** The database being replaced, kept in backups/ as a `before-restore` backup. */
function keepCurrent(
  lock: BetterSqlite3.Database | null,
  live: string,
  dataDir: string,
  now: Date,
): BackupInfo {
  const dir = makeBackupsDir(dataDir);
  let version = 0;
  try {
    version = (lock?.pragma('user_version', { simple: true }) as number | undefined) ?? 0;
  } catch {
    // Unreadable header: named as schema 0.
  }
  const file = path.join(dir, backupName('before-restore', version, now));
  let copied = false;
  if (lock) {
    try {
      vacuumInto(lock, file);
      copied = true;
    } catch (error) {
      if (!isDamage(error)) throw error;
    }
  }
  if (!copied) {
    // Too damaged to copy through SQLite: kept byte for byte, with its write-ahead log.
    fs.copyFileSync(live, file, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(file, PRIVATE_FILE_MODE);
    if (fs.existsSync(`${live}-wal`)) {
      fs.copyFileSync(`${live}-wal`, `${file}-wal`, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(`${file}-wal`, PRIVATE_FILE_MODE);
    }
    fsyncFile(file);
  }
  pruneBackups(dataDir, 'before-restore');
  return {
    file,
    kind: 'before-restore',
    schemaVersion: version,
    takenAt: now.toISOString(),
    sizeBytes: fs.statSync(file).size,
  };
}

/** So the rename survives a power cut (POSIX; Windows cannot open a folder to flush it). */
function fsyncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse to flush a folder; the rename itself is still atomic.
  }
}
