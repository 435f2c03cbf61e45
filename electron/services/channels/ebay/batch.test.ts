/**
 * Publishing many items to eBay at once, against the local eBay test server (tests/ebay), which
 * checks every request against eBay's OpenAPI contracts: bulk calls of at most 25 with an answer
 * per item, a refused item failing alone, a batch interrupted by a crash finishing without a
 * second offer, and a token lapsing in the middle. Skips, saying why, without the contracts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { connectedTestAccount } from '../../../../tests/ebay/account';
import { locateContracts } from '../../../../tests/ebay/openapi';
import type { ConditionEnum } from '../../../../tests/ebay/rules';
import { expectNoViolations, startEbayTestServer, type EbayTestServer } from '../../../../tests/ebay/server';
import { addItem, addMerchant, addPhoto, addPrice, addProduct } from '../../../../tests/integration/seed';
import { tempWorkspace } from '../../../../tests/integration/temp';
import type { Grade } from '../../../../shared/domain/grades';
import { dispatch } from '../../api';
import { listingText } from '../../descriptions/service';
import { JobRunner } from '../../jobs/runner';
import { ManualClock, ManualScheduler } from '../../../../tests/support/jobs';
import type { Workspace } from '../../workspace';
import { builtInRegistry, configureJobs } from '../registry';

const contracts = locateContracts();
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

const T0 = Date.parse('2026-05-04T08:00:00.000Z');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);

let server: EbayTestServer;
let ws: Workspace;
let clock: ManualClock;
let merchantId: number;

function newRunner(workerId: string): JobRunner {
  return new JobRunner(ws, {
    env: { clock, channels: builtInRegistry(ws, clock) },
    scheduler: new ManualScheduler(clock),
    random: () => 0.5,
    salesPollMs: 0,
    workerId,
  });
}

beforeEach(async () => {
  if (!contracts.available) return;
  server = await startEbayTestServer();
  ws = await tempWorkspace();
  clock = new ManualClock(T0);
  configureJobs(ws, { clock, channels: builtInRegistry(ws, clock) });
  merchantId = await addMerchant(ws, { name: 'Velo Shop US', currency: 'USD', language: 'en' });
  await connectedTestAccount(ws, clock, server, merchantId);
});
afterEach(async () => {
  if (contracts.available) await server.close();
});

async function approvedItem(reference: string, options: { photos?: number; grade?: Grade } = {}) {
  const productId = await addProduct(ws, {
    merchantId,
    sku: `P-${reference}`,
    title: 'Smartphone 128 GB',
    originalCents: 39900,
  });
  const itemId = await addItem(ws, {
    merchantId,
    productId,
    reference,
    grade: options.grade ?? 'used',
    status: 'approved',
  });
  await addPrice(ws, itemId, { originalCents: 39900, proposedCents: 27900, decision: 'approved' });
  for (let i = 0; i < (options.photos ?? 1); i += 1) {
    const { hash } = await addPhoto(ws, itemId, { label: `${reference}-${i}`, position: i, isMain: i === 0 });
    const file = ws.photoPath(hash, 'listing');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JPEG);
  }
  return itemId;
}

async function items(count: number, prefix: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await approvedItem(`${prefix}${String(i).padStart(4, '0')}`));
  return ids;
}

async function listings() {
  return ws.kysely
    .selectFrom('listings')
    .innerJoin('items', 'items.id', 'listings.item_id')
    .select(['items.reference', 'listings.status', 'listings.last_error', 'listings.remote_offer_id'])
    .where('listings.channel', '=', 'ebay')
    .orderBy('items.reference')
    .execute();
}

const calls = (operation: string) => server.requests.filter((r) => r.operationId === operation).length;

describe.skipIf(!contracts.available)(title('publishing a batch to eBay'), () => {
  test('30 items go out in bulk calls of at most 25; the refused ones fail alone, with eBay’s reason', async () => {
    const good = await items(28, 'RB-B');
    const noPhoto = await approvedItem('RB-X-NOPHOTO', { photos: 0 });
    const damaged = await approvedItem('RB-X-DAMAGED', { grade: 'heavily_damaged' });
    // The category refuses the damaged item's condition, and only that one.
    const refused = (await listingText(ws, damaged, 'en'))!.conditionEnum as ConditionEnum;
    const usedCondition = (await listingText(ws, good[0]!, 'en'))!.conditionEnum;
    expect(refused).not.toBe(usedCondition);
    server.state.setConditionPolicy(
      '9355',
      (
        [
          'NEW',
          'LIKE_NEW',
          'NEW_OTHER',
          'NEW_WITH_DEFECTS',
          'USED_EXCELLENT',
          'USED_VERY_GOOD',
          'USED_GOOD',
          'USED_ACCEPTABLE',
          'FOR_PARTS_OR_NOT_WORKING',
        ] as ConditionEnum[]
      ).filter((c) => c !== refused),
    );

    await dispatch(ws, 'channels.publish', { itemIds: [...good, noPhoto, damaged], channels: ['ebay'] });
    const outcomes = await newRunner('w1').runDue();
    expect(outcomes).toHaveLength(30);

    const rows = await listings();
    expect(rows.filter((r) => r.status === 'live')).toHaveLength(28);
    const failed = rows.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.reference)).toEqual(['RB-X-DAMAGED', 'RB-X-NOPHOTO']);
    expect(failed[0]!.last_error).toMatch(/eBay refused publishing the offer: .*condition/i);
    expect(failed[1]!.last_error).toMatch(/at least one picture/i);

    // Bulk calls, never more than 25 entries (the server refuses more), one set per 25 items.
    for (const op of ['bulkCreateOrReplaceInventoryItem', 'bulkCreateOffer', 'bulkPublishOffer']) {
      expect(calls(op)).toBe(2);
    }
    for (const op of ['createOrReplaceInventoryItem', 'createOffer', 'publishOffer'])
      expect(calls(op)).toBe(0);
    expect(calls('createImageFromFile')).toBe(29);
    expect(server.state.listings.size).toBe(28);
    expectNoViolations(server);
  });

  test('a crash in the middle of a batch: started again, it finishes with no second offer', async () => {
    const ids = await items(27, 'RB-C');
    await dispatch(ws, 'channels.publish', { itemIds: ids, channels: ['ebay'] });
    // The connection drops on the first publication call: offers exist on eBay, not in our rows.
    server.faults.inject('drop', { path: '/sell/inventory/v1/bulk_publish_offer', times: 1 });
    await newRunner('w1').runDue();
    // A batch is 25: the first one's offers exist on eBay, unpublished; the last two, a batch of
    // their own, went live.
    expect(server.state.offers.size).toBe(27);
    expect(server.state.listings.size).toBe(2);
    // What a killed process leaves behind: jobs still marked running under a lock long gone.
    await ws.kysely
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead-worker', locked_at: new Date(T0 - 3_600_000).toISOString() })
      .where('kind', '=', 'publish')
      .where('status', '=', 'queued')
      .execute();

    clock.advance(60 * 60_000);
    const outcomes = await newRunner('w2').runUntilSettled();
    expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(25);
    const rows = await listings();
    expect(rows.every((r) => r.status === 'live')).toBe(true);
    // One offer per SKU on eBay: the resumed batch found the offers the first run made.
    expect(server.state.offers.size).toBe(27);
    expect(new Set(rows.map((r) => r.remote_offer_id)).size).toBe(27);
    expect(server.state.listings.size).toBe(27);
    expect(server.state.images.size).toBe(27); // pictures already on eBay were not uploaded again
    expectNoViolations(server);
  });

  test('the access token lapsing in the middle of a batch is renewed once, and the batch goes on', async () => {
    const ids = await items(26, 'RB-T');
    await dispatch(ws, 'channels.publish', { itemIds: ids, channels: ['ebay'] });
    // eBay's clock moves past the token's expiry after the first pictures: ours does not know.
    let uploads = 0;
    server.faults.onRequest((_method, pathname) => {
      if (pathname.endsWith('/create_image_from_file') && ++uploads === 5) server.clock.advance(7_200_000);
    });
    await newRunner('w1').runDue();
    expect((await listings()).every((r) => r.status === 'live')).toBe(true);
    const grants = server.requests
      .filter((r) => r.path === '/identity/v1/oauth2/token')
      .map((r) => (r.body as { grant_type: string }).grant_type);
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    expectNoViolations(server, { ignore: ['token-expired'] });
  });
});
