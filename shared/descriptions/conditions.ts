import type { DefectKind } from '../domain/grades';
import { assertNever } from '../errors';
import type { DraftItem } from './facts';
import type { TitleConditionKey } from './templates';

/**
 * eBay's item conditions (Sell Inventory ConditionEnum and the numeric ids that the Metadata
 * API's getItemConditionPolicies returns for a category).
 */
export const EBAY_CONDITION_IDS = {
  NEW: 1000,
  NEW_OTHER: 1500,
  NEW_WITH_DEFECTS: 1750,
  CERTIFIED_REFURBISHED: 2000,
  EXCELLENT_REFURBISHED: 2010,
  VERY_GOOD_REFURBISHED: 2020,
  GOOD_REFURBISHED: 2030,
  SELLER_REFURBISHED: 2500,
  LIKE_NEW: 2750,
  USED_EXCELLENT: 3000,
  USED_VERY_GOOD: 4000,
  USED_GOOD: 5000,
  USED_ACCEPTABLE: 6000,
  FOR_PARTS_OR_NOT_WORKING: 7000,
} as const;

export type EbayCondition = keyof typeof EBAY_CONDITION_IDS;

/**
 * eBay ignores `conditionDescription` for these conditions (and answers with a warning), so a
 * draft leaves it empty for them; the reasons for the discount still go into the listing
 * description, where every buyer sees them.
 */
export const NEW_CONDITIONS: ReadonlySet<EbayCondition> = new Set([
  'NEW',
  'LIKE_NEW',
  'NEW_OTHER',
  'NEW_WITH_DEFECTS',
]);

export function isNewCondition(condition: EbayCondition): boolean {
  return NEW_CONDITIONS.has(condition);
}

/** eBay's limit on `conditionDescription`, in characters. */
export const CONDITION_DESCRIPTION_MAX = 1000;

/**
 * The conditions Rebound may choose, best first; a fallback only ever moves down this list.
 * The refurbished conditions (2000–2500) are left out: eBay only lets approved sellers use them,
 * and they assert a refurbishment that no checklist here records.
 */
const LADDER: readonly EbayCondition[] = [
  'NEW',
  'NEW_OTHER',
  'NEW_WITH_DEFECTS',
  'LIKE_NEW',
  'USED_EXCELLENT',
  'USED_VERY_GOOD',
  'USED_GOOD',
  'USED_ACCEPTABLE',
  'FOR_PARTS_OR_NOT_WORKING',
];

/** Which rule of the mapping chose the condition: for the approval screen's "why". */
export type ConditionRule =
  | 'new_sealed'
  | 'opened_packaging'
  | 'used_excellent'
  | 'used_very_good'
  | 'used_good'
  | 'lightly_damaged_unused'
  | 'lightly_damaged'
  | 'heavily_damaged'
  | 'not_working';

export interface ConditionChoice {
  readonly ok: true;
  /** The condition to list with: `mapped`, or the nearest worse one the category allows. */
  readonly condition: EbayCondition;
  readonly conditionId: number;
  /** What the item's facts map to before the category's allowed conditions are applied. */
  readonly mapped: EbayCondition;
  readonly rule: ConditionRule;
}

export type ConditionRefusal =
  | {
      readonly ok: false;
      readonly reason: 'not_listable';
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly reason: 'no_allowed_condition';
      readonly mapped: EbayCondition;
      readonly allowedConditionIds: readonly number[];
      readonly message: string;
    };

/**
 * Defects that show the product was used, or is not complete, rather than marked in transport
 * or storage: a product with one of these is not "new with defects".
 */
const NOT_COSMETIC: ReadonlySet<DefectKind> = new Set(['stain', 'missing_part', 'not_working', 'other']);

/**
 * "Tested" for a condition: a passed test, or nothing to test (a jacket, a chair).
 * A test that was not done proves nothing, so it never earns the better used conditions.
 */
function worksAsFarAsKnown(item: DraftItem): boolean {
  return item.functionalTest === 'passed' || item.functionalTest === 'not_testable';
}

/** A failed functional test or a recorded fault: the item does not fully work, whatever its grade. */
export function doesNotWork(item: DraftItem): boolean {
  return item.functionalTest === 'failed' || item.defects.some((d) => d.kind === 'not_working');
}

/**
 * How titles and descriptions name the item's condition: its grade, or 'not_working' when it
 * does not work (the same override as `mapCondition`). null for a defective item, which is
 * never described.
 */
export function describedAs(item: DraftItem): TitleConditionKey | null {
  if (item.grade === 'defective') return null;
  return doesNotWork(item) ? 'not_working' : item.grade;
}

