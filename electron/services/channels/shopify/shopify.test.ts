/**
 * The Shopify channel end to end against the local Shopify test server (tests/shopify), which
 * validates every operation against Shopify's published Admin schema for the pinned version.
 * Skips, with the reason in its title, without that schema (scripts/fetch-shopify-schema.mjs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { locateSchema } from '../../../../tests/shopify/schema';
import {
  expectNoViolations,
  startShopifyTestServer,
  type ShopifyTestServer,
  type ShopifyTestServerOptions,
} from '../../../../tests/shopify/server';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { ChannelError, type ListingInput, type RemoteListing } from '../channel';
import type { ShopAdapterOptions } from '../shop';
import { shopifyPlatform, type ShopifyChannel } from './adapter';
import { SHOPIFY_ADMIN_API_VERSION, type ShopifySecrets, type ShopifySettings } from './config';

const schema = locateSchema();
if (!schema.available) console.warn(schema.reason);
const title = (name: string): string => (schema.available ? name : `${name} — SKIPPED: ${schema.reason}`);
const run = test.skipIf(!schema.available);

let server: ShopifyTestServer;
let photoDir: string;
let photos: { file: string; alt: string }[];

/** The adapter reads the time from here; the server has its own clock, moved together in tests. */
const clock: Clock & { offset: number } = {
  offset: 0,
  now() {
    return Date.now() + this.offset;
  },
};

beforeAll(async () => {
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-shopify-'));
  photos = [];
  for (const [i, colour] of [
    { r: 200, g: 40, b: 40 },
    { r: 40, g: 40, b: 200 },
  ].entries()) {
    const file = path.join(photoDir, `photo-${i + 1}.jpg`);
    await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } })
      .jpeg()
      .toFile(file);
    photos.push({ file, alt: `Road bike helmet — photo ${i + 1}` });
  }
});
afterAll(() => fs.rmSync(photoDir, { recursive: true, force: true }));

async function start(options: ShopifyTestServerOptions = {}): Promise<void> {
  server = await startShopifyTestServer(options);
}
beforeEach(async () => {
  clock.offset = 0;
  if (schema.available) await start();
});
afterEach(async () => {
  if (schema.available) await server.close();
});

function options(
  settings: Partial<ShopifySettings> = {},
  secrets: ShopifySecrets = { accessToken: server.accessToken },
  timeoutMs = 5_000,
): ShopAdapterOptions<ShopifySettings, ShopifySecrets> {
  return {
    // The Shopify adapter keeps nothing in the workspace: the caller stores the remote ids.
    ws: {} as Workspace,
    merchantId: 1,
    accountId: 1,
    settings: shopifyPlatform.parseSettings({
      shopDomain: server.shopDomain,
      baseUrl: server.baseUrl,
      ...settings,
    }),
    secrets: shopifyPlatform.parseSecrets(secrets),
    clock,
    timeoutMs,
  };
}

function adapter(...args: Parameters<typeof options>): ShopifyChannel {
  return shopifyPlatform.create(options(...args)) as ShopifyChannel;
}

function listing(over: Partial<ListingInput> = {}): ListingInput {
  return {
    sku: 'RB-000042',
    title: 'Road bike helmet, size M — returned, as new',
    descriptionHtml:
      '<p>Worn once.</p><h3>Why it is discounted</h3><p>Returned by a customer; box opened.</p>',
    priceCents: 8_900,
    originalCents: 12_900,
    currency: 'USD',
    quantity: 1,
    photos,
    ...over,
  };
}

async function caught(promise: Promise<unknown>): Promise<ChannelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChannelError) return error;
    throw error;
  }
  throw new Error('expected a ChannelError');
}

const calls = (field: string) => server.requests.filter((r) => r.rootFields.includes(field)).length;

