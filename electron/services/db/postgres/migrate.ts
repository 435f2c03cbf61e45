import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import { say } from '../../../../shared/messages';

/** One step of the server's schema; the same number as the SQLite migration it matches. */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Any number for the advisory lock that serialises migrations: two instances started together
 * on an empty database would otherwise both create the schema.
 */
const MIGRATION_LOCK = 0x5265_626f; // "Rebo"

/**
 * The schema version of a server database: the newest row of `schema_migrations`, 0 when Rebound
 * has never run there.
 */
export async function postgresSchemaVersion(db: Kysely<unknown>): Promise<number> {
  const table = await sql<{ present: boolean }>`
    SELECT to_regclass('schema_migrations') IS NOT NULL AS present`.execute(db);
  if (!table.rows[0]?.present) return 0;
  const row = await sql<{
    version: number | null;
  }>`SELECT max(version) AS version FROM schema_migrations`.execute(db);
  return row.rows[0]?.version ?? 0;
}

/**
 * Brings a server database up to the newest migration. Each migration runs in one transaction
 * with its `schema_migrations` row (PostgreSQL's DDL is transactional, so a failure leaves the
 * database at a whole version), under an advisory lock held by the transaction: instances started
 * together wait for each other and find the work done. A database from a newer Rebound is refused.
 */
export async function migratePostgres(
  db: Kysely<unknown>,
  migrations: readonly PostgresMigration[],
): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  // Every start of every instance comes here: a database already up to date is one read, not a
  // locked transaction per migration.
  const before = await postgresSchemaVersion(db);
  refuseNewerServer(before, latest);
  if (before === latest) return before;
  for (const migration of migrations.filter((m) => m.version > before)) {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at text NOT NULL
      )`.execute(trx);
      const current = await postgresSchemaVersion(trx);
      refuseNewerServer(current, latest);
      if (migration.version <= current) return;
      await migration.up(trx);
      await sql`INSERT INTO schema_migrations (version, name, applied_at)
        VALUES (${migration.version}, ${migration.name}, ${new Date().toISOString()})`.execute(trx);
    });
  }
  return postgresSchemaVersion(db);
}

export function refuseNewerServer(current: number, latest: number): void {
  if (current > latest) {
    throw new AppError(
      'newer_database',
      say('workspace.newer_server', { current: String(current), latest: String(latest) }),
    );
  }
}
