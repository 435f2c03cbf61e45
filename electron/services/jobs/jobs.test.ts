import { spawnSync } from 'node:child_process';
import { describe, expect, test, vi } from 'vitest';

import { addItem, addMerchant, addPrice, addProduct } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { dispatch, invoke } from '../api';
import { SYSTEM_ACTOR } from '../actor';
import { ChannelError } from '../channels/channel';
import { configureJobs } from '../channels/registry';
import { queuePriceUpdates } from '../channels/service';
import type { Workspace } from '../workspace';
import { backoffDelay, retryDelay } from './backoff';
import { isoAt } from './clock';
import { enqueue } from './outbox';
import { JobRunner, requestSalesSync, workerIsGone } from './runner';
import { ManualClock, ManualScheduler, MemoryChannel, testEnvironment } from '../../../tests/support/jobs';
import type { Channel } from '../../../shared/domain/status';

const T0 = Date.parse('2026-04-01T09:00:00.000Z');
const BACKOFF = { baseMs: 1_000, maxMs: 60_000 };

async function setUp(random: () => number = () => 0) {
  const ws = await tempWorkspace();
  const clock = new ManualClock(T0);
  const scheduler = new ManualScheduler(clock);
  const shop = new MemoryChannel('shopify', clock);
  const env = testEnvironment(ws, clock, [shop]);
  configureJobs(ws, env);
  const runner = new JobRunner(ws, {
    env,
    scheduler,
    random,
    backoff: BACKOFF,
    salesPollMs: 0,
    workerId: 'test-worker',
  });
  return { ws, clock, scheduler, shop, env, runner };
}

async function approvedItem(ws: Workspace, reference = 'RB-000401') {
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, {
    merchantId,
    sku: 'VS-LIGHT-02',
    title: 'Front light',
    originalCents: 8990,
  });
  const itemId = await addItem(ws, {
    merchantId,
    productId,
    reference,
    grade: 'opened_packaging',
    status: 'approved',
  });
  await addPrice(ws, itemId, { originalCents: 8990, proposedCents: 7490, decision: 'auto_approved' });
  return { merchantId, itemId };
}

async function publish(ws: Workspace, itemId: number, channels: ('practice' | 'shopify')[]) {
  return await invoke(ws, 'channels.publish', { itemIds: [itemId], channels });
}

async function listing(ws: Workspace, itemId: number, channel: Channel) {
  return ws.kysely
    .selectFrom('listings')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('channel', '=', channel)
    .executeTakeFirstOrThrow();
}

