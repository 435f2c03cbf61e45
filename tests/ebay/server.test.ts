/**
 * The eBay test server against eBay's own contracts: what passes, what is refused and how, OAuth,
 * faults, the Media rate limit and order polling. Skips — saying why — when the contracts are absent.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { locateContracts } from './openapi.js';
import { expectNoViolations, startEbayTestServer, TOKEN_PATH, type EbayTestServer } from './server.js';
import { DEFAULT_SCOPES, SCOPES } from './state.js';
import { call, errorIds, inventoryItem, offer } from './fixtures.js';
import { createHandlers } from './handlers.js';

const contracts = locateContracts();
if (!contracts.available) console.warn(contracts.reason);
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

const INV = '/sell/inventory/v1';

let server: EbayTestServer;
beforeEach(async () => {
  if (contracts.available) server = await startEbayTestServer();
});
afterEach(async () => {
  if (contracts.available) await server.close();
});

describe.skipIf(!contracts.available)(title('eBay test server: a valid listing flow'), () => {
  test('createOrReplaceInventoryItem + createOffer + publishOffer passes with no violations', async () => {
    const put = await call(server, 'PUT', `${INV}/inventory_item/RB-0001`, { body: inventoryItem() });
    expect(put.status).toBe(204);
    const created = await call(server, 'POST', `${INV}/offer`, { body: offer('RB-0001') });
    expect(created.status).toBe(201);
    const { offerId } = created.json as { offerId: string };
    const published = await call(server, 'POST', `${INV}/offer/${offerId}/publish`);
    expect(published.status).toBe(200);
    const { listingId } = published.json as { listingId: string };
    expect(listingId).toMatch(/^\d{12}$/);

    const offers = await call(server, 'GET', `${INV}/offer?sku=RB-0001&marketplace_id=EBAY_US`);
    expect(offers.json).toMatchObject({
      total: 1,
      offers: [{ offerId, status: 'PUBLISHED', listing: { listingId } }],
    });

    const withdrawn = await call(server, 'POST', `${INV}/offer/${offerId}/withdraw`);
    expect(withdrawn.json).toMatchObject({ listingId });
    expect(server.state.offers.get(offerId)?.status).toBe('UNPUBLISHED');
    expect(server.state.listings.get(listingId)?.status).toBe('ENDED');
    expectNoViolations(server);
  });

  test('a second offer for the same SKU, marketplace and format is refused with 25002 naming the existing offer', async () => {
    await call(server, 'PUT', `${INV}/inventory_item/RB-0002`, { body: inventoryItem() });
    const first = await call(server, 'POST', `${INV}/offer`, { body: offer('RB-0002') });
    const second = await call(server, 'POST', `${INV}/offer`, { body: offer('RB-0002') });
    expect(second.status).toBe(400);
    expect(second.json).toMatchObject({
      errors: [
        {
          errorId: 25002,
          message: 'Offer entity already exists',
          domain: 'API_INVENTORY',
          category: 'REQUEST',
          parameters: [{ name: 'offerId', value: (first.json as { offerId: string }).offerId }],
        },
      ],
    });
    // A business refusal, not a malformed request: no violation.
    expectNoViolations(server);
  });

  test('bulk calls of 25 answer 207 with one result per entry', async () => {
    const requests = Array.from({ length: 25 }, (_, i) => ({
      sku: `RB-B${i}`,
      locale: 'en_US',
      ...inventoryItem(),
    }));
    const items = await call(server, 'POST', `${INV}/bulk_create_or_replace_inventory_item`, {
      body: { requests },
    });
    expect(items.status).toBe(207);
    expect((items.json as { responses: unknown[] }).responses).toHaveLength(25);
    const offers = await call(server, 'POST', `${INV}/bulk_create_offer`, {
      body: { requests: requests.map((r) => offer(r.sku)) },
    });
    expect(offers.status).toBe(207);
    const offerIds = (offers.json as { responses: { offerId: string; statusCode: number }[] }).responses.map(
      (r) => {
        expect(r.statusCode).toBe(200);
        return r.offerId;
      },
    );
    const published = await call(server, 'POST', `${INV}/bulk_publish_offer`, {
      body: { requests: offerIds.map((offerId) => ({ offerId })) },
    });
    expect(published.status).toBe(207);
    expect(
      (published.json as { responses: { listingId: string }[] }).responses.every((r) => r.listingId),
    ).toBe(true);
    expectNoViolations(server);
  });

  test('publishing without a return policy, or in a condition the category refuses, is answered like eBay', async () => {
    server.state.setPolicies('EBAY_US', { return: [] });
    await call(server, 'PUT', `${INV}/inventory_item/RB-0003`, {
      body: inventoryItem({ condition: 'USED_ACCEPTABLE' }),
    });
    const { json } = await call(server, 'POST', `${INV}/offer`, { body: offer('RB-0003') });
    const refused = await call(
      server,
      'POST',
      `${INV}/offer/${(json as { offerId: string }).offerId}/publish`,
    );
    expect(refused.status).toBe(400);
    expect(errorIds(refused.json).sort()).toEqual([25021, 25035]);
    const policies = await call(server, 'GET', '/sell/account/v1/return_policy?marketplace_id=EBAY_US');
    expect(policies.json).toMatchObject({ total: 0, returnPolicies: [] });
    expectNoViolations(server);
  });

  test('business policies, locations and condition policies read back as seeded', async () => {
    const fulfillment = await call(
      server,
      'GET',
      '/sell/account/v1/fulfillment_policy?marketplace_id=EBAY_US',
    );
    expect(fulfillment.json).toMatchObject({ fulfillmentPolicies: [{ fulfillmentPolicyId: '6000001' }] });
    const payment = await call(server, 'GET', '/sell/account/v1/payment_policy?marketplace_id=EBAY_US');
    expect(payment.json).toMatchObject({ paymentPolicies: [{ paymentPolicyId: '6000002' }] });
    const location = await call(server, 'GET', `${INV}/location/warehouse-1`);
    expect(location.json).toMatchObject({ merchantLocationKey: 'warehouse-1' });
    const conditions = await call(
      server,
      'GET',
      `/sell/metadata/v1/marketplace/EBAY_US/get_item_condition_policies?filter=${encodeURIComponent('categoryIds:{9355}')}`,
    );
    expect(conditions.json).toMatchObject({
      itemConditionPolicies: [
        {
          categoryId: '9355',
          itemConditions: expect.arrayContaining([
            { conditionId: '3000', conditionDescription: 'USED_EXCELLENT', usage: 'EVERYWHERE' },
          ]),
        },
      ],
    });
    expectNoViolations(server);
  });
});

describe.skipIf(!contracts.available)(title('eBay test server: what eBay would refuse'), () => {
  const cases: {
    name: string;
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    token?: null;
    status: number;
    kind: string;
    problem: RegExp;
  }[] = [
    {
      name: 'missing Content-Language',
      method: 'PUT',
      path: `${INV}/inventory_item/RB-1`,
      body: inventoryItem(),
      headers: { 'Content-Language': '' },
      status: 400,
      // The contract itself marks the header required here; rules.ts also says what eBay wants.
      kind: 'contract',
      problem: /Content-Language/,
    },
    {
      name: 'updateOffer without Content-Language',
      method: 'PUT',
      path: `${INV}/offer/500000001`,
      body: offer('RB-1'),
      headers: { 'Content-Language': '' },
      status: 400,
      kind: 'contract',
      problem: /Content-Language/,
    },
    {
      name: 'a 51-character SKU',
      method: 'PUT',
      path: `${INV}/inventory_item/${'S'.repeat(51)}`,
      body: inventoryItem(),
      status: 400,
      kind: 'ebay-rule',
      problem: /51 characters; eBay allows at most 50/,
    },
    {
      name: 'an 81-character title',
      method: 'PUT',
      path: `${INV}/inventory_item/RB-1`,
      body: inventoryItem({
        product: { title: 'T'.repeat(81), imageUrls: ['https://i.ebayimg.test/a.jpg'] },
      }),
      status: 400,
      kind: 'ebay-rule',
      problem: /title is 81 characters/,
    },
    {
      name: 'a 26-entry bulk call',
      method: 'POST',
      path: `${INV}/bulk_create_or_replace_inventory_item`,
      body: {
        requests: Array.from({ length: 26 }, (_, i) => ({
          sku: `B${i}`,
          locale: 'en_US',
          ...inventoryItem(),
        })),
      },
      status: 400,
      kind: 'ebay-rule',
      problem: /26 entries; eBay's bulk calls take at most 25/,
    },
    {
      name: 'a condition that is not an eBay ConditionEnum',
      method: 'PUT',
      path: `${INV}/inventory_item/RB-1`,
      body: inventoryItem({ condition: 'LIKE_NEW_ISH' }),
      status: 400,
      kind: 'ebay-rule',
      problem: /LIKE_NEW_ISH.*ConditionEnum/,
    },
    {
      name: 'a body field of the wrong type',
      method: 'PUT',
      path: `${INV}/inventory_item/RB-1`,
      body: inventoryItem({ availability: { shipToLocationAvailability: { quantity: '1' } } }),
      status: 400,
      kind: 'contract',
      problem: /body\/availability\/shipToLocationAvailability\/quantity must be integer/,
    },
    {
      name: 'a price sent as a number (the contract says string)',
      method: 'POST',
      path: `${INV}/offer`,
      body: offer('RB-1', { pricingSummary: { price: { value: 249, currency: 'USD' } } }),
      status: 400,
      kind: 'contract',
      problem: /pricingSummary\/price\/value must be string/,
    },
    {
      name: 'item specifics sent as a string (the contract says string; eBay wants name → values, see ERRATA)',
      method: 'PUT',
      path: `${INV}/inventory_item/RB-1`,
      body: inventoryItem({ product: { title: 'Phone', aspects: 'Brand=Google' } }),
      status: 400,
      kind: 'contract',
      problem: /body\/product\/aspects must be object/,
    },
    {
      name: 'a real eBay operation the test server does not implement',
      method: 'GET',
      path: `${INV}/inventory_item/RB-1/product_compatibility`,
      status: 501,
      kind: 'unsupported',
      problem: /getProductCompatibility is a real eBay operation/,
    },
    {
      name: 'a missing token',
      method: 'GET',
      path: `${INV}/offer?sku=RB-1`,
      token: null,
      status: 401,
      kind: 'auth',
      problem: /missing "Authorization: Bearer/,
    },
    {
      name: 'getOrders with a page of 201',
      method: 'GET',
      path: '/sell/fulfillment/v1/order?limit=201',
      status: 400,
      kind: 'ebay-rule',
      problem: /limit 201 is outside 1..200/,
    },
    {
      name: 'a path no eBay contract declares',
      method: 'GET',
      path: `${INV}/inventory_items/RB-1`,
      status: 404,
      kind: 'unknown-operation',
      problem: /not an operation in eBay's contracts/,
    },
  ];

  test.each(cases)('$name is recorded and answered like eBay', async (c) => {
    const result = await call(server, c.method, c.path, {
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
      ...(c.token === null ? { token: null } : {}),
    });
    expect(result.status).toBe(c.status);
    const errors = (result.json as { errors: Record<string, unknown>[] }).errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e).toMatchObject({
        errorId: expect.any(Number),
        domain: expect.any(String),
        category: expect.any(String),
        message: expect.any(String),
      });
    }
    expect(server.violations).toHaveLength(1);
    expect(server.violations[0]).toMatchObject({ method: c.method, kind: c.kind });
    expect(server.violations[0]!.problems.join('\n')).toMatch(c.problem);
    expect(() => expectNoViolations(server)).toThrow(c.problem);
  });

  test('a missing token answers 401 / 1002; a token never issued 401 / 1001, which ebay-api refreshes on', async () => {
    const missing = await call(server, 'GET', `${INV}/offer?sku=RB-1`, { token: null });
    expect(missing.json).toMatchObject({
      errors: [{ errorId: 1002, domain: 'OAuth', message: 'Missing access token' }],
    });
    const result = await call(server, 'GET', `${INV}/offer?sku=RB-1`, { token: 'never-issued' });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({
      errors: [{ errorId: 1001, domain: 'OAuth', message: 'Invalid access token' }],
    });
  });

  test('a token without the operation scope is refused 403 / 1100', async () => {
    const result = await call(server, 'GET', '/sell/fulfillment/v1/order', {
      token: server.userToken([SCOPES.inventory]),
    });
    expect(result.status).toBe(403);
    expect(errorIds(result.json)).toEqual([1100]);
    expect(server.violations[0]).toMatchObject({ kind: 'auth' });
  });
});

/** Form-encoded token request with Basic auth, as eBay's identity endpoint wants it. */
async function tokenRequest(
  s: EbayTestServer,
  form: Record<string, string>,
  credentials = `${s.app.appId}:${s.app.certId}`,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${s.baseUrl}${TOKEN_PATH}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
    },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.skipIf(!contracts.available)(title('eBay test server: OAuth'), () => {
  const scope = DEFAULT_SCOPES.join(' ');

  test('code → token → refresh with the same scopes; a different scope set, reuse and revocation fail', async () => {
    const code = server.state.auth.issueAuthorizationCode();
    const minted = await tokenRequest(server, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: server.app.ruName,
    });
    expect(minted.status).toBe(200);
    expect(minted.json).toMatchObject({
      expires_in: 7200,
      token_type: 'User Access Token',
      refresh_token_expires_in: 47_304_000,
    });
    const access = String(minted.json['access_token']);
    const refreshToken = String(minted.json['refresh_token']);
    expect((await call(server, 'GET', `${INV}/location/warehouse-1`, { token: access })).status).toBe(200);

    const reused = await tokenRequest(server, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: server.app.ruName,
    });
    expect(reused.json).toMatchObject({ error: 'invalid_grant' });

    const refreshed = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json['access_token']).toEqual(expect.any(String));
    expect(refreshed.json['refresh_token']).toBeUndefined(); // eBay keeps the refresh token

    const narrower = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: SCOPES.api,
    });
    expect(narrower.status).toBe(400);
    expect(narrower.json).toMatchObject({ error: 'invalid_scope' });

    server.state.auth.revokeRefreshToken(refreshToken);
    const revoked = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope,
    });
    expect(revoked.status).toBe(400);
    expect(revoked.json).toEqual({
      error: 'invalid_grant',
      error_description:
        'the provided authorization refresh token is invalid or was issued to another client',
    });
  });

  test('wrong client credentials and a URL instead of the RuName are refused', async () => {
    const code = server.state.auth.issueAuthorizationCode();
    const bad = await tokenRequest(
      server,
      { grant_type: 'authorization_code', code, redirect_uri: server.app.ruName },
      'x:y',
    );
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ error: 'invalid_client' });
    const url = await tokenRequest(server, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://rebound.test/cb',
    });
    expect(url.json).toMatchObject({ error: 'invalid_request' });
  });

  test('access tokens expire on the server clock (default 7200 s)', async () => {
    const token = server.userToken();
    server.clock.advance(7_199_000);
    expect((await call(server, 'GET', `${INV}/location/warehouse-1`, { token })).status).toBe(200);
    server.clock.advance(1_000);
    const expired = await call(server, 'GET', `${INV}/location/warehouse-1`, { token });
    expect(expired.status).toBe(401);
    expect(errorIds(expired.json)).toEqual([1001]);
    expect(server.violations.map((v) => v.kind)).toEqual(['token-expired']);
    expectNoViolations(server, { ignore: ['token-expired'] });
  });

  test('the lifetime is configurable', async () => {
    const short = await startEbayTestServer({ accessTokenSeconds: 60 });
    try {
      const token = short.userToken();
      short.clock.advance(60_000);
      expect((await call(short, 'GET', `${INV}/location/warehouse-1`, { token })).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe.skipIf(!contracts.available)(title('eBay test server: faults'), () => {
  const path = `${INV}/location/warehouse-1`;

  test('429 carries Retry-After, then the next request goes through', async () => {
    server.faults.inject('rate-limit', { retryAfterSeconds: 7 });
    const limited = await call(server, 'GET', path);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(errorIds(limited.json)).toEqual([2001]);
    expect((await call(server, 'GET', path)).status).toBe(200);
  });

  test('eBay retryable errors: 25001 in a 500, 25025 in a 503, and a plain 500', async () => {
    server.faults
      .inject('system-error-25001', { path: '/location' })
      .inject('concurrent-access-25025', { path: '/location' })
      .inject('internal-error', { path: '/location' });
    const first = await call(server, 'GET', path);
    expect([first.status, errorIds(first.json)]).toEqual([500, [25001]]);
    const second = await call(server, 'GET', path);
    expect([second.status, errorIds(second.json)]).toEqual([503, [25025]]);
    expect((await call(server, 'GET', path)).status).toBe(500);
    expect((await call(server, 'GET', path)).status).toBe(200);
  });

  test('the next N requests matching a path fail; others are untouched', async () => {
    server.faults.inject('internal-error', { path: '/publish', times: 2 });
    expect((await call(server, 'GET', path)).status).toBe(200);
    expect((await call(server, 'POST', `${INV}/offer/1/publish`)).status).toBe(500);
    expect((await call(server, 'POST', `${INV}/offer/1/publish`)).status).toBe(500);
    expect((await call(server, 'POST', `${INV}/offer/1/publish`)).status).toBe(404);
  });

  test('a dropped connection errors the client', async () => {
    server.faults.inject('drop');
    await expect(call(server, 'GET', path)).rejects.toThrow();
    expect((await call(server, 'GET', path)).status).toBe(200);
  });

  test('a timeout holds the request until the client gives up', async () => {
    server.faults.inject('timeout');
    const started = Date.now();
    await expect(call(server, 'GET', path, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(server.requests[0]?.status).toBeUndefined();
  });

  test('latency delays the answer', async () => {
    server.faults.latency(150, { path: '/location' });
    const started = Date.now();
    expect((await call(server, 'GET', path)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

async function upload(s: EbayTestServer, token: string): Promise<Response> {
  const form = new FormData();
  // The bytes need not be a real JPEG: the server checks the multipart shape, not the picture.
  form.append(
    'image',
    new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' }),
    'photo.jpg',
  );
  return fetch(`${s.baseUrl}/commerce/media/v1_beta/image/create_image_from_file`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
}

describe.skipIf(!contracts.available)(title('eBay test server: Media API'), () => {
  test('an upload answers an https://i.ebayimg.test URL and a Location that getImage reads', async () => {
    const token = server.userToken();
    const response = await upload(server, token);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { imageUrl: string };
    expect(body.imageUrl).toMatch(/^https:\/\/i\.ebayimg\.test\//);
    const location = response.headers.get('location')!;
    expect(location.startsWith(`${server.baseUrl}/commerce/media/v1_beta/image/`)).toBe(true);
    const image = await call(server, 'GET', location.slice(server.baseUrl.length), { token });
    expect(image.json).toMatchObject({ imageUrl: body.imageUrl });
    expectNoViolations(server);
  });

  test('an upload that is not multipart with an "image" file is a violation', async () => {
    const result = await call(server, 'POST', '/commerce/media/v1_beta/image/create_image_from_file', {
      body: { imageUrl: 'https://example.test/a.jpg' },
    });
    expect(result.status).toBe(400);
    expect(server.violations[0]).toMatchObject({ kind: 'ebay-rule', operationId: 'createImageFromFile' });
    expect(server.violations[0]!.problems[0]).toMatch(/multipart\/form-data/);
  });

  test('50 uploads per 5 seconds; the 51st is 429 until the window moves', async () => {
    const token = server.userToken();
    for (let i = 0; i < 50; i++) expect((await upload(server, token)).status).toBe(201);
    const limited = await upload(server, token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('5');
    expect(server.violations.map((v) => v.kind)).toEqual(['media-rate-limit']);
    server.clock.advance(5_000);
    expect((await upload(server, token)).status).toBe(201);
  });
});

describe.skipIf(!contracts.available)(title('eBay test server: orders'), () => {
  test('getOrders filters by lastmodifieddate and pages with limit/offset', async () => {
    const t0 = server.clock.iso();
    const orders = Array.from({ length: 5 }, (_, i) => {
      server.clock.advance(60_000);
      return server.state.addOrder({
        lineItems: [{ sku: `RB-${i}`, legacyItemId: `1100000000${i}`, total: '19.99' }],
        buyerCountry: i % 2 ? 'DE' : 'US',
      });
    });
    server.clock.advance(3_600_000);
    const since = server.clock.iso();
    server.clock.advance(60_000);
    server.state.cancelOrder(orders[1]!.orderId);
    server.state.shipOrder(orders[3]!.orderId);

    const filter = (from: string): string => encodeURIComponent(`lastmodifieddate:[${from}..]`);
    const changed = await call(server, 'GET', `/sell/fulfillment/v1/order?filter=${filter(since)}`);
    expect(changed.status).toBe(200);
    const changedOrders = (
      changed.json as { orders: { orderId: string; cancelStatus: { cancelState: string } }[] }
    ).orders;
    expect(changedOrders.map((o) => o.orderId).sort()).toEqual(
      [orders[1]!.orderId, orders[3]!.orderId].sort(),
    );
    expect(changedOrders.find((o) => o.orderId === orders[1]!.orderId)?.cancelStatus.cancelState).toBe(
      'CANCELED',
    );

    const seen: string[] = [];
    let next: string | undefined = `/sell/fulfillment/v1/order?filter=${filter(t0)}&limit=2&offset=0`;
    while (next) {
      const result = await call(server, 'GET', next);
      const json = result.json as {
        total: number;
        orders: { orderId: string; lineItems: { sku: string; legacyItemId: string }[] }[];
        next?: string;
      };
      expect(json.total).toBe(5);
      expect(json.orders.length).toBeLessThanOrEqual(2);
      seen.push(...json.orders.map((o) => o.orderId));
      next = json.next?.slice(server.baseUrl.length);
    }
    expect(seen.sort()).toEqual(orders.map((o) => o.orderId).sort());
    expectNoViolations(server); // includes the self-check of every answer against `OrderSearchPagedCollection`
  });

  test('every operation the server implements is a real operation in the contracts', () => {
    const implemented = Object.keys(
      createHandlers({ state: server.state, clock: server.clock, baseUrl: () => '' }),
    );
    const declared = new Set(server.contracts.operations.map((o) => o.operationId));
    expect(implemented.filter((id) => !declared.has(id))).toEqual([]);
    expect(implemented.length).toBeGreaterThanOrEqual(25);
  });

  test('the self-check catches an answer outside the contract', () => {
    const getOrders = server.contracts.find('getOrders');
    expect(server.contracts.validateResponse(getOrders, 200, { total: 'three', orders: [{}] })).toEqual([
      'response/total must be integer',
    ]);
  });

  test('orders added by a test match eBay Order schema', () => {
    const order = server.state.addOrder({
      lineItems: [{ sku: 'RB-1', legacyItemId: '110000000001', quantity: 2, total: '10.00' }],
    });
    expect(server.contracts.validateComponent('sell_fulfillment_v1_oas3.json', 'Order', order)).toEqual([]);
    expect(order.pricingSummary.total).toEqual({ value: '10.00', currency: 'USD' });
  });

  test('a malformed date in the filter is a violation', async () => {
    const result = await call(
      server,
      'GET',
      `/sell/fulfillment/v1/order?filter=${encodeURIComponent('lastmodifieddate:[yesterday..]')}`,
    );
    expect(result.status).toBe(400);
    expect(server.violations[0]?.problems[0]).toMatch(/ISO 8601/);
  });
});
