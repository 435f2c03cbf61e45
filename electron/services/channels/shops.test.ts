/**
 * The merchant's shop accounts end to end against the local WooCommerce test server
 * (tests/woocommerce): configure (secrets sealed), test connection, publish through the
 * registry and the job runner, and the merchant's watermark on shop photos (never eBay's).
 */
import { renderMessage } from '../../../shared/messages/render';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, onTestFinished, test } from 'vitest';
import type { PublishResult } from '../../../shared/contract';
import type { Channel } from '../../../shared/domain/status';

import { addItem, addMerchant, addPhoto, addPrice, addProduct } from '../../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../../tests/integration/temp';
import {
  expectNoViolations,
  startWooTestServer,
  type WooTestServer,
} from '../../../tests/woocommerce/server';
import { dispatch, invoke } from '../api';
import { JobRunner } from '../jobs/runner';
import { ManualClock, ManualScheduler } from '../../../tests/support/jobs';
import type { Workspace } from '../workspace';
import { ChannelError, type ListingInput } from './channel';
import { builtInRegistry, configureJobs } from './registry';
import { listingForChannel, shopAdapterFor } from './shops';

const T0 = Date.parse('2026-04-01T09:00:00.000Z');

let server: WooTestServer;
let ws: Workspace;
let clock: ManualClock;
let runner: JobRunner;
let merchantId: number;

beforeEach(async () => {
  server = await startWooTestServer();
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
  merchantId = await addMerchant(ws, { name: 'Larkfield Outlet', currency: 'EUR', language: 'en' });
});
afterEach(async () => {
  await server.close();
});

async function configureWoo(secrets: Record<string, string> = {}) {
  return await invoke(ws, 'shops.configure', {
    merchantId,
    platform: 'woocommerce',
    settings: { url: server.baseUrl, wpUser: server.credentials.wpUser },
    secrets: {
      consumerKey: server.credentials.consumerKey,
      consumerSecret: server.credentials.consumerSecret,
      wpAppPassword: server.credentials.wpAppPassword,
      ...secrets,
    },
  });
}

const testWoo = async () => await invoke(ws, 'shops.test', { merchantId, platform: 'woocommerce' });

/** A photo with structure (a gradient and a dark block), 800×600, as the listing variant. */
async function listingPhoto(hash: string, block = '#333'): Promise<string> {
  const file = ws.photoPath(hash, 'listing');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#6a8caf"/><stop offset="1" stop-color="#c9d6e3"/></linearGradient></defs>
    <rect width="800" height="600" fill="url(#g)"/><rect x="250" y="150" width="300" height="250" fill="${block}"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toFile(file);
  return file;
}

async function approvedItem(reference: string, photos = 2): Promise<{ itemId: number; files: string[] }> {
  const productId = await addProduct(ws, {
    merchantId,
    sku: `P-${reference}`,
    title: 'Carbon bike helmet',
    originalCents: 5999,
  });
  const itemId = await addItem(ws, { merchantId, productId, reference, grade: 'used', status: 'approved' });
  await addPrice(ws, itemId, { originalCents: 5999, proposedCents: 2450, decision: 'approved' });
  const files: string[] = [];
  for (let i = 0; i < photos; i += 1) {
    const { hash } = await addPhoto(ws, itemId, { label: `${reference}-${i}`, position: i, isMain: i === 0 });
    files.push(await listingPhoto(hash, i === 0 ? '#333' : '#553322'));
  }
  return { itemId, files };
}

async function publish(itemIds: number[], channels: Channel[]): Promise<readonly PublishResult[]> {
  return await invoke(ws, 'channels.publish', { itemIds, channels });
}

function listing(files: readonly string[]): ListingInput {
  return {
    sku: 'RB-000402',
    title: 'Carbon bike helmet',
    descriptionHtml: '<p>Returned.</p>',
    priceCents: 2450,
    originalCents: 5999,
    currency: 'EUR',
    quantity: 1,
    photos: files.map((file, i) => ({ file, alt: `photo ${i + 1}` })),
  };
}

/** Mean absolute difference of the RGB pixels of two images in a region. */
async function regionDifference(
  a: string,
  b: string,
  region: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const pixels = (file: string) => sharp(file).extract(region).removeAlpha().raw().toBuffer();
  const [pa, pb] = [await pixels(a), await pixels(b)];
  let sum = 0;
  for (let i = 0; i < pa.length; i += 1) sum += Math.abs(pa[i]! - pb[i]!);
  return sum / pa.length;
}

