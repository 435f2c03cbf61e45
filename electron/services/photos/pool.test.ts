import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateWorker, PhotoPool } from './pool';
import { sceneJpeg } from '../../../tests/support/images';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-photos-pool-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in worker that dies on `process` and answers `capabilities` with its thread id. */
function flakyWorker(): URL {
  const file = path.join(dir, 'flaky-worker.mjs');
  fs.writeFileSync(
    file,
    `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (request) => {
  if (request.method === 'process') throw new Error('boom');
  parentPort.postMessage({ id: request.id, ok: true, value: { heic: false, avif: false, libvips: String(threadId) } });
});
`,
  );
  return pathToFileURL(file);
}

describe('PhotoPool', () => {
  it('finds the TypeScript worker when running from sources', async () => {
    const entry = await locateWorker();
    expect(entry.url.pathname.endsWith('/photos/worker-dev.mjs')).toBe(true);
    expect(fs.existsSync(entry.url)).toBe(true);
  });

  it('does the image work on worker threads, one per core, all of them busy in a batch', async () => {
    const pool = new PhotoPool({ size: 2 });
    try {
      const bytes = await Promise.all([1, 2, 3, 4].map((seed) => sceneJpeg(1600, 1200, seed)));
      const answers = await Promise.all(
        bytes.map((b) => pool.call('process', { source: { kind: 'bytes', bytes: b } })),
      );
      const threads = answers.map((a) => (a.ok && a.value.kind === 'processed' ? a.value.threadId : -1));
      expect(threads).not.toContain(-1);
      expect(threads).not.toContain(threadId);
      expect(new Set(threads).size).toBe(2);
    } finally {
      await pool.close();
    }
    expect(new PhotoPool().size).toBe(os.availableParallelism());
  });

  it('answers with an error when a worker dies, and replaces it for the next request', async () => {
    const pool = new PhotoPool({ size: 1, worker: { url: flakyWorker() } });
    try {
      const [crashed, after, again] = await Promise.all([
        pool.call('process', { source: { kind: 'bytes', bytes: new Uint8Array(1) } }),
        pool.call('capabilities', {}),
        pool.call('capabilities', {}),
      ]);
      expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(after.ok).toBe(true);
      expect(again.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('answers with an error, not a hang, when the worker cannot be loaded at all', async () => {
    const missing = pathToFileURL(path.join(dir, 'no-such-worker.mjs'));
    const pool = new PhotoPool({ size: 2, worker: { url: missing } });
    try {
      const answers = await Promise.all([pool.call('capabilities', {}), pool.call('capabilities', {})]);
      for (const answer of answers) {
        expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
      }
    } finally {
      await pool.close();
    }
  });

  it('on close, finishes the photo in progress and cancels the queued ones', async () => {
    const pool = new PhotoPool({ size: 1 });
    const bytes = await sceneJpeg(1200, 900, 9);
    // With the worker running, the first request goes to it at once; the others queue.
    expect((await pool.call('capabilities', {})).ok).toBe(true);
    const calls = [1, 2, 3].map(() => pool.call('process', { source: { kind: 'bytes', bytes } }));
    await pool.close();
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.ok)).toEqual([true, false, false]);
    expect(await pool.call('capabilities', {})).toMatchObject({ ok: false });
  });
});
