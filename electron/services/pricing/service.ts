import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { PriceProposal, PriceStep } from '../../../shared/contract';
import type {
  AdjustInput,
  ApprovalQueue,
  ApprovalQueueInput,
  ApprovalRow,
  BulkResult,
  DecisionRef,
  MerchantPolicy,
  PreviewInput,
  PreviewResult,
  PricingView,
  RejectInput,
} from '../../../shared/contract/pricing';
import type { DefectKind, DefectSeverity, Grade, PackagingState } from '../../../shared/domain/grades';
import { type Currency } from '../../../shared/domain/money';
import type { ItemStatus } from '../../../shared/domain/status';
import { AppError, assertNever } from '../../../shared/errors';
import {
  DEFAULT_POLICY,
  PricingPolicy,
  comparablePrices,
  discountBpOf,
  priceItem,
  validatePolicy,
  type ApprovalReason,
  type ItemFacts,
  type PriceResult,
} from '../../../shared/pricing';
import { reachesMerchant } from '../../../shared/access';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { Database } from '../db/schema';
import { historyMoney, recordEvent } from '../events';
import { parseJsonList } from '../intake/shared';
import { loadItemRecord, type ItemRecord } from '../item-record';
import { updateItemAt } from '../item-versions';
import { type Queryable } from '../db/queryable';
import type { Workspace } from '../workspace';

/**
 * The pricing service: turns an item's recorded facts into a stored proposal (with its trace),
 * and records the merchant's decision on it. Every write happens in one transaction with its
 * event, and every decision names the person who took it.
 */

/** Who approves a proposal that the policy's own threshold lets through: nobody, the policy. */
export const POLICY_ACTOR: Actor = {
  profileId: null,
  name: 'Rebound (pricing policy)',
  role: null,
  merchantIds: [],
};

/** Statuses in which an item may get a (new) proposal: graded, and not yet decided for good. */
const PRICEABLE: ReadonlySet<ItemStatus> = new Set(['graded', 'photographed', 'priced', 'awaiting_approval']);

/** What a stored trace step carries: the contract's step plus the engine's params. */
interface StoredStep extends PriceStep {
  readonly params?: unknown;
}

/**
 * The merchant's stored policy. A policy that no longer parses (edited by hand, or written by a
 * newer version) must not silently fall back to the default: that would price with rates the
 * merchant never agreed to.
 */
export function parseStoredPolicy(json: string | null, merchantName: string): PricingPolicy {
  if (json === null) return DEFAULT_POLICY;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('internal', `The pricing policy of ${merchantName} is not readable JSON.`);
  }
  const parsed = PricingPolicy.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `The pricing policy of ${merchantName} is not valid (${parsed.error.issues[0]?.message ?? 'unknown'}). Open Settings › Pricing to fix it.`,
    );
  }
  return parsed.data;
}

async function factsOf(db: Queryable, item: ItemRecord): Promise<ItemFacts> {
  if (item.grade === null || item.packaging === null) {
    throw new AppError(
      'conflict',
      `Item ${item.reference} has not been graded yet: grade it before pricing.`,
    );
  }
  const defects = await db
    .selectFrom('defects')
    .select(['kind', 'severity'])
    .where('item_id', '=', item.id)
    .orderBy('position')
    .execute();
  return {
    grade: item.grade as Grade,
    packaging: item.packaging as PackagingState,
    accessoriesMissing: parseJsonList(item.accessories_missing),
    defects: defects.map((d) => ({ kind: d.kind as DefectKind, severity: d.severity as DefectSeverity })),
    functionalTest: item.functional_test,
    factoryReset: item.factory_reset === 1,
    cleaned: item.cleaned === 1,
    repackaged: item.repackaged === 1,
  };
}

function runEngine(
  item: ItemRecord,
  facts: ItemFacts,
  policy: PricingPolicy,
  manualCents?: number,
): PriceResult {
  const outcome = priceItem({
    facts,
    originalCents: item.original_cents,
    currency: item.currency as Currency,
    policy,
    ...(manualCents !== undefined ? { manualCents } : {}),
  });
  if (!outcome.ok) {
    throw new AppError('conflict', `Item ${item.reference} cannot be priced: ${outcome.refusal.message}`, {
      refusal: outcome.refusal,
    });
  }
  return outcome.result;
}

