/**
 * The WooCommerce test server checks itself: it must refuse what a real shop refuses (or would
 * silently drop), or the channel's tests would prove nothing. Driven through the real
 * `@woocommerce/woocommerce-rest-api` client (OAuth 1.0a over http) and plain fetch.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  expectNoViolations,
  startWooTestServer,
  type WooTestServer,
} from '../../../../tests/woocommerce/server';
import { createWooClient, type WooClient } from './config';

let server: WooTestServer;
let client: WooClient;

beforeEach(async () => {
  server = await startWooTestServer();
  client = await createWooClient(
    { url: server.baseUrl },
    { consumerKey: server.credentials.consumerKey, consumerSecret: server.credentials.consumerSecret },
    5_000,
  );
});
afterEach(async () => {
  await server.close();
});

/** The WordPress error an axios call failed with. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const res = (error as { response?: { status: number; data: Record<string, unknown> } }).response;
    if (res) return { status: res.status, body: res.data };
    throw error;
  }
  throw new Error('expected the test server to refuse the call');
}

const valid = { name: 'Helmet', type: 'simple', sku: 'S-1', regular_price: '59.99', sale_price: '24.50' };

describe('the field tables', () => {
  test('accepts a valid product and answers it in WooCommerce’s shape', async () => {
    const res = await client.post('products', { ...valid, manage_stock: true, stock_quantity: 1 });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ sku: 'S-1', price: '24.50', on_sale: true, stock_status: 'instock' });
    expectNoViolations(server);
  });

  test('refuses an unknown field like rest_invalid_param', async () => {
    const { status, body } = await refusal(client.post('products', { ...valid, compare_at_price: '59.99' }));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): compare_at_price',
      data: { status: 400, params: { compare_at_price: expect.stringMatching(/not a property/) } },
    });
    expect(server.state.products.size).toBe(0);
    expect(server.violations.map((v) => v.kind)).toEqual(['invalid-param']);
    expect(() => expectNoViolations(server)).toThrow(/compare_at_price/);
  });

  test('refuses mistyped fields, bad enums, bad amounts and nested mistakes', async () => {
    const { status, body } = await refusal(
      client.post('products', {
        ...valid,
        regular_price: 59.99,
        stock_quantity: '1',
        status: 'published',
        sale_price: '24,50',
        images: [{ id: '7' }],
      }),
    );
    expect(status).toBe(400);
    const params = (body['data'] as { params: Record<string, string> }).params;
    expect(params).toEqual({
      regular_price: 'regular_price is not of type string.',
      stock_quantity: 'stock_quantity is not of type integer,null.',
      status: 'status is not one of draft, pending, private, publish.',
      sale_price: 'sale_price is not a decimal amount ("12.99"): "24,50".',
      'images[0][id]': 'images[0][id] is not of type integer.',
    });
  });

  test('refuses writes to read-only fields', async () => {
    const { body } = await refusal(client.post('products', { ...valid, price: '24.50', permalink: 'x' }));
    expect((body['data'] as { params: Record<string, string> }).params).toEqual({
      price: 'price is read-only.',
      permalink: 'permalink is read-only.',
    });
  });

  test('refuses unknown and mistyped query parameters', async () => {
    const { body } = await refusal(client.get('orders', { per_page: '500', modified_since: '2026-01-01' }));
    expect(body).toMatchObject({ code: 'rest_invalid_param' });
    expect(Object.keys((body['data'] as { params: object }).params).sort()).toEqual([
      'modified_since',
      'per_page',
    ]);
  });
});

describe('WooCommerce behaviour', () => {
  test('SKUs are unique: product_invalid_sku names the holder', async () => {
    const first = await client.post('products', valid);
    const { status, body } = await refusal(client.post('products', { ...valid, name: 'Again' }));
    expect(status).toBe(400);
    expect(body).toEqual({
      code: 'product_invalid_sku',
      message: 'Invalid or duplicated SKU.',
      data: { status: 400, resource_id: first.data.id, unique_sku: 'S-1-1' },
    });
    expect(server.state.products.size).toBe(1);
    expectNoViolations(server);
  });

  test('pages orders with X-WP-Total and X-WP-TotalPages', async () => {
    for (let i = 0; i < 23; i += 1) server.state.addOrder({ lines: [{ sku: `X-${i}`, totalCents: 100 }] });
    const res = await client.get('orders', { per_page: '10', page: '3', orderby: 'id', order: 'asc' });
    expect(res.headers['x-wp-total']).toBe('23');
    expect(res.headers['x-wp-totalpages']).toBe('3');
    expect((res.data as unknown[]).length).toBe(3);
    expectNoViolations(server);
  });

  test('a wrong secret, an unknown key and a replayed nonce are refused', async () => {
    const wrong = await createWooClient(
      { url: server.baseUrl },
      { consumerKey: server.credentials.consumerKey, consumerSecret: 'cs_wrong' },
      5_000,
    );
    expect((await refusal(wrong.get('products'))).body).toMatchObject({
      code: 'woocommerce_rest_authentication_error',
      message: 'Invalid signature - provided signature does not match.',
    });
    const unknown = await createWooClient(
      { url: server.baseUrl },
      { consumerKey: 'ck_x', consumerSecret: 'cs_x' },
      5_000,
    );
    expect((await refusal(unknown.get('products'))).body['message']).toBe('Consumer key is invalid.');

    await client.get('products');
    const signed = server.requests.at(-1)!;
    const replay = await fetch(
      `${server.baseUrl}${signed.path}?${new URLSearchParams(signed.query).toString()}`,
    );
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ message: 'Invalid nonce - nonce has already been used.' });
    expect(server.violations.every((v) => v.kind === 'auth')).toBe(true);
  });

  test('without credentials, or with Basic auth over http, wc/v3 is closed', async () => {
    const anonymous = await fetch(`${server.baseUrl}/wp-json/wc/v3/products`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'woocommerce_rest_cannot_view' });
    const basic = await fetch(`${server.baseUrl}/wp-json/wc/v3/products`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${server.credentials.consumerKey}:${server.credentials.consumerSecret}`).toString('base64')}`,
      },
      body: JSON.stringify(valid),
    });
    expect(basic.status).toBe(401);
    expect(server.state.products.size).toBe(0);
    expect(server.violations.map((v) => v.kind)).toEqual(['auth', 'auth', 'auth']);
  });

  test('media: needs the Application Password, a file name and a real image', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);
    const auth = `Basic ${Buffer.from(`${server.credentials.wpUser}:${server.credentials.wpAppPassword}`).toString('base64')}`;
    const upload = (headers: Record<string, string>, body: Buffer) =>
      fetch(`${server.baseUrl}/wp-json/wp/v2/media`, { method: 'POST', headers, body: new Uint8Array(body) });

    const anonymous = await upload(
      { 'Content-Type': 'image/jpeg', 'Content-Disposition': 'attachment; filename=a.jpg' },
      jpeg,
    );
    expect(anonymous.status).toBe(401);
    const unnamed = await upload({ Authorization: auth, 'Content-Type': 'image/jpeg' }, jpeg);
    expect(await unnamed.json()).toMatchObject({ code: 'rest_upload_no_content_disposition' });
    const notImage = await upload(
      {
        Authorization: auth,
        'Content-Type': 'image/jpeg',
        'Content-Disposition': 'attachment; filename=a.jpg',
      },
      Buffer.from('hello'),
    );
    expect(await notImage.json()).toMatchObject({ code: 'rest_upload_sideload_error' });
    const ok = await upload(
      {
        Authorization: auth,
        'Content-Type': 'image/jpeg',
        'Content-Disposition': 'attachment; filename="a.jpg"',
      },
      jpeg,
    );
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ media_type: 'image', mime_type: 'image/jpeg' });
    expect(server.violations.map((v) => v.kind)).toEqual(['auth', 'media', 'media']);
  });

  test('a route WooCommerce does not have is rest_no_route', async () => {
    const { status, body } = await refusal(client.get('listings'));
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'rest_no_route' });
    expect(server.violations.map((v) => v.kind)).toEqual(['unknown-route']);
  });
});