describe('publishing to Shopify', () => {
  run(
    title(
      `publishes with two photos: ACTIVE, media READY, price and compare-at, stock 1 (${SHOPIFY_ADMIN_API_VERSION})`,
    ),
    async () => {
      const shop = adapter();
      const listed = await shop.upsert(listing());
      expect(listed).toMatchObject({
        sku: 'RB-000042',
        status: 'live',
        priceCents: 8_900,
        currency: 'USD',
        url: `https://${server.shopDomain}/products/rb-000042`,
      });
      expect(listed.listingId).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
      expect(listed.offerId).toMatch(/^gid:\/\/shopify\/ProductVariant\/\d+$/);

      const [product] = server.state.products;
      expect(server.state.products).toHaveLength(1);
      expect(product).toMatchObject({
        handle: 'rb-000042',
        title: 'Road bike helmet, size M — returned, as new',
        status: 'ACTIVE',
      });
      expect(product!.descriptionHtml).toContain('Why it is discounted');
      const [variant] = product!.variants;
      expect(variant).toMatchObject({
        sku: 'RB-000042',
        price: '89.00',
        compareAtPrice: '129.00',
        tracked: true,
      });
      expect(server.state.quantity(variant!, server.state.primaryLocation.id)).toBe(1);

      // Both JPEGs went through staged uploads (the multipart POST), then became product media.
      const staged = [...server.state.staged.values()];
      expect(staged).toHaveLength(2);
      expect(staged.every((s) => s.received !== null && s.received.bytes > 1000)).toBe(true);
      expect(product!.media.map((m) => m.alt)).toEqual(photos.map((p) => p.alt));
      // Media are processed asynchronously; the next read sees them READY.
      const again = await shop.state(listed);
      expect(again?.status).toBe('live');
      expect(product!.media.map((m) => m.status)).toEqual(['READY', 'READY']);
      expectNoViolations(server);
    },
  );

  run(
    title('a re-run after a timeout (product made, answer lost) leaves one product and re-uploads nothing'),
    async () => {
      const shop = adapter({}, undefined, 1_500);
      server.faults.inject('timeout', { operation: 'productSet' });
      const error = await caught(shop.upsert(listing()));
      expect(error).toMatchObject({ kind: 'retryable', code: 'timeout' });
      expect(server.state.products).toHaveLength(1);

      const listed = await shop.upsert(listing());
      expect(server.state.products).toHaveLength(1);
      expect(listed.listingId).toBe(server.state.products[0]!.id);
      expect(server.state.staged.size).toBe(2);
      expect(server.state.products[0]!.variants).toHaveLength(1);

      // A photo that changed (a watermark added, say) sends the photos again, still to the one product.
      const changed = path.join(photoDir, 'photo-2-watermarked.jpg');
      await sharp(photos[1]!.file).resize(320, 240).jpeg({ quality: 50 }).toFile(changed);
      await shop.upsert(listing({ photos: [photos[0]!, { file: changed, alt: photos[1]!.alt }] }));
      expect(server.state.products).toHaveLength(1);
      expect(server.state.staged.size).toBe(4);
      expect(server.state.products[0]!.media).toHaveLength(2);
      expectNoViolations(server);
    },
  );

  run(title('changes the price of the live product'), async () => {
    const shop = adapter();
    const listed = await shop.upsert(listing());
    const repriced = await shop.updatePrice(listed, 7_450);
    expect(repriced).toMatchObject({ priceCents: 7_450, status: 'live', listingId: listed.listingId });
    const variant = server.state.products[0]!.variants[0]!;
    expect(variant).toMatchObject({ price: '74.50', compareAtPrice: '129.00' });
    expectNoViolations(server);
  });

  run(
    title('ends twice: stock 0 by compare-and-swap, DRAFT, and the second end changes nothing'),
    async () => {
      const shop = adapter();
      const listed = await shop.upsert(listing());
      await shop.end(listed, 'sold_elsewhere');
      const product = server.state.products[0]!;
      expect(product.status).toBe('DRAFT');
      expect(server.state.quantity(product.variants[0]!, server.state.primaryLocation.id)).toBe(0);
      expect(await shop.state(listed)).toMatchObject({ status: 'ended' });

      await shop.end(listed, 'sold_elsewhere');
      expect(calls('inventorySetQuantities')).toBe(1);
      expect(calls('productUpdate')).toBe(1);
      // Ending what was never published succeeds too.
      await shop.end({ sku: 'RB-NOPE', offerId: null, listingId: null }, 'withdrawn');
      expectNoViolations(server);
    },
  );

  run(title('ending re-reads the stock when it changed between the read and the write'), async () => {
    const shop = adapter();
    const listed = await shop.upsert(listing({ photos: [] }));
    const variant = server.state.products[0]!.variants[0]!;
    // The merchant counts two in the back room while Rebound is ending the listing.
    server.faults.before('inventorySetQuantities', () =>
      server.state.setQuantity(variant, server.state.primaryLocation.id, 'available', 2),
    );
    await shop.end(listed, 'withdrawn');
    const sets = server.requests.filter((r) => r.rootFields.includes('inventorySetQuantities'));
    expect(sets).toHaveLength(2);
    expect(server.state.quantity(variant, server.state.primaryLocation.id)).toBe(0);
    expect(server.state.products[0]!.status).toBe('DRAFT');
    expectNoViolations(server);
  });

  run(title('finds a listing by SKU, and nothing for an unknown SKU'), async () => {
    const shop = adapter();
    expect(await shop.findBySku('RB-000042')).toBeNull();
    const listed = await shop.upsert(listing({ photos: [] }));
    expect(await shop.findBySku('RB-000042')).toMatchObject<Partial<RemoteListing>>({
      listingId: listed.listingId,
      status: 'live',
    });
    expectNoViolations(server);
  });

  run(title('Shopify’s userErrors become user errors with Shopify’s words'), async () => {
    const shop = adapter({ locationId: 'gid://shopify/Location/999999' });
    const error = await caught(shop.upsert(listing({ photos: [] })));
    expect(error).toMatchObject({ kind: 'user', code: 'NOT_FOUND' });
    expect(error.message).toMatch(/Shopify refused saving the product: Location does not exist/);
    expect(server.state.products).toHaveLength(0);
    expectNoViolations(server);
  });
});

