/// <reference types="electron-vite/node" />
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { say } from '../../../shared/messages';
import {
  photoErrorData,
  type PhotoErrorData,
  type WorkerMethod,
  type WorkerMethods,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerResult,
} from './protocol';

/** Where a worker's entry file is, and how to start it. */
export interface WorkerEntry {
  readonly url: URL;
}

export interface PhotoPoolOptions {
  /** Number of worker threads; one per core by default, each runs one photo at a time. */
  readonly size?: number;
  /** Overrides {@link locateWorker} (e.g. to run a bundled worker from a test). */
  readonly worker?: WorkerEntry;
}

/**
 * Held in a variable so that no bundler mistakes `new URL('…', import.meta.url)` for an asset
 * to copy: the development entry must never end up in the build.
 */
const DEV_WORKER = './worker-dev.mjs';

/**
 * Finds the worker's entry file.
 *
 * - From sources (vitest, tsx: the CLI, the bench) this module is `pool.ts` and the worker is
 *   `worker-dev.mjs` beside it, a plain-JavaScript shim that registers tsx in the worker thread
 *   and imports `worker.ts`.
 * - In the built app (electron-vite build and dev both bundle the main process into
 *   `out/main`), the `?modulePath` import below is electron-vite's: it bundles `worker.ts` and its
 *   imports into a chunk of its own (`out/main/chunks/worker-<hash>.js`) and resolves to that
 *   file's absolute path. No change to electron.vite.config.ts is needed, and sharp stays
 *   external like every other dependency. The import sits behind the check so that tsx and
 *   vitest, which do not know the suffix, never evaluate it.
 */
export async function locateWorker(): Promise<WorkerEntry> {
  if (new URL(import.meta.url).pathname.endsWith('.ts')) {
    return { url: new URL(DEV_WORKER, import.meta.url) };
  }
  const { default: bundledWorker } = await import('./worker?modulePath');
  return { url: pathToFileURL(unpacked(bundledWorker)) };
}

/**
 * In a packaged app the bundle sits inside app.asar. Electron (18 and later) can start a worker
 * from inside the archive, but if the packaging unpacks the worker (electron-builder
 * `asarUnpack`, which sharp's native libraries need anyway), the unpacked copy is the one to
 * run: it resolves `sharp` from the app.asar.unpacked/node_modules beside it.
 * TODO(packaging): verify in a packaged build; no Electron binary where this was written.
 */
function unpacked(file: string): string {
  const candidate = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return candidate !== file && fs.existsSync(candidate) ? candidate : file;
}

interface Task {
  readonly request: WorkerRequest;
  readonly resolve: (response: WorkerResponse) => void;
}

interface Slot {
  readonly worker: Worker;
  task: Task | null;
}

/**
 * A fixed set of worker threads doing the image work, so the calling thread (Electron's main
 * process, which also serves every window) never decodes a pixel. Requests queue in order and
 * go to the first idle worker. Answers are data — `{ ok: true, value }` or
 * `{ ok: false, error: { code, message } }` — and the returned promise never rejects: a worker
 * that dies answers its current request with an `internal` error and is replaced on demand.
 */
export class PhotoPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private entry: Promise<WorkerEntry> | null;
  private nextId = 1;
  private closed = false;
  private starting = 0;

  constructor(options: PhotoPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? os.availableParallelism()));
    this.entry = options.worker ? Promise.resolve(options.worker) : null;
  }

  call<M extends WorkerMethod>(method: M, params: WorkerMethods[M]['params']): Promise<WorkerResult<M>> {
    if (this.closed) return Promise.resolve({ ok: false, error: CLOSED });
    return new Promise<WorkerResponse>((resolve) => {
      const request = { id: this.nextId++, method, params } as WorkerRequest;
      this.queue.push({ request, resolve });
      this.pump();
    }).then((response) =>
      response.ok
        ? { ok: true as const, value: response.value as WorkerMethods[M]['result'] }
        : { ok: false as const, error: response.error },
    );
  }

  /** Lets running photos finish, cancels queued ones, then stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      task.resolve({ id: task.request.id, ok: false, error: CLOSED });
    }
    // A worker is never terminated in the middle of a libvips call: sharp's maintainers report
    // that it can bring the whole process down. Wait for the current photos instead.
    while (this.slots.some((slot) => slot.task !== null) || this.starting > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((slot) => slot.task === null);
      if (idle) {
        this.dispatch(idle, this.queue.shift()!);
        continue;
      }
      if (this.slots.length + this.starting < this.size) {
        void this.spawn();
      }
      return;
    }
  }

  private async spawn(): Promise<void> {
    this.starting++;
    try {
      this.entry ??= locateWorker();
      const entry = await this.entry;
      // sharp's shared libraries must be loaded by the main thread before any worker loads them:
      // on glibc Linux, a worker unloading the last reference to libvips crashes the process
      // (sharp's documentation, "worker threads"). Loading it here costs nothing more than the
      // first photo would, and does no image work on this thread.
      await import('sharp');
      if (this.closed) return;
      const worker = new Worker(entry.url, { name: 'rebound-photos' });
      const slot: Slot = { worker, task: null };
      worker.on('message', (response: WorkerResponse) => this.settle(slot, response));
      worker.on('error', (error) => this.fail(slot, error));
      worker.on('exit', (code) => this.fail(slot, new Error(`worker exited with code ${code}`)));
      // An idle worker must not keep a CLI run alive; a busy one must.
      worker.unref();
      this.slots.push(slot);
    } catch (error) {
      // The worker could not even be located or started: answer what is waiting, so that a
      // broken installation shows up as rejected photos instead of a hang.
      for (const task of this.queue.splice(0)) {
        task.resolve({ id: task.request.id, ok: false, error: internalError(error) });
      }
    } finally {
      this.starting--;
    }
    this.pump();
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    slot.worker.postMessage(task.request);
  }

  private settle(slot: Slot, response: WorkerResponse): void {
    const task = slot.task;
    if (!task || task.request.id !== response.id) return;
    slot.task = null;
    slot.worker.unref();
    task.resolve(response);
    this.pump();
  }

  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const task = slot.task;
    slot.task = null;
    if (task) task.resolve({ id: task.request.id, ok: false, error: internalError(error) });
    void slot.worker.terminate();
    if (!this.closed) this.pump();
  }
}

const CLOSED: PhotoErrorData = photoErrorData('internal', say('photos.processing_stopped'));

function internalError(error: unknown): PhotoErrorData {
  return photoErrorData(
    'internal',
    say('photos.worker_stopped'),
    error instanceof Error ? error.message : String(error),
  );
}