async function job(ws: Workspace, id: number) {
  return ws.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('a sale on one channel', () => {
  test('marks the item sold and ends its listing on every other channel at once', async () => {
    const { ws, clock, shop, env, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    await publish(ws, itemId, ['practice', 'shopify']);
    await runner.runDue();
    expect((await listing(ws, itemId, 'practice')).status).toBe('live');
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({
      status: 'live',
      remote_listing_id: '9001',
      remote_offer_id: 'offer-9001',
      url: 'https://market.test/itm/9001',
    });

    clock.advance(3_600_000);
    shop.sell('RB-000401');
    await requestSalesSync(ws, env, 'test');
    const outcomes = await runner.runDue();
    // Two syncs (practice: nothing; shop: the sale), then the end on the practice marketplace.
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done']);

    const sale = await ws.kysely.selectFrom('sales').selectAll().executeTakeFirstOrThrow();
    expect(sale).toMatchObject({
      channel: 'shopify',
      order_id: 'ORD-RB-000401',
      fees_cents: 120,
      fees_estimated: 0,
    });
    expect(
      (
        await ws.kysely
          .selectFrom('items')
          .select('status')
          .where('id', '=', itemId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('sold');
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({ status: 'ended', end_reason: 'sold' });
    expect(await listing(ws, itemId, 'practice')).toMatchObject({
      status: 'ended',
      end_reason: 'sold_elsewhere',
    });
    const practice = await ws.kysely.selectFrom('practice_listings').selectAll().executeTakeFirstOrThrow();
    expect(practice).toMatchObject({ status: 'ended', end_reason: 'sold_elsewhere' });
    const kinds = (
      await ws.kysely
        .selectFrom('events')
        .select('kind')
        .where('item_id', '=', itemId)
        .orderBy('id')
        .execute()
    ).map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['sale.recorded', 'listing.ended']);
  });

  test('a cancellation is stored as a reversing row pointing at the sale', async () => {
    const { ws, env, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    await publish(ws, itemId, ['shopify']);
    await runner.runDue();
    shop.sell('RB-000401');
    shop.sell('RB-000401', 'cancellation');
    await requestSalesSync(ws, env, 'test');
    await runner.runDue();
    const rows = await ws.kysely
      .selectFrom('sales')
      .select(['id', 'kind', 'reverses_sale_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: rows[0]?.id, kind: 'sale', reverses_sale_id: null },
      { id: rows[1]?.id, kind: 'cancellation', reverses_sale_id: rows[0]?.id },
    ]);
    const ledger = await invoke(ws, 'sales.list', {});
    expect(ledger.totals[0]?.priceCents).toBe(0);
  });
});

describe('retries', () => {
  test('retryable errors are retried with backoff until the call succeeds', async () => {
    const { ws, clock, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    const jobId = result?.jobId ?? 0;
    shop.failNext(
      'upsert',
      new ChannelError('retryable', 'http_503', 'Service Unavailable'),
      new ChannelError('retryable', 'timeout', 'no answer within 30 s'),
    );

    const first = await runner.runOnce();
    expect(first).toMatchObject({ status: 'queued', retryAt: isoAt(T0 + 500) });
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({
      status: 'queued',
      last_error: expect.stringMatching(/Will try again at .*Service Unavailable/),
    });
    // Not due yet: nothing runs before the backoff has passed.
    clock.advance(499);
    expect(await runner.runOnce()).toBeNull();
    clock.advance(1);
    expect(await runner.runOnce()).toMatchObject({ status: 'queued', retryAt: isoAt(T0 + 500 + 1_000) });
    clock.advance(1_000);
    expect(await runner.runOnce()).toMatchObject({ status: 'done' });
    expect(await job(ws, jobId)).toMatchObject({
      status: 'done',
      attempts: 3,
      locked_by: null,
      last_error: null,
    });
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({ status: 'live', last_error: null });
    expect(shop.created).toBe(1);
  });

  test('Retry-After is honoured when it asks for longer than the backoff', async () => {
    const { ws, clock, scheduler, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    shop.failNext(
      'upsert',
      new ChannelError('retryable', 'http_429', 'Too Many Requests', { retryAfterMs: 120_000 }),
    );
    expect(await runner.runOnce()).toMatchObject({ status: 'queued', retryAt: isoAt(T0 + 120_000) });

    // The one-shot loop waits on the injected scheduler: time moves only when the test says so.
    const settled = runner.runUntilSettled([result?.jobId ?? 0]);
    // It reads the queue first (a round trip to a server database), then waits.
    await vi.waitFor(() => expect(scheduler.nextAt()).toBe(T0 + 120_000));
    expect(shop.calls.filter((c) => c === 'upsert')).toHaveLength(1);
    clock.set(T0 + 120_000);
    scheduler.runDue();
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    expect((await listing(ws, itemId, 'shopify')).status).toBe('live');
  });

  test('a user error is never retried: the listing fails with the reason in plain words', async () => {
    const { ws, clock, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    const words = 'The title is longer than 80 characters. Shorten it in the description editor, then retry.';
    shop.failNext('upsert', new ChannelError('user', '25002', words));
    expect(await runner.runOnce()).toMatchObject({ status: 'failed', message: words });
    clock.advance(24 * 3_600_000);
    expect(await runner.runDue()).toEqual([]);
    expect(shop.calls.filter((c) => c === 'upsert')).toHaveLength(1);
    expect(await job(ws, result?.jobId ?? 0)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: words,
    });
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({ status: 'failed', last_error: words });
    const event = await ws.kysely
      .selectFrom('events')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('kind', '=', 'listing.failed')
      .executeTakeFirstOrThrow();
    expect(event.summary).toBe(`Publishing to Shopify failed: ${words}`);
    expect(await invoke(ws, 'jobs.summary', {})).toEqual({ queued: 0, running: 0, failed: 1 });

    // Once the data is fixed, a retry is a new job that goes through.
    const retried = await invoke(ws, 'channels.retry', { listingId: result!.listingId! });
    expect(retried.jobId).not.toBe(result?.jobId);
    expect(await runner.runOnce()).toMatchObject({ status: 'done' });
    expect((await listing(ws, itemId, 'shopify')).status).toBe('live');
  });

  test('an auth error asks for a reconnect and is not retried', async () => {
    const { ws, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    await publish(ws, itemId, ['shopify']);
    shop.failNext('upsert', new ChannelError('auth', 'http_401', 'token expired'));
    expect(await runner.runOnce()).toMatchObject({
      status: 'failed',
      message:
        "Shopify refused Rebound's access (token expired). Reconnect the account in Settings, then retry.",
    });
  });

  test('gives up after max_attempts with the last message', async () => {
    const { ws, clock, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    await ws.kysely
      .updateTable('jobs')
      .set({ max_attempts: 3 })
      .where('id', '=', result?.jobId ?? 0)
      .execute();
    const down = () => new ChannelError('retryable', 'http_502', 'Bad Gateway');
    shop.failNext('upsert', down(), down(), down(), down());
    const statuses: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const outcome = await runner.runOnce();
      statuses.push(outcome?.status ?? 'none');
      clock.advance(60_000);
    }
    expect(statuses).toEqual(['queued', 'queued', 'failed']);
    const failed = await job(ws, result?.jobId ?? 0);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.last_error).toBe(
      'Gave up after 3 attempts: Shopify kept failing (Bad Gateway). Check the channel, then retry.',
    );
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({
      status: 'failed',
      last_error: failed.last_error,
    });
    expect(await runner.runDue()).toEqual([]);
  });
});

describe('crash safety and idempotency', () => {
  test('a job left running by a dead worker is resumed at start without a duplicate listing', async () => {
    const { ws, clock, scheduler, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    // The dead process had claimed the job, created the listing remotely, and died before storing its ids.
    const remoteId = shop.seedListing('RB-000401', 7490);
    await ws.kysely
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'worker-dead', locked_at: isoAt(T0 - 3_600_000), attempts: 1 })
      .where('id', '=', result?.jobId ?? 0)
      .execute();
    await ws.kysely
      .updateTable('listings')
      .set({ status: 'working' })
      .where('item_id', '=', itemId)
      .execute();

    clock.advance(1_000);
    runner.start();
    scheduler.runDue();
    await runner.whenIdle();
    await runner.stop();

    expect(await job(ws, result?.jobId ?? 0)).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    expect(shop.created).toBe(1);
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({
      status: 'live',
      remote_listing_id: remoteId,
    });
  });

  test('the background worker picks up a job as soon as it is enqueued, and waits for its retry', async () => {
    const { ws, clock, scheduler, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    runner.start();
    scheduler.runDue();
    await runner.whenIdle();
    shop.failNext('upsert', new ChannelError('retryable', 'http_500', 'Internal Server Error'));
    await publish(ws, itemId, ['shopify']);
    // The enqueue announced itself: the worker is woken now, not at the next poll.
    expect(scheduler.nextAt()).toBe(clock.now());
    scheduler.runDue();
    await runner.whenIdle();
    expect((await listing(ws, itemId, 'shopify')).status).toBe('queued');
    // It sleeps exactly until the retry is due (backoff with random 0: half of the 1 s base).
    expect(scheduler.nextAt()).toBe(clock.now() + 500);
    clock.advance(500);
    scheduler.runDue();
    await runner.whenIdle();
    expect((await listing(ws, itemId, 'shopify')).status).toBe('live');
    await runner.stop();
    expect(scheduler.size).toBe(0);
  });

  test('a running job with a fresh lock is left to its worker', async () => {
    const { ws, clock, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    await ws.kysely
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'worker-alive', locked_at: isoAt(T0) })
      .where('id', '=', result?.jobId ?? 0)
      .execute();
    clock.advance(60_000);
    expect(await runner.recoverStale()).toBe(0);
    expect(await runner.runOnce()).toBeNull();
  });

  test('a job whose worker process has died is resumed at once, however fresh its lock', async () => {
    const { ws, clock, runner, shop } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    // The pid of a process that has just exited: the app killed in the middle of publishing.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await ws.kysely
      .updateTable('jobs')
      .set({ status: 'running', locked_by: `worker-${dead}-0badc0de`, locked_at: isoAt(T0), attempts: 1 })
      .where('id', '=', result?.jobId ?? 0)
      .execute();
    clock.advance(1_000);
    expect(await runner.recoverStale()).toBe(1);
    expect(await runner.runOnce()).toMatchObject({ status: 'done' });
    expect(shop.created).toBe(1);
    // A worker of this very process is alive: its lock is respected.
    expect(workerIsGone(`worker-${process.pid}-feedface`, runner.workerId)).toBe(false);
  });

  test('two workers never run the same job', async () => {
    const { ws, env, scheduler, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    await publish(ws, itemId, ['shopify']);
    const other = new JobRunner(ws, { env, scheduler, salesPollMs: 0, workerId: 'other' });
    const outcomes = await Promise.all([runner.runOnce(), other.runOnce()]);
    expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
    expect(shop.calls.filter((c) => c === 'upsert')).toHaveLength(1);
  });

  test('idempotency keys: the same request twice enqueues one job', async () => {
    const { ws, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const first = await publish(ws, itemId, ['shopify']);
    const second = await publish(ws, itemId, ['shopify']);
    expect(first[0]?.outcome).toBe('queued');
    expect(second[0]).toMatchObject({ outcome: 'already', message: 'Already queued on Shopify.' });
    await runner.runDue();
    expect((await publish(ws, itemId, ['shopify']))[0]?.outcome).toBe('already');

    const now = isoAt(T0);
    const input = {
      kind: 'end' as const,
      itemId,
      channel: 'shopify' as const,
      payload: { listingId: 1, reason: 'withdrawn' },
      idempotencyKey: 'end:test',
      now,
    };
    const a = await enqueue(ws.kysely, input);
    const b = await enqueue(ws.kysely, input);
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(await ws.kysely.selectFrom('jobs').select('id').execute()).toHaveLength(2);
  });

  test('ending a listing by request is idempotent on the remote', async () => {
    const { ws, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    await publish(ws, itemId, ['shopify']);
    await runner.runDue();
    await dispatch(ws, 'channels.end', { itemId, channel: 'shopify', reason: 'withdrawn' });
    expect(await runner.runDue()).toMatchObject([{ status: 'done' }]);
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({ status: 'ended', end_reason: 'withdrawn' });
    expect(shop.bySku('RB-000401')?.status).toBe('ended');
    await expect(dispatch(ws, 'channels.end', { itemId, channel: 'shopify' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('backoff', () => {
  test('grows exponentially, has jitter, and stops at the ceiling', () => {
    const low = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0, BACKOFF));
    const high = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0.999, BACKOFF));
    expect(low).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
    for (let i = 0; i < low.length; i += 1) {
      expect(high[i]).toBeGreaterThan(low[i] ?? 0);
      expect(high[i]).toBeLessThan(2 * (low[i] ?? 0));
      if (i > 0) expect(low[i]).toBeGreaterThan(low[i - 1] ?? 0);
    }
    expect(backoffDelay(30, () => 0.999, BACKOFF)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(30, () => 0, BACKOFF)).toBe(30_000);
  });

  test('Retry-After wins only when it is longer', () => {
    expect(retryDelay(1, 10_000, () => 0, BACKOFF)).toBe(10_000);
    expect(retryDelay(5, 10, () => 0, BACKOFF)).toBe(8_000);
    expect(retryDelay(2, null, () => 0, BACKOFF)).toBe(1_000);
  });
});

describe('price changes and interrupted jobs', () => {
  test('a new approved price reaches every live listing through an update_price job', async () => {
    const { ws, clock, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    await publish(ws, itemId, ['shopify', 'practice']);
    await runner.runDue();
    clock.advance(1_000);
    const now = isoAt(clock.now());
    const queued = await ws.kysely
      .transaction()
      .execute(async (trx) => queuePriceUpdates(trx, SYSTEM_ACTOR, itemId, 6990, now));
    expect(queued).toHaveLength(2);
    expect(await runner.runDue()).toMatchObject([{ status: 'done' }, { status: 'done' }]);
    expect(shop.bySku('RB-000401')?.priceCents).toBe(6990);
    expect((await listing(ws, itemId, 'shopify')).price_cents).toBe(6990);
    expect((await listing(ws, itemId, 'practice')).price_cents).toBe(6990);
    const practice = await ws.kysely
      .selectFrom('practice_listings')
      .select('price_cents')
      .executeTakeFirstOrThrow();
    expect(practice.price_cents).toBe(6990);
    // The same price again changes nothing and queues nothing.
    const again = await ws.kysely
      .transaction()
      .execute(async (trx) => queuePriceUpdates(trx, SYSTEM_ACTOR, itemId, 6990, now));
    expect(again).toEqual([]);
  });

  test('a job interrupted on every attempt is failed, not run again', async () => {
    const { ws, clock, shop, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    const [result] = await publish(ws, itemId, ['shopify']);
    await ws.kysely
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'worker-dead', locked_at: isoAt(T0 - 3_600_000), attempts: 8 })
      .where('id', '=', result?.jobId ?? 0)
      .execute();
    clock.advance(1_000);
    await runner.recoverStale();
    expect(await runner.runDue()).toEqual([]);
    expect(shop.calls).toEqual([]);
    expect(await job(ws, result?.jobId ?? 0)).toMatchObject({ status: 'failed', locked_by: null });
    expect(await listing(ws, itemId, 'shopify')).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/stopped while running this job on each of its attempts/),
    });
  });
});
