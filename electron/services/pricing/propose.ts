/**
 * Proposing a price: turns an item's recorded facts and its merchant's policy into a stored
 * proposal with its trace, approved on the spot when the policy's threshold lets it through.
 */

import type { Transaction } from 'kysely';
import type { PricingView } from '../../../shared/contract/pricing';
import type { ItemStatus } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { money, say, term } from '../../../shared/messages';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
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

/** Basis points as the percentage a message draws with the reader's digits (1250 → 12.5). */
function percent(bp: number): number {
  return Math.round(bp) / 100;
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
      say('pricing.not_proposable', { reference: item.reference, status: term('status', status) }),
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
  await recordEvent(trx, actor, {
    itemId: item.id,
    merchantId: item.merchant_id,
    kind: 'price.proposed',
    text: say('pricing.proposed', {
      original: money(result.originalCents, result.currency),
      proposed: money(result.proposedCents, result.currency),
      discount: percent(result.discountBp),
    }),
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
      text: say('pricing.auto_approved', {
        discount: percent(result.discountBp),
        limit: percent(policy.autoApproveMaxDiscountBp),
      }),
      data: { priceId, proposedCents: result.proposedCents, requestedBy: actor.name },
      at: now,
    });
  }
}
