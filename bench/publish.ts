import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { dispatch } from '../electron/services/api';
import { builtInRegistry, configureJobs } from '../electron/services/channels/registry';
import { systemClock, systemScheduler } from '../electron/services/jobs/clock';
import { JobRunner } from '../electron/services/jobs/runner';
import { Workspace } from '../electron/services/workspace';
import { connectedTestAccount } from '../tests/ebay/account';
import { locateContracts } from '../tests/ebay/openapi';
import { startEbayTestServer, type EbayTestServer } from '../tests/ebay/server';
import { addItem, addMerchant, addPhoto, addPrice, addProduct } from '../tests/integration/seed';

/**
 * Publishing to eBay at scale: 500 approved items with 3 photos each, through the job worker,
 * to the local eBay test server with 100 ms of latency on every request (the server checks each
 * request against eBay's contracts and enforces the Media API's 50 uploads per 5 seconds).
 *
 * Two runs in the same process, each on a fresh workspace and a fresh server:
 * - batched: what the app does — publish jobs taken 25 at a time, pictures uploaded several at
 *   once within the Media window, then bulkCreateOrReplaceInventoryItem, bulkCreateOffer and
 *   bulkPublishOffer with one entry per item;
 * - one at a time: the same jobs, each alone, each call waiting for the previous one.
 *
 * The floor is eBay's own upload limit: 1,500 pictures at 50 per 5 s cannot take less than
 * (1500 − 50) / 50 × 5 s = 145 s, whatever the client does.
 *
 *   npm run bench -- publish                  500 items
 *   npm run bench -- publish --items=100      a quicker run
 */

const PHOTOS_PER_ITEM = 3;
const LATENCY_MS = 100;
const MEDIA_PER_WINDOW = 50;
const MEDIA_WINDOW_S = 5;

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function itemCount(): number {
  const flag = process.argv.find((a) => a.startsWith('--items='));
  const n = flag ? Number(flag.slice('--items='.length)) : 500;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--items wants a whole number, got ${flag}`);
  return n;
}

interface RunFigures {
  readonly seconds: number;
  readonly requests: number;
  readonly byOperation: ReadonlyMap<string, number>;
  readonly live: number;
  readonly violations: number;
  /** Jobs that needed more than one attempt, by their last message. */
  readonly retried: ReadonlyMap<string, number>;
}

async function prepare(server: EbayTestServer, items: number, picture: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-publish-'));
  const ws = Workspace.open(dir);
  configureJobs(ws, { clock: systemClock, channels: builtInRegistry(ws, systemClock) });
  const merchantId = await addMerchant(ws, { name: 'Bench Electronics', currency: 'USD', language: 'en' });
  await connectedTestAccount(ws, systemClock, server, merchantId);
  const ids: number[] = [];
  for (let i = 0; i < items; i += 1) {
    const reference = `RB-${String(i + 1).padStart(6, '0')}`;
    const productId = await addProduct(ws, {
      merchantId,
      sku: `SKU-${i}`,
      title: `Smartphone ${i} 128 GB`,
      originalCents: 39_900,
    });
    const itemId = await addItem(ws, { merchantId, productId, reference, grade: 'used', status: 'approved' });
    await addPrice(ws, itemId, { originalCents: 39_900, proposedCents: 27_900, decision: 'approved' });
    for (let p = 0; p < PHOTOS_PER_ITEM; p += 1) {
      const { hash } = await addPhoto(ws, itemId, {
        label: `${reference}-${p}`,
        position: p,
        isMain: p === 0,
      });
      const file = ws.photoPath(hash, 'listing');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, picture);
    }
    ids.push(itemId);
  }
  return { ws, dir, ids };
}

async function run(items: number, picture: Buffer, batched: boolean): Promise<RunFigures> {
  const server = await startEbayTestServer({ selfCheck: false });
  server.faults.latency(LATENCY_MS);
  const { ws, dir, ids } = await prepare(server, items, picture);
  try {
    for (let start = 0; start < ids.length; start += 500) {
      await dispatch(ws, 'channels.publish', { itemIds: ids.slice(start, start + 500), channels: ['ebay'] });
    }
    const before = server.requests.length;
    const runner = new JobRunner(ws, {
      env: { clock: systemClock, channels: builtInRegistry(ws, systemClock) },
      scheduler: systemScheduler,
      salesPollMs: 0,
      batchPublishes: batched,
    });
    const t0 = performance.now();
    const outcomes = await runner.runUntilSettled();
    const seconds = (performance.now() - t0) / 1000;
    const requests = server.requests.slice(before);
    const byOperation = new Map<string, number>();
    for (const r of requests) {
      const key = r.operationId ?? r.path;
      byOperation.set(key, (byOperation.get(key) ?? 0) + 1);
    }
    const live = await ws.kysely
      .selectFrom('listings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'live')
      .executeTakeFirstOrThrow();
    const retried = new Map<string, number>();
    for (const outcome of outcomes) {
      if (outcome.status === 'done') continue;
      retried.set(outcome.message, (retried.get(outcome.message) ?? 0) + 1);
    }
    return {
      retried,
      seconds,
      requests: requests.length,
      byOperation,
      live: Number(live.n),
      violations: server.violations.length,
    };
  } finally {
    await ws.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function describe(name: string, f: RunFigures, items: number): void {
  const ops = [...f.byOperation.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  write(
    `${name.padEnd(16)} ${f.seconds.toFixed(1).padStart(7)} s   ${String(f.requests).padStart(6)} requests   ` +
      `${f.live}/${items} live   ${f.violations} contract violations`,
  );
  write(`${''.padEnd(16)} ${ops}`);
  for (const [why, n] of f.retried) write(`${''.padEnd(16)} not done at first ×${n}: ${why}`);
}

export async function benchPublish(): Promise<void> {
  const contracts = locateContracts();
  if (!contracts.available) {
    write(`skipped: ${contracts.reason}`);
    return;
  }
  const items = itemCount();
  const pictures = items * PHOTOS_PER_ITEM;
  // A listing-sized picture (1600 × 1200, like the desk's listing variant).
  const picture = await sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: { r: 180, g: 170, b: 160 },
      noise: { type: 'gaussian', mean: 120, sigma: 12 },
    },
  })
    .jpeg({ quality: 82 })
    .toBuffer();
  const floor = Math.max(0, (pictures - MEDIA_PER_WINDOW) / MEDIA_PER_WINDOW) * MEDIA_WINDOW_S;
  write(
    `${items} items × ${PHOTOS_PER_ITEM} photos (${(picture.length / 1024).toFixed(0)} KB each), ` +
      `${LATENCY_MS} ms latency per request; floor set by eBay's Media limit: ${floor.toFixed(0)} s`,
  );
  const batched = await run(items, picture, true);
  describe('batched', batched, items);
  const single = await run(items, picture, false);
  describe('one at a time', single, items);
  write(
    `batched is ${(single.seconds / batched.seconds).toFixed(1)}× faster with ` +
      `${(single.requests / Math.max(1, batched.requests)).toFixed(1)}× fewer requests; ` +
      `${(batched.seconds / Math.max(1, floor)).toFixed(2)}× the floor`,
  );
}