describe('shop accounts', () => {
  test('configure WooCommerce: settings public, secrets sealed (not in the settings nor the database file)', async () => {
    const status = await configureWoo();
    expect(status.shops).toHaveLength(1);
    expect(status.shops[0]).toMatchObject({
      platform: 'woocommerce',
      settings: { url: server.baseUrl, wpUser: server.credentials.wpUser },
      secretsStored: ['consumerKey', 'consumerSecret', 'wpAppPassword'],
      secretsProblem: null,
      lastTest: null,
    });
    expect(JSON.stringify(status)).not.toContain(server.credentials.consumerSecret);

    const row = await ws.kysely
      .selectFrom('channel_accounts')
      .selectAll()
      .where('channel', '=', 'woocommerce')
      .executeTakeFirstOrThrow();
    expect(row.settings).not.toContain(server.credentials.consumerKey);
    expect(row.secret).not.toBeNull();
    for (const name of fs.readdirSync(ws.dataDir).filter((f) => f.startsWith('rebound.sqlite'))) {
      const bytes = fs.readFileSync(path.join(ws.dataDir, name));
      for (const secret of [server.credentials.consumerKey, server.credentials.consumerSecret]) {
        expect(bytes.includes(Buffer.from(secret))).toBe(false);
      }
    }

    // Everyone may see the status, and it never carries a secret.
    const all = await invoke(ws, 'shops.status', {});
    expect(all.map((m) => m.merchantName)).toEqual(['Larkfield Outlet']);
  });

  test('test connection: ok; a reconfigure without secrets keeps them; a wrong key → the problem in words', async () => {
    await configureWoo();
    const ok = await testWoo();
    expect(ok).toMatchObject({ ok: true, problems: [] });
    expect(ok.shopName).toBeTruthy();

    // Only the address again: the stored key pair stays and still works.
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'woocommerce',
      settings: { url: `${server.baseUrl}/`, wpUser: server.credentials.wpUser },
    });
    expect((await testWoo()).ok).toBe(true);

    await configureWoo({ consumerKey: 'ck_0000000000000000000000000000000000000000' });
    const bad = await testWoo();
    expect(bad.ok).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.problems.map((p) => p.message).join(' ')).toMatch(/key/i);
    // A French desk reads the same problem in French, the shop's own words kept as they came.
    expect(bad.problems[0]!.text?.code).toBe('channels.shop_test.woo_bad_key');
    expect(renderMessage(bad.problems[0]!.text!, 'fr')).toMatch(
      /^WooCommerce a refusé la clé et le secret client \(« .+ »\)\. Créez une clé en Lecture\/Écriture/,
    );
    // The last answer is kept for Settings, with its message.
    const [status] = await invoke(ws, 'shops.status', { merchantId });
    expect(status!.shops[0]!.lastTest).toMatchObject({ ok: false });
    expect(status!.shops[0]!.lastTest!.problems[0]!.text).toEqual(bad.problems[0]!.text);
    expectNoViolations(server, { ignore: ['auth'] });
  });

  test('a new shop address without new credentials deletes the stored ones; nothing is sent to the new address', async () => {
    await configureWoo();
    expect((await testWoo()).ok).toBe(true);
    const { itemId } = await approvedItem('RB-000420', 1);
    expect((await publish([itemId], ['woocommerce']))[0]).toMatchObject({ outcome: 'queued' });

    // Another shop answers on another address (same default keys, so a leak would even work).
    const other = await startWooTestServer();
    onTestFinished(() => other.close());
    const moved = await invoke(ws, 'shops.configure', {
      merchantId,
      platform: 'woocommerce',
      settings: { url: other.baseUrl, wpUser: server.credentials.wpUser },
    });
    expect(moved.shops[0]).toMatchObject({
      settings: { url: other.baseUrl },
      secretsStored: [],
      secretsProblem: expect.stringMatching(
        /credentials must be entered again.*never sent to another address/,
      ),
    });
    expect(moved.shops[0]!.secretsProblem).toContain(other.baseUrl);
    const row = await ws.kysely
      .selectFrom('channel_accounts')
      .select('secret')
      .where('channel', '=', 'woocommerce')
      .executeTakeFirstOrThrow();
    expect(row.secret).toBeNull();

    // The connection test refuses in words, the job queued for the old address fails without a
    // call, and a new publish is refused up front: the new address never sees a request.
    const refused = await testWoo();
    expect(refused).toMatchObject({
      ok: false,
      problems: [{ code: 'not_configured', message: expect.stringMatching(/must be entered again/) }],
    });
    const outcomes = await runner.runDue();
    expect(outcomes.map((o) => o.status)).not.toContain('done');
    const listingRow = await ws.kysely
      .selectFrom('listings')
      .select(['status', 'last_error'])
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(listingRow.last_error).toMatch(/must be entered again/);
    const { itemId: second } = await approvedItem('RB-000421', 1);
    expect((await publish([second], ['woocommerce']))[0]).toMatchObject({
      outcome: 'refused',
      message: expect.stringMatching(/must be entered again/),
    });
    expect(other.requests).toEqual([]);

    // Only some credentials for the new address: refused, never completed with the old ones.
    await expect(
      dispatch(ws, 'shops.configure', {
        merchantId,
        platform: 'woocommerce',
        settings: { url: server.baseUrl },
        secrets: { consumerKey: server.credentials.consumerKey },
      }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/address changed/) });

    // Entered again: the new address is used with them.
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'woocommerce',
      settings: { url: other.baseUrl, wpUser: other.credentials.wpUser },
      secrets: {
        consumerKey: other.credentials.consumerKey,
        consumerSecret: other.credentials.consumerSecret,
        wpAppPassword: other.credentials.wpAppPassword,
      },
    });
    expect((await testWoo()).ok).toBe(true);
    expect(other.requests.length).toBeGreaterThan(0);
  });

  test('the same address, however typed, keeps the credentials; another one drops them (Shopify, Vendure)', async () => {
    const shops = async () =>
      (await invoke(ws, 'shops.status', { merchantId }))[0]!.shops.map((s) => [
        s.platform,
        s.secretsStored,
        s.secretsProblem !== null,
      ]);
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'shopify',
      settings: { shopDomain: 'larkfield.myshopify.com' },
      secrets: { accessToken: 'shpat_0123456789abcdef' },
    });
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'vendure',
      settings: { adminApiUrl: 'https://shop.larkfield.example/admin-api' },
      secrets: { username: 'superadmin', password: 'not-in-clear' },
    });
    // Same places, typed differently, other settings changed: kept.
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'shopify',
      settings: { shopDomain: 'https://Larkfield.myshopify.com/', apiVersion: '2026-04' },
    });
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'vendure',
      settings: { adminApiUrl: 'https://SHOP.larkfield.example/admin-api/', languageCode: 'de' },
    });
    expect(await shops()).toEqual([
      ['shopify', ['accessToken'], false],
      ['vendure', ['password', 'username'], false],
    ]);
    // Another shop, the same shop through a test origin, another Admin API path: dropped.
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'shopify',
      settings: { shopDomain: 'larkfield.myshopify.com', baseUrl: 'http://127.0.0.1:9/' },
    });
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'vendure',
      settings: { adminApiUrl: 'https://shop.larkfield.example/shop-api' },
    });
    expect(await shops()).toEqual([
      ['shopify', [], true],
      ['vendure', [], true],
    ]);
    // Changing another setting at the new address does not bring anything back.
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'vendure',
      settings: { adminApiUrl: 'https://shop.larkfield.example/shop-api', languageCode: 'fr' },
    });
    expect((await shops())[1]).toEqual(['vendure', [], true]);
    const result = await invoke(ws, 'shops.test', { merchantId, platform: 'vendure' });
    expect(result.problems[0]!.message).toMatch(
      /none are stored for https:\/\/shop\.larkfield\.example\/shop-api/,
    );
  });

  test('bad input is refused with the platform’s reason; a first configure needs the credentials', async () => {
    await expect(
      dispatch(ws, 'shops.configure', {
        merchantId,
        platform: 'woocommerce',
        settings: { url: 'not an address' },
        secrets: { consumerKey: 'ck', consumerSecret: 'cs' },
      }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    await expect(
      dispatch(ws, 'shops.configure', {
        merchantId,
        platform: 'woocommerce',
        settings: { url: server.baseUrl },
      }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/credentials/) });
    await expect(dispatch(ws, 'shops.test', { merchantId, platform: 'vendure' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('Shopify and Vendure go through the same layer; an address without https is named as the problem', async () => {
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'shopify',
      settings: { shopDomain: 'http://larkfield.myshopify.com' },
      secrets: { accessToken: 'shpat_0123456789abcdef' },
    });
    await dispatch(ws, 'shops.configure', {
      merchantId,
      platform: 'vendure',
      settings: { adminApiUrl: 'http://shop.larkfield.example/admin-api', channelToken: '' },
      secrets: { username: 'superadmin', password: 'not-in-clear' },
    });
    const [status] = await invoke(ws, 'shops.status', { merchantId });
    expect(status!.shops.map((s) => [s.platform, s.secretsStored])).toEqual([
      ['shopify', ['accessToken']],
      ['vendure', ['password', 'username']],
    ]);
    expect(JSON.stringify(status)).not.toContain('not-in-clear');
    for (const platform of ['shopify', 'vendure'] as const) {
      const result = await invoke(ws, 'shops.test', { merchantId, platform });
      expect(result.ok, platform).toBe(false);
      expect(
        result.problems.map((p) => p.code),
        platform,
      ).toContain('insecure_url');
    }
  });

  test('remove forgets settings and secrets; publishing is then refused up front', async () => {
    await configureWoo();
    const after = await invoke(ws, 'shops.remove', {
      merchantId,
      platform: 'woocommerce',
    });
    expect(after.shops).toEqual([]);
    expect(await ws.kysely.selectFrom('channel_accounts').selectAll().execute()).toEqual([]);
    const { itemId } = await approvedItem('RB-000410', 1);
    const [result] = await publish([itemId], ['woocommerce']);
    expect(result).toMatchObject({
      outcome: 'refused',
      message: expect.stringMatching(/configure the shop in Settings/),
    });
  });

  test('an account without settings fails with an auth error that says to configure the shop', async () => {
    const adapter = shopAdapterFor(ws, clock, {
      id: 99,
      merchantId,
      channel: 'vendure',
      settings: '{}',
      salesCursor: null,
    });
    const error = await adapter.findBySku('RB-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/configure the shop in Settings/),
    });
  });
});

describe('publishing to the shop through the registry', () => {
  test('an approved item → a WooCommerce product with its photos, through the job runner', async () => {
    await configureWoo();
    const { itemId } = await approvedItem('RB-000401');
    expect((await publish([itemId], ['woocommerce']))[0]).toMatchObject({ outcome: 'queued' });
    const outcomes = await runner.runDue();
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    const listing = await ws.kysely
      .selectFrom('listings')
      .selectAll()
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(listing).toMatchObject({ channel: 'woocommerce', status: 'live', last_error: null });
    const products = [...server.state.products.values()];
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ sku: 'RB-000401', regular_price: '59.99', sale_price: '24.50' });
    expect(products[0]!.images).toHaveLength(2);
    expect(server.state.media.size).toBe(2);
    expect(fs.existsSync(path.join(ws.dataDir, 'cache', 'watermarked'))).toBe(false);
    expectNoViolations(server);
  });

  test('a crash in the middle of a shop batch: started again, it finishes with no duplicate product', async () => {
    await configureWoo();
    const items = [];
    for (const reference of ['RB-000411', 'RB-000412', 'RB-000413'])
      items.push(await approvedItem(reference, 1));
    await publish(
      items.map((i) => i.itemId),
      ['woocommerce'],
    );
    // The first item goes live; then the process dies in the middle of the second: WooCommerce
    // made its product (the answer never came back) and the job was left running.
    expect(await runner.runOnce()).toMatchObject({ status: 'done' });
    const account = await ws.kysely
      .selectFrom('channel_accounts')
      .selectAll()
      .where('channel', '=', 'woocommerce')
      .executeTakeFirstOrThrow();
    const adapter = shopAdapterFor(ws, clock, {
      id: account.id,
      merchantId,
      channel: 'woocommerce',
      settings: account.settings,
      salesCursor: null,
    });
    await adapter.upsert({ ...listing(items[1]!.files), sku: 'RB-000412' });
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await ws.kysely
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: `worker-${dead}-0badc0de`,
        locked_at: new Date(T0).toISOString(),
        attempts: 1,
      })
      .where('item_id', '=', items[1]!.itemId)
      .execute();

    // Started again: the dead worker's job is resumed at once, the rest run, nothing twice.
    clock.advance(1_000);
    const again = new JobRunner(ws, {
      env: { clock, channels: builtInRegistry(ws, clock) },
      scheduler: new ManualScheduler(clock),
      random: () => 0.5,
      salesPollMs: 0,
    });
    const outcomes = await again.runUntilSettled();
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    const skus = [...server.state.products.values()].map((p) => p.sku).sort();
    expect(skus).toEqual(['RB-000411', 'RB-000412', 'RB-000413']);
    const live = await ws.kysely
      .selectFrom('listings')
      .select('status')
      .where('channel', '=', 'woocommerce')
      .execute();
    expect(live.map((l) => l.status)).toEqual(['live', 'live', 'live']);
    expectNoViolations(server);
  });

  test('with the merchant’s watermark the uploaded photos are marked copies; eBay’s input is untouched', async () => {
    await configureWoo();
    const status = await invoke(ws, 'shops.setWatermark', {
      merchantId,
      text: 'Larkfield Outlet',
      opacity: 0.6,
      position: 'bottom-right',
    });
    expect(status.watermark).toEqual({
      text: 'Larkfield Outlet',
      logo: null,
      position: 'bottom-right',
      opacity: 0.6,
    });

    const { itemId, files } = await approvedItem('RB-000402');
    await publish([itemId], ['woocommerce']);
    expect((await runner.runDue()).map((o) => o.status)).toEqual(['done']);

    const cache = path.join(ws.dataDir, 'cache', 'watermarked');
    const marked = fs.readdirSync(cache).map((f) => path.join(cache, f));
    expect(marked).toHaveLength(2);
    // What the shop received is the marked copies, byte for byte the size of them.
    const uploaded = [...server.state.media.values()].map((m) => m.bytes).sort();
    expect(uploaded).toEqual(marked.map((f) => fs.statSync(f).size).sort());
    expect(uploaded).not.toEqual(files.map((f) => fs.statSync(f).size).sort());

    // The text sits in the bottom-right corner; the top-left is the photo as it was.
    const original = files[0]!;
    const copy = (await listingForChannel(ws, 'woocommerce', merchantId, listing(files))).photos![0]!.file;
    const corner = { left: 520, top: 548, width: 250, height: 26 };
    const away = { left: 20, top: 20, width: 200, height: 100 };
    expect(await regionDifference(original, copy, corner)).toBeGreaterThan(8);
    expect(await regionDifference(original, copy, away)).toBeLessThan(3);
    expect(await sharp(copy).metadata()).toMatchObject({ format: 'jpeg', width: 800, height: 600 });

    // Made once: publishing the same photos again reuses the copies.
    const input = listing(files);
    const again = await listingForChannel(ws, 'woocommerce', merchantId, input);
    expect(again.photos!.map((p) => p.file).sort()).toEqual(marked.sort());
    expect(fs.readdirSync(cache)).toHaveLength(2);
    // eBay forbids watermarks: an eBay-bound (or practice) listing keeps the listing photos.
    expect(await listingForChannel(ws, 'ebay', merchantId, input)).toBe(input);
    expect(await listingForChannel(ws, 'practice', merchantId, input)).toBe(input);

    // A new watermark makes new copies; switching it off sends the photos as they are.
    await dispatch(ws, 'shops.setWatermark', { merchantId, text: 'Larkfield', position: 'top-left' });
    const moved = await listingForChannel(ws, 'woocommerce', merchantId, input);
    expect(moved.photos!.every((p) => !marked.includes(p.file))).toBe(true);
    await dispatch(ws, 'shops.setWatermark', { merchantId, text: null });
    expect(await listingForChannel(ws, 'woocommerce', merchantId, input)).toBe(input);
    expectNoViolations(server);
  });

  test('a PNG logo is copied into the data folder and drawn on the photo', async () => {
    const dir = tempDir('rebound-logo-');
    const logo = path.join(dir, 'logo.png');
    await sharp({
      create: { width: 120, height: 120, channels: 4, background: { r: 220, g: 30, b: 30, alpha: 1 } },
    })
      .png()
      .toFile(logo);
    const status = await invoke(ws, 'shops.setWatermark', {
      merchantId,
      logoPath: logo,
      opacity: 1,
      position: 'top-left',
    });
    expect(status.watermark?.logo).toMatch(/^watermarks[\\/]merchant-\d+-[0-9a-f]{16}\.png$/);
    fs.rmSync(logo); // the stored copy is what counts
    const file = await listingPhoto('f'.repeat(64));
    const input: ListingInput = {
      sku: 'RB-1',
      title: 'x',
      descriptionHtml: '',
      priceCents: 100,
      originalCents: 200,
      currency: 'EUR',
      quantity: 1,
      photos: [{ file, alt: 'x' }],
    };
    const out = await listingForChannel(ws, 'shopify', merchantId, input);
    const copy = out.photos![0]!.file;
    expect(copy).not.toBe(file);
    const corner = { left: 40, top: 40, width: 60, height: 60 };
    expect(await regionDifference(file, copy, corner)).toBeGreaterThan(40);
    await expect(
      dispatch(ws, 'shops.setWatermark', { merchantId, logoPath: path.join(dir, 'missing.png') }),
    ).rejects.toMatchObject({ code: 'bad_input' });
  });
});
