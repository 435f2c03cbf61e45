/**
 * eBay pre-flight against the local eBay test server (tests/ebay), which checks every request
 * against eBay's OpenAPI contracts. Skips, with the reason in its title, without them.
 */
import { afterEach, beforeEach, describe, expect, onTestFinished, test } from 'vitest';

import type {
  EbayCheck,
  EbayCheckItem,
  EbayCheckKey,
  EbayMarketplace,
} from '../../../../shared/contract/ebay';
import { EBAY_CHECK_KEYS } from '../../../../shared/contract/ebay';
import { AppError } from '../../../../shared/errors';
import { renderMessage } from '../../../../shared/messages/render';
import { configureTestAccount, connectTestAccount, SEEDED_CHOICES } from '../../../../tests/ebay/account';
import { locateContracts } from '../../../../tests/ebay/openapi';
import { expectNoViolations, startEbayTestServer, type EbayTestServer } from '../../../../tests/ebay/server';
import { addItem, addMerchant, addPrice, addProduct } from '../../../../tests/integration/seed';
import { tempWorkspace } from '../../../../tests/integration/temp';
import { dispatch, invoke } from '../../api';
import { ManualClock } from '../../../../tests/support/jobs';
import type { Workspace } from '../../workspace';
import { builtInRegistry, configureJobs } from '../registry';
import { openSecrets } from './config';
import { createEbayLocation, parseMerchantAddress, refusedGrades } from './preflight';
import { configureEbay, connectEbay, secretBoxFor } from './service';

const contracts = locateContracts();
if (!contracts.available) console.warn(contracts.reason);
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

const T0 = Date.parse('2026-04-01T09:00:00.000Z');
const FULL = SEEDED_CHOICES;

let server: EbayTestServer;
let ws: Workspace;
let clock: ManualClock;
let merchantId: number;

beforeEach(async () => {
  if (!contracts.available) return;
  server = await startEbayTestServer();
  ws = await tempWorkspace();
  clock = new ManualClock(T0);
  configureJobs(ws, { clock, channels: builtInRegistry(ws, clock) });
  merchantId = await addMerchant(ws, { name: 'Velo Shop US', currency: 'USD', language: 'en' });
});
afterEach(async () => {
  if (contracts.available) await server.close();
});

async function configure(
  choices: Record<string, string> = SEEDED_CHOICES,
  marketplace: EbayMarketplace = 'EBAY_US',
): Promise<void> {
  await configureTestAccount(ws, clock, server, merchantId, { choices, marketplace });
}

async function connect(): Promise<void> {
  await connectTestAccount(ws, clock, server, merchantId, { asCode: true });
}

async function check(): Promise<EbayCheck> {
  return await invoke(ws, 'ebay.check', { merchantId });
}

function itemOf(result: EbayCheck, key: EbayCheckKey): EbayCheckItem {
  const found = result.items.find((i) => i.key === key);
  if (!found) throw new Error(`no ${key} item`);
  return found;
}

async function approvedItem(reference: string): Promise<number> {
  const productId = await addProduct(ws, { merchantId, sku: `P-${reference}`, title: 'Bike helmet' });
  const itemId = await addItem(ws, { merchantId, productId, reference, grade: 'used', status: 'approved' });
  await addPrice(ws, itemId, { originalCents: 5999, proposedCents: 4299, decision: 'approved' });
  return itemId;
}

