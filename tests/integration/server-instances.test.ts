import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ServerEvent } from '../../shared/contract';
import { dispatch, invoke } from '../../electron/services/api';
import { configureJobs } from '../../electron/services/channels/registry';
import { ServerInstance } from '../../electron/services/db/postgres/instance';
import { JobRunner } from '../../electron/services/jobs/runner';
import { Workspace } from '../../electron/services/workspace';
import type { PostgresDb } from '../../electron/services/db/postgres/connect';
import { addItem, addMerchant, addPrice, addProduct, addProfile } from './seed';
import { tempDir } from './temp';
import { failure } from '../support/failure';
import { ManualClock, MemoryChannel, testEnvironment } from '../support/jobs';
import { onPostgres, tempPostgresDatabase } from '../support/workspace';

/**
 * A warehouse on one server database with two instances of the server in front of it, each with
 * its own connections, its own job runner and its own presence (services/db/postgres/instance.ts),
 * as two `rebound server` processes on two machines would be. Nothing is shared between them but
 * the database and the files folder.
 */

interface Instance {
  readonly ws: Workspace<PostgresDb>;
  readonly instance: ServerInstance;
  readonly events: ServerEvent[];
}

const open: Instance[] = [];
afterEach(async () => {
  for (const { ws, instance } of open.splice(0)) {
    await instance.close();
    await ws.close();
  }
});

async function warehouse(count = 2): Promise<Instance[]> {
  const files = tempDir();
  const url = await tempPostgresDatabase(async () => {
    for (const { ws, instance } of open.splice(0)) {
      await instance.close();
      await ws.close();
    }
  });
  const instances: Instance[] = [];
  for (let i = 0; i < count; i += 1) {
    const ws = await Workspace.connect(url, files, { poolSize: 6 });
    const events: ServerEvent[] = [];
    const instance = await ServerInstance.join(ws);
    ws.onEvent((event) => events.push(event));
    const one = { ws, instance, events };
    open.push(one);
    instances.push(one);
  }
  return instances;
}

const as = (personId: number) => ({ via: 'person', personId }) as const;

