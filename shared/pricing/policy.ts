import { z } from 'zod';
import { DEFECT_SEVERITIES, type DefectSeverity, type Grade } from '../domain/grades';
import { policyWarningText } from './labels';

/**
 * A merchant's pricing policy: every rate is a whole number of basis points (1 bp = 0.01 %,
 * 10 000 bp = 100 %) and every fixed amount a whole number of minor units, so the engine never
 * multiplies money by a float.
 *
 * Every field has a default, so `PricingPolicy.parse({})` is the default policy and a policy
 * stored by an older version of the app (without a field added since) still parses: the new
 * field takes its default instead of failing the merchant's whole pricing.
 */

/** 10 000 basis points make 100 %. */
export const BP_SCALE = 10_000;

/**
 * Price endings, applied by rounding down to the ending. They assume 100 minor units per major
 * unit, which holds for every currency in `CURRENCIES`.
 */
export const PRICE_ENDINGS = ['.99', '.90', '.00'] as const;
export type PriceEnding = (typeof PRICE_ENDINGS)[number];

/** Minor units an ending leaves after the decimal point. */
export function endingCents(ending: PriceEnding): number {
  switch (ending) {
    case '.99':
      return 99;
    case '.90':
      return 90;
    case '.00':
      return 0;
  }
}

/**
 * The channels the fee estimate knows. All the merchant's own shops (Shopify, WooCommerce,
 * Vendure) charge the same kind of fee: a card payment share plus a fixed amount per order.
 */
export const FEE_CHANNELS = ['ebay', 'shop'] as const;
export type FeeChannel = (typeof FEE_CHANNELS)[number];

/** Grades that get a price. `defective` is never priced: it is destroyed or returned. */
export const PRICED_GRADES = [
  'new_sealed',
  'opened_packaging',
  'used',
  'lightly_damaged',
  'heavily_damaged',
] as const satisfies readonly Grade[];
export type PricedGrade = (typeof PRICED_GRADES)[number];

/**
 * The default policy, tuned for EUR, GBP, USD and CHF price levels. The fixed amounts (`minCents`,
 * `fixedCents`) are in the merchant's own currency: a merchant in SEK, DKK or PLN should raise
 * them.
 */
const DEFAULTS = {
  /**
   * The base discount of each grade, on the original price. `new_sealed` is fixed at 0: a sealed
   * item goes back to stock as new, so the engine neither discounts nor rounds it.
   */
  gradeDiscountBp: {
    new_sealed: 0,
    opened_packaging: 1200,
    used: 2500,
    lightly_damaged: 3500,
    heavily_damaged: 6000,
  },
  /**
   * Packaging beyond what the grade already says. An opened but intact box is what
   * `opened_packaging` means, so it costs nothing extra; a damaged or missing box does, because
   * buyers of returns pay for the original box (gifts, resale, warranty shipping).
   */
  packagingBp: { damaged: 400, missing: 800 },
  /** Per missing accessory (charger, cable, manual…): one rate, counted once per accessory. */
  accessoryMissingBp: 500,
  /** Per recorded defect, by severity. */
  defectBp: { minor: 300, moderate: 800, major: 1500 },
  refurbishment: {
    /**
     * Credit for a used product that was tested working, reset to factory settings and cleaned:
     * it is worth more than the same product as it came back. It only applies to `used` and worse
     * (an unused product has nothing to refurbish) and never wins back more than the discounts
     * already taken, so refurbishing never lifts a price above the original.
     */
    refurbishedBp: 300,
    /**
     * Discount when the functional test was not done: the listing cannot promise the product
     * works. `not_testable` (nothing to test: clothing, books) costs nothing.
     */
    untestedBp: 500,
  },
  /** The floor is the higher of a share of the original price and a fixed amount. */
  floor: { minShareBp: 2000, minCents: 500 },
  ending: '.99' as PriceEnding,
  /**
   * A proposal whose total discount (after rounding, i.e. what the buyer actually gets) is at or
   * under this many basis points is approved without a person.
   */
  autoApproveMaxDiscountBp: 2000,
  /**
   * Estimates on the item price only (shipping and tax, which also carry fees, are not known at
   * pricing time). eBay: a typical final value fee share plus the per-order fee; shop: a typical
   * card payment fee. Set them to the merchant's own category and contract.
   */
  fees: {
    ebay: { shareBp: 1300, fixedCents: 35 },
    shop: { shareBp: 190, fixedCents: 25 },
  },
  defaultChannel: 'ebay' as FeeChannel,
};

/** A discount or adjustment rate: more than 100 % of the original price means nothing. */
const rate = (fallback: number) => z.number().int().min(0).max(BP_SCALE).default(fallback);
const cents = (fallback: number) => z.number().int().min(0).max(100_000_000).default(fallback);

