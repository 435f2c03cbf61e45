import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';

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
      say('workspace.newer', { current: String(current), latest: String(latest) }),
    );
  }
  return current;
}

/** The versions an open would migrate between, or null when the file is at the newest already. */
export interface MigrationPlan {
  readonly from: number;
  readonly to: number;
}

export function migrationPlan(current: number, migrations: readonly Migration[]): MigrationPlan | null {
  const latest = migrations.at(-1)?.version ?? 0;
  return current < latest ? { from: current, to: latest } : null;
}

/**
 * Brings the database up to the newest migration, each one in its own transaction together
 * with its `user_version` bump, so a crash leaves the file at a whole version. A database
 * written by a newer Rebound is refused rather than guessed at.
 *
 * Foreign keys are off while migrations run, so rebuilding a table (create the new one, copy,
 * drop the old, rename) can never cascade-delete or null the rows that point at it; instead,
 * every migration ends with `PRAGMA foreign_key_check` inside its transaction, and a reference
 * it left dangling rolls it back. (`PRAGMA foreign_keys` does nothing inside a transaction, so
 * it is switched around them, and back to what it was afterwards.)
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  const current = refuseNewer(db, migrations);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    let at = current;
    for (const migration of pending) {
      db.transaction(() => {
        migration.up(db);
        refuseDanglingReferences(db, migration, at);
        db.pragma(`user_version = ${migration.version}`);
      })();
      at = migration.version;
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return schemaVersion(db);
}

interface ForeignKeyViolation {
  readonly table: string;
  readonly rowid: number | null;
  readonly parent: string;
}

/** Throws (rolling the migration's transaction back) when a row points at a row that is not there. */
function refuseDanglingReferences(db: BetterSqlite3.Database, migration: Migration, at: number): void {
  const violations = db.pragma('foreign_key_check') as ForeignKeyViolation[];
  if (violations.length === 0) return;
  const examples = violations
    .slice(0, 3)
    .map((v) => `${v.table} row ${v.rowid ?? '?'} → ${v.parent}`)
    .join(', ');
  throw new AppError(
    'internal',
    say('workspace.migration_dangling', {
      version: String(migration.version),
      name: migration.name,
      count: violations.length,
      examples,
      at: String(at),
    }),
    { migration: migration.version, violations: violations.slice(0, 20) },
  );
}
