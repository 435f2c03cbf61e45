import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFECT_KINDS,
  DEFECT_SEVERITIES,
  FUNCTIONAL_TESTS,
  GRADES,
  PACKAGING_STATES,
  type Grade,
} from '../domain/grades';
import { LANGUAGES } from '../domain/status';
import {
  STEP_ORDER,
  PricingInput,
  applyEnding,
  discountBpOf,
  estimateFee,
  feeChannelFor,
  floorFor,
  priceItem,
  roundDownToEnding,
  roundUpToEnding,
  type ItemFacts,
  type PriceResult,
  type PricingOutcome,
} from './engine';
import { labelFor } from './labels';
import { DEFAULT_POLICY, PRICE_ENDINGS, PricingPolicy, endingCents, shareOf } from './policy';

const baseFacts: ItemFacts = {
  grade: 'opened_packaging',
  packaging: 'opened_intact',
  accessoriesMissing: [],
  defects: [],
  functionalTest: 'passed',
  factoryReset: true,
  cleaned: true,
  repackaged: false,
};

function price(
  facts: Partial<ItemFacts>,
  originalCents: number,
  extra: { policy?: PricingPolicy; manualCents?: number; channel?: 'ebay' | 'shop' } = {},
): PricingOutcome {
  return priceItem({
    facts: { ...baseFacts, ...facts },
    originalCents,
    currency: 'EUR',
    policy: extra.policy ?? DEFAULT_POLICY,
    manualCents: extra.manualCents,
    channel: extra.channel,
  });
}

function priced(outcome: PricingOutcome): PriceResult {
  if (!outcome.ok) throw new Error(`expected a price, got refusal ${outcome.refusal.code}`);
  return outcome.result;
}

const deltas = (result: PriceResult) => result.steps.map((step) => [step.code, step.deltaCents]);

// --- Arbitraries -------------------------------------------------------------------------------

const factsArb = (grade: fc.Arbitrary<Grade> = fc.constantFrom(...GRADES)): fc.Arbitrary<ItemFacts> =>
  fc.record({
    grade,
    packaging: fc.constantFrom(...PACKAGING_STATES),
    accessoriesMissing: fc.array(fc.constantFrom('charger', 'cable', 'manual', 'remote'), { maxLength: 4 }),
    defects: fc.array(
      fc.record({ severity: fc.constantFrom(...DEFECT_SEVERITIES), kind: fc.constantFrom(...DEFECT_KINDS) }),
      { maxLength: 4 },
    ),
    functionalTest: fc.constantFrom(...FUNCTIONAL_TESTS),
    factoryReset: fc.boolean(),
    cleaned: fc.boolean(),
    repackaged: fc.boolean(),
  });

const bp = fc.integer({ min: 0, max: 10_000 });
const policyArb: fc.Arbitrary<PricingPolicy> = fc
  .record({
    gradeDiscountBp: fc.record({
      new_sealed: fc.constant(0 as const),
      opened_packaging: bp,
      used: bp,
      lightly_damaged: bp,
      heavily_damaged: bp,
    }),
    packagingBp: fc.record({ damaged: bp, missing: bp }),
    accessoryMissingBp: bp,
    defectBp: fc.record({ minor: bp, moderate: bp, major: bp }),
    refurbishment: fc.record({ refurbishedBp: bp, untestedBp: bp }),
    floor: fc.record({
      minShareBp: fc.integer({ min: 0, max: 30_000 }),
      minCents: fc.integer({ min: 0, max: 100_000 }),
    }),
    ending: fc.constantFrom(...PRICE_ENDINGS),
    autoApproveMaxDiscountBp: bp,
    fees: fc.record({
      ebay: fc.record({ shareBp: bp, fixedCents: fc.integer({ min: 0, max: 1000 }) }),
      shop: fc.record({ shareBp: bp, fixedCents: fc.integer({ min: 0, max: 1000 }) }),
    }),
    defaultChannel: fc.constantFrom('ebay' as const, 'shop' as const),
  })
  // Every generated policy is one the schema accepts: the engine is only ever given those.
  .map((policy) => PricingPolicy.parse(policy));

const originalArb = fc.oneof(
  fc.integer({ min: 1, max: 2_000 }),
  fc.integer({ min: 1, max: 10_000_000 }),
  fc.integer({ min: 1, max: 1_000_000_000_000 }),
);

