import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';

import { invoke } from '../../electron/services/api';
import { ServerInstance } from '../../electron/services/db/postgres/instance';
import { systemClock } from '../../electron/services/jobs/clock';
import { Workspace } from '../../electron/services/workspace';
import type { PostgresDb } from '../../electron/services/db/postgres/connect';
import { connectedTestAccount } from '../ebay/account';
import { locateContracts } from '../ebay/openapi';
import { expectNoViolations, startEbayTestServer, type EbayTestServer } from '../ebay/server';
import { addItem, addMerchant, addPhoto, addPrice, addProduct } from './seed';
import { tempDir } from './temp';
import { startServing } from '../support/serving';
import { onPostgres, tempPostgresDatabase } from '../support/workspace';

/**
 * A day at the warehouse with two `rebound server` processes on one database, as two machines
 * would run them: 60 items go to eBay, one instance dies (SIGKILL, no goodbye) in the middle of
 * the batch, and the other finishes it. Nothing is shared between the processes but the database
 * and the files folder; the eBay they both reach is the local test server (tests/ebay), which
 * checks every request against eBay's OpenAPI contracts. Skips, saying why, without PostgreSQL or
 * without the contracts.
 */

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);
const ITEMS = 60;

const contracts = locateContracts();
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

/** One `rebound server` process, as started from a terminal, with what it has said so far. */
interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  /** Its instance id: the `locked_by` of the jobs it works. */
  readonly instance: string;
  readonly output: () => string;
  readonly exited: Promise<void>;
}

async function startServer(
  database: string,
  files: string,
  env: Readonly<Record<string, string>>,
): Promise<Served> {
  const serving = await startServing(
    ['server', '--database', database, '--photos', files, '--port', '0', '--json'],
    env,
  );
  const exited = new Promise<void>((resolve) => serving.child.once('exit', () => resolve()));
  const output = () => {
    const { stdout, stderr } = serving.output();
    return `stdout: ${stdout}\nstderr: ${stderr}`;
  };
  return { child: serving.child, instance: serving.instance!, output, exited };
}

/** Stops a process that is still running: politely, then not. */
async function stop(served: Served): Promise<void> {
  if (served.child.exitCode !== null || served.child.signalCode !== null) return;
  served.child.kill('SIGTERM');
  const timer = setTimeout(() => served.child.kill('SIGKILL'), 5_000);
  await served.exited;
  clearTimeout(timer);
}

