import { describe, expect, it } from 'vitest';
import { GRADES } from '../domain/grades';
import {
  chooseCondition,
  EBAY_CONDITION_IDS,
  isNewCondition,
  mapCondition,
  type EbayCondition,
} from './conditions';
import type { DraftDefect, DraftItem } from './facts';
import { sampleFacts } from './sample';

const clean: Partial<DraftItem> = {
  packaging: 'opened_intact',
  accessoriesExpected: ['charger'],
  accessoriesMissing: [],
  functionalTest: 'passed',
  defects: [],
};
const item = (patch: Partial<DraftItem>): DraftItem => sampleFacts({ ...clean, ...patch }).item;

let nextId = 1;
const defect = (patch: Partial<DraftDefect> = {}): DraftDefect => ({
  id: nextId,
  position: nextId++,
  kind: 'scratch',
  location: 'lid',
  sizeMm: 2,
  severity: 'minor',
  note: '',
  photoPosition: null,
  ...patch,
});

function conditionOf(i: DraftItem, allowed?: readonly number[]): EbayCondition | string {
  const choice = chooseCondition(i, allowed);
  return choice.ok ? choice.condition : choice.reason;
}

describe('mapCondition', () => {
  it('maps every listable grade of a clean item, and refuses defective ones', () => {
    const expected: Record<(typeof GRADES)[number], string> = {
      new_sealed: 'NEW',
      opened_packaging: 'NEW_OTHER',
      used: 'USED_EXCELLENT',
      lightly_damaged: 'NEW_WITH_DEFECTS',
      heavily_damaged: 'FOR_PARTS_OR_NOT_WORKING',
      defective: 'not_listable',
    };
    for (const grade of GRADES) expect(conditionOf(item({ grade })), grade).toBe(expected[grade]);
  });

  it('carries eBay ids with the enum', () => {
    const choice = mapCondition(item({ grade: 'opened_packaging' }));
    expect(choice).toMatchObject({ ok: true, condition: 'NEW_OTHER', conditionId: 1500 });
    expect(EBAY_CONDITION_IDS).toMatchObject({
      NEW: 1000,
      NEW_WITH_DEFECTS: 1750,
      USED_EXCELLENT: 3000,
      USED_VERY_GOOD: 4000,
      USED_GOOD: 5000,
      USED_ACCEPTABLE: 6000,
      FOR_PARTS_OR_NOT_WORKING: 7000,
    });
  });

  describe('used', () => {
    it('is excellent only with no defects, nothing missing and a passed test', () => {
      expect(conditionOf(item({ grade: 'used' }))).toBe('USED_EXCELLENT');
      expect(conditionOf(item({ grade: 'used', functionalTest: 'not_testable' }))).toBe('USED_EXCELLENT');
      expect(conditionOf(item({ grade: 'used', accessoriesMissing: ['charger'] }))).toBe('USED_VERY_GOOD');
      expect(conditionOf(item({ grade: 'used', defects: [defect()] }))).toBe('USED_VERY_GOOD');
    });

    it('is very good with only minor defects, good otherwise', () => {
      expect(conditionOf(item({ grade: 'used', defects: [defect(), defect()] }))).toBe('USED_VERY_GOOD');
      expect(
        conditionOf(item({ grade: 'used', defects: [defect(), defect({ severity: 'moderate' })] })),
      ).toBe('USED_GOOD');
      expect(conditionOf(item({ grade: 'used', defects: [defect({ severity: 'major' })] }))).toBe(
        'USED_GOOD',
      );
    });

    it('is never better than good when it was not tested', () => {
      expect(conditionOf(item({ grade: 'used', functionalTest: 'not_done' }))).toBe('USED_GOOD');
    });
  });

  describe('lightly damaged', () => {
    it('is new with defects when unused: box back, tested, cosmetic marks only', () => {
      for (const packaging of ['sealed', 'opened_intact', 'damaged'] as const) {
        const i = item({ grade: 'lightly_damaged', packaging, defects: [defect({ kind: 'dent' })] });
        expect(conditionOf(i), packaging).toBe('NEW_WITH_DEFECTS');
      }
    });

    it('is used acceptable when the box is missing, it is untested, or a defect shows use', () => {
      expect(conditionOf(item({ grade: 'lightly_damaged', packaging: 'missing' }))).toBe('USED_ACCEPTABLE');
      expect(conditionOf(item({ grade: 'lightly_damaged', packaging: null }))).toBe('USED_ACCEPTABLE');
      expect(conditionOf(item({ grade: 'lightly_damaged', functionalTest: 'not_done' }))).toBe(
        'USED_ACCEPTABLE',
      );
      for (const kind of ['stain', 'missing_part', 'other'] as const) {
        expect(conditionOf(item({ grade: 'lightly_damaged', defects: [defect({ kind })] })), kind).toBe(
          'USED_ACCEPTABLE',
        );
      }
    });
  });

  it('lists anything that does not work as for parts, whatever its grade', () => {
    for (const grade of ['opened_packaging', 'used', 'lightly_damaged'] as const) {
      expect(conditionOf(item({ grade, functionalTest: 'failed' })), grade).toBe('FOR_PARTS_OR_NOT_WORKING');
      const broken = item({ grade, defects: [defect({ kind: 'not_working', severity: 'minor' })] });
      expect(mapCondition(broken)).toMatchObject({
        condition: 'FOR_PARTS_OR_NOT_WORKING',
        rule: 'not_working',
      });
    }
  });

  it('refuses defective items whatever else is recorded', () => {
    expect(mapCondition(item({ grade: 'defective' }))).toMatchObject({ ok: false, reason: 'not_listable' });
  });
});

