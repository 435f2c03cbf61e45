/**
 * The WooCommerce channel against the local WooCommerce test server (tests/woocommerce), which
 * checks every request against WooCommerce's REST v3 field tables and records what a real shop
 * would refuse: each test ends with `expectNoViolations`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { addMerchant } from '../../../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../../../tests/integration/temp';
import {
  expectNoViolations,
  startWooTestServer,
  type WooTestServer,
} from '../../../../tests/woocommerce/server';
import { ShopClock } from '../../../../tests/woocommerce/state';
import { ManualClock } from '../../../../tests/support/jobs';
import type { Workspace } from '../../workspace';
import { ChannelError, type ListingInput, type RemoteSale } from '../channel';
import { centsOf, woocommercePlatform, wooAmount, wooPrices, type WooChannelOptions } from './adapter';
import type { WooSecrets, WooSettings } from './config';

const T0 = Date.parse('2026-04-01T09:00:00.000Z');

let server: WooTestServer;
let ws: Workspace;
let clock: ManualClock;
let merchantId: number;
let photos: string[];

beforeEach(async () => {
  server = await startWooTestServer({ clock: new ShopClock(T0) });
  ws = await tempWorkspace();
  clock = new ManualClock(T0);
  merchantId = await addMerchant(ws, { name: 'Velo Outlet', currency: 'EUR', language: 'en' });
  const dir = tempDir('rebound-woo-');
  photos = [];
  for (const [i, colour] of [
    { r: 200, g: 40, b: 40 },
    { r: 40, g: 40, b: 200 },
  ].entries()) {
    const file = path.join(dir, `photo-${i}.jpg`);
    await sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
      .jpeg()
      .toFile(file);
    photos.push(file);
  }
});
afterEach(async () => {
  await server.close();
});

function options(
  overrides: { settings?: Partial<WooSettings>; secrets?: Partial<WooSecrets>; timeoutMs?: number } = {},
): WooChannelOptions {
  return {
    ws,
    merchantId,
    accountId: 1,
    clock,
    timeoutMs: overrides.timeoutMs ?? 5_000,
    settings: { url: server.baseUrl, wpUser: server.credentials.wpUser, ...overrides.settings },
    secrets: {
      consumerKey: server.credentials.consumerKey,
      consumerSecret: server.credentials.consumerSecret,
      wpAppPassword: server.credentials.wpAppPassword,
      ...overrides.secrets,
    },
  };
}

const adapter = (o: Parameters<typeof options>[0] = {}) => woocommercePlatform.create(options(o));

function listing(sku: string, over: Partial<ListingInput> = {}): ListingInput {
  return {
    sku,
    title: 'Carbon bike helmet, size M',
    descriptionHtml: '<p>Returned unworn.</p><h3>Why discounted</h3><p>Box opened.</p>',
    priceCents: 2450,
    originalCents: 5999,
    currency: 'EUR',
    quantity: 1,
    photos: photos.map((file, i) => ({ file, alt: `Carbon bike helmet, photo ${i + 1}` })),
    ...over,
  };
}

async function caught(promise: Promise<unknown>): Promise<ChannelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }
  throw new Error('expected a ChannelError');
}

const products = () => [...server.state.products.values()];
const requestsTo = (method: string, pattern: RegExp) =>
  server.requests.filter((r) => r.method === method && pattern.test(r.path));

describe('money at the edge', () => {
  test('integer cents become decimal strings and back, exactly', () => {
    expect(wooAmount(2450)).toBe('24.50');
    expect(wooAmount(5)).toBe('0.05');
    expect(wooAmount(100000)).toBe('1000.00');
    expect(centsOf('24.5')).toBe(2450);
    expect(centsOf('19.99')).toBe(1999);
    expect(centsOf(12)).toBe(1200);
    expect(centsOf('')).toBe(0);
    expect(wooPrices(2450, 5999)).toEqual({ regular_price: '59.99', sale_price: '24.50' });
    // Nothing to strike through when the resale is not below the original.
    expect(wooPrices(5999, 5999)).toEqual({ regular_price: '59.99', sale_price: '' });
  });
});

describe('publishing', () => {
  test('publishes a product with two photos, the prices and stock 1', async () => {
    const remote = await adapter().upsert(listing('RB-0001'));

    expect(products()).toHaveLength(1);
    const product = products()[0]!;
    expect(product).toMatchObject({
      sku: 'RB-0001',
      name: 'Carbon bike helmet, size M',
      type: 'simple',
      status: 'publish',
      regular_price: '59.99',
      sale_price: '24.50',
      price: '24.50',
      on_sale: true,
      manage_stock: true,
      stock_quantity: 1,
      stock_status: 'instock',
    });
    expect(String(product['description'])).toContain('Why discounted');
    expect(product.images.map((i) => i.id)).toEqual([...server.state.media.keys()]);
    expect(server.state.media.size).toBe(2);
    const media = [...server.state.media.values()];
    expect(media.map((m) => m.mimeType)).toEqual(['image/jpeg', 'image/jpeg']);
    expect(media[0]!.altText).toBe('Carbon bike helmet, photo 1');
    expect(remote).toMatchObject({
      sku: 'RB-0001',
      listingId: String(product.id),
      offerId: null,
      status: 'live',
      priceCents: 2450,
      currency: 'EUR',
    });
    expect(remote.url).toBe(`${server.baseUrl}/product/product-${product.id}/`);
    // Signed with OAuth 1.0a over http; photos with the Application Password.
    expect(requestsTo('POST', /\/wc\/v3\/products$/)[0]!.query['oauth_signature']).toBeTruthy();
    expect(await adapter().findBySku('RB-0001')).toEqual(remote);
    expect(await adapter().findBySku('RB-0404')).toBeNull();
    expectNoViolations(server);
  });

  test('publishing again updates the same product and uploads nothing twice', async () => {
    await adapter().upsert(listing('RB-0002'));
    const again = await adapter().upsert(listing('RB-0002', { title: 'Carbon helmet M', priceCents: 2200 }));
    expect(products()).toHaveLength(1);
    expect(products()[0]).toMatchObject({ name: 'Carbon helmet M', sale_price: '22.00' });
    expect(server.state.media.size).toBe(2);
    expect(again.priceCents).toBe(2200);
    expectNoViolations(server);
  });

  test('a timeout after the shop created the product: the retry finds it, never a second one', async () => {
    server.faults.inject('timeout-after', { method: 'POST', path: /\/wc\/v3\/products$/ });
    const first = await caught(adapter({ timeoutMs: 400 }).upsert(listing('RB-0003')));
    expect(first.kind).toBe('retryable');
    expect(products()).toHaveLength(1); // the shop did create it

    const remote = await adapter().upsert(listing('RB-0003'));
    expect(products()).toHaveLength(1);
    expect(remote.listingId).toBe(String(products()[0]!.id));
    expect(server.state.media.size).toBe(2); // the retry reused the images
    expect(requestsTo('POST', /\/wc\/v3\/products$/)).toHaveLength(1);
    expectNoViolations(server);
  });

  test('a duplicated SKU refused on create takes over the product WooCommerce names', async () => {
    await adapter().upsert(listing('RB-0004'));
    // A stale lookup (a cache in front of the shop) hides the product: create meets the SKU.
    server.faults.inject('stale-empty', { method: 'GET', path: /\/wc\/v3\/products$/ });
    const remote = await adapter().upsert(listing('RB-0004', { priceCents: 2000 }));
    expect(products()).toHaveLength(1);
    expect(remote.listingId).toBe(String(products()[0]!.id));
    expect(products()[0]!['sale_price']).toBe('20.00');
    expect(requestsTo('POST', /\/wc\/v3\/products$/).map((r) => r.status)).toEqual([201, 400]);
    expectNoViolations(server);
  });

  test('photos without a WordPress Application Password: says what is missing', async () => {
    const error = await caught(adapter({ secrets: { wpAppPassword: undefined } }).upsert(listing('RB-0005')));
    expect(error.kind).toBe('user');
    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/Application Password/);
    expect(products()).toHaveLength(0);
    expectNoViolations(server);
  });

  test('a currency the shop does not sell in is refused before any call', async () => {
    const error = await caught(adapter().upsert(listing('RB-0006', { currency: 'USD' })));
    expect(error).toMatchObject({ kind: 'user', code: 'currency' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('price, end, state', () => {
  test('changes the price, keeping the original as the regular price', async () => {
    const remote = await adapter().upsert(listing('RB-0010'));
    const updated = await adapter().updatePrice(remote, 1999);
    expect(updated.priceCents).toBe(1999);
    expect(products()[0]).toMatchObject({ regular_price: '59.99', sale_price: '19.99', price: '19.99' });
    // By SKU alone too (no stored id).
    await adapter().updatePrice({ sku: 'RB-0010', offerId: null, listingId: null }, 1899);
    expect(products()[0]!['sale_price']).toBe('18.99');
    expectNoViolations(server);
  });

  test('ends twice: stock 0 and draft, the second time without writing', async () => {
    const remote = await adapter().upsert(listing('RB-0011'));
    await adapter().end(remote, 'sold_elsewhere');
    expect(products()[0]).toMatchObject({ status: 'draft', stock_quantity: 0, stock_status: 'outofstock' });
    const puts = requestsTo('PUT', /\/products\/\d+$/).length;
    await adapter().end(remote, 'sold_elsewhere');
    expect(requestsTo('PUT', /\/products\/\d+$/)).toHaveLength(puts);
    expect((await adapter().state(remote))?.status).toBe('ended');
    // Ending what does not exist is done already.
    await adapter().end({ sku: 'RB-NONE', offerId: null, listingId: '999999' }, 'withdrawn');
    // Publishing again brings it back.
    expect((await adapter().upsert(listing('RB-0011'))).status).toBe('live');
    expect(products()).toHaveLength(1);
    expectNoViolations(server);
  });
});

describe('sales', () => {
  test('pages through more than 100 orders with X-WP-TotalPages', async () => {
    await adapter().upsert(listing('RB-0020'));
    for (let i = 0; i < 150; i += 1) {
      server.clock.advance(1_000);
      server.state.addOrder({ lines: [{ sku: `RB-X${i}`, totalCents: 1000 + i }], shippingCents: 490 });
    }
    clock.set(server.clock.now());
    const page = await adapter().salesSince(null);
    expect(page.sales).toHaveLength(150);
    expect(new Set(page.sales.map((s) => s.orderId)).size).toBe(150);
    expect(
      page.sales.every((s) => s.kind === 'sale' && s.currency === 'EUR' && s.buyerCountry === 'FR'),
    ).toBe(true);
    expect(page.sales[0]).toMatchObject({ priceCents: 1000, shippingCents: 490, sku: 'RB-X0' });
    const reads = requestsTo('GET', /\/wc\/v3\/orders$/);
    expect(reads.map((r) => r.query['page'])).toEqual(['1', '2']);
    expect(reads[0]!.query).toMatchObject({ per_page: '100', dates_are_gmt: 'true' });
    expect(page.cursor).toBe(new Date(server.clock.now()).toISOString());
    expectNoViolations(server);
  });

  test('a paid order that is cancelled or refunded reports the reversal; an unpaid one nothing', async () => {
    const remote = await adapter().upsert(listing('RB-0021'));
    await adapter().upsert(listing('RB-0022'));
    server.clock.advance(60_000);
    const sold = server.state.addOrder({ lines: [{ sku: 'RB-0021', totalCents: 2450 }], country: 'de' });
    const refunded = server.state.addOrder({ lines: [{ sku: 'RB-0022', totalCents: 2450 }] });
    const abandoned = server.state.addOrder({
      lines: [{ sku: 'RB-0021', totalCents: 2450 }],
      status: 'pending',
    });
    clock.set(server.clock.now());
    const first = await adapter().salesSince(null);
    expect(first.sales.map((s) => [s.orderId, s.kind])).toEqual([
      [String(sold.id), 'sale'],
      [String(refunded.id), 'sale'],
    ]);
    expect(first.sales[0]).toMatchObject({
      sku: 'RB-0021',
      remoteListingId: remote.listingId,
      priceCents: 2450,
      buyerCountry: 'DE',
      soldAt: new Date(server.clock.now()).toISOString(),
    });

    server.clock.advance(3_600_000);
    server.state.cancelOrder(sold.id);
    server.state.refundOrder(refunded.id);
    server.state.cancelOrder(abandoned.id);
    clock.set(server.clock.now());
    const second = await adapter().salesSince(first.cursor);
    const kinds = (s: readonly RemoteSale[]) => s.map((x) => `${x.orderId}:${x.lineId}:${x.kind}`);
    const soldLine = `${sold.id}:${String(sold.line_items[0]!['id'])}`;
    const refundedLine = `${refunded.id}:${String(refunded.line_items[0]!['id'])}`;
    expect(kinds(second.sales)).toEqual([
      `${soldLine}:sale`,
      `${soldLine}:cancellation`,
      `${refundedLine}:sale`,
      `${refundedLine}:refund`,
    ]);
    expect(second.sales[1]!.soldAt).toBe(new Date(server.clock.now()).toISOString());
    expect(second.cursor > first.cursor).toBe(true);
    // The query starts a little before the cursor (the overlap window).
    const last = requestsTo('GET', /\/wc\/v3\/orders$/).at(-1)!;
    expect(Date.parse(`${last.query['modified_after']}Z`)).toBeLessThan(Date.parse(first.cursor));
    expectNoViolations(server);
  });
});

describe('failures', () => {
  test('429 is retryable and carries Retry-After', async () => {
    server.faults.inject('rate-limit', { retryAfterSeconds: 7 });
    const error = await caught(adapter().findBySku('RB-0030'));
    expect(error.kind).toBe('retryable');
    expect(error.retryAfterMs).toBe(7_000);
    expect(error.code).toBe('rest_too_many_requests');
    expectNoViolations(server);
  });

  test('500, maintenance and timeouts are retryable', async () => {
    server.faults.inject('internal-error');
    expect((await caught(adapter().findBySku('RB-0031'))).kind).toBe('retryable');
    server.faults.inject('unavailable', { retryAfterSeconds: 60 });
    const maintenance = await caught(adapter().findBySku('RB-0031'));
    expect(maintenance).toMatchObject({ kind: 'retryable', retryAfterMs: 60_000 });
    server.faults.inject('timeout');
    expect((await caught(adapter({ timeoutMs: 300 }).findBySku('RB-0031'))).kind).toBe('retryable');
    server.faults.inject('drop');
    expect((await caught(adapter().findBySku('RB-0031'))).kind).toBe('retryable');
    expectNoViolations(server);
  });

  test('a wrong secret or an unknown key needs a reconnect, in WooCommerce’s words', async () => {
    const badSecret = await caught(adapter({ secrets: { consumerSecret: 'cs_wrong' } }).findBySku('RB-0032'));
    expect(badSecret.kind).toBe('auth');
    expect(badSecret.code).toBe('woocommerce_rest_authentication_error');
    expect(badSecret.message).toContain('Invalid signature - provided signature does not match.');
    const badKey = await caught(
      adapter({ secrets: { consumerKey: 'ck_unknown' } }).upsert(listing('RB-0032')),
    );
    expect(badKey.kind).toBe('auth');
    expect(badKey.message).toContain('Consumer key is invalid.');
    expectNoViolations(server, { ignore: ['auth'] });
  });

  test('a refusal of the data is a user error with WooCommerce’s message', async () => {
    const remote = await adapter().upsert(listing('RB-0033'));
    server.state.media.clear(); // the images the product points at are gone from WordPress
    const error = await caught(adapter().upsert(listing('RB-0033')));
    expect(error.kind).toBe('user');
    expect(error.code).toBe('woocommerce_product_invalid_image_id');
    expect(error.message).toMatch(/is an invalid image ID/);
    expect(remote.status).toBe('live');
    expectNoViolations(server);
  });

  test('http to another machine is refused before anything is sent', async () => {
    const error = await caught(
      adapter({ settings: { url: 'http://shop.example.com' } }).findBySku('RB-0034'),
    );
    expect(error).toMatchObject({ kind: 'user', code: 'insecure_url' });
  });
});

describe('test connection', () => {
  test('a good shop: ok, with its name', async () => {
    const check = await woocommercePlatform.testConnection(options());
    expect(check).toEqual({ ok: true, shopName: 'Velo Outlet', problems: [] });
    expectNoViolations(server);
  });

  test('a site that is not WordPress: wrong URL', async () => {
    const plain = http.createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      const check = await woocommercePlatform.testConnection(options({ settings: { url } }));
      expect(check.ok).toBe(false);
      expect(check.problems.map((p) => p.code)).toEqual(['wrong_url']);
      expect(check.problems[0]!.message).toMatch(/does not look like a WordPress shop/);
    } finally {
      await new Promise((resolve) => plain.close(resolve));
    }
  });

  test('WordPress without WooCommerce: says so', async () => {
    const bare = await startWooTestServer({ woocommerceActive: false });
    try {
      const check = await woocommercePlatform.testConnection(options({ settings: { url: bare.baseUrl } }));
      expect(check.shopName).toBe('Velo Outlet');
      expect(check.problems.map((p) => p.code)).toEqual(['wrong_url']);
      expect(check.problems[0]!.message).toMatch(/Is WooCommerce installed and activated/);
      expectNoViolations(bare);
    } finally {
      await bare.close();
    }
  });

  test('nobody listening: unreachable', async () => {
    const plain = http.createServer();
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    await new Promise((resolve) => plain.close(resolve));
    const check = await woocommercePlatform.testConnection(options({ settings: { url } }));
    expect(check.problems.map((p) => p.code)).toEqual(['unreachable']);
  });

  test('a bad key: bad token', async () => {
    const check = await woocommercePlatform.testConnection(
      options({ secrets: { consumerSecret: 'cs_nope' } }),
    );
    expect(check.ok).toBe(false);
    expect(check.shopName).toBe('Velo Outlet');
    expect(check.problems.map((p) => p.code)).toEqual(['bad_token']);
    expect(check.problems[0]!.message).toMatch(/WooCommerce refused the consumer key and secret/);
    expectNoViolations(server, { ignore: ['auth'] });
  });

  test('a read-only key: missing permission', async () => {
    server.state.keys[0]!.permissions = 'read';
    const check = await woocommercePlatform.testConnection(options());
    expect(check.problems.map((p) => p.code)).toEqual(['missing_permission']);
    expect(check.problems[0]!.message).toMatch(/read-only/);
    expectNoViolations(server, { ignore: ['auth'] });
  });

  test('no Application Password: photos cannot be uploaded', async () => {
    const check = await woocommercePlatform.testConnection(
      options({ settings: { wpUser: undefined }, secrets: { wpAppPassword: undefined } }),
    );
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.code)).toEqual(['missing_permission']);
    expect(check.problems[0]!.message).toMatch(/cannot upload photos/);
    expectNoViolations(server);
  });

  test('a wrong Application Password, or a user who may not upload', async () => {
    const wrong = await woocommercePlatform.testConnection(
      options({ secrets: { wpAppPassword: 'nope nope nope' } }),
    );
    expect(wrong.problems.map((p) => p.code)).toEqual(['bad_token']);
    expect(wrong.problems[0]!.message).toMatch(/WordPress refused the user name/);
    server.state.users[0]!.canUpload = false;
    const weak = await woocommercePlatform.testConnection(options());
    expect(weak.problems.map((p) => p.code)).toEqual(['missing_permission']);
    expectNoViolations(server, { ignore: ['auth'] });
  });

  test('http:// to another machine: insecure, and nothing is sent', async () => {
    const check = await woocommercePlatform.testConnection(
      options({ settings: { url: 'http://shop.example.com' } }),
    );
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.code)).toEqual(['insecure_url']);
    expect(check.problems[0]!.message).toMatch(/https:\/\/shop\.example\.com/);
  });

  test('settings and secrets are parsed with plain-words errors', () => {
    expect(woocommercePlatform.parseSettings({ url: 'https://shop.example.com/' })).toEqual({
      url: 'https://shop.example.com',
    });
    expect(() => woocommercePlatform.parseSettings({ url: 'not a url' })).toThrow(/shop’s address/);
    expect(() => woocommercePlatform.parseSecrets({ consumerKey: 'ck_1' })).toThrow(
      /consumer key and secret/,
    );
  });
});
