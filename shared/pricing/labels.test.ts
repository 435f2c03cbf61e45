import { describe, expect, it } from 'vitest';
import { DEFECT_KINDS, DEFECT_SEVERITIES } from '../domain/grades';
import { LANGUAGES } from '../domain/status';
import type { StepDetail } from './engine';
import { labelFor, refusalText } from './labels';
import { PRICED_GRADES, PRICE_ENDINGS } from './policy';

const EVERY_STEP: StepDetail[] = [
  ...PRICED_GRADES.map((grade): StepDetail => ({ code: 'grade', params: { grade, bp: 1250 } })),
  { code: 'packaging', params: { packaging: 'damaged', bp: 400 } },
  { code: 'packaging', params: { packaging: 'missing', bp: 800 } },
  { code: 'accessory', params: { accessory: 'USB-C cable', bp: 500 } },
  ...DEFECT_KINDS.flatMap((kind) =>
    DEFECT_SEVERITIES.map((severity): StepDetail => ({
      code: 'defect',
      params: { kind, severity, bp: 300 },
    })),
  ),
  { code: 'refurbished', params: { bp: 300 } },
  { code: 'untested', params: { bp: 500 } },
  { code: 'floor', params: { floorCents: 2000 } },
  ...PRICE_ENDINGS.flatMap((ending) =>
    (['down', 'up'] as const).map((direction): StepDetail => ({
      code: 'rounding',
      params: { ending, direction },
    })),
  ),
  { code: 'manual', params: { belowFloor: false } },
  { code: 'manual', params: { belowFloor: true } },
];

describe('labelFor', () => {
  it('reads naturally in English, French and German', () => {
    const defect: StepDetail = { code: 'defect', params: { kind: 'scratch', severity: 'minor', bp: 300 } };
    expect(labelFor(defect, 'en')).toBe('Minor defect: scratch (−3%)');
    expect(labelFor(defect, 'fr')).toBe('Défaut mineur\u202f: rayure (−3\u202f%)');
    expect(labelFor(defect, 'de')).toBe('Leichter Mangel: Kratzer (−3\u00a0%)');

    const grade: StepDetail = { code: 'grade', params: { grade: 'opened_packaging', bp: 1250 } };
    expect(labelFor(grade, 'en')).toBe('Grade: opened packaging (−12.5%)');
    expect(labelFor(grade, 'de')).toBe('Zustand: Verpackung geöffnet (−12,5\u00a0%)');

    const rounding: StepDetail = { code: 'rounding', params: { ending: '.90', direction: 'down' } };
    expect(labelFor(rounding, 'en')).toBe('Rounded down to .90');
    expect(labelFor(rounding, 'fr')).toBe('Arrondi vers le bas à ,90');
    expect(labelFor(rounding, 'de')).toBe('Abgerundet auf ,90');
  });

  it('writes fractional rates without float noise', () => {
    const at = (bp: number) => labelFor({ code: 'untested', params: { bp } }, 'en');
    expect(at(5)).toBe('Not tested (−0.05%)');
    expect(at(110)).toBe('Not tested (−1.1%)');
    expect(at(1234)).toBe('Not tested (−12.34%)');
    expect(at(10_000)).toBe('Not tested (−100%)');
  });

  it('has a distinct label for every step in every language', () => {
    for (const lang of LANGUAGES) {
      const labels = EVERY_STEP.map((step) => labelFor(step, lang));
      for (const label of labels) expect(label).not.toMatch(/undefined|NaN|\$\{/);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('keeps the desk’s accessory name as typed', () => {
    const step: StepDetail = { code: 'accessory', params: { accessory: 'USB-C cable', bp: 500 } };
    expect(labelFor(step, 'fr')).toBe('Accessoire manquant\u202f: USB-C cable (−5\u202f%)');
  });
});

describe('refusalText', () => {
  it('explains refusals in every language', () => {
    for (const lang of LANGUAGES) {
      expect(refusalText({ code: 'defective_not_priced' }, lang).length).toBeGreaterThan(20);
      expect(refusalText({ code: 'sealed_with_findings', findings: ['defects'] }, lang)).toMatch(
        /defects|défauts|Mängel/,
      );
    }
  });
});
