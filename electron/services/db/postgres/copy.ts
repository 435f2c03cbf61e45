import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../../../shared/errors';
import { secretBoxFor } from '../../channels/ebay/service';
import { FileKeySecretBox, type SecretBox } from '../../channels/ebay/secrets';
import { makePrivateDir } from '../../paths';
import type { Workspace } from '../../workspace';
import type { SqliteDb } from '../connection';
import { afterExplicitIds } from '../dialect';
import type { Queryable } from '../queryable';
import type { Database } from '../schema';
import type { PostgresDb } from './connect';
import { list, nested, say } from '../../../../shared/messages';
import { joinProblems } from '../../intake/shared';

/**
 * `rebound migrate`: a desk's SQLite workspace copied into an empty server database, ids kept,
 * every row checked afterwards.
 *
 * The rows are written in one PostgreSQL transaction and verified inside it (row counts and a
 * checksum per table, computed the same way on both sides), so a copy that does not match is
 * rolled back and the server database stays empty. The desk is read in one SQLite read
 * transaction, so rows written by the app meanwhile cannot make the two sides differ; close the
 * app first all the same, since what it writes after the snapshot is not copied.
 *
 * The channels' secrets are sealed with a key of the folder that holds them: each one is opened
 * with the desk's box and sealed again with the server's key file. A secret the desktop app
 * sealed with the OS keychain can only be opened where that box is set (the app's main process,
 * see `setSecretBox`); from the command line such a desk is refused, naming the account, before
 * anything is written, and the account must be configured again (or from the app) first.
 */

/** The tables in an order where every row's references are copied before it. */
const COPY_ORDER = [
  'settings',
  'merchants',
  'profiles',
  'profile_merchants',
  'sessions',
  'sign_in_failures',
  'products',
  'items',
  'photos',
  'defects',
  'prices',
  'descriptions',
  'description_templates',
  'channel_accounts',
  'media_upload_slots',
  'shooting_sessions',
  'listings',
  'jobs',
  'sales',
  'events',
  'practice_listings',
  'practice_orders',
] as const satisfies readonly Exclude<keyof Database, 'item_search'>[];

type CopiedTable = (typeof COPY_ORDER)[number];

/**
 * The item search: SQLite's FTS5 table (and its shadow tables) is its own; the server's is filled
 * by triggers as the items and products arrive, so it is never copied.
 */
function sqliteOnly(table: string): boolean {
  return table.startsWith('sqlite_') || table === 'item_search' || table.startsWith('item_search_');
}
/** The server's own bookkeeping: its migrations, and the search its triggers keep. */
const SERVER_ONLY = new Set(['schema_migrations', 'item_search']);

/** Rows per INSERT (and per read): 500 rows of at most 20 columns stay far below pg's 65535 parameters. */
const BATCH = 500;

/** Columns that hold a sealed secret: re-sealed by the copy, compared opened. */
const SEALED: Partial<Record<CopiedTable, string>> = { channel_accounts: 'secret' };

export type CopyProgress =
  | { readonly phase: 'photos'; readonly files: number; readonly bytes: number }
  | { readonly phase: 'rows'; readonly table: string; readonly copied: number; readonly total: number }
  | { readonly phase: 'verify'; readonly table: string };

export interface TableCopy {
  readonly table: string;
  readonly rows: number;
  readonly sourceChecksum: string;
  readonly targetChecksum: string;
}

export interface CopyResult {
  readonly tables: readonly TableCopy[];
  readonly photos: { readonly files: number; readonly bytes: number };
}

export interface CopyOptions {
  /** Opens the desk's secrets: the box set for it (the app's keychain box), else its key file. */
  readonly sourceBox?: SecretBox;
  /** Rows per read and per INSERT (default 500). */
  readonly batchSize?: number;
}

interface TablePlan {
  readonly table: CopiedTable;
  readonly columns: readonly string[];
  readonly key: readonly { readonly name: string; readonly text: boolean }[];
  readonly rows: number;
  readonly batch: number;
}

