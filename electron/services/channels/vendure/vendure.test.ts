import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPARE_AT_FIELD,
  gql,
  SHIPPING_CENTS,
  startVendureServer,
  SUPERADMIN,
  type VendureTestServer,
} from '../../../../tests/vendure/server';
import { placeOrder } from '../../../../tests/vendure/shop';
import { systemClock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { ChannelError, type ListingInput, type RemoteSale } from '../channel';
import type { ShopAdapterOptions } from '../shop';
import { reboundSlug, vendurePlatform, type VendureChannel } from './adapter';
import type { VendureSecrets, VendureSettings } from './config';

/**
 * The Vendure adapter against a real Vendure server from npm (tests/vendure/README.md): one
 * server for this file, on 127.0.0.1, in memory, with the catalogue, tax, shipping and payment a
 * checkout needs. The adapter reads nothing from a Rebound workspace (everything comes through
 * ListingInput), so no workspace is opened here.
 */

let server: VendureTestServer;
let dir: string;
let photos: { file: string; alt: string }[];

const NO_WORKSPACE = null as unknown as Workspace;

function options(
  settings: Partial<VendureSettings> = {},
  secrets: VendureSecrets = { ...SUPERADMIN },
  timeoutMs?: number,
): ShopAdapterOptions<VendureSettings, VendureSecrets> {
  return {
    ws: NO_WORKSPACE,
    merchantId: 1,
    accountId: 1,
    settings: vendurePlatform.parseSettings({
      adminApiUrl: server.adminApiUrl,
      compareAtCustomField: COMPARE_AT_FIELD,
      ...settings,
    }),
    secrets: vendurePlatform.parseSecrets(secrets),
    clock: systemClock,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

function adapter(settings: Partial<VendureSettings> = {}, secrets?: VendureSecrets): VendureChannel {
  return vendurePlatform.create(options(settings, secrets)) as VendureChannel;
}

function listing(sku: string, priceCents = 4_990, extra: Partial<ListingInput> = {}): ListingInput {
  return {
    sku,
    title: `Espresso machine ${sku}`,
    descriptionHtml: `<p>Returned unused.</p><h3>Why it is discounted</h3><p>The box was opened.</p>`,
    priceCents,
    originalCents: 7_990,
    currency: 'EUR',
    quantity: 1,
    photos,
    ...extra,
  };
}

/** The test's own look at Vendure through the Admin API, as the superadmin. */
function admin<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return gql<T>(server.adminApiUrl, server.adminToken, query, variables);
}

interface ProductView {
  id: string;
  slug: string;
  name: string;
  description: string;
  enabled: boolean;
  featuredAsset: { id: string; source: string } | null;
  assets: { id: string; source: string; mimeType: string; fileSize: number }[];
  variants: {
    id: string;
    sku: string;
    /** Net of tax when the channel's prices include tax: what the merchant entered is in `prices`. */
    price: number;
    priceWithTax: number;
    prices: { currencyCode: string; price: number }[];
    stockOnHand: number;
    stockAllocated: number;
    trackInventory: string;
    enabled: boolean;
    customFields: Record<string, unknown>;
  }[];
}

async function productBySlug(slug: string): Promise<ProductView | null> {
  const data = await admin<{ product: ProductView | null }>(
    `query TestProduct($slug: String!) {
      product(slug: $slug) {
        id slug name description enabled
        featuredAsset { id source }
        assets { id source mimeType fileSize }
        variants { id sku price priceWithTax prices { currencyCode price } stockOnHand stockAllocated trackInventory enabled customFields { ${COMPARE_AT_FIELD} } }
      }
    }`,
    { slug },
  );
  return data.product;
}

async function variantsWithSku(
  sku: string,
): Promise<{ id: string; product: { id: string; slug: string } }[]> {
  const data = await admin<{
    productVariants: { items: { id: string; product: { id: string; slug: string } }[] };
  }>(
    `query TestVariantsBySku($sku: String!) {
      productVariants(options: { filter: { sku: { eq: $sku } } }) { items { id product { id slug } } }
    }`,
    { sku },
  );
  return data.productVariants.items;
}

async function assetCount(): Promise<number> {
  const data = await admin<{ assets: { totalItems: number } }>(`query TestAssets { assets { totalItems } }`);
  return data.assets.totalItems;
}

async function jpeg(file: string, color: { r: number; g: number; b: number }): Promise<string> {
  await sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
    .jpeg({ quality: 80 })
    .toFile(file);
  return file;
}

beforeAll(async () => {
  server = await startVendureServer();
  console.warn(`Vendure started in ${server.startupMs} ms on ${server.host}:${server.port}`);
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rebound-vendure-photos-'));
  photos = [
    {
      file: await jpeg(path.join(dir, 'main.jpg'), { r: 200, g: 40, b: 40 }),
      alt: 'Espresso machine, photo 1',
    },
    {
      file: await jpeg(path.join(dir, 'side.jpg'), { r: 40, g: 40, b: 200 }),
      alt: 'Espresso machine, photo 2',
    },
  ];
});

afterAll(async () => {
  const port = server?.port;
  await server?.close();
  // Closed for real: nothing listens any more, so nothing keeps vitest alive.
  if (port) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  }
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

describe('the server the tests run against', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.host).toBe('127.0.0.1');
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    expect(await reachable('::1')).toBe(false);
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (outside) expect(await reachable(outside.address)).toBe(false);
  });
});

