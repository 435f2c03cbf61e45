import { describe, expect, test } from 'vitest';
import { renderMessage } from '../../../shared/messages/render';

import { addItem, addMerchant, addPrice, addProduct } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { dispatch, invoke } from '../api';
import { JobRunner } from '../jobs/runner';
import { ManualClock, ManualScheduler, testEnvironment } from '../../../tests/support/jobs';
import type { Workspace } from '../workspace';
import { configureJobs } from './registry';

const T0 = Date.parse('2026-04-01T09:00:00.000Z');

async function approvedItem(ws: Workspace, reference = 'RB-000201') {
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, {
    merchantId,
    sku: 'VS-HELM-01',
    title: 'Bike helmet',
    originalCents: 5999,
  });
  const itemId = await addItem(ws, { merchantId, productId, reference, grade: 'used', status: 'approved' });
  await addPrice(ws, itemId, { originalCents: 5999, proposedCents: 4299, decision: 'approved' });
  return { merchantId, productId, itemId };
}

async function setUp() {
  const ws = await tempWorkspace();
  const clock = new ManualClock(T0);
  const env = testEnvironment(ws, clock, []);
  configureJobs(ws, env);
  const runner = new JobRunner(ws, {
    env,
    scheduler: new ManualScheduler(clock),
    random: () => 0.5,
    salesPollMs: 0,
  });
  return { ws, clock, runner };
}

