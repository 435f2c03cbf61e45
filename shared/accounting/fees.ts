import { z } from 'zod';

/**
 * The returns service's own fee, charged to the merchant on the monthly statement. A schedule is
 * a share of the month's sale prices and/or an amount per item sold; tiers let both depend on
 * the month's resale rate (sale prices ÷ original prices of the items sold): a service that
 * recovers more of the original price may take a larger share.
 *
 * Stored as JSON in `merchants.fee_schedule`; a merchant without one gets DEFAULT_FEE_SCHEDULE.
 */

const Bp = z.number().int().min(0).max(10000);
const Cents = z.number().int().min(0).max(100_000_00);

export const FeeTier = z
  .object({
    /** The tier applies when the month's resale rate is at least this (basis points). */
    fromResaleRateBp: Bp,
    shareBp: Bp,
    perItemCents: Cents,
  })
  .strict();

export const FeeSchedule = z
  .object({
    /** Share of the sale prices (not shipping), in basis points: 2000 = 20 %. */
    shareBp: Bp.default(2000),
    perItemCents: Cents.default(0),
    /** Optional tiers; the highest one whose threshold the resale rate reaches replaces the base. */
    tiers: z.array(FeeTier).max(20).default([]),
    /** A floor on the month's fee when anything sold; 0 for none. */
    minimumCents: Cents.default(0),
    /**
     * The VAT the service adds to its fee, in basis points. The fee pays for a service, taxed
     * under the standard scheme whatever scheme the goods sold under; 20 % is the standard rate
     * where the first warehouses are (France). A merchant invoiced across an EU border under
     * reverse charge has 0 here.
     */
    vatRateBp: Bp.default(2000),
  })
  .strict();
export type FeeSchedule = z.output<typeof FeeSchedule>;

export const DEFAULT_FEE_SCHEDULE: FeeSchedule = FeeSchedule.parse({});

export interface FeeBasis {
  /** Sale prices of the month, net of cancellations and refunds. */
  readonly priceCents: number;
  /** Original prices of the items those sales were for (same netting). */
  readonly originalCents: number;
  /** Items sold, net of cancellations and refunds. */
  readonly itemsSold: number;
}

export interface ServiceFee {
  /** The resale rate that chose the tier, in basis points; null when nothing had an original price. */
  readonly resaleRateBp: number | null;
  readonly shareBp: number;
  readonly perItemCents: number;
  readonly shareCents: number;
  readonly itemCents: number;
  /** What the minimum added (0 when the computed fee was above it). */
  readonly minimumTopUpCents: number;
  /**
   * The fee before VAT (share + per item + top-up). A schedule is agreed the way services are
   * quoted to businesses, net of VAT, unlike the consumer prices sales carry (see vat.ts).
   */
  readonly totalCents: number;
  readonly vatRateBp: number;
  /** VAT on totalCents, rounded half up to the cent. */
  readonly vatCents: number;
  /** totalCents + vatCents: what the service charges, and what the payout is reduced by. */
  readonly grossCents: number;
}

/** Parses a stored schedule; a missing one gives the defaults, a broken one is an error. */
export function parseFeeSchedule(json: string | null): FeeSchedule {
  if (json === null || json.trim() === '') return DEFAULT_FEE_SCHEDULE;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('The merchant’s fee schedule is not valid JSON.');
  }
  const parsed = FeeSchedule.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `The merchant’s fee schedule is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** Half-up rounding of amount × bp ÷ 10000 for non-negative amounts, symmetric below zero. */
function shareOf(cents: number, bp: number): number {
  const sign = cents < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(cents) * bp + 5000) / 10000);
}

export function serviceFee(schedule: FeeSchedule, basis: FeeBasis): ServiceFee {
  const resaleRateBp =
    basis.originalCents > 0 ? Math.floor((basis.priceCents * 10000) / basis.originalCents) : null;
  let shareBp = schedule.shareBp;
  let perItemCents = schedule.perItemCents;
  const tier = [...schedule.tiers]
    .sort((a, b) => b.fromResaleRateBp - a.fromResaleRateBp)
    .find((t) => resaleRateBp !== null && resaleRateBp >= t.fromResaleRateBp);
  if (tier) {
    shareBp = tier.shareBp;
    perItemCents = tier.perItemCents;
  }
  const shareCents = shareOf(basis.priceCents, shareBp);
  const itemCents = perItemCents * basis.itemsSold;
  const computed = shareCents + itemCents;
  const minimumTopUpCents =
    basis.itemsSold > 0 && computed < schedule.minimumCents ? schedule.minimumCents - computed : 0;
  const totalCents = computed + minimumTopUpCents;
  const vatCents = shareOf(totalCents, schedule.vatRateBp);
  return {
    resaleRateBp,
    shareBp,
    perItemCents,
    shareCents,
    itemCents,
    minimumTopUpCents,
    totalCents,
    vatRateBp: schedule.vatRateBp,
    vatCents,
    grossCents: totalCents + vatCents,
  };
}
