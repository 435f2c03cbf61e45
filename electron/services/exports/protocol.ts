/**
 * The contract between exportSales (the calling thread: Electron's main process, `rebound serve`
 * or the CLI) and the export worker that reads the rows and writes the file. Everything here is
 * structured-clone safe: the worker gets paths and plain values, never a workspace or a
 * connection, and errors come back as data, never as thrown objects.
 */
import type { ExportLocale } from '../../../shared/accounting/csv';
import type { AccountCodes } from '../../../shared/accounting/journal';
import type { ErrorCode } from '../../../shared/errors';
import type { ExportFilter } from './rows';

/** What to write, and where to read it from. */
export type ExportJob = {
  /** Which engine holds the workspace: a desk's SQLite file or a server's PostgreSQL. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * The workspace's SQLite file, or the server database's address: the worker opens its own
   * read-only connection to it.
   */
  readonly database: string;
  /**
   * The better-sqlite3 binary the calling process loaded (Electron's own ABI under `npm start`),
   * so the worker loads the same one; null: the package's default.
   */
  readonly nativeBinding: string | null;
  /** Absolute path of the finished file; it is written as `<file>.part` until complete. */
  readonly file: string;
  readonly locale: ExportLocale;
  readonly filter: ExportFilter;
} & (
  | { readonly format: 'csv' }
  | { readonly format: 'xlsx' }
  | { readonly format: 'journal'; readonly accounts: AccountCodes }
);

/** What a finished export wrote. */
export interface ExportWritten {
  readonly rows: number;
  readonly lines: number;
  readonly bytes: number;
}

/**
 * A failure as data. An {@link AppError} keeps its code, message and details; any other error
 * (a disk error, SQLite's) keeps its name, message and Node's errno code (`ENOSPC`…), so the
 * caller rethrows what the export would have thrown on its own thread.
 */
export type ExportFailure =
  | {
      readonly kind: 'app';
      readonly code: ErrorCode;
      readonly message: string;
      readonly details?: unknown;
    }
  | {
      readonly kind: 'error';
      readonly name: string;
      readonly message: string;
      readonly errno?: string;
      readonly stack?: string;
    };

/** The one request a worker serves. */
export interface ExportRequest {
  readonly id: number;
  readonly job: ExportJob;
  /**
   * One Int32 over a SharedArrayBuffer: the caller stores 1 to stop the export (its signal
   * aborted, or a progress listener threw). The worker reads it between pages — no message has
   * to wait for its event loop — then removes the partial file and answers `failed`.
   */
  readonly stop: Int32Array;
}

/** Any number of `progress` messages, then exactly one `done` or `failed`. */
export type ExportMessage =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'done'; readonly value: ExportWritten }
  | { readonly id: number; readonly type: 'failed'; readonly error: ExportFailure };