describe('reading the merchant’s address and the grades a category refuses', () => {
  test('addresses: country last, the postal code by the country’s pattern', () => {
    expect(parseMerchantAddress('350 Fifth Avenue, New York, NY 10118, USA')).toEqual({
      country: 'US',
      postalCode: '10118',
      stateOrProvince: 'NY',
      city: 'New York',
    });
    expect(parseMerchantAddress('Hauptstraße 5\n10115 Berlin\nDeutschland')).toEqual({
      country: 'DE',
      postalCode: '10115',
      city: 'Berlin',
    });
    expect(
      parseMerchantAddress('Unit 7, Kilshane Business Park, Kilshane Road, Dublin 11, D11 K7P2, Ireland'),
    ).toEqual({ country: 'IE', postalCode: 'D11 K7P2' });
    expect(parseMerchantAddress('12 rue de la Paix, 75002 Paris, France')).toMatchObject({
      country: 'FR',
      postalCode: '75002',
    });
    expect(parseMerchantAddress('Springfield, IL, United States')).toEqual({
      country: 'US',
      city: 'Springfield',
      stateOrProvince: 'IL',
    });
    expect(parseMerchantAddress('Main Street, Springfield')).toEqual({});
  });

  test('grades: a NEW-only category refuses every grade but new, sealed', () => {
    const refused = refusedGrades(['NEW']).filter((g) => g.refused.length > 0);
    expect(refused.map((g) => g.grade)).toEqual([
      'opened_packaging',
      'used',
      'lightly_damaged',
      'heavily_damaged',
    ]);
    expect(
      refusedGrades(['NEW', 'NEW_OTHER', 'USED_GOOD', 'USED_ACCEPTABLE', 'FOR_PARTS_OR_NOT_WORKING']).every(
        (g) => g.refused.length === 0,
      ),
    ).toBe(true);
  });
});

