/** The approval queue: the items waiting for a decision, with what an approver needs to take it. */

import type { z } from 'zod';
import type { PriceStep } from '../../../shared/contract';
import type { ApprovalQueue, ApprovalQueueInput, ApprovalRow } from '../../../shared/contract/pricing';
import type { Grade } from '../../../shared/domain/grades';
import { comparablePrices, discountBpOf } from '../../../shared/pricing';
import type { Actor } from '../actor';
import type { Workspace } from '../workspace';

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
  // In SQL rather than below with the other filters: the counter then says what waits for this merchant.
  if (input.merchantId !== undefined) query = query.where('items.merchant_id', '=', input.merchantId);
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