describe('sales from Shopify orders', () => {
  run(
    title('reads orders over two pages from a cursor, then a cancellation and a refund as reversals'),
    async () => {
      const shop = adapter();
      const listed = await shop.upsert(listing({ photos: [] }));
      const t0 = Date.now() - 3_600_000;
      const orders = Array.from({ length: 12 }, (_, i) =>
        server.state.addOrder({
          lines: [{ sku: i === 0 ? 'RB-000042' : `OTHER-${i}`, price: '89.00' }],
          shipping: '4.90',
          countryCode: 'FR',
          at: new Date(t0 + i * 60_000).toISOString(),
        }),
      );
      const first = await shop.salesSince(null);
      expect(calls('orders')).toBe(2);
      expect(first.sales).toHaveLength(12);
      expect(new Set(first.sales.map((s) => s.orderId)).size).toBe(12);
      expect(first.sales.find((s) => s.sku === 'RB-000042')).toMatchObject({
        orderId: orders[0]!.id,
        lineId: orders[0]!.lines[0]!.id,
        remoteListingId: listed.listingId,
        priceCents: 8_900,
        shippingCents: 490,
        currency: 'USD',
        buyerCountry: 'FR',
        kind: 'sale',
      });
      expect(first.cursor).toBe(orders[11]!.updatedAt);

      // One page stays well inside Shopify's 1000-point single-query limit and its 2000-point bucket.
      expect(server.requests.find((r) => r.rootFields.includes('orders'))!.cost).toBeLessThan(600);
      // The next poll comes minutes later: the cost bucket has refilled meanwhile.
      server.clock.advance(60_000);
      server.state.cancelOrder(orders[0]!.id);
      server.state.refundOrder(orders[1]!.id);
      const next = await shop.salesSince(first.cursor);
      // Within the overlap the last orders come again; the caller de-duplicates by order, line and kind.
      const reversals = next.sales.filter((s) => s.kind !== 'sale');
      expect(reversals).toEqual([
        expect.objectContaining({ orderId: orders[0]!.id, sku: 'RB-000042', kind: 'cancellation' }),
        expect.objectContaining({ orderId: orders[1]!.id, kind: 'refund', priceCents: 8_900 }),
      ]);
      expect(Date.parse(next.cursor)).toBeGreaterThan(Date.parse(first.cursor));
      expectNoViolations(server);
    },
  );
});

