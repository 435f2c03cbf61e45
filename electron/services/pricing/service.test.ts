import { describe, expect, test } from 'vitest';
import type { PricingView } from '../../../shared/contract';
import type { Grade, PackagingState } from '../../../shared/domain/grades';
import type { ItemStatus } from '../../../shared/domain/status';
import { DEFAULT_POLICY } from '../../../shared/pricing';
import { addDefect, addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { dispatch, invoke } from '../api';
import type { Workspace } from '../workspace';
import { failure } from '../../../tests/support/failure';

/** Two merchants, the four roles, and a headphone product at 199.99 (floor 40.00 by default). */
async function desk(ws: Workspace) {
  const larkfield = await addMerchant(ws, { name: 'Larkfield Home & Tech' });
  const other = await addMerchant(ws, { name: 'Velo Shop' });
  const headphones = await addProduct(ws, {
    merchantId: larkfield,
    sku: 'LH-HP-01',
    title: 'Wireless headphones',
    originalCents: 19999,
    accessories: ['cable'],
  });
  const pump = await addProduct(ws, {
    merchantId: other,
    sku: 'VS-PUMP',
    title: 'Pump',
    originalCents: 4500,
  });
  return {
    larkfield,
    other,
    headphones,
    pump,
    staff: await addProfile(ws, { name: 'Lea Brandt', role: 'staff' }),
    approver: await addProfile(ws, { name: 'Siobhán Kelly', role: 'approver', merchantIds: [larkfield] }),
    otherApprover: await addProfile(ws, { name: 'Mara Velo', role: 'approver', merchantIds: [other] }),
    bookkeeper: await addProfile(ws, { name: 'Martin Vogel', role: 'bookkeeper' }),
    admin: await addProfile(ws, { name: 'Nadia Okafor', role: 'admin' }),
  };
}

let counter = 0;
async function gradedItem(
  ws: Workspace,
  merchantId: number,
  productId: number,
  grade: Grade,
  options: { packaging?: PackagingState; status?: ItemStatus; functionalTest?: 'passed' | 'failed' } = {},
): Promise<number> {
  counter += 1;
  const id = await addItem(ws, {
    merchantId,
    productId,
    reference: `RB-9${String(counter).padStart(5, '0')}`,
    grade,
    gradedAt: '2026-03-01T09:00:00.000Z',
    status: options.status ?? 'graded',
  });
  await ws.kysely
    .updateTable('items')
    .set({
      packaging: options.packaging ?? 'opened_intact',
      functional_test: options.functionalTest ?? 'passed',
    })
    .where('id', '=', id)
    .execute();
  return id;
}

const as = (personId: number) => ({ via: 'person', personId }) as const;

async function propose(ws: Workspace, itemId: number, profileId: number): Promise<PricingView> {
  return await invoke(ws, 'pricing.propose', { itemId }, as(profileId));
}

async function itemRow(ws: Workspace, id: number) {
  return ws.kysely.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function eventsOf(ws: Workspace, itemId: number) {
  return ws.kysely.selectFrom('events').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

describe('pricing.propose', () => {
  test('a discount within the threshold is approved by the policy itself, recorded as the system', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const itemId = await gradedItem(ws, d.larkfield, d.headphones, 'opened_packaging');
    const view = await propose(ws, itemId, d.staff);

    // 12 % of 199.99 is 24.00 (rounded on its own); 175.99 already ends in .99.
    expect(view.price).toMatchObject({
      originalCents: 19999,
      proposedCents: 17599,
      decision: 'auto_approved',
    });
    expect(view.price?.steps).toEqual([
      expect.objectContaining({ code: 'grade', deltaCents: -2400, label: expect.stringContaining('12') }),
    ]);
    expect(view.approvalReasons).toEqual([]);
    expect((await itemRow(ws, itemId)).status).toBe('approved');
    const price = await ws.kysely
      .selectFrom('prices')
      .selectAll()
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(price.decided_by).toBeNull();
    expect(price.reason).toBe('approved by the policy itself');
    expect(JSON.parse(price.steps)).toEqual([
      {
        code: 'grade',
        label: expect.any(String),
        deltaCents: -2400,
        params: { grade: 'opened_packaging', bp: 1200 },
      },
    ]);

    const events = await eventsOf(ws, itemId);
    expect(events.map((e) => [e.kind, e.actor, e.profile_id])).toEqual([
      ['price.proposed', 'Lea Brandt', d.staff],
      ['price.auto_approved', 'Rebound (pricing policy)', null],
    ]);
  });

  test('a deeper discount waits for the merchant, with its reason', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const itemId = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    const view = await propose(ws, itemId, d.staff);
    expect(view.price).toMatchObject({ proposedCents: 14999, floorCents: 4000, decision: 'pending' });
    expect(view.discountBp).toBe(2500);
    expect(view.approvalReasons).toEqual(['discount_above_threshold']);
    expect((await itemRow(ws, itemId)).status).toBe('awaiting_approval');
  });

  test('the merchant’s stored policy is used', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const policy = { ...DEFAULT_POLICY, autoApproveMaxDiscountBp: 3000 };
    await dispatch(ws, 'pricing.policy.update', { merchantId: d.larkfield, policy }, as(d.approver));
    const itemId = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    expect((await propose(ws, itemId, d.staff)).price?.decision).toBe('auto_approved');
  });

  test('defective and contradictory sealed items are refused with a clear message', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const broken = await gradedItem(ws, d.larkfield, d.headphones, 'defective');
    const error = await failure(propose(ws, broken, d.staff));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/cannot be priced/);

    const sealed = await gradedItem(ws, d.larkfield, d.headphones, 'new_sealed', { packaging: 'sealed' });
    await addDefect(ws, sealed, { position: 0, kind: 'scratch', severity: 'minor' });
    const sealedError = await failure(propose(ws, sealed, d.staff));
    expect(sealedError.code).toBe('conflict');
    expect(sealedError.details).toMatchObject({
      refusal: { code: 'sealed_with_findings', findings: ['defects'] },
    });
    expect(await ws.kysely.selectFrom('prices').selectAll().execute()).toEqual([]);
  });

  test('an item not graded yet, or already sold, gets no proposal', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const received = await addItem(ws, {
      merchantId: d.larkfield,
      productId: d.headphones,
      reference: 'RB-1',
    });
    expect((await failure(propose(ws, received, d.staff))).code).toBe('conflict');
    const sold = await gradedItem(ws, d.larkfield, d.headphones, 'used', { status: 'sold' });
    expect((await failure(propose(ws, sold, d.staff))).message).toMatch(/is “Sold”/);
  });
});

