/** The Shopify channel's pure parts: money, handles, addresses, the throttle wait, the test seam. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { centsOf, handleFor, shopifyFetch, shopifyMoney, throttleWaitMs } from './adapter';
import {
  effectiveShopifyBaseUrl,
  parseShopifySecrets,
  parseShopifySettings,
  shopHost,
  SHOPIFY_ADMIN_API_VERSION,
} from './config';

describe('money at the Shopify edge', () => {
  test('cents become decimal strings and back, exactly', () => {
    expect(shopifyMoney(8_900)).toBe('89.00');
    expect(shopifyMoney(5)).toBe('0.05');
    expect(shopifyMoney(123_456_789)).toBe('1234567.89');
    expect(() => shopifyMoney(12.5)).toThrow();
    expect(centsOf('89.00')).toBe(8_900);
    expect(centsOf('89.5')).toBe(8_950);
    expect(centsOf('89')).toBe(8_900);
    expect(centsOf('0.29')).toBe(29);
    expect(centsOf('1.005')).toBe(101);
    for (let cents = 0; cents < 2_000; cents += 7) expect(centsOf(shopifyMoney(cents))).toBe(cents);
  });
});

describe('handles and shop addresses', () => {
  test('a handle is what Shopify would make of the SKU', () => {
    expect(handleFor('RB-000042')).toBe('rb-000042');
    expect(handleFor('  Velo/Helmet M #3 ')).toBe('velo-helmet-m-3');
    expect(handleFor('€€')).toMatch(/^item-[0-9a-f]+$/);
  });

  test('the shop address: myshopify.com over HTTPS, in plain words otherwise', () => {
    expect(shopHost('velo.myshopify.com')).toEqual({ host: 'velo.myshopify.com' });
    expect(shopHost('https://Velo.myshopify.com/admin/products')).toEqual({ host: 'velo.myshopify.com' });
    expect(shopHost('http://velo.myshopify.com')).toMatchObject({ problem: 'insecure_url' });
    expect(shopHost('www.velo-shop.com')).toMatchObject({ problem: 'wrong_url' });
    expect(shopHost('ftp://velo.myshopify.com')).toMatchObject({ problem: 'wrong_url' });
  });

  test('settings default to the pinned API version; secrets need a token or client credentials', () => {
    expect(parseShopifySettings({ shopDomain: 'velo.myshopify.com' })).toEqual({
      shopDomain: 'velo.myshopify.com',
      apiVersion: SHOPIFY_ADMIN_API_VERSION,
    });
    expect(() => parseShopifySettings({ shopDomain: 'velo.myshopify.com', extra: 1 })).toThrow(
      /not configured/,
    );
    expect(parseShopifySecrets({ accessToken: 'shpat_x' })).toEqual({ accessToken: 'shpat_x' });
    expect(parseShopifySecrets('{"clientId":"a","clientSecret":"b"}')).toEqual({
      clientId: 'a',
      clientSecret: 'b',
    });
    expect(() => parseShopifySecrets({ clientId: 'a' })).toThrow(/usable credentials/);
  });

  test('REBOUND_SHOPIFY_BASE_URL points a whole run at a test server', () => {
    const settings = parseShopifySettings({
      shopDomain: 'velo.myshopify.com',
      baseUrl: 'http://127.0.0.1:1',
    });
    expect(effectiveShopifyBaseUrl(settings, {})).toBe('http://127.0.0.1:1');
    expect(effectiveShopifyBaseUrl(settings, { REBOUND_SHOPIFY_BASE_URL: 'http://127.0.0.1:2' })).toBe(
      'http://127.0.0.1:2',
    );
    expect(
      effectiveShopifyBaseUrl(parseShopifySettings({ shopDomain: 'velo.myshopify.com' }), {}),
    ).toBeNull();
  });
});

describe('THROTTLED: how long to wait', () => {
  test('until the bucket has restored what the query asked for, at least a second', () => {
    const status = { maximumAvailable: 2000, restoreRate: 100 };
    expect(
      throttleWaitMs({ requestedQueryCost: 502, throttleStatus: { ...status, currentlyAvailable: 2 } }),
    ).toBe(5_000);
    expect(
      throttleWaitMs({ requestedQueryCost: 50, throttleStatus: { ...status, currentlyAvailable: 40 } }),
    ).toBe(1_000);
    expect(throttleWaitMs(undefined)).toBe(2_000);
  });
});

describe('the test-server seam', () => {
  test('rewrites only the shop’s https origin, says which shop was meant, and times out', async () => {
    const seen: { url: string; host: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', host: req.headers['x-forwarded-host'] as string | undefined });
      if (req.url === '/slow') return; // never answers
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fetcher = shopifyFetch('velo.myshopify.com', base, 300);
      const res = await fetcher('https://velo.myshopify.com/admin/api/2026-07/graphql.json?x=1', {
        method: 'POST',
      });
      expect(res.status).toBe(200);
      expect(seen[0]).toEqual({ url: '/admin/api/2026-07/graphql.json?x=1', host: 'velo.myshopify.com' });
      await expect(fetcher(`${base}/slow`)).rejects.toThrow(/timed out after 300 ms/);
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      await expect(
        shopifyFetch('velo.myshopify.com', null, 300)(`http://127.0.0.1:${port}/`),
      ).rejects.toThrow(/velo\.myshopify\.com: ECONNREFUSED/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