describe('allowed conditions of a category', () => {
  const ids = (...conditions: EbayCondition[]) => conditions.map((c) => EBAY_CONDITION_IDS[c]);

  it('keeps the mapped condition when the category allows it, or when nothing is known', () => {
    const i = item({ grade: 'opened_packaging' });
    expect(conditionOf(i, ids('NEW', 'NEW_OTHER', 'USED_EXCELLENT'))).toBe('NEW_OTHER');
    expect(conditionOf(i, undefined)).toBe('NEW_OTHER');
  });

  it('falls back to the nearest worse condition, never a better one', () => {
    // A category with only New / Used / For parts (3000 is plain "Used" there).
    const newUsedParts = ids('NEW', 'USED_EXCELLENT', 'FOR_PARTS_OR_NOT_WORKING');
    expect(conditionOf(item({ grade: 'opened_packaging' }), newUsedParts)).toBe('USED_EXCELLENT');
    expect(conditionOf(item({ grade: 'new_sealed' }), ids('NEW_OTHER', 'USED_GOOD'))).toBe('NEW_OTHER');
    const good = item({ grade: 'used', defects: [defect({ severity: 'major' })] });
    expect(conditionOf(good, ids('NEW', 'USED_EXCELLENT', 'USED_ACCEPTABLE'))).toBe('USED_ACCEPTABLE');
    const fallback = chooseCondition(good, ids('USED_ACCEPTABLE'));
    expect(fallback).toMatchObject({
      ok: true,
      condition: 'USED_ACCEPTABLE',
      conditionId: 6000,
      mapped: 'USED_GOOD',
    });
  });

  it('refuses when only better conditions are allowed', () => {
    const good = item({ grade: 'used', defects: [defect({ severity: 'major' })] });
    expect(chooseCondition(good, ids('NEW', 'NEW_OTHER', 'USED_EXCELLENT'))).toMatchObject({
      ok: false,
      reason: 'no_allowed_condition',
      mapped: 'USED_GOOD',
    });
    expect(conditionOf(good, [])).toBe('no_allowed_condition');
  });

  it('does not call a working item broken, nor a marked one like new', () => {
    const working = item({ grade: 'used', defects: [defect({ severity: 'major' })] });
    expect(conditionOf(working, ids('NEW', 'FOR_PARTS_OR_NOT_WORKING'))).toBe('no_allowed_condition');
    const marked = item({ grade: 'lightly_damaged', defects: [defect()] });
    expect(conditionOf(marked, ids('LIKE_NEW', 'USED_GOOD'))).toBe('USED_GOOD');
    expect(conditionOf(item({ grade: 'opened_packaging' }), ids('LIKE_NEW', 'USED_GOOD'))).toBe('LIKE_NEW');
    expect(conditionOf(item({ grade: 'heavily_damaged' }), ids('FOR_PARTS_OR_NOT_WORKING'))).toBe(
      'FOR_PARTS_OR_NOT_WORKING',
    );
  });

  it('never chooses a refurbished condition, and ignores ids it does not know', () => {
    const i = item({ grade: 'opened_packaging' });
    expect(conditionOf(i, [2000, 2010, 2500, 2990, 3000])).toBe('USED_EXCELLENT');
  });
});

it('knows which conditions eBay ignores the condition description for', () => {
  const ignored = (Object.keys(EBAY_CONDITION_IDS) as EbayCondition[]).filter(isNewCondition);
  expect(ignored.sort()).toEqual(['LIKE_NEW', 'NEW', 'NEW_OTHER', 'NEW_WITH_DEFECTS']);
});