describe('throttling and faults', () => {
  run(
    title('a sales poll throttled after its first page hands back that page, and the next poll continues'),
    async () => {
      const shop = adapter();
      const t0 = Date.now() - 3_600_000;
      const orders = Array.from({ length: 15 }, (_, i) =>
        server.state.addOrder({
          lines: [{ sku: `SKU-${i}`, price: '10.00' }],
          at: new Date(t0 + i * 20 * 60_000).toISOString(),
        }),
      );
      server.faults.inject('throttled', { operation: 'orders', skip: 1 });
      const first = await shop.salesSince(new Date(t0 - 3_600_000).toISOString());
      expect(first.sales.map((s) => s.orderId)).toEqual(orders.slice(0, 10).map((o) => o.id));
      expect(first.cursor).toBe(orders[9]!.updatedAt);
      expect(await caught(shop.salesSince(first.cursor))).toMatchObject({ code: 'THROTTLED' });
      server.clock.advance(30_000);
      const next = await shop.salesSince(first.cursor);
      // From the cursor less the overlap: the last order of the first page again, then the rest.
      expect(next.sales.map((s) => s.orderId)).toEqual(orders.slice(9).map((o) => o.id));
      expectNoViolations(server);
    },
  );

  run(
    title('THROTTLED inside an HTTP 200 is retryable, with the wait computed from the bucket'),
    async () => {
      const shop = adapter();
      server.faults.inject('throttled', { operation: 'productByIdentifier', available: 0 });
      const error = await caught(shop.findBySku('RB-000042'));
      expect(error).toMatchObject({ kind: 'retryable', code: 'THROTTLED' });
      const cost = server.requests.find((r) => r.fault === 'throttled')!.cost!;
      // Nothing left, restoring 100 points per second: the query's cost / 100 seconds.
      expect(error.retryAfterMs).toBe(Math.max(1_000, Math.ceil((cost / 100) * 1000)));
      expect(error.retryAfterMs).toBeLessThan(60_000);
      expectNoViolations(server);
    },
  );

  run(title('a bucket too small for the next query throttles by itself'), async () => {
    await server.close();
    await start({ bucket: { maximumAvailable: 300, restoreRate: 1 } });
    const shop = adapter();
    const error = await caught(shop.upsert(listing()));
    expect(error).toMatchObject({ kind: 'retryable', code: 'THROTTLED' });
    // Whatever is missing, restored at 1 point per second: never less than a second, never absurd.
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(300_000);
    expect(server.requests.some((r) => r.errorCodes?.includes('THROTTLED') && r.fault === undefined)).toBe(
      true,
    );
    expectNoViolations(server);
  });

  run(title('429, 500 and a dropped connection are retryable; 429 honours Retry-After'), async () => {
    const shop = adapter();
    server.faults.inject('http-429', { retryAfterSeconds: 3 });
    expect(await caught(shop.findBySku('X'))).toMatchObject({
      kind: 'retryable',
      code: 'http_429',
      retryAfterMs: 3_000,
    });
    server.faults.inject('http-500');
    expect(await caught(shop.findBySku('X'))).toMatchObject({ kind: 'retryable', code: 'http_500' });
    server.faults.inject('drop');
    expect(await caught(shop.findBySku('X'))).toMatchObject({ kind: 'retryable' });
    expect(await shop.findBySku('X')).toBeNull();
    expectNoViolations(server);
  });

  run(title('a refused token is an auth error'), async () => {
    const shop = adapter({}, { accessToken: 'shpat_revoked' });
    expect(await caught(shop.findBySku('X'))).toMatchObject({ kind: 'auth', code: 'http_401' });
  });
});