const ChannelFee = (fallback: { shareBp: number; fixedCents: number }) =>
  z
    .object({
      shareBp: rate(fallback.shareBp),
      fixedCents: cents(fallback.fixedCents),
    })
    .strict()
    .prefault({});

export const PricingPolicy = z
  .object({
    gradeDiscountBp: z
      .object({
        new_sealed: z.literal(0).default(0),
        opened_packaging: rate(DEFAULTS.gradeDiscountBp.opened_packaging),
        used: rate(DEFAULTS.gradeDiscountBp.used),
        lightly_damaged: rate(DEFAULTS.gradeDiscountBp.lightly_damaged),
        heavily_damaged: rate(DEFAULTS.gradeDiscountBp.heavily_damaged),
      })
      .strict()
      .prefault({}),
    packagingBp: z
      .object({
        damaged: rate(DEFAULTS.packagingBp.damaged),
        missing: rate(DEFAULTS.packagingBp.missing),
      })
      .strict()
      .prefault({}),
    accessoryMissingBp: rate(DEFAULTS.accessoryMissingBp),
    defectBp: z
      .object({
        minor: rate(DEFAULTS.defectBp.minor),
        moderate: rate(DEFAULTS.defectBp.moderate),
        major: rate(DEFAULTS.defectBp.major),
      })
      .strict()
      .prefault({}),
    refurbishment: z
      .object({
        refurbishedBp: rate(DEFAULTS.refurbishment.refurbishedBp),
        untestedBp: rate(DEFAULTS.refurbishment.untestedBp),
      })
      .strict()
      .prefault({}),
    floor: z
      .object({
        // Up to 10× the original is accepted so the editor can show a warning rather than a
        // parse error while the merchant is typing; the engine caps the floor at the original.
        minShareBp: z
          .number()
          .int()
          .min(0)
          .max(10 * BP_SCALE)
          .default(DEFAULTS.floor.minShareBp),
        minCents: cents(DEFAULTS.floor.minCents),
      })
      .strict()
      .prefault({}),
    ending: z.enum(PRICE_ENDINGS).default(DEFAULTS.ending),
    autoApproveMaxDiscountBp: rate(DEFAULTS.autoApproveMaxDiscountBp),
    fees: z
      .object({
        ebay: ChannelFee(DEFAULTS.fees.ebay),
        shop: ChannelFee(DEFAULTS.fees.shop),
      })
      .strict()
      .prefault({}),
    defaultChannel: z.enum(FEE_CHANNELS).default(DEFAULTS.defaultChannel),
  })
  .strict();

export type PricingPolicy = z.infer<typeof PricingPolicy>;
export type ChannelFee = PricingPolicy['fees'][FeeChannel];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The policy a merchant starts with (see `DEFAULTS` above for the reasoning behind each value):
 * grade ladder 0 / 12 / 25 / 35 / 60 %; damaged box −4 %, missing box −8 %; −5 % per missing
 * accessory; defects −3 / −8 / −15 % (minor / moderate / major); refurbished +3 % (used and
 * worse), untested −5 %; floor 20 % of the original or 5.00, whichever is higher; ending .99;
 * auto-approval up to 20 % discount; eBay 13 % + 0.35, shop 1.9 % + 0.25. Frozen: copy it to edit.
 */
export const DEFAULT_POLICY: PricingPolicy = deepFreeze(PricingPolicy.parse({}));

// ---------------------------------------------------------------------------------------------
// Warnings: a policy can be valid (it parses) and still be one the merchant probably did not mean.

export type PolicyWarning =
  | {
      readonly code: 'grade_ladder_not_monotonic';
      readonly path: string;
      readonly params: {
        readonly better: PricedGrade;
        readonly worse: PricedGrade;
        readonly betterBp: number;
        readonly worseBp: number;
      };
    }
  | {
      readonly code: 'defect_severity_not_monotonic';
      readonly path: string;
      readonly params: {
        readonly lesser: DefectSeverity;
        readonly greater: DefectSeverity;
        readonly lesserBp: number;
        readonly greaterBp: number;
      };
    }
  | {
      readonly code: 'packaging_not_monotonic';
      readonly path: string;
      readonly params: { readonly damagedBp: number; readonly missingBp: number };
    }
  | {
      readonly code: 'refurbished_credit_breaks_ladder';
      readonly path: string;
      readonly params: { readonly creditBp: number; readonly gapBp: number };
    }
  | { readonly code: 'floor_above_original'; readonly path: string; readonly params: { readonly bp: number } }
  | { readonly code: 'no_floor'; readonly path: string; readonly params: Readonly<Record<string, never>> }
  | {
      readonly code: 'floor_nets_nothing';
      readonly path: string;
      readonly params: {
        readonly channel: FeeChannel;
        readonly floorCents: number;
        readonly feeCents: number;
      };
    }
  | {
      readonly code: 'auto_approves_everything';
      readonly path: string;
      readonly params: { readonly bp: number };
    };

