/**
 * The eBay channel end to end against the local eBay test server (tests/ebay), which checks every
 * request against eBay's OpenAPI contracts. Skips, with the reason in its title, without them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PublishResult } from '../../../../shared/contract';
import { connectedTestAccount } from '../../../../tests/ebay/account';
import { locateContracts } from '../../../../tests/ebay/openapi';
import { expectNoViolations, startEbayTestServer, type EbayTestServer } from '../../../../tests/ebay/server';
import { addItem, addMerchant, addPhoto, addPrice, addProduct } from '../../../../tests/integration/seed';
import { tempWorkspace } from '../../../../tests/integration/temp';
import { dispatch, invoke } from '../../api';
import { JobRunner } from '../../jobs/runner';
import { ManualClock, ManualScheduler } from '../../../../tests/support/jobs';
import type { Workspace } from '../../workspace';
import { ChannelError } from '../channel';
import { builtInRegistry, configureJobs } from '../registry';
import { openSecrets } from './config';
import { ebayAdapterFor, ebayStatus, secretBoxFor } from './service';
import type { Channel } from '../../../../shared/domain/status';

const contracts = locateContracts();
if (!contracts.available) console.warn(contracts.reason);
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

const T0 = Date.parse('2026-04-01T09:00:00.000Z');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);

let server: EbayTestServer;
let ws: Workspace;
let clock: ManualClock;
let runner: JobRunner;
let merchantId: number;

beforeEach(async () => {
  if (!contracts.available) return;
  server = await startEbayTestServer();
  ws = await tempWorkspace();
  clock = new ManualClock(T0);
  const env = { clock, channels: builtInRegistry(ws, clock) };
  configureJobs(ws, env);
  runner = new JobRunner(ws, {
    env,
    scheduler: new ManualScheduler(clock),
    random: () => 0.5,
    salesPollMs: 0,
  });
  merchantId = await addMerchant(ws, { name: 'Velo Shop US', currency: 'USD', language: 'en' });
});
afterEach(async () => {
  if (contracts.available) await server.close();
});

async function configureAndConnect(): Promise<void> {
  await connectedTestAccount(ws, clock, server, merchantId);
}

async function approvedItem(reference: string, photos = 2): Promise<number> {
  const productId = await addProduct(ws, {
    merchantId,
    sku: `P-${reference}`,
    title: 'Bike helmet',
    originalCents: 5999,
  });
  const itemId = await addItem(ws, { merchantId, productId, reference, grade: 'used', status: 'approved' });
  await addPrice(ws, itemId, { originalCents: 5999, proposedCents: 4299, decision: 'approved' });
  for (let i = 0; i < photos; i += 1) {
    const { hash } = await addPhoto(ws, itemId, { label: `${reference}-${i}`, position: i, isMain: i === 0 });
    const file = ws.photoPath(hash, 'listing');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JPEG);
  }
  return itemId;
}

async function publish(itemIds: number[], channels: Channel[] = ['ebay']): Promise<readonly PublishResult[]> {
  return await invoke(ws, 'channels.publish', { itemIds, channels });
}

async function listingOf(itemId: number, channel: Channel = 'ebay') {
  return ws.kysely
    .selectFrom('listings')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('channel', '=', channel)
    .executeTakeFirstOrThrow();
}

describe.skipIf(!contracts.available)(title('the eBay channel against the eBay test server'), () => {
  test('configure + connect: cert id and tokens sealed at rest, key file 0600, status connected', async () => {
    await configureAndConnect();
    const status = await ebayStatus(ws, { merchantId });
    expect(status).toMatchObject({
      configured: true,
      connected: true,
      marketplace: 'EBAY_US',
      readyToPublish: true,
    });
    const keyMode = fs.statSync(path.join(ws.dataDir, 'secret.key')).mode & 0o777;
    expect(keyMode).toBe(0o600);
    const account = await ws.kysely.selectFrom('channel_accounts').selectAll().executeTakeFirstOrThrow();
    expect(account.settings).not.toContain(server.app.certId);
    // The database file itself (and its WAL) never holds the cert id in clear.
    for (const name of fs.readdirSync(ws.dataDir).filter((f) => f.startsWith('rebound.sqlite'))) {
      const bytes = fs.readFileSync(path.join(ws.dataDir, name));
      expect(bytes.includes(Buffer.from(server.app.certId))).toBe(false);
    }
    expect(server.requests.filter((r) => r.path === '/identity/v1/oauth2/token')).toHaveLength(1);
    expectNoViolations(server);
  });

  test('publish through the jobs runner → live with a listing URL, no violations; again → no second offer', async () => {
    await configureAndConnect();
    const itemId = await approvedItem('RB-000301');
    expect((await publish([itemId]))[0]).toMatchObject({ outcome: 'queued', channel: 'ebay' });
    const outcomes = await runner.runDue();
    expect(outcomes.map((o) => o.status)).toContain('done');
    const listing = await listingOf(itemId);
    expect(listing).toMatchObject({ status: 'live', remote_sku: 'RB-000301', last_error: null });
    expect(listing.url).toBe(`https://www.ebay.com/itm/${listing.remote_listing_id}`);
    const stored = server.state.inventory.get('RB-000301');
    expect(stored?.locale).toBe('en_US');
    expect(server.state.images.size).toBe(2);
    expect(server.state.offers.size).toBe(1);
    expectNoViolations(server);

    // A crash after eBay published but before we recorded it: the same upsert runs again.
    const adapter = await ebayAdapterFor(ws, clock, {
      id: listing.id, // unused by the adapter beyond the upload bucket key
      merchantId,
      channel: 'ebay',
      settings: (await ws.kysely.selectFrom('channel_accounts').select('settings').executeTakeFirstOrThrow())
        .settings,
      salesCursor: null,
    });
    const again = await adapter.upsert({
      sku: 'RB-000301',
      title: 'Bike helmet',
      descriptionHtml: '<p>Returned, tested.</p>',
      priceCents: 4299,
      originalCents: 5999,
      currency: 'USD',
      quantity: 1,
    });
    expect(again.listingId).toBe(listing.remote_listing_id);
    expect(server.state.offers.size).toBe(1);
    // The pictures already on the inventory item were kept, not uploaded again.
    expect(server.state.images.size).toBe(2);
    expectNoViolations(server);
  });

  test('a 429 with Retry-After is retried after that delay, then succeeds', async () => {
    await configureAndConnect();
    const itemId = await approvedItem('RB-000302', 1);
    await publish([itemId]);
    server.faults.inject('rate-limit', {
      path: '/sell/inventory/v1/offer',
      method: 'POST',
      retryAfterSeconds: 30,
    });
    const [first] = await runner.runDue();
    expect(first?.status).toBe('queued');
    // Not before eBay's Retry-After (backoff alone would be shorter at the first attempt).
    expect(first?.status === 'queued' && Date.parse(first.retryAt) - T0).toBeGreaterThanOrEqual(30_000);
    expect((await listingOf(itemId)).status).not.toBe('live');
    clock.advance(29_000);
    expect(await runner.runDue()).toHaveLength(0);
    clock.advance(60_000);
    await runner.runDue();
    expect((await listingOf(itemId)).status).toBe('live');
    expect(server.state.offers.size).toBe(1);
    expectNoViolations(server);
  });

  test('a title eBay would refuse (> 80) is a user error named before anything is sent', async () => {
    await configureAndConnect();
    await approvedItem('RB-000303', 1);
    const adapter = await ebayAdapterFor(ws, clock, {
      id: 1,
      merchantId,
      channel: 'ebay',
      settings: (await ws.kysely.selectFrom('channel_accounts').select('settings').executeTakeFirstOrThrow())
        .settings,
      salesCursor: null,
    });
    const error = await adapter
      .upsert({
        sku: 'RB-000303',
        title: 'Helmet '.repeat(20),
        descriptionHtml: '<p>x</p>',
        priceCents: 4299,
        originalCents: 5999,
        currency: 'USD',
        quantity: 1,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).kind).toBe('user');
    expect((error as ChannelError).message).toMatch(/eBay takes titles of at most 80 characters.*has 140/);
    expect(server.state.offers.size).toBe(0);
    expect(server.requests.filter((r) => r.path.startsWith('/sell/'))).toHaveLength(0);
  });

  test('an access token expiring mid-batch is refreshed exactly once', async () => {
    await configureAndConnect();
    const a = await approvedItem('RB-000304', 1);
    const b = await approvedItem('RB-000305', 1);
    server.clock.advance(7_200_000); // eBay's clock: the token has lapsed, ours does not know yet
    await publish([a, b]);
    await runner.runDue();
    expect((await listingOf(a)).status).toBe('live');
    expect((await listingOf(b)).status).toBe('live');
    const grants = server.requests
      .filter((r) => r.path === '/identity/v1/oauth2/token')
      .map((r) => (r.body as { grant_type: string }).grant_type);
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    expectNoViolations(server, { ignore: ['token-expired'] });
  });

  test('parallel calls after expiry share one refresh (a single in-flight promise)', async () => {
    await configureAndConnect();
    const row = await ws.kysely.selectFrom('channel_accounts').selectAll().executeTakeFirstOrThrow();
    const adapter = await ebayAdapterFor(ws, clock, {
      id: row.id,
      merchantId,
      channel: 'ebay',
      settings: row.settings,
      salesCursor: null,
    });
    server.clock.advance(7_200_000);
    clock.advance(7_200_000);
    const found = await Promise.all(['RB-1', 'RB-2', 'RB-3'].map((sku) => adapter.findBySku(sku)));
    expect(found).toEqual([null, null, null]);
    const grants = server.requests
      .filter((r) => r.path === '/identity/v1/oauth2/token')
      .map((r) => (r.body as { grant_type: string }).grant_type);
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    // The refreshed token was sealed back into the account row.
    const after = await ws.kysely.selectFrom('channel_accounts').select('secret').executeTakeFirstOrThrow();
    expect(openSecrets(secretBoxFor(ws), after.secret).accessExpiresAt).toBe(clock.now() + 7_200_000);
    expectNoViolations(server);
  });

  test('a revoked refresh token asks the merchant to reconnect', async () => {
    await configureAndConnect();
    await approvedItem('RB-000306', 1);
    const secret = await ws.kysely.selectFrom('channel_accounts').selectAll().executeTakeFirstOrThrow();
    const { refreshToken } = openSecrets(secretBoxFor(ws), secret.secret);
    server.state.auth.revokeRefreshToken(refreshToken ?? '');
    server.clock.advance(7_200_000);
    const adapter = await ebayAdapterFor(ws, clock, {
      id: secret.id,
      merchantId,
      channel: 'ebay',
      settings: secret.settings,
      salesCursor: null,
    });
    const error = await adapter.findBySku('RB-000306').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({
      kind: 'auth',
      message: 'eBay no longer accepts Rebound’s access: reconnect in Settings.',
    });
  });

  test('a sale on eBay flows back through sync and ends the practice listing of the same item', async () => {
    await configureAndConnect();
    const itemId = await approvedItem('RB-000307', 1);
    await publish([itemId], ['ebay', 'practice']);
    await runner.runDue();
    const ebay = await listingOf(itemId);
    expect(ebay.status).toBe('live');
    expect((await listingOf(itemId, 'practice')).status).toBe('live');

    server.state.addOrder({
      lineItems: [{ sku: 'RB-000307', legacyItemId: ebay.remote_listing_id ?? '', total: '42.99' }],
      buyerCountry: 'US',
    });
    clock.advance(60_000);
    await dispatch(ws, 'channels.sync', {});
    await runner.runDue();
    await runner.runDue();
    const sales = await ws.kysely.selectFrom('sales').selectAll().where('item_id', '=', itemId).execute();
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ channel: 'ebay', price_cents: 4299, buyer_country: 'US', kind: 'sale' });
    const item = await ws.kysely
      .selectFrom('items')
      .select('status')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe('sold');
    expect((await listingOf(itemId, 'practice')).status).toBe('ended');
    expectNoViolations(server);
  });
});
