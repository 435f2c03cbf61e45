import type { Grade } from '../../../shared/domain/grades';
import type { Currency } from '../../../shared/domain/money';
import {
  DEFAULT_POLICY,
  PricingPolicy,
  estimateFee,
  feeChannelFor,
  priceItem,
  type PriceResult,
} from '../../../shared/pricing';
import type { DemoScenario } from './scenarios';

/**
 * The demo merchant's pricing policy, stored on the merchant as JSON. The demo prices its items
 * with the app's own engine under this policy, so every trace in the demo is exactly what Rebound
 * would propose for the same facts (and re-pricing an item in the demo changes nothing).
 */
export const DEMO_POLICY: PricingPolicy = PricingPolicy.parse({
  ...DEFAULT_POLICY,
  // Larkfield sells mid-priced electronics: it accepts deeper discounts than the default floor
  // before it would rather take an item back for its outlet.
  floor: { minShareBp: 2500, minCents: 500 },
});

/** Listings go to the practice marketplace, which charges like eBay. */
export const DEMO_FEE_CHANNEL = feeChannelFor('practice');

export function demoFees(priceCents: number): number {
  return estimateFee(priceCents, DEMO_POLICY.fees[DEMO_FEE_CHANNEL]);
}

/** The engine's proposal for a scenario's recorded facts. */
export function priceScenario(originalCents: number, currency: Currency, s: DemoScenario): PriceResult {
  if (s.grade === null) throw new RangeError('An item is graded before it is priced');
  const outcome = priceItem({
    facts: {
      grade: s.grade,
      packaging: s.packaging ?? 'opened_intact',
      accessoriesMissing: s.missing ?? [],
      defects: (s.defects ?? []).map((d) => ({ kind: d.kind, severity: d.severity })),
      functionalTest: s.functionalTest ?? 'not_done',
      factoryReset: s.reset === true,
      cleaned: s.cleaned === true,
      repackaged: s.repackaged === true,
    },
    originalCents,
    currency,
    policy: DEMO_POLICY,
    channel: DEMO_FEE_CHANNEL,
    lang: 'en',
  });
  if (!outcome.ok) throw new RangeError(`The engine refused to price it: ${outcome.refusal.message}`);
  return outcome.result;
}

const GRADE_LABELS: Record<Grade, string> = {
  new_sealed: 'New, sealed',
  opened_packaging: 'Opened packaging',
  used: 'Used',
  lightly_damaged: 'Lightly damaged',
  heavily_damaged: 'Heavily damaged',
  defective: 'Defective',
};

export function gradeLabel(grade: Grade): string {
  return GRADE_LABELS[grade];
}
