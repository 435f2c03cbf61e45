import { createRequire } from 'node:module';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { AppError } from '../../../../shared/errors';
import type { Database } from '../schema';
import { migratePostgres, postgresSchemaVersion, refuseNewerServer, type PostgresMigration } from './migrate';
import { POSTGRES_MIGRATIONS } from './migrations';

import { redactUrl } from './address';
import { say } from '../../../../shared/messages';

export { isPostgresUrl, redactUrl } from './address';

/**
 * bigint (count, sums of integers, amounts) and numeric (sums of bigint) come back from pg as
 * strings, because they may not fit a double. Rebound's amounts are minor units far below 2^53,
 * so they are read as numbers, as SQLite gives them; a value that would lose precision is an
 * error, never a silently wrong total.
 */
function exactNumber(text: string): number {
  const value = Number(text);
  if (/^-?\d+$/.test(text) && !Number.isSafeInteger(value)) {
    throw new AppError('internal', say('workspace.number_too_large', { value: text }));
  }
  return value;
}

/**
 * The pg driver, loaded when a server database is first opened: a desk, and every command on a
 * data folder, never needs it, and loading it took 34 ms of each CLI start.
 */
export function pgDriver(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}

const INT8 = 20;
const NUMERIC = 1700;

/** The pg type parsers of a Rebound connection: the defaults, with bigint and numeric as numbers. */
export const REBOUND_PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return exactNumber;
    const types = pgDriver().types;
    return format === 'binary' ? types.getTypeParser(oid, 'binary') : types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  readonly migrations?: readonly PostgresMigration[] | undefined;
  /** Connections this instance keeps open at most (default 10). */
  readonly poolSize?: number | undefined;
  /** Migrate an empty or older database (the server's `init` and start); false only reads the version. */
  readonly migrate?: boolean | undefined;
}

export interface PostgresDb {
  readonly engine: 'postgres';
  readonly url: string;
  readonly pool: pg.Pool;
  readonly kysely: Kysely<Database>;
  readonly schemaVersion: number;
  close(): Promise<void>;
}

/** The pool of one instance; every connection reads bigint as number and speaks UTC. */
export function postgresPool(url: string, poolSize = 10): pg.Pool {
  const pool = new (pgDriver().Pool)({
    connectionString: url,
    max: poolSize,
    types: REBOUND_PG_TYPES,
    // A server that does not answer is reported, not waited on forever.
    connectionTimeoutMillis: 10_000,
    application_name: 'rebound',
  });
  // An idle connection the server dropped (restart, network) must not crash the process; the
  // pool replaces it at the next query.
  pool.on('error', (error) => console.error('Rebound: a PostgreSQL connection failed:', error.message));
  return pool;
}

/**
 * Connects to a server database and brings its schema up to date (see ./migrate.ts). The
 * address is the usual libpq URL, postgres://USER:PASSWORD@HOST:PORT/DB (?sslmode=… included).
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDb> {
  const pool = postgresPool(url, options.poolSize);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const migrations = options.migrations ?? POSTGRES_MIGRATIONS;
    let schemaVersion: number;
    if (options.migrate === false) {
      schemaVersion = await postgresSchemaVersion(kysely as Kysely<unknown>);
      refuseNewerServer(schemaVersion, migrations.at(-1)?.version ?? 0);
    } else {
      schemaVersion = await migratePostgres(kysely as Kysely<unknown>, migrations);
    }
    return {
      engine: 'postgres',
      url,
      pool,
      kysely,
      schemaVersion,
      async close() {
        await kysely.destroy();
      },
    };
  } catch (error) {
    await kysely.destroy();
    throw unreachable(error, url);
  }
}

/** A connection failure says which server it tried, without its password. */
function unreachable(error: unknown, url: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === '28P01' ||
    code === '3D000' ||
    code === '28000'
  ) {
    return new AppError(
      'unsupported',
      say('workspace.server_unreachable', { url: redactUrl(url), remote: message }),
    );
  }
  return error;
}