describe('test connection', () => {
  run(title('names the shop when all is well'), async () => {
    expect(await shopifyPlatform.testConnection(options())).toEqual({
      ok: true,
      shopName: 'Rebound Test Shop',
      problems: [],
    });
    expectNoViolations(server);
  });

  run(title('says in plain words: bad token, wrong address, http, not myshopify.com'), async () => {
    const bad = await shopifyPlatform.testConnection(options({}, { accessToken: 'shpat_wrong' }));
    expect(bad).toMatchObject({ ok: false, problems: [{ code: 'bad_token' }] });
    expect(bad.problems[0]!.message).toMatch(/access token/);

    const wrong = await shopifyPlatform.testConnection(options({ shopDomain: 'no-such-shop.myshopify.com' }));
    expect(wrong).toMatchObject({ ok: false, problems: [{ code: 'wrong_url' }] });
    expect(wrong.problems[0]!.message).toMatch(/No Shopify shop answers at no-such-shop\.myshopify\.com/);

    const http = await shopifyPlatform.testConnection(options({ shopDomain: `http://${server.shopDomain}` }));
    expect(http).toMatchObject({ ok: false, problems: [{ code: 'insecure_url' }] });
    expect(http.problems[0]!.message).toMatch(/only answers over HTTPS/);

    const own = await shopifyPlatform.testConnection(options({ shopDomain: 'www.velo-shop.com' }));
    expect(own).toMatchObject({ ok: false, problems: [{ code: 'wrong_url' }] });

    const typed = await shopifyPlatform.testConnection(
      options({ shopDomain: `https://${server.shopDomain}/admin` }),
    );
    expect(typed.ok).toBe(true);
  });

  run(title('names the missing permission'), async () => {
    await server.close();
    await start({ scopes: ['read_products', 'write_products', 'read_inventory', 'write_inventory'] });
    const check = await shopifyPlatform.testConnection(options());
    expect(check).toMatchObject({
      ok: false,
      shopName: 'Rebound Test Shop',
      problems: [{ code: 'missing_permission' }],
    });
    expect(check.problems[0]!.message).toMatch(/read_orders/);
    // And the sales poll itself: ACCESS_DENIED means the merchant must grant it.
    expect(await caught(adapter().salesSince(null))).toMatchObject({ kind: 'auth', code: 'ACCESS_DENIED' });
  });
});

describe('client credentials', () => {
  run(
    title('gets a token with the app’s id and secret, reuses it, and renews it before it lapses'),
    async () => {
      await server.close();
      await start({ app: { clientId: 'app-id', clientSecret: 'app-secret' }, clientTokenSeconds: 86_399 });
      const secrets = { clientId: 'app-id', clientSecret: 'app-secret' };
      const tokenCalls = () => server.requests.filter((r) => r.path === '/admin/oauth/access_token').length;
      const shop = adapter({}, secrets);
      expect(await shop.findBySku('X')).toBeNull();
      expect(await adapter({}, secrets).findBySku('X')).toBeNull();
      expect(tokenCalls()).toBe(1);

      // 23 h 55 min later: inside the renewal margin, a new token is fetched before the old lapses.
      clock.offset = 86_100_000;
      server.clock.advance(86_100_000);
      expect(await shop.findBySku('X')).toBeNull();
      expect(tokenCalls()).toBe(2);

      const refused = await caught(adapter({}, { clientId: 'app-id', clientSecret: 'wrong' }).findBySku('X'));
      expect(refused).toMatchObject({ kind: 'auth', code: 'invalid_client' });
      expectNoViolations(server);
    },
  );
});
