import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { ITEM_LIST_COUNT_LIMIT } from '../shared/contract/items';
import type { SqliteDb } from '../electron/services/db/connection';
import { REBOUND_PG_TYPES, redactUrl, type PostgresDb } from '../electron/services/db/postgres/connect';
import { Workspace } from '../electron/services/workspace';
import type { ListInput, RawResult } from './items';
import { RAW_COLUMNS, RAW_ORDER } from './itemsRaw';

/**
 * The server half of `npm run bench -- items`: the desk's seeded workspace put on PostgreSQL,
 * and the list's queries written by hand for PostgreSQL (the twin of bench/items.ts `rawQuery`).
 *
 * The server is REBOUND_BENCH_POSTGRES (a postgres:// URL of a maintenance database where the
 * bench may create and drop a database) or, when unset, a throwaway cluster started by
 * scripts/postgres-cluster.mjs and stopped at the end. The database gets Rebound's schema from
 * its migrations (Workspace.connect), then the desk's rows with their ids.
 */

const benchDir = path.dirname(fileURLToPath(import.meta.url));

interface Cluster {
  readonly url: string;
  stop(): void;
}

interface ClusterModule {
  findPostgresBin(): string | null;
  startCluster(): Promise<Cluster>;
}

/** scripts/postgres-cluster.mjs has no types; its path is built at run time so tsc does not ask for them. */
async function clusterModule(): Promise<ClusterModule> {
  const file = path.join(benchDir, '..', 'scripts', 'postgres-cluster.mjs');
  return (await import(pathToFileURL(file).href)) as ClusterModule;
}

export interface ServerSide {
  readonly ws: Workspace<PostgresDb>;
  /** A client of its own for the hand-written SQL, with its prepared statements. */
  readonly client: pg.Client;
  readonly version: string;
  /** Where the server came from and the settings that matter for the figures. */
  readonly description: string;
  close(): Promise<void>;
}

export type ServerOrSkip = ServerSide | { readonly skipped: string };