const inputArb = fc.record({
  facts: factsArb(),
  originalCents: originalArb,
  policy: fc.oneof(fc.constant(DEFAULT_POLICY), policyArb),
  manualCents: fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: undefined }),
  channel: fc.option(fc.constantFrom('ebay' as const, 'shop' as const), { nil: undefined }),
});

function priceOf(input: {
  facts: ItemFacts;
  originalCents: number;
  policy: PricingPolicy;
  manualCents?: number | undefined;
  channel?: 'ebay' | 'shop' | undefined;
}): PricingOutcome {
  return priceItem({ ...input, currency: 'EUR' });
}

// --- Properties --------------------------------------------------------------------------------

describe('pricing engine properties', () => {
  it('the trace always sums: original + Σ deltas === proposed, and every amount is a safe integer', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf(input);
        if (!outcome.ok) return;
        const r = outcome.result;
        const sum = r.steps.reduce((total, step) => total + step.deltaCents, r.originalCents);
        expect(sum).toBe(r.proposedCents);
        for (const amount of [
          r.originalCents,
          r.proposedCents,
          r.floorCents,
          r.feeCents,
          r.netCents,
          r.discountBp,
          ...r.steps.map((step) => step.deltaCents),
        ]) {
          expect(Number.isSafeInteger(amount)).toBe(true);
        }
        expect(r.netCents).toBe(r.proposedCents - r.feeCents);
      }),
      { numRuns: 2000 },
    );
  });

  it('the price is never below the floor unless a person typed it, and then it is flagged', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf(input);
        if (!outcome.ok) return;
        const r = outcome.result;
        expect(r.floorCents).toBeLessThanOrEqual(r.originalCents);
        if (input.manualCents === undefined) {
          expect(r.proposedCents).toBeGreaterThanOrEqual(r.floorCents);
          expect(r.belowFloor).toBe(false);
          expect(r.steps.some((step) => step.code === 'manual')).toBe(false);
        } else {
          expect(r.proposedCents).toBe(input.manualCents);
          const last = r.steps.at(-1)!;
          expect(last.code).toBe('manual');
          expect(r.belowFloor).toBe(input.manualCents < r.floorCents);
          if (last.code === 'manual') expect(last.params.belowFloor).toBe(r.belowFloor);
        }
        if (r.belowFloor) {
          expect(r.needsApproval).toBe(true);
          expect(r.approvalReasons).toContain('below_floor');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('without a person, the price never exceeds the original and ends as the policy says', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf({ ...input, manualCents: undefined });
        if (!outcome.ok) return;
        const r = outcome.result;
        expect(r.proposedCents).toBeLessThanOrEqual(r.originalCents);
        if (input.facts.grade === 'new_sealed') {
          expect(r.proposedCents).toBe(r.originalCents);
          return;
        }
        const ending = input.policy.ending;
        const endsRight = r.proposedCents % 100 === endingCents(ending);
        // The only exception: no ending fits between the floor and the original (tiny items).
        const noEndingFits = roundUpToEnding(r.floorCents, ending) > r.originalCents;
        expect(endsRight || noEndingFits).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounding moves by less than one unit: down normally, up only when down would cross the floor', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf({ ...input, manualCents: undefined });
        if (!outcome.ok) return;
        const r = outcome.result;
        const rounding = r.steps.find((step) => step.code === 'rounding');
        if (!rounding || rounding.code !== 'rounding') return;
        const before = r.proposedCents - rounding.deltaCents;
        if (rounding.params.direction === 'down') {
          expect(rounding.deltaCents).toBeLessThan(0);
          expect(rounding.deltaCents).toBeGreaterThan(-100);
        } else {
          expect(roundDownToEnding(before, rounding.params.ending)).toBeLessThan(r.floorCents);
          expect(rounding.deltaCents).toBeGreaterThan(0);
          expect(rounding.deltaCents).toBeLessThan(100);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('steps come in the documented order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf(input);
        if (!outcome.ok) return;
        const ranks = outcome.result.steps.map((step) => STEP_ORDER.indexOf(step.code));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 1000 },
    );
  });

  it('needsApproval is exactly: discount over the threshold, below the floor, or a failed test', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf(input);
        if (!outcome.ok) return;
        const r = outcome.result;
        expect(r.discountBp).toBe(discountBpOf(r.originalCents, r.proposedCents));
        const expected =
          r.discountBp > input.policy.autoApproveMaxDiscountBp ||
          r.belowFloor ||
          input.facts.functionalTest === 'failed';
        expect(r.needsApproval).toBe(expected);
        expect(r.needsApproval).toBe(r.approvalReasons.length > 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('with the default policy a worse grade never sells for more than a better one with the same facts', () => {
    const priceable = GRADES.filter((grade) => grade !== 'defective');
    fc.assert(
      fc.property(
        factsArb(fc.constant('used')),
        originalArb,
        fc.integer({ min: 0, max: priceable.length - 1 }),
        fc.integer({ min: 0, max: priceable.length - 1 }),
        (facts, originalCents, a, b) => {
          const better = priceable[Math.min(a, b)]!;
          const worse = priceable[Math.max(a, b)]!;
          const high = price({ ...facts, grade: better }, originalCents);
          const low = price({ ...facts, grade: worse }, originalCents);
          // A sealed item with findings is refused (not sealed after all): nothing to compare.
          if (!high.ok || !low.ok) return;
          expect(low.result.proposedCents).toBeLessThanOrEqual(high.result.proposedCents);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('defective is always refused, whatever else is recorded', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf({ ...input, facts: { ...input.facts, grade: 'defective' } });
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.refusal.code).toBe('defective_not_priced');
      }),
      { numRuns: 300 },
    );
  });

  it('every step has a label in every language', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = priceOf(input);
        if (!outcome.ok) return;
        for (const step of outcome.result.steps) {
          expect(step.label).toBe(labelFor(step, 'en'));
          for (const lang of LANGUAGES) expect(labelFor(step, lang).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// --- Examples, computed by hand ----------------------------------------------------------------

describe('integer maths', () => {
  it('rounds each share half away from zero to a whole cent', () => {
    expect(shareOf(12999, 1200)).toBe(1560); // 1559.88
    expect(shareOf(12999, 500)).toBe(650); // 649.95
    expect(shareOf(12345, 500)).toBe(617); // 617.25
    expect(shareOf(5, 1000)).toBe(1); // 0.5 → 1
    expect(shareOf(15, 1000)).toBe(2); // 1.5 → 2
    expect(shareOf(-5, 1000)).toBe(-1); // −0.5 → −1: credits mirror discounts
    expect(shareOf(4, 1000)).toBe(0); // 0.4 → 0
    expect(shareOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => shareOf(1.5, 100)).toThrow(RangeError);
  });

  it('rounds the total discount to a whole basis point, half away from zero', () => {
    expect(discountBpOf(12999, 10399)).toBe(2000); // 20.0015 %
    expect(discountBpOf(10000, 7999)).toBe(2001);
    expect(discountBpOf(20000, 17999)).toBe(1001); // 1000.5 bp → 1001
    expect(discountBpOf(10000, 11000)).toBe(-1000);
    expect(discountBpOf(10000, 0)).toBe(10_000);
  });

  it('computes the floor as the higher of share and fixed amount, capped at the original', () => {
    const floor = { minShareBp: 2000, minCents: 500 };
    expect(floorFor(12999, floor)).toBe(2600);
    expect(floorFor(1000, floor)).toBe(500);
    expect(floorFor(300, floor)).toBe(300);
    expect(floorFor(10000, { minShareBp: 15_000, minCents: 0 })).toBe(10000);
  });
});

describe('price endings', () => {
  it('rounds down to the ending', () => {
    expect(roundDownToEnding(11234, '.99')).toBe(11199);
    expect(roundDownToEnding(11234, '.90')).toBe(11190);
    expect(roundDownToEnding(11234, '.00')).toBe(11200);
    expect(roundDownToEnding(11199, '.99')).toBe(11199);
    expect(roundDownToEnding(11298, '.99')).toBe(11199);
    expect(roundDownToEnding(11300, '.99')).toBe(11299);
    expect(roundDownToEnding(11289, '.90')).toBe(11190);
    expect(roundDownToEnding(50, '.99')).toBe(-1);
    expect(roundUpToEnding(11150, '.99')).toBe(11199);
    expect(roundUpToEnding(11199, '.99')).toBe(11199);
    expect(roundUpToEnding(11201, '.00')).toBe(11300);
  });

  it('rounds up to the first ending above the floor when rounding down would cross it', () => {
    expect(applyEnding(11234, '.99', 11000, 20000)).toEqual({ cents: 11199, direction: 'down' });
    expect(applyEnding(11180, '.99', 11150, 20000)).toEqual({ cents: 11199, direction: 'up' });
    expect(applyEnding(11180, '.90', 11180, 20000)).toEqual({ cents: 11190, direction: 'up' });
    expect(applyEnding(11199, '.99', 11199, 20000)).toEqual({ cents: 11199, direction: 'none' });
    expect(applyEnding(11180, '.99', 11099, 20000)).toEqual({ cents: 11099, direction: 'down' });
  });

  it('keeps exact cents when no ending fits between the floor and the original', () => {
    expect(applyEnding(300, '.99', 300, 300)).toEqual({ cents: 300, direction: 'none' });
  });
});

describe('priceItem, by hand', () => {
  it('prices an opened-box item with a missing charger and a minor scratch', () => {
    const r = priced(
      price({ accessoriesMissing: ['charger'], defects: [{ severity: 'minor', kind: 'scratch' }] }, 12999),
    );
    // 12 % of 129.99 = 15.5988 → 15.60; 5 % → 6.4995 → 6.50; 3 % → 3.8997 → 3.90.
    expect(deltas(r)).toEqual([
      ['grade', -1560],
      ['accessory', -650],
      ['defect', -390],
    ]);
    // 129.99 − 26.00 = 103.99 already ends in .99: no rounding step.
    expect(r.proposedCents).toBe(10399);
    expect(r.floorCents).toBe(2600);
    expect(r.discountBp).toBe(2000);
    expect(r.needsApproval).toBe(false);
    // eBay: 13 % of 103.99 = 13.5187 → 13.52, + 0.35 = 13.87.
    expect(r.channel).toBe('ebay');
    expect(r.feeCents).toBe(1387);
    expect(r.netCents).toBe(9012);
    expect(r.currency).toBe('EUR');
    expect(r.steps.map((step) => step.label)).toEqual([
      'Grade: opened packaging (−12%)',
      'Missing accessory: charger (−5%)',
      'Minor defect: scratch (−3%)',
    ]);
  });

  it('rounds down to .99 and records it', () => {
    const r = priced(price({}, 10000));
    expect(deltas(r)).toEqual([
      ['grade', -1200],
      ['rounding', -1],
    ]);
    expect(r.proposedCents).toBe(8799);
  });

  it('lifts to the floor, then rounds up to the first ending above it', () => {
    const r = priced(
      price(
        {
          grade: 'heavily_damaged',
          packaging: 'missing',
          defects: [{ severity: 'major', kind: 'crack' }],
          functionalTest: 'not_testable',
        },
        10000,
      ),
    );
    // 100.00 − 60 % − 8 % − 15 % = 17.00 < floor 20.00 → +3.00; 19.99 would cross it → 20.99.
    expect(deltas(r)).toEqual([
      ['grade', -6000],
      ['packaging', -800],
      ['defect', -1500],
      ['floor', 300],
      ['rounding', 99],
    ]);
    expect(r.proposedCents).toBe(2099);
    expect(r.proposedCents).toBeGreaterThanOrEqual(r.floorCents);
    expect(r.steps.at(-1)!.label).toBe('Rounded up to .99 to stay above the floor');
  });

  it('uses the fixed floor when it is higher than the share', () => {
    const r = priced(price({ grade: 'heavily_damaged', functionalTest: 'not_testable' }, 1000));
    // 10.00 − 60 % = 4.00 < 5.00 fixed floor (the 20 % share is only 2.00) → 5.00 → 5.99.
    expect(r.floorCents).toBe(500);
    expect(deltas(r)).toEqual([
      ['grade', -600],
      ['floor', 100],
      ['rounding', 99],
    ]);
    expect(r.proposedCents).toBe(599);
  });

  it('leaves an item below the fixed floor at its original price, without an ending', () => {
    const r = priced(price({}, 300));
    expect(r.floorCents).toBe(300);
    expect(deltas(r)).toEqual([
      ['grade', -36],
      ['floor', 36],
    ]);
    expect(r.proposedCents).toBe(300);
  });

  it('auto-approves at the threshold and not above it', () => {
    const whole = PricingPolicy.parse({ ending: '.00' });
    const facts = {
      accessoriesMissing: ['manual'],
      defects: [{ severity: 'minor', kind: 'scratch' }] as const,
    };
    const at = priced(price(facts, 10000, { policy: whole }));
    expect(at.proposedCents).toBe(8000);
    expect(at.discountBp).toBe(2000);
    expect(at.needsApproval).toBe(false);
    expect(at.approvalReasons).toEqual([]);

    // The same item with a .99 ending: 79.99 is 20.01 % off, over the threshold.
    const rounded = priced(price(facts, 10000));
    expect(rounded.proposedCents).toBe(7999);
    expect(rounded.discountBp).toBe(2001);
    expect(rounded.needsApproval).toBe(true);
    expect(rounded.approvalReasons).toEqual(['discount_above_threshold']);
  });

  it('discounts damaged and missing packaging, one step per missing accessory and per defect', () => {
    const r = priced(
      price(
        {
          grade: 'used',
          packaging: 'damaged',
          accessoriesMissing: ['charger', 'cable'],
          defects: [
            { severity: 'minor', kind: 'scratch' },
            { severity: 'moderate', kind: 'dent' },
          ],
          factoryReset: false,
        },
        20000,
      ),
    );
    expect(deltas(r)).toEqual([
      ['grade', -5000],
      ['packaging', -800],
      ['accessory', -1000],
      ['accessory', -1000],
      ['defect', -600],
      ['defect', -1600],
      ['rounding', -1],
    ]);
    expect(r.proposedCents).toBe(9999);
  });

  it('credits a used item that was tested, reset and cleaned, but not an unused one', () => {
    const used = priced(price({ grade: 'used' }, 10000));
    expect(deltas(used)).toEqual([
      ['grade', -2500],
      ['refurbished', 300],
      ['rounding', -1],
    ]);
    expect(used.steps[1]!.label).toBe('Tested, reset and cleaned (+3%)');
    expect(priced(price({ grade: 'used', factoryReset: false }, 10000)).proposedCents).toBe(7499);
    expect(priced(price({ grade: 'used', cleaned: false }, 10000)).proposedCents).toBe(7499);
    expect(priced(price({ grade: 'used', functionalTest: 'not_testable' }, 10000)).proposedCents).toBe(7499);
    // Opened packaging: the product was never used, so there is nothing to refurbish.
    expect(deltas(priced(price({ grade: 'opened_packaging' }, 10000)))).toEqual([
      ['grade', -1200],
      ['rounding', -1],
    ]);
  });

  it('never lets the refurbishment credit win back more than was discounted', () => {
    const policy = PricingPolicy.parse({ gradeDiscountBp: { used: 100 }, ending: '.00' });
    const r = priced(price({ grade: 'used' }, 10000, { policy }));
    expect(deltas(r)).toEqual([
      ['grade', -100],
      ['refurbished', 100],
    ]);
    expect(r.proposedCents).toBe(10000);
  });

  it('discounts an untested item, not one with nothing to test', () => {
    const untested = priced(price({ functionalTest: 'not_done' }, 10000));
    expect(deltas(untested)).toEqual([
      ['grade', -1200],
      ['untested', -500],
      ['rounding', -1],
    ]);
    expect(untested.steps[1]!.label).toBe('Not tested (−5%)');
    expect(priced(price({ functionalTest: 'not_testable' }, 10000)).proposedCents).toBe(8799);
  });

  it('sends an item that failed its functional test to a person', () => {
    const r = priced(price({ grade: 'heavily_damaged', functionalTest: 'failed' }, 100000));
    expect(r.needsApproval).toBe(true);
    expect(r.approvalReasons).toContain('functional_test_failed');
  });

  it('refuses a defective item with a typed refusal', () => {
    const outcome = price({ grade: 'defective' }, 10000);
    expect(outcome).toEqual({
      ok: false,
      refusal: {
        code: 'defective_not_priced',
        message: 'Defective items are never priced: destroy, recycle or return them to the merchant.',
      },
    });
  });

  it('does not discount a sealed item: it goes back to stock as new', () => {
    const r = priced(price({ grade: 'new_sealed', packaging: 'sealed', functionalTest: 'not_done' }, 12345));
    expect(r.proposedCents).toBe(12345);
    expect(r.steps).toEqual([]);
    expect(r.discountBp).toBe(0);
    expect(r.needsApproval).toBe(false);
  });

  it('refuses a "sealed" item with findings and says which', () => {
    const outcome = price(
      {
        grade: 'new_sealed',
        packaging: 'opened_intact',
        defects: [{ severity: 'minor', kind: 'scratch' }],
      },
      12345,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal).toMatchObject({
      code: 'sealed_with_findings',
      findings: ['packaging', 'defects'],
    });
    expect(outcome.refusal.message).toContain('packaging not sealed, defects');
  });

  it('records a typed price as a manual step, and flags one below the floor', () => {
    const facts = {
      accessoriesMissing: ['charger'],
      defects: [{ severity: 'minor', kind: 'scratch' }] as const,
    };
    const low = priced(price(facts, 12999, { manualCents: 1500 }));
    expect(low.proposedCents).toBe(1500);
    expect(low.steps.at(-1)).toMatchObject({
      code: 'manual',
      deltaCents: 1500 - 10399,
      params: { belowFloor: true },
      label: 'Price set by hand, below the floor',
    });
    expect(low.belowFloor).toBe(true);
    expect(low.needsApproval).toBe(true);
    expect(low.approvalReasons).toEqual(['discount_above_threshold', 'below_floor']);

    // Typing the computed price is still a person's choice, and the trace keeps it.
    const same = priced(price(facts, 12999, { manualCents: 10399 }));
    expect(same.steps.at(-1)).toMatchObject({ code: 'manual', deltaCents: 0, label: 'Price set by hand' });
    expect(same.belowFloor).toBe(false);
  });

  it('estimates fees and net recovery for the chosen channel', () => {
    const shop = priced(price({}, 10000, { channel: 'shop' }));
    // 1.9 % of 87.99 = 1.67181 → 1.67, + 0.25 = 1.92.
    expect(shop.channel).toBe('shop');
    expect(shop.feeCents).toBe(192);
    expect(shop.netCents).toBe(8799 - 192);

    const ebay = priced(price({}, 10000));
    // 13 % of 87.99 = 11.4387 → 11.44, + 0.35 = 11.79.
    expect(ebay.feeCents).toBe(1179);
    expect(ebay.netCents).toBe(7620);

    expect(estimateFee(0, { shareBp: 1300, fixedCents: 35 })).toBe(35);
    expect(feeChannelFor('ebay')).toBe('ebay');
    expect(feeChannelFor('practice')).toBe('ebay');
    expect(feeChannelFor('shopify')).toBe('shop');
    expect(feeChannelFor('woocommerce')).toBe('shop');
    expect(feeChannelFor('vendure')).toBe('shop');
  });

  it('labels the trace in the language asked for', () => {
    const outcome = priceItem({
      facts: {
        ...baseFacts,
        accessoriesMissing: ['chargeur'],
        defects: [{ severity: 'minor', kind: 'scratch' }],
      },
      originalCents: 10000,
      currency: 'EUR',
      policy: DEFAULT_POLICY,
      lang: 'fr',
    });
    expect(priced(outcome).steps.map((step) => step.label)).toEqual([
      'État\u202f: emballage ouvert (−12\u202f%)',
      'Accessoire manquant\u202f: chargeur (−5\u202f%)',
      'Défaut mineur\u202f: rayure (−3\u202f%)',
      'Arrondi vers le bas à ,99',
    ]);
  });

  it('throws on amounts that are not whole cents: a programming error, not a refusal', () => {
    expect(() => price({}, 99.5)).toThrow(RangeError);
    expect(() => price({}, 0)).toThrow(RangeError);
    expect(() => price({}, 1000, { manualCents: 1.5 })).toThrow(RangeError);
  });
});

describe('PricingInput schema', () => {
  it('accepts an item as the contract describes it and rejects fractional cents', () => {
    const input = {
      facts: { ...baseFacts, defects: [{ severity: 'minor', kind: 'scratch' }] },
      originalCents: 12999,
      currency: 'EUR',
      policy: {},
    };
    const parsed = PricingInput.parse(input);
    expect(parsed.policy).toEqual(DEFAULT_POLICY);
    // 129.99 − 15.60 − 3.90 = 110.49 → 109.99.
    expect(priced(priceItem(parsed)).proposedCents).toBe(10999);
    expect(PricingInput.safeParse({ ...input, originalCents: 129.99 }).success).toBe(false);
    expect(PricingInput.safeParse({ ...input, manualCents: -1 }).success).toBe(false);
    expect(PricingInput.safeParse({ ...input, currency: 'XXX' }).success).toBe(false);
  });
});