describe('publishing', () => {
  it('creates the product with its photos, price, original price and one in stock', async () => {
    const sku = 'RB-000101';
    const remote = await adapter().upsert(listing(sku));
    expect(remote).toMatchObject({ sku, status: 'live', priceCents: 4_990, currency: 'EUR' });

    const product = await productBySlug(reboundSlug(sku));
    expect(product).not.toBeNull();
    expect(product!.id).toBe(remote.listingId);
    expect(product!.name).toBe(`Espresso machine ${sku}`);
    expect(product!.description).toContain('Why it is discounted');
    expect(product!.enabled).toBe(true);
    expect(product!.assets).toHaveLength(2);
    expect(product!.featuredAsset?.id).toBe(product!.assets[0]!.id);
    expect(product!.variants).toHaveLength(1);
    expect(product!.variants[0]).toMatchObject({
      id: remote.offerId,
      sku,
      prices: [{ currencyCode: 'EUR', price: 4_990 }],
      priceWithTax: 4_990,
      stockOnHand: 1,
      trackInventory: 'TRUE',
      enabled: true,
      customFields: { [COMPARE_AT_FIELD]: 7_990 },
    });
    // Vendure stored exactly the JPEGs Rebound sent, main photo first.
    const stored = product!.assets.map((a) =>
      fs.readFileSync(path.join(server.assetDir, path.basename(a.source))),
    );
    const sent = photos.map((p) => fs.readFileSync(p.file));
    expect(stored.map(sha)).toEqual(sent.map(sha));
    expect(product!.assets.every((a) => a.mimeType === 'image/jpeg')).toBe(true);
  });

  it('publishing again (a retry after a crash) updates the same product and uploads nothing twice', async () => {
    const sku = 'RB-000102';
    const first = await adapter().upsert(listing(sku));
    const assetsBefore = await assetCount();
    // A new adapter: a fresh process after a crash, with nothing in memory.
    const again = await adapter().upsert(listing(sku, 4_490, { title: `Espresso machine ${sku} (revised)` }));
    expect(again.listingId).toBe(first.listingId);
    expect(again.offerId).toBe(first.offerId);
    expect(again.priceCents).toBe(4_490);
    expect(await assetCount()).toBe(assetsBefore);
    expect(await variantsWithSku(sku)).toHaveLength(1);
    const product = await productBySlug(reboundSlug(sku));
    expect(product!.name).toBe(`Espresso machine ${sku} (revised)`);
    expect(product!.variants[0]!.stockOnHand).toBe(1);
  });

  it('an answer lost after Vendure acted (timeout, dropped connection): the retry finds what was made', async () => {
    for (const [sku, lost] of [
      ['RB-000110', 'ReboundCreateProduct'],
      ['RB-000111', 'ReboundCreateVariant'],
      ['RB-000112', 'ReboundCreateAssets'],
    ] as const) {
      // New photos for each, or the ones already in Vendure would be reused and nothing uploaded.
      const fresh = await Promise.all(
        [1, 2].map(async (n) => ({
          file: await jpeg(path.join(dir, `${sku}-${n}.jpg`), {
            r: 10 * n,
            g: Number(sku.slice(-1)) * 20,
            b: 90,
          }),
          alt: `photo ${n}`,
        })),
      );
      const input = listing(sku, 4_990, { photos: fresh });
      const proxy = await lossyProxy(server.adminApiUrl, lost);
      try {
        const channel = vendurePlatform.create(options({ adminApiUrl: proxy.url }));
        const error = await channel.upsert(input).catch((e: unknown) => e);
        expect(error).toMatchObject({ kind: 'retryable' });
        expect(proxy.dropped()).toBe(1);
        const assetsBefore = await assetCount();
        // The job runs again: the same adapter, the answers get through this time.
        const remote = await channel.upsert(input);
        expect(remote.status).toBe('live');
        expect(proxy.dropped()).toBe(1);
        expect(await variantsWithSku(sku)).toHaveLength(1);
        expect(await assetCount()).toBe(assetsBefore);
        expect((await productBySlug(reboundSlug(sku)))!.assets).toHaveLength(2);
      } finally {
        await proxy.close();
      }
    }
  });

  it('leaves a merchant’s own product with the same SKU alone (Vendure SKUs are not unique)', async () => {
    const sku = 'RB-000103';
    const own = await admin<{ createProduct: { id: string } }>(
      `mutation TestOwnProduct($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      {
        input: {
          translations: [
            { languageCode: 'en', name: 'Merchant’s own', slug: 'merchants-own', description: '' },
          ],
        },
      },
    );
    await admin(
      `mutation TestOwnVariant($input: [CreateProductVariantInput!]!) { createProductVariants(input: $input) { id } }`,
      {
        input: [
          {
            productId: own.createProduct.id,
            sku,
            price: 100,
            stockOnHand: 5,
            translations: [{ languageCode: 'en', name: 'Own' }],
          },
        ],
      },
    );
    const channel = adapter();
    expect(await channel.findBySku(sku)).toBeNull();
    const ours = await channel.upsert(listing(sku));
    await channel.upsert(listing(sku));
    expect(ours.listingId).not.toBe(own.createProduct.id);
    const all = await variantsWithSku(sku);
    expect(all.map((v) => v.product.slug).sort()).toEqual(['merchants-own', reboundSlug(sku)]);
    expect((await channel.findBySku(sku))?.listingId).toBe(ours.listingId);
    const theirs = await productBySlug('merchants-own');
    expect(theirs!.variants[0]).toMatchObject({
      prices: [{ currencyCode: 'EUR', price: 100 }],
      stockOnHand: 5,
    });
  });

  it('adopts the product an attempt created before it stopped (createProduct done, variant not)', async () => {
    const sku = 'RB-000104';
    const half = await admin<{ createProduct: { id: string } }>(
      `mutation TestHalfProduct($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      {
        input: {
          translations: [{ languageCode: 'en', name: 'half', slug: reboundSlug(sku), description: '' }],
        },
      },
    );
    const remote = await adapter().upsert(listing(sku));
    expect(remote.listingId).toBe(half.createProduct.id);
    expect(await variantsWithSku(sku)).toHaveLength(1);
  });

  it('writes no original price when the shop has no custom field for it', async () => {
    const sku = 'RB-000105';
    const remote = await adapter({ compareAtCustomField: undefined }).upsert(
      listing(sku, 1_000, { photos: [] }),
    );
    expect(remote.status).toBe('live');
    const product = await productBySlug(reboundSlug(sku));
    expect(product!.variants[0]!.customFields[COMPARE_AT_FIELD]).toBeNull();
    expect(product!.assets).toHaveLength(0);
  });

  it('refuses a price in another currency than the shop’s, in plain words', async () => {
    const error = await adapter()
      .upsert(listing('RB-000106', 1_000, { currency: 'USD' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).kind).toBe('user');
    expect((error as ChannelError).message).toMatch(/sells in EUR.*USD/);
  });

  it('publishes into the channel named by its token', async () => {
    const zone = await admin<{ zones: { items: { id: string }[] } }>(
      `query TestZones { zones { items { id } } }`,
    );
    const created = await admin<{ createChannel: { __typename: string; id: string } }>(
      `mutation TestChannel($input: CreateChannelInput!) {
        createChannel(input: $input) { __typename ... on Channel { id } }
      }`,
      {
        input: {
          code: 'outlet',
          token: 'outlet-token',
          defaultLanguageCode: 'en',
          pricesIncludeTax: true,
          defaultCurrencyCode: 'EUR',
          defaultTaxZoneId: zone.zones.items[0]!.id,
          defaultShippingZoneId: zone.zones.items[0]!.id,
        },
      },
    );
    expect(created.createChannel.__typename).toBe('Channel');
    const sku = 'RB-000109';
    const outlet = adapter({ channelToken: 'outlet-token' });
    // A new channel has no stock location: Vendure keeps no stock there, and says nothing.
    const noStock = await outlet.upsert(listing(sku)).catch((e: unknown) => e);
    expect(noStock).toMatchObject({ kind: 'user', code: 'no_stock' });
    const locations = await admin<{ stockLocations: { items: { id: string }[] } }>(
      `query TestStockLocations { stockLocations { items { id } } }`,
    );
    await admin(
      `mutation TestAssignLocation($input: AssignStockLocationsToChannelInput!) {
        assignStockLocationsToChannel(input: $input) { id }
      }`,
      {
        input: {
          stockLocationIds: [locations.stockLocations.items[0]!.id],
          channelId: created.createChannel.id,
        },
      },
    );
    const remote = await outlet.upsert(listing(sku));
    expect(remote.status).toBe('live');
    expect((await outlet.findBySku(sku))?.listingId).toBe(remote.listingId);
    // Vendure puts everything created in a channel into the default channel as well.
    const channels = await admin<{ product: { channels: { code: string }[] } }>(
      `query TestProductChannels($id: ID!) { product(id: $id) { channels { code } } }`,
      { id: remote.listingId },
    );
    expect(channels.product.channels.map((c) => c.code).sort()).toEqual(['__default_channel__', 'outlet']);
  });

  it('refuses to publish into the default channel when the channel token is unknown', async () => {
    const error = await adapter({ channelToken: 'no-such-channel' })
      .upsert(listing('RB-000108'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'user', code: 'wrong_channel' });
    expect((error as ChannelError).message).toContain('no-such-channel');
    expect(await variantsWithSku('RB-000108')).toEqual([]);
  });

  it('passes a Vendure refusal on as a user error with Vendure’s words', async () => {
    const error = await adapter({ compareAtCustomField: 'noSuchField' })
      .upsert(listing('RB-000107'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).kind).toBe('user');
    expect((error as ChannelError).message).toContain('noSuchField');
  });
});

describe('price changes and ending', () => {
  it('updates the price', async () => {
    const channel = adapter();
    const sku = 'RB-000201';
    const remote = await channel.upsert(listing(sku, 5_000));
    const changed = await channel.updatePrice(remote, 3_750);
    expect(changed.priceCents).toBe(3_750);
    expect((await productBySlug(reboundSlug(sku)))!.variants[0]!.priceWithTax).toBe(3_750);
    expect((await channel.state(remote))?.priceCents).toBe(3_750);
    // By SKU alone too (the stored ids lost).
    await channel.updatePrice({ sku, offerId: null, listingId: null }, 3_500);
    expect((await productBySlug(reboundSlug(sku)))!.variants[0]!.priceWithTax).toBe(3_500);
  });

  it('ends: product hidden, stock 0; ending again or ending the unknown succeeds', async () => {
    const channel = adapter();
    const sku = 'RB-000202';
    const remote = await channel.upsert(listing(sku));
    await channel.end(remote, 'sold_elsewhere');
    const product = await productBySlug(reboundSlug(sku));
    expect(product!.enabled).toBe(false);
    expect(product!.variants[0]!.stockOnHand).toBe(0);
    expect((await channel.state(remote))?.status).toBe('ended');
    await channel.end(remote, 'withdrawn');
    await channel.end({ sku: 'RB-NEVER', offerId: null, listingId: null }, 'withdrawn');
    // Publishing again puts it back on sale.
    const back = await channel.upsert(listing(sku));
    expect(back.status).toBe('live');
    expect((await productBySlug(reboundSlug(sku)))!.variants[0]!.stockOnHand).toBe(1);
  });
});

describe('sales', () => {
  it('reports a real order placed through Vendure’s checkout, then its cancellation and refund', async () => {
    const channel = adapter();
    const sku = 'RB-000301';
    const remote = await channel.upsert(listing(sku, 2_500));
    const start = await channel.salesSince(null);
    expect(start.sales.filter((s) => s.sku === sku)).toEqual([]);

    const order = await placeOrder(server, remote.offerId!);
    expect(order.state).toBe('PaymentSettled');
    expect(order.totalWithTax).toBe(2_500 + SHIPPING_CENTS);

    const page = await channel.salesSince(start.cursor);
    const sold = page.sales.filter((s) => s.sku === sku);
    expect(sold).toEqual([
      {
        orderId: order.code,
        lineId: order.lineIds[0]!,
        sku,
        remoteListingId: remote.listingId,
        priceCents: 2_500,
        shippingCents: SHIPPING_CENTS,
        currency: 'EUR',
        soldAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        buyerCountry: 'DE',
        kind: 'sale',
      } satisfies RemoteSale,
    ]);
    expect(page.cursor >= start.cursor).toBe(true);
    expect((await channel.state(remote))?.status).toBe('sold');
    // The overlap window: reading from the new cursor shows the same line again (the caller de-duplicates).
    expect((await channel.salesSince(page.cursor)).sales.some((s) => s.lineId === order.lineIds[0])).toBe(
      true,
    );

    const cancelled = await admin<{ cancelOrder: { __typename: string; state?: string; message?: string } }>(
      `mutation TestCancel($input: CancelOrderInput!) {
        cancelOrder(input: $input) { __typename ... on Order { state } ... on ErrorResult { message } }
      }`,
      { input: { orderId: order.id, reason: 'Buyer changed their mind', cancelShipping: true } },
    );
    expect(cancelled.cancelOrder).toMatchObject({ __typename: 'Order', state: 'Cancelled' });
    const after = (await channel.salesSince(page.cursor)).sales.filter((s) => s.lineId === order.lineIds[0]);
    expect(after.map((s) => s.kind).sort()).toEqual(['cancellation', 'sale']);
    expect(after.find((s) => s.kind === 'cancellation')).toMatchObject({
      orderId: order.code,
      sku,
      priceCents: 2_500,
    });

    // The money goes back: a refund through Vendure's own refund flow (the test handler leaves
    // it Pending, the merchant settles it by hand as with a bank transfer).
    const payments = await admin<{ order: { payments: { id: string; amount: number }[] } }>(
      `query TestPayments($id: ID!) { order(id: $id) { payments { id amount } } }`,
      { id: order.id },
    );
    const refund = await admin<{
      refundOrder: { __typename: string; id?: string; state?: string; message?: string };
    }>(
      `mutation TestRefund($input: RefundOrderInput!) {
        refundOrder(input: $input) { __typename ... on Refund { id state } ... on ErrorResult { message } }
      }`,
      // Vendure 3.7 still stores the deprecated `shipping` and `adjustment` in NOT NULL columns but
      // no longer defaults them: a refund by `amount` alone fails with "NOT NULL constraint failed:
      // refund.shipping", so they are passed as 0.
      {
        input: {
          paymentId: payments.order.payments[0]!.id,
          amount: 2_500,
          shipping: 0,
          adjustment: 0,
          reason: 'Cancelled',
        },
      },
    );
    expect(refund.refundOrder).toMatchObject({ __typename: 'Refund' });
    if (refund.refundOrder.state !== 'Settled') {
      await admin(
        `mutation TestSettleRefund($input: SettleRefundInput!) { settleRefund(input: $input) { __typename } }`,
        { input: { id: refund.refundOrder.id, transactionId: 'bank-123' } },
      );
    }
    const refunded = (await channel.salesSince(page.cursor)).sales.filter(
      (s) => s.lineId === order.lineIds[0],
    );
    expect(refunded.find((s) => s.kind === 'refund')).toMatchObject({
      orderId: order.code,
      sku,
      priceCents: 2_500,
    });
    // A refund does not touch the order's updatedAt: it is found even long after the cursor.
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const swept = (await channel.salesSince(later)).sales.filter((s) => s.lineId === order.lineIds[0]);
    expect(swept.map((s) => s.kind)).toEqual(['refund']);

    // Cancelled: Vendure released the allocation, ending now takes the stock to 0 and hides it.
    await channel.end(remote, 'withdrawn');
    expect((await productBySlug(reboundSlug(sku)))!.variants[0]).toMatchObject({
      stockOnHand: 0,
      stockAllocated: 0,
    });
  });

  it('ending a listing sold on Vendure keeps what the order holds, so Vendure’s stock still balances', async () => {
    const channel = adapter();
    const sku = 'RB-000302';
    const remote = await channel.upsert(listing(sku, 1_990));
    await placeOrder(server, remote.offerId!, { email: 'second@example.org', country: 'DE' });
    // Published again before the sale was polled: the sold unit is not put back on sale.
    expect((await channel.upsert(listing(sku, 1_990))).status).toBe('sold');
    expect((await productBySlug(reboundSlug(sku)))!.variants[0]).toMatchObject({
      stockOnHand: 1,
      stockAllocated: 1,
    });
    await channel.end(remote, 'sold');
    const product = await productBySlug(reboundSlug(sku));
    expect(product!.enabled).toBe(false);
    expect(product!.variants[0]).toMatchObject({ stockOnHand: 1, stockAllocated: 1 });
    expect((await channel.state(remote))?.status).toBe('ended');
  });
});

describe('credentials and connection problems', () => {
  it('bad credentials are an auth error', async () => {
    const error = await adapter({}, { username: SUPERADMIN.username, password: 'wrong' })
      .upsert(listing('RB-000401'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).kind).toBe('auth');
  });

  it('logs in again once when Vendure no longer accepts the token', async () => {
    const channel = adapter();
    await channel.upsert(listing('RB-000402', 1_000, { photos: [] }));
    // What a session that Vendure expired or revoked looks like from here.
    (channel.session as unknown as { token: string }).token = 'expired-token';
    expect((await channel.findBySku('RB-000402'))?.sku).toBe('RB-000402');
  });

  it('timeouts and 5xx are retryable', async () => {
    const hang = http.createServer(() => undefined);
    const failing = http.createServer((_req, res) => {
      res.writeHead(503, { 'retry-after': '7' }).end('busy');
    });
    try {
      const urlOf = async (s: http.Server) => {
        await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${(s.address() as AddressInfo).port}/admin-api`;
      };
      const slow = vendurePlatform.create(options({ adminApiUrl: await urlOf(hang) }, SUPERADMIN, 300));
      const timeout = (await slow.findBySku('X').catch((e: unknown) => e)) as ChannelError;
      expect(timeout).toMatchObject({ kind: 'retryable', code: 'timeout' });
      const busy = vendurePlatform.create(options({ adminApiUrl: await urlOf(failing) }));
      const unavailable = (await busy.findBySku('X').catch((e: unknown) => e)) as ChannelError;
      expect(unavailable).toMatchObject({ kind: 'retryable', code: 'http_503', retryAfterMs: 7_000 });
    } finally {
      hang.closeAllConnections();
      hang.close();
      failing.close();
    }
  });

  it('test connection: all well', async () => {
    const check = await vendurePlatform.testConnection(options());
    expect(check).toEqual({ ok: true, shopName: 'Vendure, channel “__default_channel__”', problems: [] });
  });

  it('test connection: says in plain words what is wrong', async () => {
    const codes = async (settings: Partial<VendureSettings>, secrets?: VendureSecrets) => {
      const check = await vendurePlatform.testConnection(options(settings, secrets));
      expect(check.ok).toBe(false);
      for (const p of check.problems) expect(p.message.length).toBeGreaterThan(20);
      return check.problems.map((p) => p.code);
    };
    const base = server.adminApiUrl.replace(/\/admin-api$/, '');
    expect(await codes({ adminApiUrl: 'http://shop.example.com/admin-api' })).toEqual(['insecure_url']);
    expect(await codes({}, { username: SUPERADMIN.username, password: 'nope' })).toEqual(['bad_credentials']);
    expect(await codes({ adminApiUrl: `${base}/nothing-here` })).toEqual(['wrong_url']);
    expect(await codes({ adminApiUrl: server.shopApiUrl })).toEqual(['wrong_url']);
    expect(await codes({ adminApiUrl: 'http://127.0.0.1:9/admin-api' })).toEqual(['unreachable']);
    expect(await codes({ compareAtCustomField: 'originalPrice' })).toEqual(['missing_custom_field']);
    expect(await codes({ currencyCode: 'JPY' })).toEqual(['currency']);
    expect(await codes({ channelToken: 'no-such-channel' })).toEqual(['wrong_channel']);
  });

  it('test connection: an administrator without the permissions Rebound needs', async () => {
    const channelId = (
      await admin<{ activeChannel: { id: string } }>(`query TestChannel { activeChannel { id } }`)
    ).activeChannel.id;
    const role = await admin<{ createRole: { id: string } }>(
      `mutation TestRole($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
      {
        input: {
          code: 'read-only',
          description: 'Read only',
          permissions: ['ReadCatalog'],
          channelIds: [channelId],
        },
      },
    );
    await admin(
      `mutation TestAdmin($input: CreateAdministratorInput!) { createAdministrator(input: $input) { id } }`,
      {
        input: {
          firstName: 'Read',
          lastName: 'Only',
          emailAddress: 'readonly@example.org',
          password: 'read-only-password',
          roleIds: [role.createRole.id],
        },
      },
    );
    const check = await vendurePlatform.testConnection(
      options({}, { username: 'readonly@example.org', password: 'read-only-password' }),
    );
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.code)).toEqual(['missing_permission']);
    expect(check.problems[0]!.message).toMatch(
      /create products.*update products.*upload assets.*read orders/,
    );
  });

  it('refuses to send credentials over plain HTTP to another machine', () => {
    expect(() =>
      vendurePlatform.create(options({ adminApiUrl: 'http://shop.example.com/admin-api' })),
    ).toThrow(/in clear/);
  });
});

/**
 * Forwards to Vendure and, the first time an operation of that name goes through, lets Vendure
 * do the work but drops the connection instead of answering: what a timeout looks like from
 * Rebound's side when the shop had already acted.
 */
async function lossyProxy(
  target: string,
  operationName: string,
): Promise<{ url: string; dropped: () => number; close: () => Promise<void> }> {
  let dropped = 0;
  const proxy = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization', 'vendure-token', 'apollo-require-preflight']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const upstream = await fetch(target, { method: 'POST', headers, body });
      const answer = Buffer.from(await upstream.arrayBuffer());
      if (dropped === 0 && body.includes(`"operationName":"${operationName}"`)) {
        dropped += 1;
        req.socket.destroy();
        return;
      }
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) {
          out[name] = value;
        }
      });
      res.writeHead(upstream.status, out).end(answer);
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/admin-api`,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

function sha(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
