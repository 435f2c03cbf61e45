import { z } from 'zod';
import {
  DEFECT_KINDS,
  DEFECT_SEVERITIES,
  FUNCTIONAL_TESTS,
  GRADES,
  PACKAGING_STATES,
  type DefectKind,
  type DefectSeverity,
  type FunctionalTest,
  type Grade,
  type PackagingState,
} from '../domain/grades';
import { CURRENCIES, type Currency } from '../domain/money';
import { LANGUAGES, type Channel, type Language } from '../domain/status';
import { labelFor, refusalText } from './labels';
import {
  BP_SCALE,
  FEE_CHANNELS,
  PricingPolicy,
  endingCents,
  shareOf,
  type ChannelFee,
  type FeeChannel,
  type PriceEnding,
  type PricedGrade,
} from './policy';

/*
 * How the engine counts, so that every amount stays a whole number of cents:
 * - Every percentage step is a share of the ORIGINAL price, not of the running price. Steps do not
 *   compound, so each one reads on its own ("−5 % of the original") and their order changes nothing.
 * - Each step is rounded on its own, half away from zero, to a whole cent (`shareOf`). The proposed
 *   price is then the original plus the rounded steps, so the trace sums exactly by construction.
 * - The total discount is rounded half away from zero to a whole basis point (`discountBpOf`), and
 *   the auto-approval threshold is compared with that same integer.
 */

// Not strict: the item's defects arrive with their id, location and photo, which pricing ignores.
export const ItemFacts = z.object({
  grade: z.enum(GRADES),
  packaging: z.enum(PACKAGING_STATES),
  /** Names as the desk recorded them ("charger", "manual"); shown as typed, never translated. */
  accessoriesMissing: z.array(z.string().trim().min(1).max(120)).max(100).readonly(),
  defects: z
    .array(z.object({ severity: z.enum(DEFECT_SEVERITIES), kind: z.enum(DEFECT_KINDS) }))
    .max(200)
    .readonly(),
  functionalTest: z.enum(FUNCTIONAL_TESTS),
  factoryReset: z.boolean(),
  cleaned: z.boolean(),
  /**
   * Recorded but not priced: new neutral packaging does not give back the original box the buyer
   * pays for, and the `packaging` fact already prices that box.
   */
  repackaged: z.boolean(),
});

/**
 * Written by hand rather than inferred so that callers can pass the item as the contract gives
 * it (readonly arrays, defects carrying their id, location and photo).
 */
export interface ItemFacts {
  readonly grade: Grade;
  readonly packaging: PackagingState;
  readonly accessoriesMissing: readonly string[];
  readonly defects: readonly { readonly severity: DefectSeverity; readonly kind: DefectKind }[];
  readonly functionalTest: FunctionalTest;
  readonly factoryReset: boolean;
  readonly cleaned: boolean;
  readonly repackaged: boolean;
}

export const PricingInput = z.object({
  facts: ItemFacts,
  originalCents: z.number().int().positive().safe(),
  currency: z.enum(CURRENCIES),
  policy: PricingPolicy,
  /** A price a person typed. It replaces the computed one and may go below the floor (flagged). */
  manualCents: z.number().int().nonnegative().safe().optional(),
  /** The channel whose fees give the net recovery; the policy's default channel otherwise. */
  channel: z.enum(FEE_CHANNELS).optional(),
  /** Language of the `label` texts; English unless told. `code` + `params` allow any other later. */
  lang: z.enum(LANGUAGES).optional(),
});

// The schema's output must fit the engine's input: this fails to compile if the two drift apart.
const _schemaFitsEngine = (parsed: z.infer<typeof PricingInput>): PricingInput => parsed;

export interface PricingInput {
  readonly facts: ItemFacts;
  readonly originalCents: number;
  readonly currency: Currency;
  readonly policy: PricingPolicy;
  readonly manualCents?: number | undefined;
  readonly channel?: FeeChannel | undefined;
  readonly lang?: Language | undefined;
}

