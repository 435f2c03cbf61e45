/**
 * Proposing a price: turns an item's recorded facts and its merchant's policy into a stored
 * proposal with its trace, approved on the spot when the policy's threshold lets it through.
 */

import type { Transaction } from 'kysely';
import type { PricingView } from '../../../shared/contract/pricing';
import type { ItemStatus } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { Database } from '../db/schema';
import { historyMoney, recordEvent } from '../events';
import { loadItemRecord } from '../item-record';
import { updateItemAt } from '../item-versions';
import type { Workspace } from '../workspace';
import { factsOf, insertPrice, runEngine } from './item-pricing';
import { parseStoredPolicy } from './policy';
import { getPricing } from './view';

/** Who approves a proposal that the policy's own threshold lets through: nobody, the policy. */
export const POLICY_ACTOR: Actor = {
  profileId: null,
  name: 'Rebound (pricing policy)',
  role: null,
  merchantIds: [],
};

/** Statuses in which an item may get a (new) proposal: graded, and not yet decided for good. */
const PRICEABLE: ReadonlySet<ItemStatus> = new Set(['graded', 'photographed', 'priced', 'awaiting_approval']);

function percent(bp: number): string {
  return `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;
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