/** A fresh database on the configured server or on a throwaway cluster; `skipped` says why not. */
export async function openServer(): Promise<ServerOrSkip> {
  let adminUrl = process.env.REBOUND_BENCH_POSTGRES;
  let cluster: Cluster | null = null;
  let origin: string;
  if (adminUrl) {
    origin = `REBOUND_BENCH_POSTGRES (${redactUrl(adminUrl)})`;
  } else {
    const mod = await clusterModule();
    if (!mod.findPostgresBin()) {
      return {
        skipped:
          'PostgreSQL is not installed here (no initdb in /usr/lib/postgresql/*/bin, PG_BIN or the PATH) and REBOUND_BENCH_POSTGRES is not set',
      };
    }
    try {
      cluster = await mod.startCluster();
    } catch (error) {
      return {
        skipped: `a throwaway cluster did not start: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    adminUrl = cluster.url;
    origin = 'a throwaway cluster (scripts/postgres-cluster.mjs: fsync off, default memory settings)';
  }

  const name = `rebound_bench_items_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-items-server-'));
  let created = false;
  let ws: Workspace<PostgresDb> | null = null;
  let client: pg.Client | null = null;
  const dropAll = async () => {
    await client?.end().catch(() => undefined);
    await ws?.close().catch(() => undefined);
    if (created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    fs.rmSync(filesDir, { recursive: true, force: true });
    cluster?.stop();
  };
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    created = true;
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    ws = await Workspace.connect(url.toString(), filesDir);
    client = new pg.Client({ connectionString: url.toString(), types: REBOUND_PG_TYPES });
    await client.connect();
    const settings = await client.query<{ version: string; collate: string; buffers: string; jit: string }>(
      `SELECT current_setting('server_version') AS version, datcollate AS collate,
              current_setting('shared_buffers') AS buffers, current_setting('jit') AS jit
       FROM pg_database WHERE datname = current_database()`,
    );
    const s = settings.rows[0]!;
    const server = ws;
    const own = client;
    return {
      ws: server,
      client: own,
      version: s.version,
      description: `${origin}; collation ${s.collate}, shared_buffers ${s.buffers}, jit ${s.jit}`,
      close: dropAll,
    };
  } catch (error) {
    await dropAll();
    return {
      skipped: `the server at ${redactUrl(adminUrl)} could not be used: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

// ─── Bulk load ───────────────────────────────────────────────────────────────────────────────

/** The tables the seed fills, in an order where every row's references come first. */
const LOADED = ['merchants', 'products', 'items', 'photos', 'defects', 'prices'] as const;
/** Rows per INSERT: one JSON parameter per batch, so the count of bind parameters never limits it. */
const LOAD_BATCH = 20_000;

export interface LoadReport {
  readonly rows: number;
  readonly insertMs: number;
  readonly indexMs: number;
  readonly analyzeMs: number;
  /** How item_search was filled: by its trigger per row, or in one statement (triggers off). */
  readonly search: string;
}

/**
 * The desk's rows onto the server, ids kept, much faster than `rebound migrate`
 * (db/postgres/copy.ts: 500-row INSERTs, then a checksum of every row on both sides, fine for a
 * desk but many minutes for a million items). As a bulk load is done: the secondary indexes of
 * the loaded tables and of item_search are dropped first and made again from their own
 * definitions (pg_indexes) afterwards, the rows go in 20,000 at a time through
 * json_populate_recordset, and the tables are vacuumed and analysed at the end, the state
 * autovacuum leaves a server in. As a superuser the session runs with triggers off
 * (session_replication_role = replica: the rows come from a consistent database, so the foreign
 * keys hold) and item_search is filled in one INSERT … SELECT with the trigger's own expressions;
 * otherwise the triggers fill it row by row.
 */
export async function bulkLoad(from: Workspace<SqliteDb>, to: ServerSide): Promise<LoadReport> {
  const sqlite = from.db.sqlite;
  const client = await to.ws.db.pool.connect();
  try {
    const tables = [...LOADED, 'item_search'];
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [tables],
    );
    let triggersOff = true;
    try {
      await client.query('SET session_replication_role = replica');
    } catch {
      triggersOff = false;
    }
    await client.query("SET maintenance_work_mem = '512MB'");

    const insertStart = performance.now();
    await client.query('BEGIN');
    for (const index of indexes) await client.query(`DROP INDEX ${index.indexname}`);
    let rows = 0;
    for (const table of LOADED) {
      const { rows: columns } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND is_generated <> 'ALWAYS'
         ORDER BY ordinal_position`,
        [table],
      );
      const list = columns.map((c) => `"${c.column_name}"`).join(', ');
      const insert = `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`;
      let batch: unknown[] = [];
      for (const row of sqlite.prepare(`SELECT ${list} FROM ${table} ORDER BY id`).iterate()) {
        batch.push(row);
        if (batch.length === LOAD_BATCH) {
          await client.query(insert, [JSON.stringify(batch)]);
          rows += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) {
        await client.query(insert, [JSON.stringify(batch)]);
        rows += batch.length;
      }
      // What db/dialect.ts afterExplicitIds does, on this connection: the rows are not committed yet.
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), greatest((SELECT max(id) FROM ${table}), 1))`,
        [table],
      );
    }
    if (triggersOff) {
      // The expressions of item_search_from_item() (postgres/migrations/0090-baseline.ts).
      await client.query(
        `INSERT INTO item_search(rowid, reference, sku, ean, order_reference, brand, model, title)
         SELECT i.id, i.reference, p.sku, coalesce(p.ean, ''), coalesce(i.order_reference, ''),
                coalesce(p.brand, ''), coalesce(p.model, ''), p.title
         FROM items i JOIN products p ON p.id = i.product_id`,
      );
      await client.query('SET session_replication_role = DEFAULT');
    }
    const insertMs = performance.now() - insertStart;
    const indexStart = performance.now();
    for (const index of indexes) await client.query(index.indexdef);
    await client.query('COMMIT');
    const indexMs = performance.now() - indexStart;

    const analyzeStart = performance.now();
    for (const table of tables) await client.query(`VACUUM (ANALYZE) ${table}`);
    const analyzeMs = performance.now() - analyzeStart;

    const counted = await client.query<{ items: number; search: number }>(
      'SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM item_search) AS search',
    );
    const check = counted.rows[0]!;
    if (check.items !== check.search) {
      throw new Error(`item_search has ${check.search} rows for ${check.items} items after the load`);
    }
    return {
      rows,
      insertMs,
      indexMs,
      analyzeMs,
      search: triggersOff
        ? 'item_search in one INSERT … SELECT (triggers off as superuser)'
        : 'item_search filled by its trigger, row by row',
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.query('RESET ALL').catch(() => undefined);
    client.release();
  }
}

// ─── Raw SQL for PostgreSQL ──────────────────────────────────────────────────────────────────

const escapeLike = (text: string) => text.replaceAll(/[\\%_]/g, (c) => `\\${c}`);

/** A statement's name for pg's per-connection cache of prepared statements. */
const statementName = (text: string) =>
  `bench_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`;

/**
 * The twin of bench/items.ts `rawQuery` for PostgreSQL, the same two statements: the page's ids
 * from `items` alone (products joined only for a sort on them), then those rows with their product,
 * merchant and three per-row subqueries; and a count over `items`, up to the list's limit. Search is the same trigram
 * document the service reads: every word of three characters or more a LIKE on the lowercased
 * item_search.document (the pg_trgm GIN index), shorter text an ILIKE prefix of reference or SKU.
 * Prepared once per connection (named statements), as a hand-tuned data layer would keep them.
 */
export function rawPostgresQuery(client: pg.Client, input: ListInput): RawPostgresQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const search = input.search?.trim();
  if (search) {
    const words = search.split(/\s+/);
    if (words.every((word) => [...word].length >= 3)) {
      const likes = words.map(
        (word) => `document LIKE ${param(`%${escapeLike(word.toLowerCase())}%`)} ESCAPE '\\'`,
      );
      where.push(`i.id IN (SELECT rowid FROM item_search WHERE ${likes.join(' AND ')})`);
    } else {
      const prefix = `${escapeLike(search)}%`;
      where.push(
        `(i.reference ILIKE ${param(prefix)} ESCAPE '\\' OR i.product_id IN (SELECT id FROM products WHERE sku ILIKE ${param(prefix)} ESCAPE '\\'))`,
      );
    }
  }
  if (input.grades?.length) where.push(`i.grade IN (${input.grades.map(param).join(', ')})`);
  if (input.statuses?.length) where.push(`i.status IN (${input.statuses.map(param).join(', ')})`);
  if (input.merchantId !== undefined) where.push(`i.merchant_id = ${param(input.merchantId)}`);
  if (input.receivedFrom) where.push(`i.received_at >= ${param(input.receivedFrom)}`);
  if (input.receivedTo) where.push(`i.received_at < ${param(`${input.receivedTo}T99`)}`);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const countValues = [...params];
  // Counting stops where the service's does (ITEM_LIST_COUNT_LIMIT), so both count the same rows.
  const countText = `SELECT least(count(*), ${ITEM_LIST_COUNT_LIMIT}) AS n
    FROM (SELECT 1 FROM items i ${clause} LIMIT ${ITEM_LIST_COUNT_LIMIT + 1}) AS matches`;
  const sort = input.sort ?? 'received_desc';
  const joinForSort =
    sort === 'title' || sort === 'price_desc' ? 'JOIN products p ON p.id = i.product_id' : '';
  const limit = param(input.limit ?? 200);
  const offset = param(input.offset ?? 0);
  const pageText = `SELECT ${RAW_COLUMNS}
    FROM items i JOIN products p ON p.id = i.product_id JOIN merchants m ON m.id = i.merchant_id
    WHERE i.id IN (SELECT i.id FROM items i ${joinForSort} ${clause}
                   ORDER BY ${RAW_ORDER[sort]} LIMIT ${limit} OFFSET ${offset})
    ORDER BY ${RAW_ORDER[sort]}`;
  const page = { name: statementName(pageText), text: pageText, values: params };
  const count = { name: statementName(countText), text: countText, values: countValues };
  return {
    run: async () => {
      const rows = await client.query<{ id: number }>(page);
      const total = await client.query<{ n: number }>(count);
      return { rows: rows.rows, total: total.rows[0]!.n };
    },
    statements: [page, count],
  };
}

export interface RawPostgresQuery {
  readonly run: () => Promise<RawResult>;
  readonly statements: readonly { readonly text: string; readonly values: readonly unknown[] }[];
}

/** EXPLAIN (ANALYZE, BUFFERS) of a case's statements (page, then count), for a look at a slow plan. */
export async function explainPostgres(client: pg.Client, query: RawPostgresQuery): Promise<string[]> {
  const plans: string[] = [];
  for (const statement of query.statements) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
      [...statement.values],
    );
    plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return plans;
}