function percent(bp: number): string {
  return `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;
}

async function insertPrice(
  trx: Transaction<Database>,
  item: ItemRecord,
  result: PriceResult,
  decision: {
    decision: PriceProposal['decision'];
    decidedBy: number | null;
    reason: string | null;
    at: string;
  },
): Promise<number> {
  const steps: StoredStep[] = result.steps.map((step) => ({
    code: step.code,
    label: step.label,
    deltaCents: step.deltaCents,
    params: step.params,
  }));
  const row = await trx
    .insertInto('prices')
    .values({
      item_id: item.id,
      currency: result.currency,
      original_cents: result.originalCents,
      proposed_cents: result.proposedCents,
      floor_cents: result.floorCents,
      net_cents: result.netCents,
      steps: JSON.stringify(steps),
      decision: decision.decision,
      decided_by: decision.decidedBy,
      decided_at: decision.decision === 'pending' ? null : decision.at,
      reason: decision.reason,
      created_at: decision.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Proposes a price for one item from its recorded facts and its merchant's policy. */
export async function proposePrice(ws: Workspace, actor: Actor, itemId: number): Promise<PricingView> {
  await ws.kysely.transaction().execute(async (trx) => proposeInTransaction(trx, actor, itemId));
  ws.changed('items');
  return getPricing(ws, itemId);
}

/**
 * The proposal itself, inside the caller's transaction: readiness (./readiness.ts) moves the
 * item to "photographed" in the same transaction, so a refused proposal leaves no half-step.
 */
export async function proposeInTransaction(
  trx: Transaction<Database>,
  actor: Actor,
  itemId: number,
): Promise<void> {
  const item = await loadItemRecord(trx, itemId);
  const status = item.status;
  if (!PRICEABLE.has(status)) {
    throw new AppError(
      'conflict',
      `Item ${item.reference} is ${status.replaceAll('_', ' ')}: it cannot get a new price proposal.`,
    );
  }
  const facts = await factsOf(trx, item);
  const policy = parseStoredPolicy(item.pricing_policy, item.merchant_name);
  const result = runEngine(item, facts, policy);
  const now = nowIso();
  const auto = !result.needsApproval;
  const priceId = await insertPrice(trx, item, result, {
    decision: auto ? 'auto_approved' : 'pending',
    decidedBy: null,
    reason: auto ? 'approved by the policy itself' : null,
    at: now,
  });
  const nextStatus: ItemStatus = auto ? 'approved' : 'awaiting_approval';
  await updateItemAt(trx, item, item.version, { status: nextStatus }, now);
  const figures = `${historyMoney(result.originalCents, result.currency)} → ${historyMoney(result.proposedCents, result.currency)} (−${percent(result.discountBp)})`;
  await recordEvent(trx, actor, {
    itemId: item.id,
    merchantId: item.merchant_id,
    kind: 'price.proposed',
    summary: `Price proposed: ${figures}`,
    data: {
      priceId,
      proposedCents: result.proposedCents,
      discountBp: result.discountBp,
      approvalReasons: result.approvalReasons,
      status: { before: status, after: nextStatus },
    },
    at: now,
  });
  if (auto) {
    // A separate event, by the policy rather than the person who asked: nobody looked at it.
    await recordEvent(trx, POLICY_ACTOR, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: 'price.auto_approved',
      summary: `Approved by the pricing policy itself: ${percent(result.discountBp)} discount is within ${percent(policy.autoApproveMaxDiscountBp)}`,
      data: { priceId, proposedCents: result.proposedCents, requestedBy: actor.name },
      at: now,
    });
  }
}

/** The item's latest proposal, whether it is stale, and what the same SKU in the same grade sold for. */
export async function getPricing(ws: Workspace, itemId: number): Promise<PricingView> {
  const item = await loadItemRecord(ws.kysely, itemId);
  const price = await ws.kysely
    .selectFrom('prices')
    .leftJoin('profiles', 'profiles.id', 'prices.decided_by')
    .selectAll('prices')
    .select('profiles.name as decided_by_name')
    .where('prices.item_id', '=', itemId)
    .orderBy('prices.id', 'desc')
    .limit(1)
    .executeTakeFirst();

  const sales = item.grade
    ? await ws.kysely
        .selectFrom('sales')
        .innerJoin('items', 'items.id', 'sales.item_id')
        .innerJoin('products', 'products.id', 'items.product_id')
        .select(['products.sku', 'items.grade', 'sales.price_cents', 'sales.sold_at'])
        .where('sales.merchant_id', '=', item.merchant_id)
        .where('sales.kind', '=', 'sale')
        .where('products.sku', '=', item.sku)
        .where('items.grade', '=', item.grade)
        .execute()
    : [];
  const comparables = item.grade
    ? comparablePrices(
        sales.map((s) => ({
          sku: s.sku,
          grade: s.grade as Grade,
          priceCents: s.price_cents,
          soldAt: s.sold_at,
        })),
        { sku: item.sku, grade: item.grade },
      )
    : null;

  const status = item.status;
  // A regrade sends a priced item back to the desk's statuses (graded/photographed) and stamps
  // graded_at: either way the stored trace no longer describes the item.
  const stale =
    price !== undefined &&
    (status === 'graded' ||
      status === 'photographed' ||
      (item.graded_at !== null && item.graded_at > price.created_at));

  let approvalReasons: ApprovalReason[] = [];
  if (price) {
    const policy = parseStoredPolicy(item.pricing_policy, item.merchant_name);
    const discountBp = discountBpOf(price.original_cents, price.proposed_cents);
    if (discountBp > policy.autoApproveMaxDiscountBp) approvalReasons.push('discount_above_threshold');
    if (price.proposed_cents < price.floor_cents) approvalReasons.push('below_floor');
    if (item.functional_test === 'failed') approvalReasons.push('functional_test_failed');
  } else {
    approvalReasons = [];
  }

  return {
    itemId: item.id,
    reference: item.reference,
    currency: item.currency,
    version: item.version,
    price: price
      ? {
          id: price.id,
          originalCents: price.original_cents,
          proposedCents: price.proposed_cents,
          floorCents: price.floor_cents,
          netCents: price.net_cents,
          steps: JSON.parse(price.steps) as PriceStep[],
          decision: price.decision as PriceProposal['decision'],
          decidedBy: price.decided_by_name ?? null,
          createdAt: price.created_at,
        }
      : null,
    stale,
    discountBp: price ? discountBpOf(price.original_cents, price.proposed_cents) : null,
    approvalReasons,
    belowFloor: price ? price.proposed_cents < price.floor_cents : false,
    comparables,
  };
}

const ROLE_NOUN = {
  staff: 'resale staff',
  approver: 'an approver',
  bookkeeper: 'a bookkeeper',
  admin: 'an admin',
} as const;

/** What a role-restricted method does, for the sentence that says who may not do it. */
const ACTIONS: Readonly<Record<string, string>> = {
  'pricing.propose': 'propose prices',
  'pricing.policy.update': 'change pricing policies',
  'approvals.approve': 'approve prices',
  'approvals.approveMany': 'approve prices',
  'approvals.adjust': 'change prices',
  'approvals.reject': 'reject prices',
};

/** "Lea Brandt is resale staff and cannot approve prices." — shared by dispatch and the handlers. */
export function forbiddenMessage(actor: Actor, methodName: string): string {
  const what = ACTIONS[methodName];
  // Other domains keep the generic sentence their tests and screens already rely on.
  if (what === undefined) return `A ${actor.role ?? 'system'} profile may not do this (${methodName}).`;
  if (actor.role === null) return `${actor.name} cannot ${what}.`;
  return `${actor.name} is ${ROLE_NOUN[actor.role]} and cannot ${what}.`;
}

/** An approver decides for their own merchant only; an admin for every merchant. */
function assertMerchantScope(actor: Actor, merchantId: number, merchantName: string, what: string): void {
  if (!reachesMerchant(actor, merchantId)) {
    throw new AppError(
      'forbidden',
      `${actor.name} approves for other merchants and cannot ${what} for ${merchantName}.`,
    );
  }
}

interface LatestPrice {
  readonly id: number;
  readonly proposed_cents: number;
  readonly original_cents: number;
  readonly floor_cents: number;
  readonly currency: string;
  readonly decision: string;
}

/** Loads the item and checks that the decision is about its latest proposal, by someone allowed. */
async function decisionTarget(
  trx: Transaction<Database>,
  actor: Actor,
  ref: z.output<typeof DecisionRef>,
  what: string,
  allowed: ReadonlySet<ItemStatus>,
): Promise<{ item: ItemRecord; price: LatestPrice }> {
  const item = await loadItemRecord(trx, ref.itemId);
  assertMerchantScope(actor, item.merchant_id, item.merchant_name, what);
  const price = await trx
    .selectFrom('prices')
    .select(['id', 'proposed_cents', 'original_cents', 'floor_cents', 'currency', 'decision'])
    .where('item_id', '=', item.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!price) throw new AppError('conflict', `Item ${item.reference} has no price proposal yet.`);
  if (price.id !== ref.priceId) {
    throw new AppError(
      'conflict',
      `The price of ${item.reference} changed while you were looking at it: a newer proposal exists. Reload to see it.`,
      { itemId: item.id, latestPriceId: price.id },
    );
  }
  const status = item.status;
  if (!allowed.has(status)) {
    throw new AppError(
      'conflict',
      `Item ${item.reference} is ${status.replaceAll('_', ' ')}: its price can no longer be decided here.`,
    );
  }
  return { item, price };
}

const AWAITING: ReadonlySet<ItemStatus> = new Set(['awaiting_approval']);
const DECIDABLE: ReadonlySet<ItemStatus> = new Set(['awaiting_approval', 'approved']);

export async function approvePrice(
  ws: Workspace,
  actor: Actor,
  ref: z.output<typeof DecisionRef>,
): Promise<PricingView> {
  await approveInTransaction(ws, actor, ref);
  ws.changed('items');
  return getPricing(ws, ref.itemId);
}

async function approveInTransaction(
  ws: Workspace,
  actor: Actor,
  ref: z.output<typeof DecisionRef>,
): Promise<void> {
  await ws.kysely.transaction().execute(async (trx) => {
    const { item, price } = await decisionTarget(trx, actor, ref, 'approve prices', AWAITING);
    const now = nowIso();
    await trx
      .updateTable('prices')
      .set({ decision: 'approved', decided_by: actor.profileId, decided_at: now })
      .where('id', '=', price.id)
      .execute();
    await updateItemAt(trx, item, item.version, { status: 'approved' }, now);
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: 'price.approved',
      summary: `Price approved by ${actor.name}: ${historyMoney(price.proposed_cents, price.currency)}`,
      data: { priceId: price.id, proposedCents: price.proposed_cents },
      at: now,
    });
  });
}

export async function adjustPrice(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof AdjustInput>,
): Promise<PricingView> {
  await ws.kysely.transaction().execute(async (trx) => {
    const { item, price } = await decisionTarget(trx, actor, input, 'change prices', DECIDABLE);
    const facts = await factsOf(trx, item);
    const policy = parseStoredPolicy(item.pricing_policy, item.merchant_name);
    // The engine recomputes the trace and appends the person's price as a "manual" step, so the
    // stored trace still explains every cent between the original and what the buyer pays.
    const result = runEngine(item, facts, policy, input.priceCents);
    const now = nowIso();
    const priceId = await insertPrice(trx, item, result, {
      decision: 'adjusted',
      decidedBy: actor.profileId,
      reason: input.note ?? null,
      at: now,
    });
    await updateItemAt(trx, item, item.version, { status: 'approved' }, now);
    // Below the floor is a merchant's decision: only their approver or an admin gets this far
    // (the access rule), and the history says which of the two allowed it.
    const floorNote = result.belowFloor
      ? ` — below the floor of ${historyMoney(result.floorCents, result.currency)}, allowed as ${
          actor.role === 'admin' ? 'an admin' : `${item.merchant_name}’s approver`
        }`
      : '';
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: 'price.adjusted',
      summary: `Price adjusted and approved by ${actor.name}: ${historyMoney(price.proposed_cents, price.currency)} → ${historyMoney(result.proposedCents, result.currency)}${floorNote}`,
      data: {
        replacesPriceId: price.id,
        priceId,
        before: price.proposed_cents,
        after: result.proposedCents,
        belowFloor: result.belowFloor,
        allowedBelowFloorAs: result.belowFloor ? actor.role : null,
        note: input.note ?? null,
      },
      at: now,
    });
  });
  ws.changed('items');
  return getPricing(ws, input.itemId);
}

export async function rejectPrice(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof RejectInput>,
): Promise<PricingView> {
  await ws.kysely.transaction().execute(async (trx) => {
    const { item, price } = await decisionTarget(trx, actor, input, 'reject prices', DECIDABLE);
    let status: ItemStatus;
    let disposition: string | null;
    let outcome: string;
    switch (input.reason) {
      case 'regrade':
        // Back to the desk: the facts were wrong, so the next proposal starts from a new grading.
        status = 'graded';
        disposition = null;
        outcome = 'sent back to be regraded';
        break;
      case 'return_to_me':
        status = 'returned_to_merchant';
        disposition = 'return_to_merchant';
        outcome = 'to be returned to the merchant';
        break;
      case 'destroy':
        status = 'destroyed';
        disposition = 'destroy';
        outcome = 'to be destroyed (recycled)';
        break;
      default:
        assertNever(input.reason, 'reject reason');
    }
    const now = nowIso();
    const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
    await trx
      .updateTable('prices')
      .set({ decision: 'rejected', decided_by: actor.profileId, decided_at: now, reason })
      .where('id', '=', price.id)
      .execute();
    await updateItemAt(trx, item, item.version, { status, disposition }, now);
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: 'price.rejected',
      summary: `Price rejected by ${actor.name}: ${outcome}${input.note ? ` — “${input.note}”` : ''}`,
      data: { priceId: price.id, reason: input.reason, note: input.note ?? null, status },
      at: now,
    });
  });
  ws.changed('items');
  return getPricing(ws, input.itemId);
}

/** Approves each item's latest proposal on its own: one refusal does not hold back the others. */
export async function approveMany(
  ws: Workspace,
  actor: Actor,
  itemIds: readonly number[],
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const itemId of [...new Set(itemIds)]) {
    try {
      const latest = await ws.kysely
        .selectFrom('prices')
        .select('id')
        .where('item_id', '=', itemId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!latest) throw new AppError('conflict', `Item ${itemId} has no price proposal yet.`);
      await approveInTransaction(ws, actor, { itemId, priceId: latest.id });
      results.push({ itemId, ok: true, message: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ itemId, ok: false, message: error.message });
    }
  }
  if (results.some((r) => r.ok)) ws.changed('items');
  return results;
}

async function loadMerchant(ws: Workspace, merchantId: number) {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name', 'currency', 'pricing_policy'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', `There is no merchant with id ${merchantId}.`);
  return merchant;
}

export async function getPolicy(ws: Workspace, actor: Actor, merchantId: number): Promise<MerchantPolicy> {
  const merchant = await loadMerchant(ws, merchantId);
  assertMerchantScope(actor, merchant.id, merchant.name, 'read the pricing policy');
  const policy = parseStoredPolicy(merchant.pricing_policy, merchant.name);
  return {
    merchantId: merchant.id,
    currency: merchant.currency,
    policy,
    isDefault: merchant.pricing_policy === null,
    warnings: validatePolicy(policy),
  };
}

export async function updatePolicy(
  ws: Workspace,
  actor: Actor,
  merchantId: number,
  policy: PricingPolicy,
): Promise<MerchantPolicy> {
  await ws.kysely.transaction().execute(async (trx) => {
    const merchant = await trx
      .selectFrom('merchants')
      .select(['id', 'name', 'pricing_policy'])
      .where('id', '=', merchantId)
      .executeTakeFirst();
    if (!merchant) throw new AppError('not_found', `There is no merchant with id ${merchantId}.`);
    assertMerchantScope(actor, merchant.id, merchant.name, 'change the pricing policy');
    const before = merchant.pricing_policy === null ? null : (JSON.parse(merchant.pricing_policy) as unknown);
    const json = JSON.stringify(policy);
    if (merchant.pricing_policy === json) return;
    await trx.updateTable('merchants').set({ pricing_policy: json }).where('id', '=', merchant.id).execute();
    await recordEvent(trx, actor, {
      merchantId: merchant.id,
      kind: 'merchant.pricing_policy',
      summary: `Pricing policy of ${merchant.name} changed by ${actor.name}`,
      data: { before, after: policy },
    });
  });
  ws.changed('merchants', 'items');
  return getPolicy(ws, actor, merchantId);
}

/** The policy editor's live preview: nothing is stored. */
export async function previewPrice(
  ws: Workspace,
  input: z.output<typeof PreviewInput>,
): Promise<PreviewResult> {
  const merchant = await loadMerchant(ws, input.merchantId);
  const warnings = validatePolicy(input.policy);
  const outcome = priceItem({
    facts: input.facts,
    originalCents: input.originalCents,
    currency: merchant.currency as Currency,
    policy: input.policy,
    ...(input.manualCents !== undefined ? { manualCents: input.manualCents } : {}),
    ...(input.lang !== undefined ? { lang: input.lang } : {}),
  });
  return outcome.ok
    ? { ok: true, result: outcome.result, warnings }
    : { ok: false, refusal: outcome.refusal, warnings };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The approval queue: items waiting for a decision with their latest proposal, net recovery,
 * comparables and the "why". An approver sees their own merchant's items only. Oldest first:
 * the longer an item waits, the more it loses in value and shelf space.
 */
export async function approvalQueue(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ApprovalQueueInput>,
): Promise<ApprovalQueue> {
  let query = ws.kysely
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
    .innerJoin('prices', (join) =>
      join.onRef('prices.item_id', '=', 'items.id').on((eb) =>
        eb(
          'prices.id',
          '=',
          eb
            .selectFrom('prices as p2')
            .select((e) => e.fn.max('p2.id').as('id'))
            .whereRef('p2.item_id', '=', 'items.id'),
        ),
      ),
    )
    .select((eb) => [
      'items.id',
      'items.reference',
      'items.merchant_id',
      'merchants.name as merchant_name',
      'merchants.currency',
      'merchants.language',
      'products.sku',
      'products.title',
      'items.grade',
      'prices.id as price_id',
      'prices.original_cents',
      'prices.proposed_cents',
      'prices.floor_cents',
      'prices.net_cents',
      'prices.steps',
      'prices.created_at as waiting_since',
      eb
        .selectFrom('photos')
        .select('photos.hash')
        .whereRef('photos.item_id', '=', 'items.id')
        .where('photos.deleted_at', 'is', null)
        .orderBy('photos.is_main', 'desc')
        .orderBy('photos.position')
        .limit(1)
        .as('main_photo_hash'),
      eb
        .selectFrom('descriptions')
        .select('descriptions.condition_text')
        .whereRef('descriptions.item_id', '=', 'items.id')
        .whereRef('descriptions.language', '=', 'merchants.language')
        .limit(1)
        .as('condition_text'),
    ])
    .where('items.status', '=', 'awaiting_approval');
  if (actor.role === 'approver') {
    query = query.where('items.merchant_id', 'in', [-1, ...actor.merchantIds]);
  }
  const all = await query.orderBy('prices.created_at').orderBy('items.id').execute();

  // Comparables for every SKU in the queue in one query rather than one per row.
  const skus = [...new Set(all.map((r) => r.sku))];
  const sales =
    skus.length === 0
      ? []
      : await ws.kysely
          .selectFrom('sales')
          .innerJoin('items', 'items.id', 'sales.item_id')
          .innerJoin('products', 'products.id', 'items.product_id')
          .select(['sales.merchant_id', 'products.sku', 'items.grade', 'sales.price_cents', 'sales.sold_at'])
          .where('sales.kind', '=', 'sale')
          .where('products.sku', 'in', skus)
          .execute();

  const now = Date.now();
  const rows: ApprovalRow[] = [];
  for (const r of all) {
    const discountBp = discountBpOf(r.original_cents, r.proposed_cents);
    if (input.grade !== undefined && r.grade !== input.grade) continue;
    if (input.minDiscountBp !== undefined && discountBp < input.minDiscountBp) continue;
    if (input.maxDiscountBp !== undefined && discountBp > input.maxDiscountBp) continue;
    if (input.minAgeDays !== undefined && now - Date.parse(r.waiting_since) < input.minAgeDays * DAY_MS)
      continue;
    const stats = r.grade
      ? comparablePrices(
          sales
            .filter((s) => s.merchant_id === r.merchant_id)
            .map((s) => ({
              sku: s.sku,
              grade: s.grade as Grade,
              priceCents: s.price_cents,
              soldAt: s.sold_at,
            })),
          { sku: r.sku, grade: r.grade as Grade },
        )
      : null;
    const firstLine = (r.condition_text ?? '').split('\n')[0]?.trim() ?? '';
    rows.push({
      itemId: r.id,
      reference: r.reference,
      merchantId: r.merchant_id,
      merchantName: r.merchant_name,
      currency: r.currency,
      sku: r.sku,
      title: r.title,
      grade: r.grade as Grade | null,
      mainPhotoHash: r.main_photo_hash ?? null,
      priceId: r.price_id,
      originalCents: r.original_cents,
      proposedCents: r.proposed_cents,
      floorCents: r.floor_cents,
      netCents: r.net_cents,
      discountBp,
      steps: JSON.parse(r.steps) as PriceStep[],
      why: firstLine.length > 0 ? firstLine : null,
      comparables: { count: stats?.count ?? 0, medianCents: stats?.medianCents ?? null },
      waitingSince: r.waiting_since,
    });
  }
  return { rows, waiting: all.length, oldestWaitingSince: all[0]?.waiting_since ?? null };
}