describe('the practice marketplace', () => {
  test('publish → live with a URL → a buyer → sync → sold, and the sale is recorded once', async () => {
    const { ws, clock, runner } = await setUp();
    const { itemId } = await approvedItem(ws);

    const [queued] = await invoke(ws, 'channels.publish', {
      itemIds: [itemId],
      channels: ['practice'],
    });
    expect(queued).toMatchObject({ outcome: 'queued', channel: 'practice' });
    expect(await invoke(ws, 'jobs.summary', {})).toEqual({ queued: 1, running: 0, failed: 0 });

    const outcomes = await runner.runDue();
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    const listing = await ws.kysely
      .selectFrom('listings')
      .selectAll()
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(listing).toMatchObject({
      status: 'live',
      price_cents: 4299,
      remote_sku: 'RB-000201',
      last_error: null,
    });
    expect(listing.url).toBe(`rebound-practice://listing/${listing.remote_listing_id}`);
    const item = await ws.kysely
      .selectFrom('items')
      .select(['status', 'version'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe('listed');
    // The marketplace got the drafted "why is it discounted" text, not the bare catalogue copy.
    const remote = await ws.kysely
      .selectFrom('practice_listings')
      .select(['title', 'description_html'])
      .where('sku', '=', 'RB-000201')
      .executeTakeFirstOrThrow();
    expect(remote.title).toContain('Bike helmet');
    expect(remote.description_html).toContain('<h2>Why is it discounted?</h2>');

    clock.advance(60_000);
    const order = await invoke(ws, 'practice.buy', { itemId, buyerCountry: 'de' });
    expect(order).toMatchObject({ orderId: 'PM-000001', priceCents: 4299, buyerCountry: 'DE', itemId });
    // The purchase is the marketplace's business until the sync brings it in.
    expect((await ws.kysely.selectFrom('sales').selectAll().execute()).length).toBe(0);

    await runner.runDue();
    const sales = await ws.kysely.selectFrom('sales').selectAll().execute();
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({
      item_id: itemId,
      channel: 'practice',
      order_id: 'PM-000001',
      line_id: '1',
      price_cents: 4299,
      shipping_cents: 495,
      fees_estimated: 1,
      buyer_country: 'DE',
      kind: 'sale',
    });
    // The merchant's estimate of eBay-like fees: 13 % of 42.99 plus 0.35.
    expect(sales[0]?.fees_cents).toBe(559 + 35);
    expect(
      (
        await ws.kysely
          .selectFrom('items')
          .select('status')
          .where('id', '=', itemId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('sold');
    expect(
      await ws.kysely
        .selectFrom('listings')
        .select(['status', 'end_reason'])
        .where('item_id', '=', itemId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'ended', end_reason: 'sold' });

    // Syncing again re-reads the overlap window: the same order comes back and is not recorded twice.
    clock.advance(30_000);
    await dispatch(ws, 'channels.sync', {});
    const again = await runner.runDue();
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ status: 'done' });
    expect(again[0]?.status === 'done' && again[0].summary).toMatch(/^0 sales.*1 already recorded/);
    expect(await ws.kysely.selectFrom('sales').selectAll().execute()).toHaveLength(1);

    const ledger = await invoke(ws, 'sales.list', {});
    expect(ledger.rows.map((r) => r.orderId)).toEqual(['PM-000001']);
    const history = await ws.kysely
      .selectFrom('events')
      .select('kind')
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    expect(history.map((e) => e.kind)).toEqual([
      'listing.queued',
      'listing.published',
      'practice.bought',
      'sale.recorded',
    ]);
    const account = await ws.kysely.selectFrom('channel_accounts').selectAll().executeTakeFirstOrThrow();
    expect(account.sales_cursor).toBe(new Date(T0 + 60_000).toISOString());
  });

  test('a buyer cannot buy what is not on sale there, nor buy it twice', async () => {
    const { ws, runner } = await setUp();
    const { itemId } = await approvedItem(ws);
    await expect(dispatch(ws, 'practice.buy', { itemId })).rejects.toMatchObject({
      code: 'conflict',
      message: 'RB-000201 is not on the practice marketplace. Publish it there first.',
      text: { code: 'channels.practice.not_listed', params: { name: 'RB-000201' } },
    });
    await dispatch(ws, 'channels.publish', { itemIds: [itemId], channels: ['practice'] });
    await runner.runDue();
    await dispatch(ws, 'practice.buy', { itemId });
    await expect(dispatch(ws, 'practice.buy', { itemId })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already been bought/),
    });
    await expect(dispatch(ws, 'practice.buy', {})).rejects.toMatchObject({ code: 'bad_input' });
    await expect(dispatch(ws, 'practice.buy', { listingId: 999 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('a demo listing (written before the marketplace had tables) can be bought, with a fresh order number', async () => {
    const { ws, runner } = await setUp();
    const { itemId, merchantId, productId } = await approvedItem(ws, 'RB-000301');
    await ws.kysely.updateTable('items').set({ status: 'listed' }).where('id', '=', itemId).execute();
    // What the demo generator writes: a live practice listing and, for another item, a sale PM-007302.
    await ws.kysely
      .insertInto('listings')
      .values({
        item_id: itemId,
        channel: 'practice',
        status: 'live',
        remote_sku: 'RB-000301',
        remote_listing_id: '40117',
        url: 'rebound-practice://listing/40117',
        price_cents: 4299,
        created_at: '2026-03-01T08:00:00.000Z',
        updated_at: '2026-03-01T08:00:00.000Z',
      })
      .execute();
    const sold = await addItem(ws, { merchantId, productId, reference: 'RB-000302', status: 'sold' });
    await ws.kysely
      .insertInto('sales')
      .values({
        item_id: sold,
        merchant_id: merchantId,
        channel: 'practice',
        order_id: 'PM-007302',
        line_id: '1',
        sold_at: '2026-03-02T08:00:00.000Z',
        currency: 'EUR',
        price_cents: 1000,
        created_at: '2026-03-02T08:00:00.000Z',
      })
      .execute();

    const order = await invoke(ws, 'practice.buy', { itemId });
    expect(order).toMatchObject({
      orderId: 'PM-007303',
      practiceListingId: 40117,
      url: 'rebound-practice://listing/40117',
    });
    await runner.runDue();
    const sales = await ws.kysely.selectFrom('sales').select(['order_id', 'item_id']).orderBy('id').execute();
    expect(sales).toEqual([
      { order_id: 'PM-007302', item_id: sold },
      { order_id: 'PM-007303', item_id: itemId },
    ]);
  });

  test('refuses items that are not approved, defective items, and channels this version cannot reach', async () => {
    const { ws } = await setUp();
    const { itemId, merchantId, productId } = await approvedItem(ws);
    const pending = await addItem(ws, {
      merchantId,
      productId,
      reference: 'RB-000202',
      status: 'awaiting_approval',
      grade: 'used',
    });
    const defective = await addItem(ws, {
      merchantId,
      productId,
      reference: 'RB-000203',
      status: 'approved',
      grade: 'defective',
    });
    const results = await invoke(ws, 'channels.publish', {
      itemIds: [pending, defective, itemId],
      channels: ['practice', 'ebay'],
    });
    expect(results.map((r) => [r.reference, r.channel, r.outcome])).toEqual([
      ['RB-000202', 'practice', 'refused'],
      ['RB-000202', 'ebay', 'refused'],
      ['RB-000203', 'practice', 'refused'],
      ['RB-000203', 'ebay', 'refused'],
      ['RB-000201', 'practice', 'queued'],
      ['RB-000201', 'ebay', 'refused'],
    ]);
    expect(results[0]?.message).toBe(
      'RB-000202 is “Awaiting approval”: only items whose price the merchant approved can be published.',
    );
    expect(renderMessage(results[0]!.text!, 'fr')).toBe(
      'RB-000202 est « En attente de validation » : seuls les articles dont le marchand a validé le prix peuvent être publiés.',
    );
    expect(results[2]?.message).toMatch(/defective items are never listed/);
    expect(results[5]?.message).toMatch(/eBay is not available/);
    expect(renderMessage(results[5]!.text!, 'de')).toBe(
      'Die Veröffentlichung auf eBay ist in dieser Version von Rebound noch nicht verfügbar.',
    );
    expect(await ws.kysely.selectFrom('jobs').select('id').execute()).toHaveLength(1);
  });
});