describe('pricing.get', () => {
  test('gives comparables from the merchant’s sales of the same SKU and grade, and sees a regrade as stale', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const sold = [14500, 15500, 99900];
    for (const [i, cents] of sold.entries()) {
      const grade: Grade = i === 2 ? 'opened_packaging' : 'used';
      const soldItem = await gradedItem(ws, d.larkfield, d.headphones, grade, { status: 'sold' });
      await ws.kysely
        .insertInto('sales')
        .values({
          item_id: soldItem,
          merchant_id: d.larkfield,
          channel: 'practice',
          order_id: `O-${i}`,
          line_id: '1',
          sold_at: `2026-02-0${i + 1}T10:00:00.000Z`,
          currency: 'EUR',
          price_cents: cents,
          created_at: '2026-02-01T10:00:00.000Z',
        })
        .execute();
    }
    const itemId = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    await propose(ws, itemId, d.staff);
    const view = await invoke(ws, 'pricing.get', { itemId });
    expect(view.stale).toBe(false);
    expect(view.comparables).toMatchObject({
      count: 2,
      medianCents: 15000,
      minCents: 14500,
      maxCents: 15500,
    });

    // The desk regrades it (status back to graded): the stored trace no longer describes it.
    await ws.kysely
      .updateTable('items')
      .set({ status: 'graded', graded_at: '2099-01-01T00:00:00.000Z' })
      .where('id', '=', itemId)
      .execute();
    expect((await invoke(ws, 'pricing.get', { itemId })).stale).toBe(true);
  });
});