/**
 * Maps the grade and the checklist to an eBay condition.
 *
 * - new_sealed → NEW (normally restocked rather than listed, but it can be).
 * - opened_packaging → NEW_OTHER.
 * - used → USED_EXCELLENT when nothing is recorded against it: no defects, no missing accessory,
 *   tested (passed, or nothing to test); USED_VERY_GOOD when tested and every defect is minor;
 *   USED_GOOD otherwise.
 * - lightly_damaged → NEW_WITH_DEFECTS when the product is unused: its packaging came back
 *   (sealed, opened or damaged, not missing), it is tested (passed, or nothing to test), and
 *   every defect is cosmetic (scratch, dent, tear, crack, discolouration: no stain, missing
 *   part, fault or unexplained "other"); USED_ACCEPTABLE otherwise.
 * - heavily_damaged → FOR_PARTS_OR_NOT_WORKING.
 * - defective → refused: defective items are never listed.
 *
 * Before all of that: an item that failed its functional test, or has a defect of kind
 * not_working, is FOR_PARTS_OR_NOT_WORKING whatever its grade, because every other eBay
 * condition tells the buyer the item is fully operational.
 */
export function mapCondition(item: DraftItem): ConditionChoice | ConditionRefusal {
  const pick = (condition: EbayCondition, rule: ConditionRule): ConditionChoice => ({
    ok: true,
    condition,
    conditionId: EBAY_CONDITION_IDS[condition],
    mapped: condition,
    rule,
  });
  if (item.grade === 'defective') {
    return {
      ok: false,
      reason: 'not_listable',
      message: 'Defective items are never listed: they are destroyed or returned to the merchant.',
    };
  }
  if (doesNotWork(item)) return pick('FOR_PARTS_OR_NOT_WORKING', 'not_working');
  switch (item.grade) {
    case 'new_sealed':
      return pick('NEW', 'new_sealed');
    case 'opened_packaging':
      return pick('NEW_OTHER', 'opened_packaging');
    case 'used': {
      const tested = worksAsFarAsKnown(item);
      if (tested && item.defects.length === 0 && item.accessoriesMissing.length === 0) {
        return pick('USED_EXCELLENT', 'used_excellent');
      }
      if (tested && item.defects.every((d) => d.severity === 'minor')) {
        return pick('USED_VERY_GOOD', 'used_very_good');
      }
      return pick('USED_GOOD', 'used_good');
    }
    case 'lightly_damaged': {
      const unused =
        item.packaging !== null &&
        item.packaging !== 'missing' &&
        worksAsFarAsKnown(item) &&
        item.defects.every((d) => !NOT_COSMETIC.has(d.kind));
      return unused
        ? pick('NEW_WITH_DEFECTS', 'lightly_damaged_unused')
        : pick('USED_ACCEPTABLE', 'lightly_damaged');
    }
    case 'heavily_damaged':
      return pick('FOR_PARTS_OR_NOT_WORKING', 'heavily_damaged');
    default:
      return assertNever(item.grade, 'grade');
  }
}

/**
 * Keeps to the conditions a category allows (from getItemConditionPolicies). `undefined` means
 * "not known", and the mapped condition stands; a list, even empty, is taken at its word.
 *
 * The fallback is the nearest allowed condition *below* the mapped one, never above: listing
 * an item better than it is costs a return and the merchant's seller rating. Two conditions are
 * skipped as fallbacks because they would claim something the facts contradict:
 * - LIKE_NEW promises no visible wear at all, so only an item without recorded defects falls
 *   back to it;
 * - FOR_PARTS_OR_NOT_WORKING says the item does not work, so a working item is refused rather
 *   than listed as broken (the category is the problem, and staff should pick another).
 */
export function applyAllowedConditions(
  choice: ConditionChoice,
  item: DraftItem,
  allowedConditionIds?: readonly number[],
): ConditionChoice | ConditionRefusal {
  if (allowedConditionIds === undefined) return choice;
  const allowed = new Set(allowedConditionIds);
  const start = LADDER.indexOf(choice.mapped);
  for (const candidate of LADDER.slice(start)) {
    if (!allowed.has(EBAY_CONDITION_IDS[candidate])) continue;
    if (candidate !== choice.mapped) {
      if (candidate === 'LIKE_NEW' && item.defects.length > 0) continue;
      if (candidate === 'FOR_PARTS_OR_NOT_WORKING') continue;
    }
    return { ...choice, condition: candidate, conditionId: EBAY_CONDITION_IDS[candidate] };
  }
  return {
    ok: false,
    reason: 'no_allowed_condition',
    mapped: choice.mapped,
    allowedConditionIds: [...allowedConditionIds],
    message: `The category allows no condition that fits this item (it maps to ${choice.mapped}); choose another category.`,
  };
}

/** The condition to list an item with: `mapCondition`, then `applyAllowedConditions`. */
export function chooseCondition(
  item: DraftItem,
  allowedConditionIds?: readonly number[],
): ConditionChoice | ConditionRefusal {
  const mapped = mapCondition(item);
  return mapped.ok ? applyAllowedConditions(mapped, item, allowedConditionIds) : mapped;
}
