import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/status';
import { policyWarningText } from './labels';
import { DEFAULT_POLICY, PricingPolicy, validatePolicy, type PolicyWarningCode } from './policy';

const codes = (policy: unknown): PolicyWarningCode[] =>
  validatePolicy(PricingPolicy.parse(policy)).map((warning) => warning.code);

describe('PricingPolicy', () => {
  it('has the documented defaults, and parsing nothing gives them', () => {
    expect(DEFAULT_POLICY).toEqual({
      gradeDiscountBp: {
        new_sealed: 0,
        opened_packaging: 1200,
        used: 2500,
        lightly_damaged: 3500,
        heavily_damaged: 6000,
      },
      packagingBp: { damaged: 400, missing: 800 },
      accessoryMissingBp: 500,
      defectBp: { minor: 300, moderate: 800, major: 1500 },
      refurbishment: { refurbishedBp: 300, untestedBp: 500 },
      floor: { minShareBp: 2000, minCents: 500 },
      ending: '.99',
      autoApproveMaxDiscountBp: 2000,
      fees: { ebay: { shareBp: 1300, fixedCents: 35 }, shop: { shareBp: 190, fixedCents: 25 } },
      defaultChannel: 'ebay',
    });
    expect(PricingPolicy.parse({})).toEqual(DEFAULT_POLICY);
  });

  it('is frozen, so no caller edits the default for everyone', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.gradeDiscountBp)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.fees.ebay)).toBe(true);
  });

  it('fills fields a stored policy lacks with their defaults', () => {
    const stored = { gradeDiscountBp: { used: 3000 }, fees: { ebay: { shareBp: 1100 } } };
    const policy = PricingPolicy.parse(stored);
    expect(policy.gradeDiscountBp.used).toBe(3000);
    expect(policy.gradeDiscountBp.opened_packaging).toBe(1200);
    expect(policy.fees.ebay).toEqual({ shareBp: 1100, fixedCents: 35 });
    expect(policy.fees.shop).toEqual(DEFAULT_POLICY.fees.shop);
  });

  it('rejects what cannot be a policy', () => {
    const bad = [
      { gradeDiscountBp: { new_sealed: 500 } }, // sealed is never discounted
      { gradeDiscountBp: { used: 25.5 } }, // whole basis points only
      { gradeDiscountBp: { used: 10_001 } }, // more than 100 % off
      { accessoryMissingBp: -1 },
      { floor: { minCents: 4.99 } },
      { ending: '.95' },
      { defaultChannel: 'amazon' },
      { gradeDiscountBp: { defective: 10_000 } }, // defective is never priced: no rate to set
      { colour: 'blue' }, // a typo must not silently do nothing
    ];
    for (const policy of bad)
      expect(PricingPolicy.safeParse(policy).success, JSON.stringify(policy)).toBe(false);
  });
});

describe('validatePolicy', () => {
  it('finds nothing to say about the default policy', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
  });

  it('warns when a worse grade is discounted less than a better one, naming both', () => {
    const warnings = validatePolicy(
      PricingPolicy.parse({ gradeDiscountBp: { used: 1000, lightly_damaged: 3500 } }),
    );
    expect(warnings).toEqual([
      {
        code: 'grade_ladder_not_monotonic',
        path: 'gradeDiscountBp.used',
        params: { better: 'opened_packaging', worse: 'used', betterBp: 1200, worseBp: 1000 },
        message:
          '“used” is discounted less (10%) than the better grade “opened packaging” (12%): a worse item would sell for more.',
      },
      // A ladder with used under opened_packaging leaves no room for the refurbishment credit.
      expect.objectContaining({ code: 'refurbished_credit_breaks_ladder' }),
    ]);
  });

  it('compares every pair of grades, not just neighbours', () => {
    const warnings = validatePolicy(
      PricingPolicy.parse({
        gradeDiscountBp: { opened_packaging: 1200, used: 2500, lightly_damaged: 3500, heavily_damaged: 1000 },
      }),
    );
    const clashes = warnings
      .filter((warning) => warning.code === 'grade_ladder_not_monotonic')
      .map((warning) => (warning.code === 'grade_ladder_not_monotonic' ? warning.params.better : null));
    expect(clashes).toEqual(['opened_packaging', 'used', 'lightly_damaged']);
  });

  it('warns about a floor above 100 % of the original, but still parses it', () => {
    expect(codes({ floor: { minShareBp: 12_000 } })).toEqual(['floor_above_original']);
  });

  it('warns when there is no floor at all', () => {
    expect(codes({ floor: { minShareBp: 0, minCents: 0 } })).toEqual(['no_floor']);
  });

  it('warns when the fees would eat a sale at the fixed floor', () => {
    // eBay 13 % + 0.35 and shop 1.9 % + 0.25 both take all of 0.25.
    expect(codes({ floor: { minCents: 25 } })).toEqual(['floor_nets_nothing', 'floor_nets_nothing']);
    // At 0.40, eBay takes 0.05 + 0.35 = 0.40: nothing left; the shop takes 0.26.
    expect(codes({ floor: { minCents: 40 } })).toEqual(['floor_nets_nothing']);
    expect(codes({ floor: { minCents: 41 } })).toEqual([]);
  });

  it('warns about defect severities and packaging out of order', () => {
    expect(codes({ defectBp: { minor: 900, moderate: 800, major: 1500 } })).toEqual([
      'defect_severity_not_monotonic',
    ]);
    expect(codes({ packagingBp: { damaged: 900, missing: 800 } })).toEqual(['packaging_not_monotonic']);
  });

  it('warns when the refurbishment credit bridges the gap between unused and used', () => {
    expect(codes({ refurbishment: { refurbishedBp: 1300 } })).toEqual([]);
    expect(codes({ refurbishment: { refurbishedBp: 1301 } })).toEqual(['refurbished_credit_breaks_ladder']);
  });

  it('warns when everything would be auto-approved', () => {
    expect(codes({ autoApproveMaxDiscountBp: 10_000 })).toEqual(['auto_approves_everything']);
  });

  it('has every warning in every language', () => {
    const policy = PricingPolicy.parse({
      gradeDiscountBp: { used: 1000 },
      defectBp: { minor: 900 },
      packagingBp: { damaged: 900 },
      floor: { minShareBp: 12_000, minCents: 30 },
      autoApproveMaxDiscountBp: 10_000,
    });
    const warnings = [
      ...validatePolicy(policy),
      ...validatePolicy(PricingPolicy.parse({ floor: { minShareBp: 0, minCents: 0 } })),
    ];
    const seen = new Set(warnings.map((warning) => warning.code));
    expect(seen.size).toBe(8);
    for (const warning of warnings) {
      const texts = LANGUAGES.map((lang) => policyWarningText(warning, lang));
      expect(new Set(texts).size).toBe(LANGUAGES.length);
      for (const text of texts) expect(text).not.toMatch(/\$\{|undefined|NaN/);
    }
  });
});
