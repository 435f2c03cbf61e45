import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../../shared/errors';
import { takeBackup } from '../backup/files';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../paths';
import { damagedDatabase, isDamage, markCleanClose, needsIntegrityCheck, quickCheck } from './integrity';
import { migrate, migrationPlan, refuseNewer, type Migration, type MigrationPlan } from './migration';
import { MIGRATIONS } from './migrations';
import type { PostgresDb } from './postgres/connect';
import type { Database } from './schema';
import { say } from '../../../shared/messages';

/** A workspace's database: a desk's SQLite file, or a server's PostgreSQL. */
export type Db = SqliteDb | PostgresDb;

export interface SqliteDb {
  readonly engine: 'sqlite';
  readonly sqlite: BetterSqlite3.Database;
  readonly kysely: Kysely<Database>;
  readonly schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 binary built for the running runtime. Electron's Node has its own
   * ABI, so `npm start` builds a second copy (scripts/native-electron.mjs) and passes it here,
   * leaving the Node build in node_modules for the tests and the CLI.
   */
  readonly nativeBinding?: string | undefined;
  /** The migrations to bring the file up to: Rebound's own, unless a test gives others. */
  readonly migrations?: readonly Migration[] | undefined;
}

export function openDatabase(file: string, options: OpenOptions = {}): SqliteDb {
  makePrivateDir(path.dirname(file));
  // A new database file is owner-only from the start (it holds the channels' sealed secrets);
  // SQLite gives its -wal and -shm files the same mode.
  try {
    fs.writeFileSync(file, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const sqlite = new BetterSqlite3(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const migrations = options.migrations ?? MIGRATIONS;
  try {
    sqlite.pragma('busy_timeout = 5000');
    // Before anything writes: switching to WAL rewrites the file header, and a file from a
    // newer Rebound must be left exactly as it was.
    const current = readableVersion(sqlite, file, migrations);
    // A damaged file is not opened for writing: the message names the backup to restore. Checked
    // when it may have been touched since a clean close (integrity.ts says why not always).
    const problems = needsIntegrityCheck(file) ? quickCheck(sqlite) : [];
    if (problems.length > 0) throw damagedDatabase(file, problems);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // WAL makes NORMAL durable across application crashes; only a power loss can lose the
    // last transactions, never corrupt the file.
    sqlite.pragma('synchronous = NORMAL');
    // A file that already holds a workspace is copied before its schema changes (a new, empty
    // file has nothing to lose); a copy that cannot be made stops the migration.
    if (current > 0 && migrationPlan(current, migrations)) backupBeforeMigrating(sqlite, file, current);
    const schemaVersion = migrate(sqlite, migrations);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      engine: 'sqlite',
      sqlite,
      kysely,
      schemaVersion,
      async close() {
        // Kysely's destroy closes the better-sqlite3 handle it was given, but only once it has
        // used it: a workspace closed without a query through Kysely is closed here, so it never
        // stays open (holding its write-ahead log, and keeping a restore out).
        await kysely.destroy();
        if (sqlite.open) sqlite.close();
        markCleanClose(file);
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** refuseNewer, with a file too damaged to read its header refused as damaged. */
function readableVersion(sqlite: BetterSqlite3.Database, file: string, migrations: readonly Migration[]) {
  try {
    return refuseNewer(sqlite, migrations);
  } catch (error) {
    if (isDamage(error)) throw damagedDatabase(file, [(error as Error).message]);
    throw error;
  }
}

function backupBeforeMigrating(sqlite: BetterSqlite3.Database, file: string, current: number): void {
  try {
    takeBackup(sqlite, path.dirname(file), 'pre-migration');
  } catch (error) {
    throw new AppError(
      'internal',
      say('workspace.backup_before_migration_failed', {
        current: String(current),
        detail: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

/**
 * What opening this database file would migrate, read without changing it: null when there is no
 * workspace there yet (no file, or an empty one) or it is at the newest schema already. The
 * command line asks before an update it is run from migrates a workspace.
 */
export function pendingMigration(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationPlan | null {
  if (!fs.existsSync(file)) return null;
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    return current > 0 ? migrationPlan(current, migrations) : null;
  } finally {
    sqlite.close();
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
