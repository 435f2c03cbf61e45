/**
 * The returns service's own condition scale, best first. The order matters: pricing relies on
 * it ("a worse grade never sells for more than a better one") and the intake form maps keys 1–6
 * onto it.
 */
export const GRADES = [
  'new_sealed',
  'opened_packaging',
  'used',
  'lightly_damaged',
  'heavily_damaged',
  'defective',
] as const;

export type Grade = (typeof GRADES)[number];

export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

/** Defective items are destroyed or sent back to the merchant: they are never priced or listed. */
export function isListable(grade: Grade): boolean {
  return grade !== 'defective';
}

export const PACKAGING_STATES = ['sealed', 'opened_intact', 'damaged', 'missing'] as const;
export type PackagingState = (typeof PACKAGING_STATES)[number];

export const FUNCTIONAL_TESTS = ['passed', 'failed', 'not_testable', 'not_done'] as const;
export type FunctionalTest = (typeof FUNCTIONAL_TESTS)[number];

export const DEFECT_KINDS = [
  'scratch',
  'dent',
  'stain',
  'tear',
  'crack',
  'discolouration',
  'missing_part',
  'not_working',
  'other',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export const DEFECT_SEVERITIES = ['minor', 'moderate', 'major'] as const;
export type DefectSeverity = (typeof DEFECT_SEVERITIES)[number];

export const RETURN_REASONS = [
  'changed_mind',
  'wrong_size',
  'not_as_described',
  'arrived_damaged',
  'defective_on_first_use',
  'could_not_make_it_work',
  'late_delivery',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