describe.skipIf(!contracts.available)(title('eBay pre-flight against the eBay test server'), () => {
  test('everything present → ready, every item in the contract’s order, the options listed', async () => {
    await configure();
    await connect();
    const result = await check();
    expect(result.ready).toBe(true);
    expect(result.marketplace).toBe('EBAY_US');
    expect(result.checkedAt).toBe('2026-04-01T09:00:00.000Z');
    expect(result.items.map((i) => i.key)).toEqual([...EBAY_CHECK_KEYS]);
    for (const key of EBAY_CHECK_KEYS.filter((k) => k !== 'conditions')) {
      expect(itemOf(result, key), key).toMatchObject({ ok: true, fix: null });
    }
    expect(itemOf(result, 'paymentPolicy').message).toBe('Payment policy “Managed payments” (6000002).');
    expect(result.options.fulfillmentPolicies).toEqual([{ id: '6000001', name: 'Standard shipping' }]);
    expect(result.options.locations.map((l) => l.id)).toEqual(['warehouse-1']);
    expect(result.allowedConditions).toContain('USED_EXCELLENT');
    // 9355 has no USED_ACCEPTABLE: a warning naming the grade, not a stop.
    expect(itemOf(result, 'conditions')).toMatchObject({ ok: false, blocking: false });
    expect(itemOf(result, 'conditions').message).toContain(
      'Lightly damaged (when it maps to USED_ACCEPTABLE)',
    );
    expectNoViolations(server);
  });

  test('missing payment policy and no location → not ready, both named; publishing refuses before sending', async () => {
    server.state.setPolicies('EBAY_US', { payment: [] });
    server.state.locations.clear();
    const { paymentPolicyId: _p, merchantLocationKey: _l, fulfillmentPolicyId: _f, ...rest } = FULL;
    await configure(rest);
    await connect();
    const result = await check();
    expect(result.ready).toBe(false);
    expect(itemOf(result, 'paymentPolicy')).toMatchObject({
      ok: false,
      blocking: true,
      message: 'The seller has no payment policy for EBAY_US on eBay.',
    });
    expect(itemOf(result, 'paymentPolicy').fix).toMatch(
      /Create a payment policy for EBAY_US in eBay’s Seller Hub/,
    );
    expect(itemOf(result, 'location')).toMatchObject({
      ok: false,
      blocking: true,
      message: 'The seller has no inventory location on eBay.',
    });
    expect(itemOf(result, 'location').fix).toMatch(/Create location/);
    // Exactly one shipping policy and none chosen: the fix names it.
    expect(itemOf(result, 'fulfillmentPolicy').fix).toContain('“Standard shipping” (6000001)');
    expect(itemOf(result, 'returnPolicy').ok).toBe(true);

    const itemId = await approvedItem('RB-000401');
    const [published] = await invoke(ws, 'channels.publish', {
      itemIds: [itemId],
      channels: ['ebay'],
    });
    expect(published).toMatchObject({ outcome: 'refused', channel: 'ebay', jobId: null });
    expect(published?.message).toBe(
      'The eBay account is missing the shipping policy, the payment policy and the location: run the eBay check in Settings.',
    );
    expect(await ws.kysely.selectFrom('jobs').selectAll().execute()).toHaveLength(0);
    expect(server.requests.filter((r) => r.path.startsWith('/sell/inventory/v1/offer'))).toHaveLength(0);
    expectNoViolations(server);
  });

  test('not connected: every remote item is “not checked: connect first”, nothing is asked of eBay', async () => {
    await configure();
    const result = await check();
    expect(result.ready).toBe(false);
    expect(itemOf(result, 'connection')).toMatchObject({ ok: false, blocking: true });
    expect(itemOf(result, 'connection').message).toMatch(/not connected/);
    for (const key of [
      'fulfillmentPolicy',
      'paymentPolicy',
      'returnPolicy',
      'location',
      'conditions',
    ] as const) {
      expect(itemOf(result, key)).toMatchObject({
        ok: false,
        blocking: true,
        message: 'Not checked: connect first.',
      });
    }
    expect(itemOf(result, 'category').ok).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  test('a location is created from the merchant’s address and chosen; again → only chosen', async () => {
    server.state.locations.clear();
    const { merchantLocationKey: _l, ...rest } = FULL;
    await configure(rest);
    await connect();
    await ws.kysely
      .updateTable('merchants')
      .set({ address: '350 Fifth Avenue, New York, NY 10118, USA' })
      .where('id', '=', merchantId)
      .execute();
    const result = await invoke(ws, 'ebay.createLocation', { merchantId });
    const key = `rebound-${merchantId}`;
    expect(itemOf(result, 'location')).toMatchObject({
      ok: true,
      message: `Location “Velo Shop US” (${key}).`,
    });
    expect(result.ready).toBe(true);
    expect(server.state.locations.get(key)).toMatchObject({
      locationTypes: ['WAREHOUSE'],
      location: { address: { country: 'US', postalCode: '10118', city: 'New York', stateOrProvince: 'NY' } },
    });
    // The sealed secret (cert id, tokens) is untouched by choosing.
    const row = await ws.kysely.selectFrom('channel_accounts').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(row.settings)).toMatchObject({ merchantLocationKey: key, categoryId: '9355' });
    expect(openSecrets(secretBoxFor(ws), row.secret).refreshToken).not.toBeNull();

    const creates = () =>
      server.requests.filter((r) => r.method === 'POST' && r.path.includes('/sell/inventory/v1/location/'));
    expect(creates()).toHaveLength(1);
    const again = await createEbayLocation(ws, clock, merchantId);
    expect(itemOf(again, 'location').ok).toBe(true);
    expect(creates()).toHaveLength(1);
    expectNoViolations(server);
  });

  test('an address without a postal code is refused, naming it and pointing to Settings → Merchants', async () => {
    await configure();
    await connect();
    await ws.kysely
      .updateTable('merchants')
      .set({ address: '350 Fifth Avenue, New York, USA' })
      .where('id', '=', merchantId)
      .execute();
    const error = await createEbayLocation(ws, clock, merchantId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/no postal code.*Settings → Merchants/);
    expect(server.state.locations.has(`rebound-${merchantId}`)).toBe(false);
    expectNoViolations(server);
  });

  test('choose: sets the policies, location and category, keeps the rest', async () => {
    await configure({ categoryId: '9355' });
    await connect();
    const result = await invoke(ws, 'ebay.choose', {
      merchantId,
      fulfillmentPolicyId: '6000001',
      paymentPolicyId: '6000002',
      returnPolicyId: '6000003',
      merchantLocationKey: 'warehouse-1',
    });
    expect(result.ready).toBe(true);
    const status = await invoke(ws, 'ebay.status', { merchantId });
    expect(status.readyToPublish).toBe(true);
    expectNoViolations(server);
  });

  test('a category that allows only NEW → the used grades are named', async () => {
    server.state.setConditionPolicy('9355', ['NEW']);
    await configure();
    await connect();
    const result = await check();
    const conditions = itemOf(result, 'conditions');
    expect(conditions).toMatchObject({ ok: false, blocking: false });
    expect(conditions.message).toBe(
      'Category 9355 allows only NEW: eBay would refuse items graded Opened packaging, Used, Lightly damaged and Heavily damaged.',
    );
    // A French desk reads the same finding, with the grading screen's words for the grades.
    expect(renderMessage(conditions.text!, 'fr')).toMatch(
      /^La catégorie 9355 n’accepte que NEW : eBay refuserait les articles classés [^,]+, [^,]+, [^,]+ et [^,]+\.$/,
    );
    expect(renderMessage(conditions.fixText!, 'fr')).toMatch(/^Publiez ces articles ailleurs/);
    expect(result.allowedConditions).toEqual(['NEW']);
    expect(result.ready).toBe(true);

    // None of the conditions Rebound maps to: that stops publishing.
    server.state.setConditionPolicy('9355', ['CERTIFIED_REFURBISHED']);
    const none = await check();
    expect(itemOf(none, 'conditions')).toMatchObject({ ok: false, blocking: true });
    expect(none.ready).toBe(false);
    expectNoViolations(server);
  });

  test('a revoked token → the connection item says reconnect, the rest is not checked', async () => {
    await configure();
    await connect();
    const row = await ws.kysely.selectFrom('channel_accounts').selectAll().executeTakeFirstOrThrow();
    server.state.auth.revokeRefreshToken(openSecrets(secretBoxFor(ws), row.secret).refreshToken ?? '');
    server.clock.advance(7_200_000);
    clock.advance(7_200_000);
    const result = await check();
    expect(result.ready).toBe(false);
    expect(itemOf(result, 'connection')).toMatchObject({ ok: false, blocking: true });
    expect(itemOf(result, 'connection').message).toMatch(/reconnect/);
    expect(itemOf(result, 'connection').fix).toMatch(/^Reconnect eBay in Settings → eBay/);
    expect(itemOf(result, 'paymentPolicy').message).toBe('Not checked: reconnect first.');
    expectNoViolations(server);
  });

  test('a 500 from the Account API → that item fails, the others are still reported', async () => {
    await configure();
    await connect();
    server.faults.inject('internal-error', { path: '/sell/account/v1/payment_policy' });
    const result = await check();
    expect(result.ready).toBe(false);
    expect(itemOf(result, 'paymentPolicy')).toMatchObject({ ok: false, blocking: true });
    expect(itemOf(result, 'paymentPolicy').message).toMatch(
      /^Could not read the payment policies from eBay: /,
    );
    expect(itemOf(result, 'paymentPolicy').fix).toMatch(/run the eBay check again/);
    for (const key of ['connection', 'fulfillmentPolicy', 'returnPolicy', 'location', 'category'] as const) {
      expect(itemOf(result, key).ok, key).toBe(true);
    }
    expectNoViolations(server);
  });

  test('a marketplace Rebound does not draft in → a language warning, not a stop', async () => {
    server.state.setPolicies('EBAY_IT', {
      fulfillment: [{ id: '7000001', name: 'Spedizione' }],
      payment: [{ id: '7000002', name: 'Pagamenti' }],
      return: [{ id: '7000003', name: '30 giorni' }],
    });
    await configure(
      { ...FULL, fulfillmentPolicyId: '7000001', paymentPolicyId: '7000002', returnPolicyId: '7000003' },
      'EBAY_IT',
    );
    await connect();
    const result = await check();
    expect(itemOf(result, 'language')).toMatchObject({ ok: false, blocking: false });
    expect(itemOf(result, 'language').message).toMatch(/EBAY_IT lists in Italian.*English/);
    expect(result.ready).toBe(true);
    expectNoViolations(server);
  });

  test('configure again without the cert id keeps it (and the connection); a new app id needs one', async () => {
    await configure();
    await connect();
    const { certId: _c, ...app } = server.app;
    await configureEbay(ws, clock, {
      merchantId,
      ...app,
      marketplace: 'EBAY_US',
      baseUrl: server.baseUrl,
      ...FULL,
    });
    expect((await check()).ready).toBe(true);
    const error = await configureEbay(ws, clock, {
      merchantId,
      ...app,
      appId: 'Another-App-PRD',
      marketplace: 'EBAY_US',
      baseUrl: server.baseUrl,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/cert id .*belongs to the previous app/);
    expectNoViolations(server);
  });

  test('another eBay address without the cert id deletes the stored cert id and tokens; nothing is sent there', async () => {
    await configure();
    await connect();
    const { certId, ...app } = server.app;
    // Same eBay, other settings: the cert id and the seller's tokens stay.
    const same = await configureEbay(ws, clock, {
      merchantId,
      ...app,
      marketplace: 'EBAY_US',
      baseUrl: `${server.baseUrl}/`,
      ...FULL,
      categoryId: '9355',
    });
    expect(same).toMatchObject({ configured: true, connected: true, readyToPublish: true });

    // Another eBay (a second server: same app keys, so a leaked token would even be accepted).
    const other = await startEbayTestServer();
    onTestFinished(() => other.close());
    const moved = await configureEbay(ws, clock, {
      merchantId,
      ...app,
      marketplace: 'EBAY_US',
      baseUrl: other.baseUrl,
      ...FULL,
    });
    expect(moved).toMatchObject({
      configured: false,
      connected: false,
      readyToPublish: false,
      appId: app.appId,
      baseUrl: other.baseUrl,
    });
    const row = await ws.kysely
      .selectFrom('channel_accounts')
      .select('secret')
      .where('channel', '=', 'ebay')
      .executeTakeFirstOrThrow();
    expect(row.secret).toBeNull();

    // Every way to reach eBay refuses in words, before any request.
    await expect(dispatch(ws, 'ebay.connectUrl', { merchantId })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/credentials must be entered again/),
    });
    const result = await check();
    expect(itemOf(result, 'connection')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/credentials must be entered again/),
    });
    const itemId = await approvedItem('RB-000930');
    const [published] = await invoke(ws, 'channels.publish', {
      itemIds: [itemId],
      channels: ['ebay'],
    });
    expect(published).toMatchObject({
      outcome: 'refused',
      message: expect.stringMatching(/credentials must be entered again/),
    });
    // Back on the first address without the cert id: nothing comes back either.
    expect(
      await configureEbay(ws, clock, {
        merchantId,
        ...app,
        marketplace: 'EBAY_US',
        baseUrl: server.baseUrl,
        ...FULL,
      }),
    ).toMatchObject({ configured: false, connected: false });
    expect(other.requests).toEqual([]);

    // The sandbox is another eBay too.
    await configureEbay(ws, clock, {
      merchantId,
      ...server.app,
      marketplace: 'EBAY_US',
      baseUrl: other.baseUrl,
      ...FULL,
    });
    expect(
      await configureEbay(ws, clock, {
        merchantId,
        ...app,
        marketplace: 'EBAY_US',
        sandbox: true,
        baseUrl: other.baseUrl,
        ...FULL,
      }),
    ).toMatchObject({ configured: false, sandbox: true });

    // Entered again for the new address: it is configured and can be connected there.
    await configureEbay(ws, clock, {
      merchantId,
      ...app,
      certId,
      marketplace: 'EBAY_US',
      baseUrl: other.baseUrl,
      ...FULL,
    });
    const code = other.state.auth.issueAuthorizationCode();
    expect(await connectEbay(ws, clock, { merchantId, code })).toMatchObject({
      configured: true,
      connected: true,
    });
    expect(other.requests.length).toBeGreaterThan(0);
    expectNoViolations(server);
    expectNoViolations(other);
  });
});
