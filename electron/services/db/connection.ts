import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../paths';
import { migrate, refuseNewer } from './migration';
import { MIGRATIONS } from './migrations';
import type { Database } from './schema';

export interface Db {
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
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
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
  try {
    // Before anything writes: switching to WAL rewrites the file header, and a file from a
    // newer Rebound must be left exactly as it was.
    refuseNewer(sqlite, MIGRATIONS);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // WAL makes NORMAL durable across application crashes; only a power loss can lose the
    // last transactions, never corrupt the file.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    const schemaVersion = migrate(sqlite, MIGRATIONS);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      sqlite,
      kysely,
      schemaVersion,
      async close() {
        // Kysely's destroy closes the better-sqlite3 handle it was given.
        await kysely.destroy();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
