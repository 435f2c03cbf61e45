import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ItemDetail } from '../../../shared/contract';
import type { Grade, PackagingState } from '../../../shared/domain/grades';
import { addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import type { Actor } from '../actor';
import { gradeItem } from '../intake/grade';
import { addPhotos, PhotoPool } from '../photos';
import { sceneJpeg } from '../../../tests/support/images';
import type { Workspace } from '../workspace';
import { POLICY_ACTOR } from './service';

/**
 * The readiness rule: graded with a priceable grade and at least one photo, the item goes on to
 * its proposal by itself, whichever of the two comes last. Real grading, real photos.
 */

let pool: PhotoPool;
let jpeg: Buffer;

beforeAll(async () => {
  pool = new PhotoPool({ size: 1 });
  jpeg = await sceneJpeg(800, 600, 7);
});

afterAll(async () => {
  await pool.close();
});

let counter = 0;

/** A received headphone (199.99) of Larkfield, and the staff member at the desk. */
async function received(ws: Workspace): Promise<{ itemId: number; staff: Actor }> {
  const merchantId = await addMerchant(ws, { name: 'Larkfield Home & Tech' });
  const productId = await addProduct(ws, {
    merchantId,
    sku: 'LH-HP-01',
    title: 'Wireless headphones',
    originalCents: 19999,
  });
  counter += 1;
  const itemId = await addItem(ws, {
    merchantId,
    productId,
    reference: `RB-8${String(counter).padStart(5, '0')}`,
  });
  const profileId = await addProfile(ws, { name: 'Lea Brandt', role: 'staff' });
  return { itemId, staff: { profileId, name: 'Lea Brandt', role: 'staff', merchantIds: [] } };
}

async function grade(
  ws: Workspace,
  actor: Actor,
  itemId: number,
  value: Grade,
  options: { packaging?: PackagingState; scratch?: boolean } = {},
): Promise<ItemDetail> {
  const { version } = await ws.kysely
    .selectFrom('items')
    .select('version')
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  return gradeItem(ws, actor, {
    itemId,
    version,
    grade: value,
    packaging: options.packaging ?? (value === 'new_sealed' ? 'sealed' : 'opened_intact'),
    accessoriesMissing: [],
    functionalTest: value === 'new_sealed' ? 'not_done' : 'passed',
    factoryReset: false,
    cleaned: true,
    repackaged: false,
    defects: options.scratch
      ? [{ kind: 'scratch', location: 'left cup', sizeMm: 12, severity: 'moderate', note: '' }]
      : [],
  });
}

async function photograph(ws: Workspace, actor: Actor, itemId: number): Promise<void> {
  const results = await addPhotos(
    ws,
    actor,
    itemId,
    [{ name: 'front.jpg', bytes: jpeg, source: 'drop' }],
    undefined,
    {
      pool,
    },
  );
  expect(results.map((r) => r.ok)).toEqual([true]);
}

async function statusOf(ws: Workspace, itemId: number): Promise<string> {
  const row = await ws.kysely
    .selectFrom('items')
    .select('status')
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  return row.status;
}

async function eventsOf(ws: Workspace, itemId: number) {
  return ws.kysely.selectFrom('events').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

async function pricesOf(ws: Workspace, itemId: number) {
  return ws.kysely.selectFrom('prices').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

describe('an approval-ready draft without an extra step', () => {
  test('graded without photos: stays graded, nothing proposed', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    const detail = await grade(ws, staff, itemId, 'used', { scratch: true });
    expect(detail.status).toBe('graded');
    expect(await pricesOf(ws, itemId)).toEqual([]);
    expect((await eventsOf(ws, itemId)).map((e) => e.kind)).toEqual(['item.graded']);
  });

  test('photos first, then the grade: proposed on save, into the queue, each step an event', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await photograph(ws, staff, itemId);
    // Photos alone do not make an ungraded item ready.
    expect(await statusOf(ws, itemId)).toBe('received');

    const detail = await grade(ws, staff, itemId, 'used', { scratch: true });
    // The answer to the save already shows where the item went.
    expect(detail.status).toBe('awaiting_approval');
    const prices = await pricesOf(ws, itemId);
    expect(prices.map((p) => p.decision)).toEqual(['pending']);
    const events = await eventsOf(ws, itemId);
    expect(events.map((e) => [e.kind, e.actor])).toEqual([
      ['photos.added', 'Lea Brandt'],
      ['item.graded', 'Lea Brandt'],
      ['item.photographed', 'Lea Brandt'],
      ['price.proposed', 'Lea Brandt'],
    ]);
    expect(JSON.parse(events[2]!.data)).toEqual({
      changes: { status: { before: 'graded', after: 'photographed' } },
      text: { code: 'pricing.photographed' },
    });
    expect(JSON.parse(events[3]!.data)).toMatchObject({
      status: { before: 'photographed', after: 'awaiting_approval' },
    });
  });

  test('graded, then photos: proposed when the first photo arrives', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await grade(ws, staff, itemId, 'used', { scratch: true });
    expect(await statusOf(ws, itemId)).toBe('graded');
    await photograph(ws, staff, itemId);
    expect(await statusOf(ws, itemId)).toBe('awaiting_approval');
    expect((await eventsOf(ws, itemId)).map((e) => e.kind)).toEqual([
      'item.graded',
      'photos.added',
      'item.photographed',
      'price.proposed',
    ]);
  });

  test('defective: never priced, whatever the photos', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await grade(ws, staff, itemId, 'defective');
    await photograph(ws, staff, itemId);
    expect(await statusOf(ws, itemId)).toBe('graded');
    expect(await pricesOf(ws, itemId)).toEqual([]);
    expect((await eventsOf(ws, itemId)).map((e) => e.kind)).toEqual(['item.graded', 'photos.added']);
  });

  test('within the threshold: approved by the policy itself, not by the person at the desk', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await photograph(ws, staff, itemId);
    const detail = await grade(ws, staff, itemId, 'opened_packaging');
    expect(detail.status).toBe('approved');
    const [price] = await pricesOf(ws, itemId);
    expect(price).toMatchObject({ decision: 'auto_approved', decided_by: null, proposed_cents: 17599 });
    const events = await eventsOf(ws, itemId);
    expect(events.slice(-2).map((e) => [e.kind, e.actor, e.profile_id])).toEqual([
      ['price.proposed', 'Lea Brandt', staff.profileId],
      ['price.auto_approved', POLICY_ACTOR.name, null],
    ]);
  });

  test('a refusal (sealed with findings) leaves the item graded and says why', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await photograph(ws, staff, itemId);
    const detail = await grade(ws, staff, itemId, 'new_sealed', { scratch: true });
    // The grading stands, and the photographed step was rolled back with the proposal.
    expect(detail.status).toBe('graded');
    expect(detail.grade).toBe('new_sealed');
    expect(await pricesOf(ws, itemId)).toEqual([]);
    const events = await eventsOf(ws, itemId);
    expect(events.map((e) => e.kind)).toEqual(['photos.added', 'item.graded', 'price.not_proposed']);
    expect(events[2]!.summary).toMatch(/^No price proposed: Item RB-\d+ cannot be priced: .*defects/);
    expect(JSON.parse(events[2]!.data)).toMatchObject({
      details: { refusal: { code: 'sealed_with_findings' } },
    });
  });

  test('a sealed item without findings goes through too: back to stock at full price', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await photograph(ws, staff, itemId);
    await grade(ws, staff, itemId, 'new_sealed');
    const [price] = await pricesOf(ws, itemId);
    expect(price).toMatchObject({ decision: 'auto_approved', proposed_cents: 19999 });
  });

  test('regrading a rejected item proposes again, from the new grade', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await photograph(ws, staff, itemId);
    await grade(ws, staff, itemId, 'used', { scratch: true });
    // The merchant sends it back to be regraded (rejectPrice "regrade" → graded).
    await ws.kysely.updateTable('items').set({ status: 'rejected' }).where('id', '=', itemId).execute();
    const detail = await grade(ws, staff, itemId, 'lightly_damaged', { scratch: true });
    expect(detail.status).toBe('awaiting_approval');
    expect((await pricesOf(ws, itemId)).map((p) => p.decision)).toEqual(['pending', 'pending']);
  });

  test('an unchanged save asks for nothing new', async () => {
    const ws = await tempWorkspace();
    const { itemId, staff } = await received(ws);
    await photograph(ws, staff, itemId);
    await grade(ws, staff, itemId, 'new_sealed', { scratch: true });
    const before = (await eventsOf(ws, itemId)).length;
    await grade(ws, staff, itemId, 'new_sealed', { scratch: true });
    expect((await eventsOf(ws, itemId)).length).toBe(before);
  });
});
