import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { postgresPool } from '../db/postgres/connect';
import type { Database } from '../db/schema';
import { produceExport } from './produce';
import type { ExportFailure, ExportJob, ExportMessage, ExportRequest, ExportWritten } from './protocol';

/**
 * The export worker: serves one {@link ExportRequest}, then exits. It opens its own read-only
 * connection to the workspace's database file (WAL lets it read while the main connection keeps
 * writing), reads every row inside one read transaction — so the count, the main currency and
 * the pages all come from the same snapshot, whatever is sold meanwhile — and writes the file.
 * Progress goes back as messages; so does the outcome, failures included, as data: nothing is
 * allowed to throw out of the handler.
 */

if (!parentPort) throw new Error('exports/worker must run in a worker thread');
const port = parentPort;

// `once`: with its one request answered the worker has nothing left to wait for, and exits.
port.once('message', (request: ExportRequest) => {
  void answer(request).then((message) => port.postMessage(message));
});

async function answer(request: ExportRequest): Promise<ExportMessage> {
  const { id, job, stop } = request;
  try {
    const value = await withReadOnly(job, (source) =>
      produceExport(
        source,
        job,
        (done, total) => {
          const message: ExportMessage = { id, type: 'progress', done, total };
          port.postMessage(message);
        },
        () => Atomics.load(stop, 0) !== 0,
      ),
    );
    return { id, type: 'done', value };
  } catch (error) {
    return { id, type: 'failed', error: failureOf(error) };
  }
}

async function withReadOnly(
  job: ExportJob,
  work: (source: { readonly kysely: Kysely<Database> }) => Promise<ExportWritten>,
): Promise<ExportWritten> {
  return job.engine === 'postgres' ? withServerSnapshot(job.database, work) : withSqliteSnapshot(job, work);
}

/**
 * On a server: one connection, in a read-only REPEATABLE READ transaction, which is PostgreSQL's
 * snapshot for the whole transaction (the same guarantee as SQLite's read transaction).
 */
async function withServerSnapshot(
  url: string,
  work: (source: { readonly kysely: Kysely<Database> }) => Promise<ExportWritten>,
): Promise<ExportWritten> {
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(url, 1) }) });
  try {
    return await kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => work({ kysely: trx }));
  } finally {
    await kysely.destroy();
  }
}

async function withSqliteSnapshot(
  job: ExportJob,
  work: (source: { readonly kysely: Kysely<Database> }) => Promise<ExportWritten>,
): Promise<ExportWritten> {
  const sqlite = new BetterSqlite3(job.database, {
    readonly: true,
    fileMustExist: true,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // A deferred read transaction: the snapshot is taken by the first query (the count).
    sqlite.exec('BEGIN');
    return await work({ kysely });
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    await kysely.destroy();
    if (sqlite.open) sqlite.close();
  }
}

function failureOf(error: unknown): ExportFailure {
  if (error instanceof AppError) {
    const details = cloneable(error.details) ? { details: error.details } : {};
    return { kind: 'app', code: error.code, message: error.message, ...details };
  }
  if (error instanceof Error) {
    const errno = (error as NodeJS.ErrnoException).code;
    return {
      kind: 'error',
      name: error.name,
      message: error.message,
      ...(typeof errno === 'string' ? { errno } : {}),
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  return { kind: 'error', name: 'Error', message: String(error) };
}

function cloneable(value: unknown): boolean {
  if (value === undefined) return false;
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
