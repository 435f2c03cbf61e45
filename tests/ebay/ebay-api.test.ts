/**
 * The real `ebay-api` client (v9) against the test server: proof that the channel's client library
 * sends what eBay's contracts accept, and that the rebasing seam (rebase.ts) reaches every host.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import eBayApi from 'ebay-api';
import { locateContracts } from './openapi.js';
import { expectNoViolations, startEbayTestServer, type EbayTestServer } from './server.js';
import { DEFAULT_SCOPES } from './state.js';
import { rebaseEbayApi } from './rebase.js';
import { inventoryItem, offer } from './fixtures.js';

const contracts = locateContracts();
if (!contracts.available) console.warn(contracts.reason);
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

type Inventory = eBayApi['sell']['inventory'];
/**
 * ebay-api's types are generated from the same contract, so they inherit its `aspects: string` error
 * (see ERRATA in openapi.ts); the fixtures are plain objects checked by the server, so cast once here.
 */
const asItem = (body: Record<string, unknown>) =>
  body as unknown as Parameters<Inventory['createOrReplaceInventoryItem']>[1];
const asOffer = (body: Record<string, unknown>) => body as unknown as Parameters<Inventory['createOffer']>[0];

let server: EbayTestServer;
let api: eBayApi;

beforeEach(async () => {
  if (!contracts.available) return;
  server = await startEbayTestServer();
  api = new eBayApi({
    appId: server.app.appId,
    certId: server.app.certId,
    ruName: server.app.ruName,
    sandbox: false,
    siteId: eBayApi.SiteId.EBAY_US,
    marketplaceId: eBayApi.MarketplaceId.EBAY_US,
    contentLanguage: eBayApi.ContentLanguage.en_US,
    scope: [...DEFAULT_SCOPES],
    // On eBay's 1001 'Invalid access token' the client refreshes and retries once: exercised below.
    autoRefreshToken: true,
  });
  rebaseEbayApi(api, server.baseUrl);
  // The seller's consent in the browser is simulated by the server handing out a code.
  await api.OAuth2.obtainToken(server.state.auth.issueAuthorizationCode(DEFAULT_SCOPES));
});
afterEach(async () => {
  if (contracts.available) await server.close();
});

describe.skipIf(!contracts.available)(title('ebay-api v9 against the eBay test server'), () => {
  test('createOrReplaceInventoryItem, createOffer and getOffers go through with no violations', async () => {
    await api.sell.inventory.createOrReplaceInventoryItem('RB-API-1', asItem(inventoryItem()));
    expect(server.state.inventory.get('RB-API-1')?.locale).toBe('en_US');
    const created = (await api.sell.inventory.createOffer(asOffer(offer('RB-API-1')))) as { offerId: string };
    const offers = (await api.sell.inventory.getOffers({ sku: 'RB-API-1', marketplaceId: 'EBAY_US' })) as {
      offers: { offerId: string; status: string }[];
    };
    expect(offers.offers).toEqual([
      expect.objectContaining({ offerId: created.offerId, status: 'UNPUBLISHED' }),
    ]);
    // Every call — including the OAuth code exchange — reached the test server, none a real host.
    expect(server.requests.map((r) => r.operationId ?? r.path)).toEqual([
      '/identity/v1/oauth2/token',
      'createOrReplaceInventoryItem',
      'createOffer',
      'getOffers',
    ]);
    expectNoViolations(server);
  });

  test('after the access token expires, ebay-api refreshes with the granted scopes and retries', async () => {
    await api.sell.inventory.createOrReplaceInventoryItem('RB-API-2', asItem(inventoryItem()));
    server.clock.advance(7_200_000);
    await api.sell.inventory.createOffer(asOffer(offer('RB-API-2')));
    const tokenCalls = server.requests.filter((r) => r.path === '/identity/v1/oauth2/token');
    expect(tokenCalls.map((r) => (r.body as { grant_type: string }).grant_type)).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
    expect(server.state.offers.size).toBe(1);
    // The one expired call is what eBay would answer too; everything else was clean.
    expectNoViolations(server, { ignore: ['token-expired'] });
  });

  test('image upload: ebay-api v9 has no method for it; its generic post works once the JSON default is overridden', async () => {
    const form = (): FormData => {
      const data = new FormData();
      data.append(
        'image',
        new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' }),
        'a.jpg',
      );
      return data;
    };
    // ebay-api forces `Content-Type: application/json` on every REST call, and axios then turns the
    // FormData into JSON: eBay (and this server) refuse it.
    await expect(api.commerce.media.post('/image/create_image_from_file', form())).rejects.toThrow();
    expect(server.violations.map((v) => v.problems[0])).toEqual([
      'createImageFromFile must be multipart/form-data, got "application/json"',
    ]);
    // The per-call apiConfig headers come last, so they win; axios adds the boundary itself.
    const uploaded = (await api.commerce.media.post(
      '/image/create_image_from_file',
      form(),
      {},
      {
        headers: { 'Content-Type': 'multipart/form-data' },
      },
    )) as { imageUrl: string };
    expect(uploaded.imageUrl).toMatch(/^https:\/\/i\.ebayimg\.test\//);
    // The apim.ebay.com host was rebased like api.ebay.com.
    expect(server.requests.at(-1)?.operationId).toBe('createImageFromFile');
  });

  test('a body eBay would refuse fails in the client with eBay error details', async () => {
    const error = await api.sell.inventory
      .createOrReplaceInventoryItem('RB-API-3', asItem(inventoryItem({ condition: 'GENTLY_USED' })))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { meta?: { res?: { status?: number } } }).meta?.res?.status).toBe(400);
    expect(server.violations).toHaveLength(1);
  });
});