describe('approvals', () => {
  async function waiting(ws: Workspace) {
    const d = await desk(ws);
    const itemId = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    const view = await propose(ws, itemId, d.staff);
    return { d, itemId, priceId: view.price!.id };
  }

  test('approve records the approver’s name and moves the item on', async () => {
    const ws = await tempWorkspace();
    const { d, itemId, priceId } = await waiting(ws);
    const view = await invoke(ws, 'approvals.approve', { itemId, priceId }, as(d.approver));
    expect(view.price).toMatchObject({ id: priceId, decision: 'approved', decidedBy: 'Siobhán Kelly' });
    const item = await itemRow(ws, itemId);
    expect(item.status).toBe('approved');
    const last = (await eventsOf(ws, itemId)).at(-1)!;
    expect(last).toMatchObject({ kind: 'price.approved', actor: 'Siobhán Kelly', profile_id: d.approver });
    expect(last.summary).toBe('Price approved by Siobhán Kelly: €149.99');

    // Deciding twice is refused: it is no longer waiting.
    const again = await failure(dispatch(ws, 'approvals.approve', { itemId, priceId }, as(d.approver)));
    expect(again.code).toBe('conflict');
  });

  test('adjust stores a new trace ending in the manual step; below the floor is flagged', async () => {
    const ws = await tempWorkspace();
    const { d, itemId, priceId } = await waiting(ws);
    const view = await invoke(
      ws,
      'approvals.adjust',
      { itemId, priceId, priceCents: 13000, note: 'scuffed headband' },
      as(d.approver),
    );
    expect(view.price).toMatchObject({
      proposedCents: 13000,
      decision: 'adjusted',
      decidedBy: 'Siobhán Kelly',
    });
    expect(view.price!.id).toBeGreaterThan(priceId);
    expect(view.price!.steps.at(-1)).toMatchObject({ code: 'manual', deltaCents: 13000 - 14999 });
    expect(view.price!.originalCents + view.price!.steps.reduce((s, x) => s + x.deltaCents, 0)).toBe(13000);
    expect((await itemRow(ws, itemId)).status).toBe('approved');

    // Adjusting again below the floor (40.00): allowed for a person, and said so.
    const low = await invoke(
      ws,
      'approvals.adjust',
      { itemId, priceId: view.price!.id, priceCents: 3000 },
      as(d.admin),
    );
    expect(low.belowFloor).toBe(true);
    expect(low.approvalReasons).toContain('below_floor');
    const last = (await eventsOf(ws, itemId)).at(-1)!;
    expect(last.actor).toBe('Nadia Okafor');
    expect(last.summary).toMatch(/below the floor of €40\.00/);
    expect(JSON.parse(last.data)).toMatchObject({ belowFloor: true, before: 13000, after: 3000 });
  });

  test.each([
    ['regrade', 'graded', null],
    ['return_to_me', 'returned_to_merchant', 'return_to_merchant'],
    ['destroy', 'destroyed', 'destroy'],
  ] as const)('reject for %s leaves the item %s', async (reason, status, disposition) => {
    const ws = await tempWorkspace();
    const { d, itemId, priceId } = await waiting(ws);
    const view = await invoke(
      ws,
      'approvals.reject',
      { itemId, priceId, reason, note: 'not worth it' },
      as(d.approver),
    );
    expect(view.price?.decision).toBe('rejected');
    const item = await itemRow(ws, itemId);
    expect(item.status).toBe(status);
    expect(item.disposition).toBe(disposition);
    const last = (await eventsOf(ws, itemId)).at(-1)!;
    expect(last).toMatchObject({ kind: 'price.rejected', actor: 'Siobhán Kelly' });
    expect(last.summary).toMatch(/^Price rejected by Siobhán Kelly: .*“not worth it”$/);
  });

  test('a decision on a proposal that is no longer the latest is a conflict', async () => {
    const ws = await tempWorkspace();
    const { d, itemId, priceId } = await waiting(ws);
    const newer = await propose(ws, itemId, d.staff);
    expect(newer.price!.id).not.toBe(priceId);
    const error = await failure(dispatch(ws, 'approvals.approve', { itemId, priceId }, as(d.approver)));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/newer proposal/);
    expect((await itemRow(ws, itemId)).status).toBe('awaiting_approval');
  });

  test('approveMany approves what it may and says why not for the rest', async () => {
    const ws = await tempWorkspace();
    const { d, itemId } = await waiting(ws);
    const second = await gradedItem(ws, d.larkfield, d.headphones, 'lightly_damaged');
    await propose(ws, second, d.staff);
    const foreign = await gradedItem(ws, d.other, d.pump, 'used');
    await propose(ws, foreign, d.staff);
    const notPriced = await gradedItem(ws, d.larkfield, d.headphones, 'used');

    const results = await invoke(
      ws,
      'approvals.approveMany',
      { itemIds: [itemId, second, foreign, notPriced] },
      as(d.approver),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(results[2]!.message).toMatch(/Siobhán Kelly approves for other merchants/);
    expect(results[3]!.message).toMatch(/no price proposal/);
    expect((await itemRow(ws, second)).status).toBe('approved');
    expect((await itemRow(ws, foreign)).status).toBe('awaiting_approval');
  });
});