describe.skipIf(!onPostgres)(
  'two `rebound server` processes (needs PostgreSQL (REBOUND_TEST_DATABASE=postgres))',
  () => {
    describe.skipIf(!contracts.available)(title('one killed in the middle of an eBay batch'), () => {
      test('the other finishes the batch: every job done, every item live, one offer per SKU on eBay', async ({
        annotate,
      }) => {
        const files = tempDir('rebound-server-crash-');
        const served: Served[] = [];
        let ebay: EbayTestServer | null = null;
        let ws: Workspace<PostgresDb> | null = null;
        let presence: ServerInstance | null = null;
        // Before the database is dropped: the processes first, then this test's own connections.
        const url = await tempPostgresDatabase(async () => {
          await Promise.all(served.map(stop));
          await presence?.close();
          await ws?.close();
          await ebay?.close();
        });
        ebay = await startEbayTestServer();
        const server = ebay;
        ws = await Workspace.connect(url, files, { poolSize: 4 });
        const desk = ws;

        // The merchant's eBay account, connected; its secrets sealed with the key in the shared folder.
        const merchantId = await addMerchant(desk, { name: 'Velo Shop US', currency: 'USD', language: 'en' });
        await connectedTestAccount(desk, systemClock, server, merchantId);
        // 60 graded, priced and photographed items, approved and waiting to go out.
        const itemIds: number[] = [];
        for (let i = 0; i < ITEMS; i += 1) {
          const reference = `RB-K${String(i).padStart(4, '0')}`;
          const productId = await addProduct(desk, {
            merchantId,
            sku: `P-${reference}`,
            title: 'Smartphone 128 GB',
            originalCents: 39900,
          });
          const itemId = await addItem(desk, {
            merchantId,
            productId,
            reference,
            grade: 'used',
            status: 'approved',
          });
          await addPrice(desk, itemId, { originalCents: 39900, proposedCents: 27900, decision: 'approved' });
          const { hash } = await addPhoto(desk, itemId, { label: reference, position: 0, isMain: true });
          const file = desk.photoPath(hash, 'listing');
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, JPEG);
          itemIds.push(itemId);
        }

        // Two instances of the server open the warehouse, one after the other (the first may
        // rebuild the CLI). They share the database, the files folder and the eBay account.
        const env = { REBOUND_EBAY_BASE_URL: server.baseUrl };
        served.push(await startServer(url, files, env));
        served.push(await startServer(url, files, env));
        // This test process joins as a desk would: its changes reach both instances at once.
        presence = await ServerInstance.join(desk);

        // eBay is slow to create offers today: the batch is in flight when the lights go out.
        server.faults.latency(2_000, { path: '/bulk_create_offer' });
        const published = await invoke(desk, 'channels.publish', {
          itemIds,
          channels: ['ebay'],
        });
        expect(published.map((p) => p.outcome)).toEqual(itemIds.map(() => 'queued'));

        // The first offers are on their way to eBay: the instance sending them is killed.
        await vi.waitFor(
          () => expect(server.requests.some((r) => r.operationId === 'bulkCreateOffer')).toBe(true),
          { timeout: 60_000, interval: 10 },
        );
        const running = await desk.kysely
          .selectFrom('jobs')
          .select(['id', 'locked_by'])
          .where('kind', '=', 'publish')
          .where('status', '=', 'running')
          .execute();
        const held = (s: Served) => running.filter((job) => job.locked_by === s.instance).length;
        const victim = held(served[0]!) >= held(served[1]!) ? served[0]! : served[1]!;
        const survivor = victim === served[0] ? served[1]! : served[0]!;
        const interrupted = running.filter((job) => job.locked_by === victim.instance).map((job) => job.id);
        expect(interrupted.length, 'the killed instance was working the batch').toBeGreaterThan(0);
        victim.child.kill('SIGKILL');
        await victim.exited;
        const killedAt = Date.now();

        // The survivor takes the batch over and finishes it. (A nudge, as any change would give,
        // rather than its 15-second poll.)
        await vi.waitFor(
          async () => {
            desk.changed('jobs');
            const left = await desk.kysely
              .selectFrom('jobs')
              .select(['id', 'status', 'locked_by'])
              .where('status', 'in', ['queued', 'running'])
              .execute();
            expect(left).toEqual([]);
          },
          { timeout: 120_000, interval: 500 },
        );
        const finishedIn = Date.now() - killedAt;
        expect(survivor.child.exitCode, survivor.output()).toBeNull();

        await annotate(
          `${interrupted.length} of ${ITEMS} jobs were the killed instance's; the survivor had finished the batch ${finishedIn} ms after the kill`,
        );

        // Nothing lost: every publish job done, and the ones the dead instance held taken over.
        const jobs = await desk.kysely
          .selectFrom('jobs')
          .select(['id', 'status', 'attempts'])
          .where('kind', '=', 'publish')
          .orderBy('id')
          .execute();
        expect(jobs).toHaveLength(ITEMS);
        expect(jobs.filter((job) => job.status !== 'done')).toEqual([]);
        const takenOver = jobs.filter((job) => interrupted.includes(job.id));
        expect(takenOver.filter((job) => job.attempts < 2)).toEqual([]);

        // Every item live on eBay with its offer; one offer per SKU, published once.
        const listings = await desk.kysely
          .selectFrom('listings')
          .innerJoin('items', 'items.id', 'listings.item_id')
          .select([
            'items.reference',
            'listings.status',
            'listings.remote_offer_id',
            'listings.remote_listing_id',
          ])
          .where('listings.channel', '=', 'ebay')
          .orderBy('items.reference')
          .execute();
        expect(listings).toHaveLength(ITEMS);
        expect(listings.filter((l) => l.status !== 'live' || !l.remote_offer_id)).toEqual([]);
        const offersBySku = new Map<string, string[]>();
        for (const offer of server.state.offers.values()) {
          offersBySku.set(offer.sku, [...(offersBySku.get(offer.sku) ?? []), offer.offerId]);
        }
        const duplicated = [...offersBySku].filter(([, ids]) => ids.length > 1);
        expect(duplicated, 'SKUs with more than one offer on eBay').toEqual([]);
        expect(offersBySku.size).toBe(ITEMS);
        for (const listing of listings) {
          expect(offersBySku.get(listing.reference)).toEqual([listing.remote_offer_id]);
          const offer = server.state.offers.get(listing.remote_offer_id!);
          expect(offer).toMatchObject({ status: 'PUBLISHED', listingId: listing.remote_listing_id });
        }
        expect(server.state.listings.size).toBe(ITEMS);

        // And eBay was never asked for what it refuses: not even the survivor's pictures, sent
        // just after the dead instance's, may go past the seller's Media window between them.
        expectNoViolations(server);
        // So nothing needed a retry: each interrupted job ran twice (killed, taken over), the others once.
        expect(takenOver.filter((job) => job.attempts !== 2)).toEqual([]);
        expect(jobs.filter((job) => !interrupted.includes(job.id) && job.attempts !== 1)).toEqual([]);
      }, 240_000);
    });
  },
);
