import type { Grade } from '../domain/grades';

/** One recorded sale, as the sales table gives it. */
export interface RecordedSale {
  readonly sku: string;
  readonly grade: Grade;
  readonly priceCents: number;
  /** ISO 8601 timestamp. */
  readonly soldAt: string;
}

export interface ComparableStats {
  readonly sku: string;
  readonly grade: Grade;
  readonly count: number;
  /** Middle sale price; for an even count the mean of the two middle ones, rounded half up. */
  readonly medianCents: number | null;
  readonly minCents: number | null;
  readonly maxCents: number | null;
  /** The most recent sale (by `soldAt`); on equal times the one listed last. */
  readonly last: { readonly priceCents: number; readonly soldAt: string } | null;
}

/** Time of a sale for ordering; an unreadable date sorts before every real one rather than throwing. */
function timeOf(soldAt: string): number {
  const time = Date.parse(soldAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * What the merchant's own sales of the same SKU in the same grade fetched: the approver's sanity
 * check next to a proposal. Only exact SKU and grade matches count: a neighbouring grade sells
 * at a different price by design, and mixing them would blur the very signal the merchant needs.
 */
export function comparablePrices(
  sales: readonly RecordedSale[],
  query: { readonly sku: string; readonly grade: Grade },
): ComparableStats {
  const matching = sales.filter((sale) => sale.sku === query.sku && sale.grade === query.grade);
  if (matching.length === 0) {
    return { ...query, count: 0, medianCents: null, minCents: null, maxCents: null, last: null };
  }

  const prices = matching.map((sale) => sale.priceCents).sort((a, b) => a - b);
  for (const price of prices) {
    if (!Number.isSafeInteger(price)) throw new RangeError(`A sale price must be whole cents, got ${price}`);
  }
  const middle = prices.length >> 1;
  // Integer maths: the sum of two prices is even or odd; +1 then floor rounds the half cent up.
  const medianCents =
    prices.length % 2 === 1 ? prices[middle]! : Math.floor((prices[middle - 1]! + prices[middle]! + 1) / 2);

  let last = matching[0]!;
  for (const sale of matching) {
    if (timeOf(sale.soldAt) >= timeOf(last.soldAt)) last = sale;
  }

  return {
    ...query,
    count: prices.length,
    medianCents,
    minCents: prices[0]!,
    maxCents: prices[prices.length - 1]!,
    last: { priceCents: last.priceCents, soldAt: last.soldAt },
  };
}
