import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export interface Migration {
  /** Numbered in tens, so a fix can slot in between two released migrations. */
  readonly version: number;
  readonly name: string;
  up(db: BetterSqlite3.Database): void;
}

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Throws `newer_database` when the file's schema is newer than the newest migration known here;
 * returns its version otherwise. Only reads, so it can run before anything writes to the file.
 */
export function refuseNewer(db: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'newer_database',
      `This data folder was written by a newer version of Rebound (schema ${current}; this version knows up to ${latest}). Update Rebound to open it; nothing was changed.`,
    );
  }
  return current;
}

/**
 * Brings the database up to the newest migration, each one in its own transaction together
 * with its `user_version` bump, so a crash leaves the file at a whole version. A database
 * written by a newer Rebound is refused rather than guessed at.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  const current = refuseNewer(db, migrations);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