export type PolicyWarningCode = PolicyWarning['code'];

/** A warning with its English message, ready for a log; the editor translates with `policyWarningText`. */
export type PolicyWarningWithMessage = PolicyWarning & { readonly message: string };

/**
 * Checks a parsed policy for choices that contradict themselves or the merchant's own interest.
 * Warnings never block saving: the merchant may have a reason (the editor shows them).
 */
export function validatePolicy(policy: PricingPolicy): readonly PolicyWarningWithMessage[] {
  const warnings: PolicyWarning[] = [];
  const ladder = policy.gradeDiscountBp;

  // Compare every pair, not just neighbours: the editor should name the exact grades that clash.
  for (let i = 0; i < PRICED_GRADES.length; i++) {
    for (let j = i + 1; j < PRICED_GRADES.length; j++) {
      const better = PRICED_GRADES[i]!;
      const worse = PRICED_GRADES[j]!;
      if (ladder[worse] < ladder[better]) {
        warnings.push({
          code: 'grade_ladder_not_monotonic',
          path: `gradeDiscountBp.${worse}`,
          params: { better, worse, betterBp: ladder[better], worseBp: ladder[worse] },
        });
      }
    }
  }

  for (let i = 0; i < DEFECT_SEVERITIES.length; i++) {
    for (let j = i + 1; j < DEFECT_SEVERITIES.length; j++) {
      const lesser = DEFECT_SEVERITIES[i]!;
      const greater = DEFECT_SEVERITIES[j]!;
      if (policy.defectBp[greater] < policy.defectBp[lesser]) {
        warnings.push({
          code: 'defect_severity_not_monotonic',
          path: `defectBp.${greater}`,
          params: {
            lesser,
            greater,
            lesserBp: policy.defectBp[lesser],
            greaterBp: policy.defectBp[greater],
          },
        });
      }
    }
  }

  if (policy.packagingBp.missing < policy.packagingBp.damaged) {
    warnings.push({
      code: 'packaging_not_monotonic',
      path: 'packagingBp.missing',
      params: { damagedBp: policy.packagingBp.damaged, missingBp: policy.packagingBp.missing },
    });
  }

  // The credit only applies from `used` down, so it must not bridge the gap between an unused
  // opened item and a used one, or a refurbished used item outprices the unused one.
  const gapBp = ladder.used - ladder.opened_packaging;
  if (policy.refurbishment.refurbishedBp > Math.max(0, gapBp)) {
    warnings.push({
      code: 'refurbished_credit_breaks_ladder',
      path: 'refurbishment.refurbishedBp',
      params: { creditBp: policy.refurbishment.refurbishedBp, gapBp },
    });
  }

  if (policy.floor.minShareBp > BP_SCALE) {
    warnings.push({
      code: 'floor_above_original',
      path: 'floor.minShareBp',
      params: { bp: policy.floor.minShareBp },
    });
  }
  if (policy.floor.minShareBp === 0 && policy.floor.minCents === 0) {
    warnings.push({ code: 'no_floor', path: 'floor', params: {} });
  } else if (policy.floor.minCents > 0) {
    // The fixed floor is the cheapest an item can be listed for: selling there should pay at
    // least the channel's fee, or the merchant pays to give the item away.
    for (const channel of FEE_CHANNELS) {
      const fee = policy.fees[channel];
      const feeCents = shareOf(policy.floor.minCents, fee.shareBp) + fee.fixedCents;
      if (feeCents >= policy.floor.minCents) {
        warnings.push({
          code: 'floor_nets_nothing',
          path: 'floor.minCents',
          params: { channel, floorCents: policy.floor.minCents, feeCents },
        });
      }
    }
  }

  if (policy.autoApproveMaxDiscountBp >= BP_SCALE) {
    warnings.push({
      code: 'auto_approves_everything',
      path: 'autoApproveMaxDiscountBp',
      params: { bp: policy.autoApproveMaxDiscountBp },
    });
  }

  return warnings.map((warning) => ({ ...warning, message: policyWarningText(warning, 'en') }));
}

/**
 * `bp` basis points of `cents`, rounded half away from zero to a whole minor unit: 0.5 cent
 * becomes 1 cent, −0.5 becomes −1, so a credit and a discount of the same rate are mirror images.
 * BigInt keeps the product exact for any safe-integer amount.
 */
export function shareOf(cents: number, bp: number): number {
  if (!Number.isSafeInteger(cents) || !Number.isSafeInteger(bp)) {
    throw new RangeError(`shareOf needs whole numbers, got ${cents} and ${bp}`);
  }
  const product = BigInt(cents) * BigInt(bp);
  const magnitude = ((product < 0n ? -product : product) + BigInt(BP_SCALE / 2)) / BigInt(BP_SCALE);
  return Number(product < 0n ? -magnitude : magnitude);
}