describe.skipIf(!onPostgres)(
  'two server instances on one database (needs PostgreSQL: REBOUND_TEST_DATABASE=postgres)',
  () => {
    test('a change made through one instance reaches the windows of the other', async () => {
      const [a, b] = await warehouse();
      await invoke(a!.ws, 'merchants.create', {
        name: 'Larkfield',
        currency: 'EUR',
        language: 'fr',
        returnWindowDays: 30,
        address: '1 rue des Lilas, Lyon',
      });
      await vi.waitFor(() => expect(b!.events).toContainEqual({ type: 'changed', domains: ['merchants'] }), {
        timeout: 1_000,
      });
      // The other instance reads it at once: it holds nothing of its own.
      expect((await invoke(b!.ws, 'merchants.list', {})).map((m) => m.name)).toEqual(['Larkfield']);
    });

    test('two approvers on two instances approve the same item at once: one wins, the other is told', async () => {
      const [a, b] = await warehouse();
      const merchantId = await addMerchant(a!.ws, { name: 'Larkfield' });
      const productId = await addProduct(a!.ws, {
        merchantId,
        sku: 'LH-HP-01',
        title: 'Headphones',
        originalCents: 19999,
      });
      const siobhan = await addProfile(a!.ws, {
        name: 'Siobhán Kelly',
        role: 'approver',
        merchantIds: [merchantId],
      });
      const yann = await addProfile(a!.ws, {
        name: 'Yann Morel',
        role: 'approver',
        merchantIds: [merchantId],
      });
      for (let round = 0; round < 10; round += 1) {
        const itemId = await addItem(a!.ws, {
          merchantId,
          productId,
          reference: `RB-${String(700 + round).padStart(6, '0')}`,
          grade: 'used',
          status: 'awaiting_approval',
        });
        const priceId = await addPrice(a!.ws, itemId, {
          originalCents: 19999,
          proposedCents: 14999,
          decision: 'pending',
        });
        const outcomes = await Promise.allSettled([
          dispatch(a!.ws, 'approvals.approve', { itemId, priceId }, as(siobhan)),
          dispatch(b!.ws, 'approvals.approve', { itemId, priceId }, as(yann)),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        expect(won).toHaveLength(1);
        const lost = outcomes.find((o) => o.status === 'rejected');
        expect(await failure(Promise.reject(lost?.reason))).toMatchObject({ code: 'conflict' });
        // One decision recorded, by the winner, never two.
        const decided = await a!.ws.kysely
          .selectFrom('events')
          .select('actor')
          .where('item_id', '=', itemId)
          .where('kind', '=', 'price.approved')
          .execute();
        expect(decided).toEqual([
          { actor: outcomes[0]!.status === 'fulfilled' ? 'Siobhán Kelly' : 'Yann Morel' },
        ]);
      }
    });

    test('300 publish jobs worked by both instances at once: every job runs exactly once', async () => {
      const [a, b] = await warehouse();
      const merchantId = await addMerchant(a!.ws, { name: 'Velo Shop' });
      const productId = await addProduct(a!.ws, {
        merchantId,
        sku: 'VS-LIGHT-02',
        title: 'Front light',
        originalCents: 8990,
      });
      const itemIds: number[] = [];
      for (let i = 0; i < 300; i += 1) {
        const itemId = await addItem(a!.ws, {
          merchantId,
          productId,
          reference: `RB-${String(1000 + i).padStart(6, '0')}`,
          grade: 'opened_packaging',
          status: 'approved',
        });
        await addPrice(a!.ws, itemId, {
          originalCents: 8990,
          proposedCents: 7490,
          decision: 'auto_approved',
        });
        itemIds.push(itemId);
      }
      // One remote shop, as both instances would reach the same eBay or Shopify account.
      const clock = new ManualClock(Date.parse('2026-04-01T09:00:00.000Z'));
      const shop = new MemoryChannel('shopify', clock);
      const runners = [a!, b!].map(({ ws }) => {
        const env = testEnvironment(ws, clock, [shop]);
        configureJobs(ws, env);
        return new JobRunner(ws, { env, salesPollMs: 0, pollMs: 50, batchPublishes: false });
      });
      const published = await invoke(a!.ws, 'channels.publish', {
        itemIds,
        channels: ['shopify'],
      });
      expect(published).toHaveLength(300);
      runners.forEach((runner) => runner.start());
      await vi.waitFor(
        async () => {
          const left = await a!.ws.kysely
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', 'in', ['queued', 'running'])
            .executeTakeFirstOrThrow();
          expect(left.n).toBe(0);
        },
        { timeout: 60_000, interval: 100 },
      );
      await Promise.all(runners.map((runner) => runner.stop()));

      const jobs = await a!.ws.kysely
        .selectFrom('jobs')
        .select(['status', 'attempts', 'locked_by'])
        .execute();
      expect(jobs).toHaveLength(300);
      expect(jobs.every((job) => job.status === 'done' && job.attempts === 1)).toBe(true);
      expect(shop.calls.filter((call) => call === 'upsert')).toHaveLength(300);
      expect(shop.created).toBe(300);
      const live = await a!.ws.kysely
        .selectFrom('listings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'live')
        .executeTakeFirstOrThrow();
      expect(live.n).toBe(300);
    });

    test('an instance that died mid-job is known to be gone at once; a live one is not', async () => {
      const [a, b] = await warehouse();
      expect(await a!.instance.isGone(b!.instance.id)).toBe(false);
      await b!.instance.close();
      expect(await a!.instance.isGone(b!.instance.id)).toBe(true);
      // Ids that are not an instance's (a desk's worker) are never judged here.
      expect(await a!.instance.isGone('worker-1-abc')).toBe(false);
    });
  },
);