/** What a step is, in data: enough to rebuild its label in any language. */
export type StepDetail =
  | { readonly code: 'grade'; readonly params: { readonly grade: PricedGrade; readonly bp: number } }
  | {
      readonly code: 'packaging';
      readonly params: { readonly packaging: 'damaged' | 'missing'; readonly bp: number };
    }
  | { readonly code: 'accessory'; readonly params: { readonly accessory: string; readonly bp: number } }
  | {
      readonly code: 'defect';
      readonly params: { readonly kind: DefectKind; readonly severity: DefectSeverity; readonly bp: number };
    }
  | { readonly code: 'refurbished'; readonly params: { readonly bp: number } }
  | { readonly code: 'untested'; readonly params: { readonly bp: number } }
  | { readonly code: 'floor'; readonly params: { readonly floorCents: number } }
  | {
      readonly code: 'rounding';
      readonly params: { readonly ending: PriceEnding; readonly direction: 'down' | 'up' };
    }
  | { readonly code: 'manual'; readonly params: { readonly belowFloor: boolean } };

export type StepCode = StepDetail['code'];

/** The trace, in order: grade, packaging, accessories, defects, refurbishment, floor, rounding, manual. */
export const STEP_ORDER = [
  'grade',
  'packaging',
  'accessory',
  'defect',
  'refurbished',
  'untested',
  'floor',
  'rounding',
  'manual',
] as const satisfies readonly StepCode[];

/** A trace step: the contract's `PriceStep` ({code, label, deltaCents}) plus its params. */
export type PricingStep = StepDetail & { readonly label: string; readonly deltaCents: number };

/** Why a proposal waits for a person instead of being approved by the policy. */
export const APPROVAL_REASONS = [
  'discount_above_threshold',
  'below_floor',
  'functional_test_failed',
] as const;
export type ApprovalReason = (typeof APPROVAL_REASONS)[number];

export interface PriceResult {
  readonly currency: Currency;
  readonly originalCents: number;
  /** Always `originalCents + Σ steps[].deltaCents`, exactly. */
  readonly proposedCents: number;
  readonly floorCents: number;
  /** The channel the fee estimate and the net recovery are for. */
  readonly channel: FeeChannel;
  readonly feeCents: number;
  /** Proposed minus the estimated channel fees: what the merchant recovers. Can be negative. */
  readonly netCents: number;
  /** Total discount against the original in whole basis points (half away from zero); negative above it. */
  readonly discountBp: number;
  readonly needsApproval: boolean;
  readonly approvalReasons: readonly ApprovalReason[];
  /** Only a person's typed price can be below the floor; this says one is. */
  readonly belowFloor: boolean;
  readonly steps: readonly PricingStep[];
}

/** Why an item gets no price, in data (translate with `refusalText`). */
export type RefusalDetail =
  | { readonly code: 'defective_not_priced' }
  | {
      readonly code: 'sealed_with_findings';
      /** Which recorded facts contradict a sealed grade. */
      readonly findings: readonly SealedFinding[];
    };

/** A refusal with its message in the language asked for. */
export type PricingRefusal = RefusalDetail & { readonly message: string };

export type SealedFinding = 'packaging' | 'accessories' | 'defects' | 'functional_test';

/** Refusals are business outcomes (regrade the item, dispose of it), not crashes: they are data. */
export type PricingOutcome =
  | { readonly ok: true; readonly result: PriceResult }
  | { readonly ok: false; readonly refusal: PricingRefusal };

/** The floor: the higher of the share and the fixed amount, never above the original itself. */
export function floorFor(originalCents: number, floor: PricingPolicy['floor']): number {
  // A floor above the original would make a returned item dearer than a new one.
  return Math.min(originalCents, Math.max(shareOf(originalCents, floor.minShareBp), floor.minCents));
}

/** Estimated fee of one order at `priceCents`: the share (rounded half up) plus the fixed part. */
export function estimateFee(priceCents: number, fee: ChannelFee): number {
  return shareOf(priceCents, fee.shareBp) + fee.fixedCents;
}

/** Which fee schedule a listing channel pays. The practice marketplace behaves like eBay. */
export function feeChannelFor(channel: Channel): FeeChannel {
  switch (channel) {
    case 'ebay':
    case 'practice':
      return 'ebay';
    case 'shopify':
    case 'woocommerce':
    case 'vendure':
      return 'shop';
  }
}

