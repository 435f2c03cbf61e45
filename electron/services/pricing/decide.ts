/**
 * Deciding on a proposal: approve (one item or many), adjust or reject its latest price. Each
 * decision happens in one transaction with its event and names the person who took it.
 */

import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  AdjustInput,
  BulkResult,
  DecisionRef,
  PricingView,
  RejectInput,
} from '../../../shared/contract/pricing';
import type { ItemStatus } from '../../../shared/domain/status';
import { AppError, assertNever } from '../../../shared/errors';
import { money, nested, say, term, type MessageCode } from '../../../shared/messages';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { loadItemRecord, type ItemRecord } from '../item-record';
import { updateItemAt } from '../item-versions';
import type { Workspace } from '../workspace';
import { factsOf, insertPrice, runEngine } from './item-pricing';
import { assertMerchantScope } from './merchant-scope';
import { parseStoredPolicy } from './policy';
import { getPricing } from './view';

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
  action: MessageCode,
  allowed: ReadonlySet<ItemStatus>,
): Promise<{ item: ItemRecord; price: LatestPrice }> {
  const item = await loadItemRecord(trx, ref.itemId);
  assertMerchantScope(actor, item.merchant_id, item.merchant_name, action);
  const price = await trx
    .selectFrom('prices')
    .select(['id', 'proposed_cents', 'original_cents', 'floor_cents', 'currency', 'decision'])
    .where('item_id', '=', item.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!price) throw new AppError('conflict', say('pricing.no_proposal', { reference: item.reference }));
  if (price.id !== ref.priceId) {
    throw new AppError('conflict', say('pricing.newer_proposal', { reference: item.reference }), {
      itemId: item.id,
      latestPriceId: price.id,
    });
  }
  const status = item.status;
  if (!allowed.has(status)) {
    throw new AppError(
      'conflict',
      say('pricing.not_decidable', { reference: item.reference, status: term('status', status) }),
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
    const { item, price } = await decisionTarget(trx, actor, ref, 'common.action.approve_prices', AWAITING);
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
      text: say('pricing.approved', { name: actor.name, price: money(price.proposed_cents, price.currency) }),
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
    const { item, price } = await decisionTarget(trx, actor, input, 'common.action.change_prices', DECIDABLE);
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
    const figures = {
      name: actor.name,
      before: money(price.proposed_cents, price.currency),
      after: money(result.proposedCents, result.currency),
    };
    const text = result.belowFloor
      ? say('pricing.adjusted_below_floor', {
          ...figures,
          floor: money(result.floorCents, result.currency),
          allowedAs: nested(
            actor.role === 'admin'
              ? say('pricing.allowed_as_admin')
              : say('pricing.allowed_as_approver', { merchant: item.merchant_name }),
          ),
        })
      : say('pricing.adjusted', figures);
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: 'price.adjusted',
      text,
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
    const { item, price } = await decisionTarget(trx, actor, input, 'common.action.reject_prices', DECIDABLE);
    let status: ItemStatus;
    let disposition: string | null;
    let outcome: MessageCode;
    switch (input.reason) {
      case 'regrade':
        // Back to the desk: the facts were wrong, so the next proposal starts from a new grading.
        status = 'graded';
        disposition = null;
        outcome = 'pricing.rejected_regrade';
        break;
      case 'return_to_me':
        status = 'returned_to_merchant';
        disposition = 'return_to_merchant';
        outcome = 'pricing.rejected_return';
        break;
      case 'destroy':
        status = 'destroyed';
        disposition = 'destroy';
        outcome = 'pricing.rejected_destroy';
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
      text: input.note
        ? say('pricing.rejected_with_note', {
            rejection: nested(say(outcome, { name: actor.name })),
            note: input.note,
          })
        : say(outcome, { name: actor.name }),
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
      if (!latest) throw new AppError('conflict', say('pricing.no_proposal', { reference: String(itemId) }));
      await approveInTransaction(ws, actor, { itemId, priceId: latest.id });
      results.push({ itemId, ok: true, message: null, text: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ itemId, ok: false, message: error.message, text: error.text });
    }
  }
  if (results.some((r) => r.ok)) ws.changed('items');
  return results;
}