describe('approvals.list', () => {
  test('lists what waits, oldest first, filtered, and only the approver’s own merchant', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const used = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    await propose(ws, used, d.staff);
    const heavy = await gradedItem(ws, d.larkfield, d.headphones, 'heavily_damaged');
    await propose(ws, heavy, d.staff);
    const foreign = await gradedItem(ws, d.other, d.pump, 'used');
    await propose(ws, foreign, d.staff);
    const auto = await gradedItem(ws, d.larkfield, d.headphones, 'opened_packaging');
    await propose(ws, auto, d.staff);

    const mine = await invoke(ws, 'approvals.list', {}, as(d.approver));
    expect(mine.waiting).toBe(2);
    expect(mine.rows.map((r) => r.itemId)).toEqual([used, heavy]);
    expect(mine.rows[0]).toMatchObject({ discountBp: 2500, netCents: 14999 - (1950 + 35) });
    const everyone = await invoke(ws, 'approvals.list', {}, as(d.admin));
    expect(everyone.rows.map((r) => r.itemId)).toEqual([used, heavy, foreign]);
    const deep = await invoke(ws, 'approvals.list', { minDiscountBp: 5000 }, as(d.admin));
    expect(deep.rows.map((r) => r.itemId)).toEqual([heavy]);
    const graded = await invoke(ws, 'approvals.list', { grade: 'used' }, as(d.approver));
    expect(graded.rows.map((r) => r.itemId)).toEqual([used]);
    const old = await invoke(ws, 'approvals.list', { minAgeDays: 1 }, as(d.admin));
    expect(old.rows).toEqual([]);
  });

  test('filters by merchant, and the counter says what waits for that merchant', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const used = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    await propose(ws, used, d.staff);
    const foreign = await gradedItem(ws, d.other, d.pump, 'used');
    await propose(ws, foreign, d.staff);

    const other = await invoke(ws, 'approvals.list', { merchantId: d.other }, as(d.admin));
    expect(other.rows.map((r) => r.itemId)).toEqual([foreign]);
    expect(other.waiting).toBe(1);
    const larkfield = await invoke(ws, 'approvals.list', { merchantId: d.larkfield }, as(d.admin));
    expect(larkfield.rows.map((r) => r.itemId)).toEqual([used]);
    // An approver may filter on their own merchant; naming another is refused, not widened.
    const own = await invoke(ws, 'approvals.list', { merchantId: d.larkfield }, as(d.approver));
    expect(own.rows.map((r) => r.itemId)).toEqual([used]);
    const refused = await failure(dispatch(ws, 'approvals.list', { merchantId: d.other }, as(d.approver)));
    expect(refused.code).toBe('forbidden');
  });
});