type Row = Record<string, unknown>;

export async function copyWorkspace(
  from: Workspace<SqliteDb>,
  to: Workspace<PostgresDb>,
  onProgress?: (progress: CopyProgress) => void,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const sourceBox = options.sourceBox ?? secretBoxFor(from);
  // The server's box is made only when a secret needs it: it creates the key file when missing.
  let serverBox: SecretBox | null = null;
  const targetBox = () => (serverBox ??= new FileKeySecretBox(to.dataDir));

  await refuseNonEmpty(to.kysely);
  const sqlite = from.sqliteHandle();
  // One snapshot of the desk for the plan, the copy and the check.
  sqlite.exec('BEGIN');
  try {
    const plans = await planCopy(from.kysely, to.kysely, options.batchSize ?? BATCH);
    // Unreadable secrets stop the copy before anything is written.
    await openAllSecrets(from.kysely, sourceBox);
    // Files before rows: a photo row never points at a file the server does not have.
    const photos = copyPhotoFiles(from.photosDir, to.photosDir, onProgress);
    const tables = await to.kysely.transaction().execute(async (trx) => {
      // Checked again where it counts, in case something wrote to the server meanwhile.
      await refuseNonEmpty(trx);
      for (const plan of plans) {
        let copied = 0;
        for await (const page of pages(from.kysely, 'sqlite', plan)) {
          const rows = page.map((row) => resealed(plan, row, sourceBox, targetBox));
          await insertRows(trx, plan, rows);
          copied += rows.length;
          onProgress?.({ phase: 'rows', table: plan.table, copied, total: plan.rows });
        }
        if (plan.columns.includes('id') && plan.rows > 0) await afterExplicitIds(trx, plan.table);
      }
      const checked: TableCopy[] = [];
      for (const plan of plans) {
        onProgress?.({ phase: 'verify', table: plan.table });
        const source = await checksum(from.kysely, 'sqlite', plan, sourceBox);
        const target = await checksum(trx, 'postgres', plan, targetBox());
        if (source.rows !== target.rows || source.checksum !== target.checksum) {
          throw new AppError(
            'internal',
            say('workspace.copy_mismatch', {
              table: plan.table,
              rows: source.rows,
              checksum: source.checksum.slice(0, 12),
              serverRows: target.rows,
              serverChecksum: target.checksum.slice(0, 12),
            }),
          );
        }
        checked.push({
          table: plan.table,
          rows: source.rows,
          sourceChecksum: source.checksum,
          targetChecksum: target.checksum,
        });
      }
      return checked;
    });
    return { tables, photos };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

/** Every table of the server, its search and all, must be empty: a copy never merges. */
async function refuseNonEmpty(db: Queryable): Promise<void> {
  const tables = await serverTables(db);
  const holding: string[] = [];
  for (const table of tables) {
    if (table === 'schema_migrations') continue;
    const { rows } = await sql<{
      found: boolean;
    }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS found`.execute(db);
    if (rows[0]?.found) holding.push(table);
  }
  if (holding.length > 0) {
    throw new AppError('conflict', say('workspace.server_not_empty', { tables: list(holding) }));
  }
}

async function serverTables(db: Queryable): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

/**
 * Which columns each table has on both sides, and its primary key. Both sides must have exactly
 * the same tables and columns: a column only one of them has would be lost or left empty.
 */
async function planCopy(desk: Queryable, server: Queryable, batch: number): Promise<TablePlan[]> {
  const { rows: deskTables } = await sql<{ name: string }>`
    SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`.execute(desk);
  const known = new Set<string>(COPY_ORDER);
  const unknownDesk = deskTables.map((t) => t.name).filter((t) => !sqliteOnly(t) && !known.has(t));
  const unknownServer = (await serverTables(server)).filter((t) => !SERVER_ONLY.has(t) && !known.has(t));
  if (unknownDesk.length > 0 || unknownServer.length > 0) {
    throw new AppError(
      'unsupported',
      say('workspace.unknown_tables', { tables: list([...unknownDesk, ...unknownServer]) }),
    );
  }
  const { rows: serverColumns } = await sql<{
    table_name: string;
    column_name: string;
    is_generated: string;
  }>`
    SELECT table_name, column_name, is_generated FROM information_schema.columns
    WHERE table_schema = current_schema()
    ORDER BY table_name, ordinal_position`.execute(server);
  const plans: TablePlan[] = [];
  for (const table of COPY_ORDER) {
    const { rows: deskColumns } = await sql<{ name: string; type: string; pk: number }>`
      SELECT name, type, pk FROM pragma_table_info(${table})`.execute(desk);
    if (deskColumns.length === 0) {
      throw new AppError('unsupported', say('workspace.desk_lacks_table', { table }));
    }
    // The server's column order is the copy's and the checksum's, on both sides.
    const columns = serverColumns
      .filter((c) => c.table_name === table && c.is_generated !== 'ALWAYS')
      .map((c) => c.column_name);
    if (columns.length === 0) {
      throw new AppError('unsupported', say('workspace.server_lacks_table', { table }));
    }
    const deskNames = new Set(deskColumns.map((c) => c.name));
    const missingOnDesk = columns.filter((c) => !deskNames.has(c));
    const missingOnServer = [...deskNames].filter((c) => !columns.includes(c));
    if (missingOnDesk.length > 0 || missingOnServer.length > 0) {
      throw new AppError(
        'unsupported',
        say('workspace.columns_differ', {
          columns: nested(
            joinProblems([
              ...(missingOnDesk.length > 0
                ? [
                    say('workspace.missing_on_desk', {
                      columns: list(missingOnDesk.map((c) => `${table}.${c}`)),
                    }),
                  ]
                : []),
              ...(missingOnServer.length > 0
                ? [
                    say('workspace.missing_on_server', {
                      columns: list(missingOnServer.map((c) => `${table}.${c}`)),
                    }),
                  ]
                : []),
            ]),
          ),
        }),
      );
    }
    const key = deskColumns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => ({ name: c.name, text: !c.type.toUpperCase().includes('INT') }));
    if (key.length === 0) throw new AppError('internal', say('workspace.no_primary_key', { table }));
    const { rows: counted } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
      desk,
    );
    plans.push({ table, columns, key, rows: Number(counted[0]?.n ?? 0), batch });
  }
  return plans;
}

/**
 * The rows of a table in primary-key order, a page at a time (keyset: each page starts after the
 * last key of the one before). Text keys are ordered by their bytes on the server too ("C"), as
 * SQLite orders them, so both sides list the rows in the same order.
 */
async function* pages(db: Queryable, engine: 'sqlite' | 'postgres', plan: TablePlan): AsyncGenerator<Row[]> {
  const keyExpr = plan.key.map((k) =>
    engine === 'postgres' && k.text ? sql`${sql.ref(k.name)} COLLATE "C"` : sql.ref(k.name),
  );
  const select = sql.join(plan.columns.map((c) => sql.ref(c)));
  let after: Row | null = null;
  for (;;) {
    const last = after;
    const where: RawBuilder<unknown> =
      last === null
        ? sql``
        : sql`WHERE (${sql.join(keyExpr)}) > (${sql.join(plan.key.map((k) => last[k.name]))})`;
    const { rows } = await sql<Row>`
      SELECT ${select} FROM ${sql.table(plan.table)} ${where}
      ORDER BY ${sql.join(keyExpr)} LIMIT ${plan.batch}`.execute(db);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < plan.batch) return;
    after = rows[rows.length - 1]!;
  }
}

async function insertRows(trx: Queryable, plan: TablePlan, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((row) => sql`(${sql.join(plan.columns.map((c) => row[c]))})`);
  await sql`INSERT INTO ${sql.table(plan.table)} (${sql.join(plan.columns.map((c) => sql.ref(c)))})
    VALUES ${sql.join(values)}`.execute(trx);
}

function sealedColumn(plan: TablePlan): string | undefined {
  return SEALED[plan.table];
}

function asBuffer(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new AppError('internal', say('workspace.secret_not_bytes'));
}

/** The row with its secret opened by the desk's box and sealed by the server's. */
function resealed(plan: TablePlan, row: Row, sourceBox: SecretBox, targetBox: () => SecretBox): Row {
  const column = sealedColumn(plan);
  if (!column) return row;
  const sealed = asBuffer(row[column]);
  if (sealed === null || sealed.length === 0) return row;
  return { ...row, [column]: targetBox().seal(openSecret(row, sealed, sourceBox)) };
}

/** Opens a channel account's secret, or says which account cannot be copied and why. */
function openSecret(row: Row, sealed: Buffer, box: SecretBox): Buffer {
  try {
    return box.open(sealed);
  } catch (error) {
    throw new AppError(
      'unsupported',
      say('workspace.secret_unreadable', {
        account: String(row.id),
        merchant: String(row.merchant_id),
        channel: String(row.channel),
        detail: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

async function openAllSecrets(desk: Queryable, box: SecretBox): Promise<void> {
  const rows = await desk
    .selectFrom('channel_accounts')
    .select(['id', 'merchant_id', 'channel', 'secret'])
    .where('secret', 'is not', null)
    .execute();
  for (const row of rows) {
    const sealed = asBuffer(row.secret);
    if (sealed && sealed.length > 0) openSecret(row, sealed, box);
  }
}

/**
 * SHA-256 over the rows in primary-key order, each row the JSON array of its values in the
 * server's column order: numbers as numbers, NULL as null, bytes as hex. A sealed secret is
 * hashed opened, since each side seals it with its own key (the sealed bytes always differ).
 */
async function checksum(
  db: Queryable,
  engine: 'sqlite' | 'postgres',
  plan: TablePlan,
  box: SecretBox,
): Promise<{ rows: number; checksum: string }> {
  const hash = createHash('sha256');
  const sealed = sealedColumn(plan);
  let rows = 0;
  for await (const page of pages(db, engine, plan)) {
    for (const row of page) {
      const values = plan.columns.map((c) => {
        const value = row[c];
        if (c === sealed) {
          const bytes = asBuffer(value);
          return bytes === null || bytes.length === 0 ? canonical(value) : box.open(bytes).toString('hex');
        }
        return canonical(value);
      });
      hash.update(`${JSON.stringify(values)}\n`);
      rows += 1;
    }
  }
  return { rows, checksum: hash.digest('hex') };
}

function canonical(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Copies every file under the desk's photos folder to the server's, keeping the layout; a file
 * already there with the same size is left as it is (a copy run again after a failure). Each file
 * is written under a temporary name and renamed, so a half-written one never takes the real name.
 */
function copyPhotoFiles(
  fromDir: string,
  toDir: string,
  onProgress?: (progress: CopyProgress) => void,
): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const rel of filesUnder(fromDir)) {
    const source = path.join(fromDir, rel);
    const target = path.join(toDir, rel);
    const size = fs.statSync(source).size;
    if (sizeOf(target) !== size) {
      makePrivateDir(path.dirname(target));
      const partial = `${target}.copying`;
      fs.copyFileSync(source, partial);
      fs.renameSync(partial, target);
    }
    if (sizeOf(target) !== size) {
      throw new AppError('internal', say('workspace.photo_copy_failed', { file: rel, folder: toDir }));
    }
    files += 1;
    bytes += size;
    onProgress?.({ phase: 'photos', files, bytes });
  }
  return { files, bytes };
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(dir, rel));
    else if (entry.isFile()) found.push(rel);
  }
  return found;
}
