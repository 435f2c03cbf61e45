import { describe, expect, test } from 'vitest';
import { gtinCheckDigit, gtinProblem, gtinVariants, isValidGtin } from './ean';

describe('GTIN check digits', () => {
  test('accepts valid EAN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14 codes', () => {
    expect(isValidGtin('96385074')).toBe(true); // EAN-8
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
    expect(isValidGtin('4006381333931')).toBe(true); // EAN-13
    expect(isValidGtin('10036000291459')).toBe(true); // GTIN-14 (a case of the UPC above)
    expect(gtinCheckDigit('1003600029145')).toBe(9);
  });

  test('refuses a wrong check digit, other lengths and non-digits, and says why', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(gtinProblem('4006381333932')).toMatch(/check\) digit should be 1/);
    expect(gtinProblem('12345')).toMatch(/5 digits/);
    expect(gtinProblem('40063813339A1')).toMatch(/digits only/);
    expect(gtinProblem('4006381333931')).toBeNull();
  });

  test('a code and its zero-padded forms denote the same product', () => {
    expect(gtinVariants('036000291452')).toEqual(['036000291452', '0036000291452', '00036000291452']);
    expect(gtinVariants('0036000291452')).toContain('036000291452');
    expect(gtinVariants('96385074')).toEqual(['96385074', '000096385074', '0000096385074', '00000096385074']);
    expect(gtinVariants('4006381333932')).toEqual([]);
  });
});
