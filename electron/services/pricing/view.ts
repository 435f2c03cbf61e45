/** What the screens show of an item's price: its latest proposal, whether it is stale, and the comparables. */

import type { PriceProposal, PriceStep } from '../../../shared/contract';
import type { PricingView } from '../../../shared/contract/pricing';
import type { Grade } from '../../../shared/domain/grades';
import { comparablePrices, discountBpOf, type ApprovalReason } from '../../../shared/pricing';
import { loadItemRecord } from '../item-record';
import type { Workspace } from '../workspace';
import { parseStoredPolicy } from './policy';

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