/**
 * Discount of `proposed` against `original` in whole basis points, rounded half away from zero
 * (negative when the price is above the original). The approval threshold is compared with this
 * same number, at the precision the merchant sets it, so the screen never shows "20 %" next to a
 * decision taken on 20.0015 % (a cent of step rounding on a 129.99 item).
 */
export function discountBpOf(originalCents: number, proposedCents: number): number {
  if (originalCents <= 0) throw new RangeError('An original price must be positive');
  const numerator = BigInt(originalCents - proposedCents) * BigInt(BP_SCALE);
  const denominator = BigInt(originalCents);
  const magnitude = ((numerator < 0n ? -numerator : numerator) * 2n + denominator) / (2n * denominator);
  return Number(numerator < 0n ? -magnitude : magnitude);
}

/** Largest amount ≤ `cents` that ends in `ending` (may be negative for tiny amounts). */
export function roundDownToEnding(cents: number, ending: PriceEnding): number {
  const target = endingCents(ending);
  return cents - ((((cents - target) % 100) + 100) % 100);
}

/** Smallest amount ≥ `cents` that ends in `ending`. */
export function roundUpToEnding(cents: number, ending: PriceEnding): number {
  const target = endingCents(ending);
  return cents + ((((target - cents) % 100) + 100) % 100);
}

/**
 * Applies the price ending: round DOWN to the ending; if that would cross the floor, round UP to
 * the first ending at or above the floor instead. When even that would exceed `ceilingCents` (the
 * original price, for tiny items whose floor is the original), the price keeps its exact cents:
 * an ending is cosmetic and must neither undercut the floor nor overcharge.
 */
export function applyEnding(
  cents: number,
  ending: PriceEnding,
  floorCents: number,
  ceilingCents: number,
): { readonly cents: number; readonly direction: 'down' | 'up' | 'none' } {
  const down = roundDownToEnding(cents, ending);
  if (down === cents) return { cents, direction: 'none' };
  if (down >= floorCents) return { cents: down, direction: 'down' };
  const up = roundUpToEnding(floorCents, ending);
  if (up <= ceilingCents && up !== cents) return { cents: up, direction: 'up' };
  return { cents, direction: 'none' };
}

function sealedFindings(facts: ItemFacts): SealedFinding[] {
  const findings: SealedFinding[] = [];
  if (facts.packaging !== 'sealed') findings.push('packaging');
  if (facts.accessoriesMissing.length > 0) findings.push('accessories');
  if (facts.defects.length > 0) findings.push('defects');
  // A sealed product cannot have been tested; a failure means it was opened.
  if (facts.functionalTest === 'failed') findings.push('functional_test');
  return findings;
}

/** A used product tested working, reset and cleaned; an unused one has nothing to refurbish. */
function isRefurbished(grade: PricedGrade, facts: ItemFacts): boolean {
  const usedOrWorse = grade === 'used' || grade === 'lightly_damaged' || grade === 'heavily_damaged';
  return usedOrWorse && facts.functionalTest === 'passed' && facts.factoryReset && facts.cleaned;
}

function assertWholeCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a whole number of minor units, got ${value}`);
  }
}

/**
 * Prices one item under a merchant's policy. Input is trusted to have passed `PricingInput`
 * (the service validates at the boundary); amounts that are not whole cents are a programming
 * error and throw, while a grade that cannot be priced is a refusal returned as data.
 */
export function priceItem(input: PricingInput): PricingOutcome {
  const { facts, originalCents, currency, policy } = input;
  const lang = input.lang ?? 'en';
  assertWholeCents('originalCents', originalCents);
  if (originalCents <= 0) throw new RangeError('originalCents must be positive');
  if (input.manualCents !== undefined) {
    assertWholeCents('manualCents', input.manualCents);
    if (input.manualCents < 0) throw new RangeError('manualCents must not be negative');
  }

  const grade = facts.grade;
  if (grade === 'defective') {
    const refusal = { code: 'defective_not_priced' } as const;
    return { ok: false, refusal: { ...refusal, message: refusalText(refusal, lang) } };
  }

  const steps: PricingStep[] = [];
  const push = (detail: StepDetail, deltaCents: number): void => {
    steps.push({ ...detail, label: labelFor(detail, lang), deltaCents });
  };
  const discount = (bp: number): number => -shareOf(originalCents, bp);
  const floorCents = floorFor(originalCents, policy.floor);
  const total = (): number => steps.reduce((sum, step) => sum + step.deltaCents, originalCents);

  if (grade === 'new_sealed') {
    // Sealed goes back to stock as new: no discount, no ending. Findings mean it is not sealed,
    // and guessing which grade it really is belongs to the desk, not to the engine.
    const findings = sealedFindings(facts);
    if (findings.length > 0) {
      const refusal = { code: 'sealed_with_findings', findings } as const;
      return { ok: false, refusal: { ...refusal, message: refusalText(refusal, lang) } };
    }
  } else {
    const gradeBp = policy.gradeDiscountBp[grade];
    if (gradeBp > 0) push({ code: 'grade', params: { grade, bp: gradeBp } }, discount(gradeBp));

    if (facts.packaging === 'damaged' || facts.packaging === 'missing') {
      const bp = policy.packagingBp[facts.packaging];
      if (bp > 0) push({ code: 'packaging', params: { packaging: facts.packaging, bp } }, discount(bp));
    }

    const accessoryBp = policy.accessoryMissingBp;
    if (accessoryBp > 0) {
      for (const accessory of facts.accessoriesMissing) {
        push({ code: 'accessory', params: { accessory, bp: accessoryBp } }, discount(accessoryBp));
      }
    }

    for (const defect of facts.defects) {
      const bp = policy.defectBp[defect.severity];
      if (bp > 0) {
        push({ code: 'defect', params: { kind: defect.kind, severity: defect.severity, bp } }, discount(bp));
      }
    }

    const { refurbishedBp, untestedBp } = policy.refurbishment;
    if (refurbishedBp > 0 && isRefurbished(grade, facts)) {
      // Win back at most what was taken: refurbishing never lifts a price above the original.
      const credit = Math.min(shareOf(originalCents, refurbishedBp), originalCents - total());
      push({ code: 'refurbished', params: { bp: refurbishedBp } }, credit);
    }
    if (untestedBp > 0 && facts.functionalTest === 'not_done') {
      push({ code: 'untested', params: { bp: untestedBp } }, discount(untestedBp));
    }

    const beforeFloor = total();
    if (beforeFloor < floorCents) {
      push({ code: 'floor', params: { floorCents } }, floorCents - beforeFloor);
    }

    const beforeEnding = total();
    const ended = applyEnding(beforeEnding, policy.ending, floorCents, originalCents);
    if (ended.direction !== 'none') {
      push(
        { code: 'rounding', params: { ending: policy.ending, direction: ended.direction } },
        ended.cents - beforeEnding,
      );
    }
  }

  if (input.manualCents !== undefined) {
    // Recorded even when it equals the computed price: a person chose it, and the trace says so.
    push(
      { code: 'manual', params: { belowFloor: input.manualCents < floorCents } },
      input.manualCents - total(),
    );
  }

  const proposedCents = total();
  const channel = input.channel ?? policy.defaultChannel;
  const feeCents = estimateFee(proposedCents, policy.fees[channel]);
  const discountBp = discountBpOf(originalCents, proposedCents);
  const belowFloor = proposedCents < floorCents;

  const approvalReasons: ApprovalReason[] = [];
  if (discountBp > policy.autoApproveMaxDiscountBp) approvalReasons.push('discount_above_threshold');
  if (belowFloor) approvalReasons.push('below_floor');
  // A listable grade with a failed test is possible (a heavily damaged item sold for parts),
  // but the merchant decides what happens to it, never the policy alone.
  if (facts.functionalTest === 'failed') approvalReasons.push('functional_test_failed');

  return {
    ok: true,
    result: {
      currency,
      originalCents,
      proposedCents,
      floorCents,
      channel,
      feeCents,
      netCents: proposedCents - feeCents,
      discountBp,
      needsApproval: approvalReasons.length > 0,
      approvalReasons,
      belowFloor,
      steps,
    },
  };
}