describe('who may do what', () => {
  test('staff and bookkeepers cannot decide; approvers only for their merchant; a message names them', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const itemId = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    const priceId = (await propose(ws, itemId, d.staff)).price!.id;

    const staff = await failure(dispatch(ws, 'approvals.approve', { itemId, priceId }, as(d.staff)));
    expect(staff.code).toBe('forbidden');
    // The role is drawn with the reader's word for it (shared/messages/areas/common.ts).
    expect(staff.text?.code).toBe('common.forbidden');
    expect(staff.message).toMatch(/^Lea Brandt .*resale staff.* cannot approve prices\.$/i);

    const books = await failure(
      dispatch(ws, 'approvals.adjust', { itemId, priceId, priceCents: 9999 }, as(d.bookkeeper)),
    );
    expect(books.message).toMatch(/^Martin Vogel .*bookkeep.* cannot change prices\.$/i);
    const booksPolicy = await failure(
      dispatch(
        ws,
        'pricing.policy.update',
        { merchantId: d.larkfield, policy: DEFAULT_POLICY },
        as(d.bookkeeper),
      ),
    );
    expect(booksPolicy.code).toBe('forbidden');
    expect((await failure(propose(ws, itemId, d.bookkeeper))).code).toBe('forbidden');

    const foreign = await failure(
      dispatch(ws, 'approvals.reject', { itemId, priceId, reason: 'destroy' }, as(d.otherApprover)),
    );
    expect(foreign.code).toBe('forbidden');
    expect(foreign.message).toBe(
      'Mara Velo approves for other merchants and cannot reject prices for Larkfield Home & Tech.',
    );
    expect((await itemRow(ws, itemId)).status).toBe('awaiting_approval');

    // The admin may decide for any merchant.
    await dispatch(ws, 'approvals.approve', { itemId, priceId }, as(d.admin));
    expect((await itemRow(ws, itemId)).status).toBe('approved');
  });

  test('a window or a browser without a session gets nothing, not even a read', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const itemId = await gradedItem(ws, d.larkfield, d.headphones, 'used');
    const anonymous = { via: 'session', token: undefined, local: true } as const;
    const error = await failure(dispatch(ws, 'pricing.propose', { itemId }, anonymous));
    expect(error.code).toBe('unauthorized');
    expect(await ws.kysely.selectFrom('prices').selectAll().execute()).toEqual([]);
    expect((await failure(dispatch(ws, 'pricing.get', { itemId }, anonymous))).code).toBe('unauthorized');
    // The command line (no transport flag) still acts as the system for its own commands.
    expect(await dispatch(ws, 'pricing.propose', { itemId })).toMatchObject({
      price: { decision: 'pending' },
    });
  });
});

describe('pricing policies', () => {
  test('get gives the default with no warnings; update stores it, warns, and records who changed it', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const initial = await dispatch(ws, 'pricing.policy.get', { merchantId: d.larkfield }, as(d.approver));
    expect(initial).toMatchObject({ isDefault: true, warnings: [], currency: 'EUR' });

    // Heavily damaged discounted less than lightly damaged: the ladder is out of order.
    const policy = {
      ...DEFAULT_POLICY,
      gradeDiscountBp: { ...DEFAULT_POLICY.gradeDiscountBp, heavily_damaged: 3000 },
    };
    const updated = await invoke(
      ws,
      'pricing.policy.update',
      { merchantId: d.larkfield, policy },
      as(d.approver),
    );
    expect(updated.isDefault).toBe(false);
    expect(updated.warnings.length).toBeGreaterThan(0);
    const event = await ws.kysely
      .selectFrom('events')
      .selectAll()
      .where('kind', '=', 'merchant.pricing_policy')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor: 'Siobhán Kelly', merchant_id: d.larkfield });

    const foreign = await failure(
      dispatch(ws, 'pricing.policy.update', { merchantId: d.other, policy }, as(d.approver)),
    );
    expect(foreign.code).toBe('forbidden');
  });

  test('preview prices a sample without storing anything', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const result = await dispatch(ws, 'pricing.preview', {
      merchantId: d.larkfield,
      policy: DEFAULT_POLICY,
      originalCents: 10000,
      facts: {
        grade: 'used',
        packaging: 'damaged',
        accessoriesMissing: [],
        defects: [],
        functionalTest: 'passed',
        factoryReset: false,
        cleaned: false,
        repackaged: false,
      },
    });
    expect(result).toMatchObject({ ok: true, result: { proposedCents: 7099, currency: 'EUR' } });
    expect(await ws.kysely.selectFrom('prices').selectAll().execute()).toEqual([]);
  });
});
