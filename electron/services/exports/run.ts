/// <reference types="electron-vite/node" />
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';
import type { ExportFailure, ExportJob, ExportMessage, ExportRequest, ExportWritten } from './protocol';

/** Where the export worker's entry file is. */
export interface ExportWorkerEntry {
  readonly url: URL;
}

/**
 * Held in a variable so that no bundler mistakes `new URL('…', import.meta.url)` for an asset
 * to copy: the development entry must never end up in the build.
 */
const DEV_WORKER = './worker-dev.mjs';

/**
 * Finds the worker's entry file, as photos/pool.ts does for the photo workers:
 *
 * - from sources (vitest, tsx: the CLI, the bench) this module is `run.ts` and the entry is
 *   `worker-dev.mjs` beside it, which registers tsx in the worker thread and imports `worker.ts`;
 * - in the built app and CLI (out/main), electron-vite's `?modulePath` import bundles `worker.ts`
 *   into a chunk of its own (`out/main/chunks/worker-<hash>.js`) and resolves to its path. The
 *   import sits behind the check so that tsx and vitest, which do not know the suffix, never
 *   evaluate it.
 */
export async function locateExportWorker(): Promise<ExportWorkerEntry> {
  if (new URL(import.meta.url).pathname.endsWith('.ts')) {
    return { url: new URL(DEV_WORKER, import.meta.url) };
  }
  const { default: bundledWorker } = await import('./worker?modulePath');
  return { url: pathToFileURL(bundledWorker) };
}

/**
 * The better-sqlite3 binary this process loaded for the workspace, so the worker loads the same
 * one: under `npm start` that is the copy built for Electron's ABI (passed as `nativeBinding` by
 * electron/main), which the package's default lookup would not find. Node keeps every loaded
 * addon in require's cache, under its path. Null when it is not there: the default then.
 */
export function loadedSqliteBinary(): string | null {
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).find((file) => path.basename(file) === 'better_sqlite3.node') ?? null;
}

let nextId = 1;

export interface RunExportOptions {
  /** Stops the export between two pages: the partial file is removed, the call rejects with the reason. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides {@link locateExportWorker} (a test's stand-in worker). */
  readonly worker?: ExportWorkerEntry | undefined;
}

/**
 * Runs an export job on a worker thread of its own, so the calling thread (Electron's main
 * process, which also serves the window; `rebound serve`, which serves everybody) only relays
 * progress. Resolves with what was written, or rejects with the error the export met — an
 * AppError as such, any other error with its name, message and errno code — as the export did
 * when it ran on the calling thread. It never leaves a partial file behind: the worker removes it
 * when it fails or is stopped, and this side when the worker dies without answering.
 *
 * A progress listener that throws stops the export, which then rejects with that error (as when
 * the loop ran here); so does `signal`, with its reason.
 */
export async function runExportJob(
  job: ExportJob,
  progress: (done: number, total: number) => void,
  options: RunExportOptions = {},
): Promise<ExportWritten> {
  const { signal } = options;
  signal?.throwIfAborted();
  const { url } = options.worker ?? (await locateExportWorker());
  signal?.throwIfAborted();
  const stop = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let stopped: { readonly reason: unknown } | null = null;
  const requestStop = (reason: unknown) => {
    if (stopped) return;
    stopped = { reason };
    Atomics.store(stop, 0, 1);
  };
  const onAbort = () => requestStop(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const request: ExportRequest = { id: nextId++, job, stop };

  let outcome: Outcome;
  try {
    outcome = await new Promise<Outcome>((resolve) => {
      let settled = false;
      const settle = (result: Outcome) => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      const died = (error: unknown) => settle({ kind: 'crashed', error });
      let worker: Worker;
      try {
        worker = new Worker(url, { name: 'rebound-export' });
      } catch (error) {
        died(error);
        return;
      }
      worker.on('message', (message: ExportMessage) => {
        if (settled || message.id !== request.id) return;
        switch (message.type) {
          case 'progress':
            if (stopped) break;
            try {
              progress(message.done, message.total);
            } catch (error) {
              requestStop(error);
            }
            break;
          case 'done':
            settle({ kind: 'done', value: message.value });
            break;
          case 'failed':
            settle({ kind: 'failed', error: message.error });
            break;
        }
      });
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`the export worker exited with code ${code}`)));
      worker.postMessage(request);
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  // Read through a function: TypeScript cannot see that the callbacks above may have set it.
  const stopReason = (): { readonly reason: unknown } | null => stopped;
  switch (outcome.kind) {
    case 'done': {
      const stop = stopReason();
      if (!stop) return outcome.value;
      // Asked to stop after the last page: the finished file goes too, as a failed export's would.
      await fs.promises.rm(job.file, { force: true });
      throw stop.reason;
    }
    case 'failed': {
      const stop = stopReason();
      throw stop ? stop.reason : errorOf(outcome.error);
    }
    case 'crashed': {
      await fs.promises.rm(`${job.file}.part`, { force: true });
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      throw new AppError('internal', say('exports.stopped', { reason }));
    }
  }
}

type Outcome =
  | { readonly kind: 'done'; readonly value: ExportWritten }
  | { readonly kind: 'failed'; readonly error: ExportFailure }
  | { readonly kind: 'crashed'; readonly error: unknown };

/** The error the worker reported, rebuilt on this thread. */
export function errorOf(failure: ExportFailure): Error {
  if (failure.kind === 'app') return new AppError(failure.code, failure.message, failure.details);
  const error: Error & { code?: string } = new Error(failure.message);
  error.name = failure.name;
  if (failure.errno !== undefined) error.code = failure.errno;
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}
