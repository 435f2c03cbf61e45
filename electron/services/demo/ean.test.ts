import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from './catalogue';
import { ean13Modules, isValidEan13, withEan13CheckDigit } from './ean';

describe('EAN-13 check digits', () => {
  it('completes published example codes', () => {
    expect(withEan13CheckDigit('400638133393')).toBe('4006381333931');
    expect(withEan13CheckDigit('590123412345')).toBe('5901234123457');
    expect(withEan13CheckDigit('978020137962')).toBe('9780201379624');
    // A body whose weighted sum is a multiple of ten gets 0, not 10.
    expect(withEan13CheckDigit('000000000000')).toBe('0000000000000');
  });

  it('refuses bodies that are not twelve digits', () => {
    expect(() => withEan13CheckDigit('40063813339')).toThrow(RangeError);
    expect(() => withEan13CheckDigit('40063813339A')).toThrow(RangeError);
  });

  it('accepts valid codes and catches a mistyped digit or a swap', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('4006381333391')).toBe(false);
    expect(isValidEan13('0400638133393')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
  });

  it('gives every catalogue product a valid, distinct code', () => {
    for (const product of DEMO_PRODUCTS) expect(isValidEan13(product.ean), product.sku).toBe(true);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.ean)).size).toBe(DEMO_PRODUCTS.length);
  });
});

describe('EAN-13 symbol', () => {
  it('encodes 95 modules with the start, centre and end guards', () => {
    const modules = ean13Modules('5901234123457');
    expect(modules).toHaveLength(95);
    expect(modules.slice(0, 3)).toBe('101');
    expect(modules.slice(45, 50)).toBe('01010');
    expect(modules.slice(92)).toBe('101');
  });

  it('matches the published encoding of 5901234123457', () => {
    // Left half with parity LGGLLG (first digit 5), right half in R code.
    expect(ean13Modules('5901234123457')).toBe(
      '101' +
        '0001011' + // 9 L
        '0100111' + // 0 G
        '0110011' + // 1 G
        '0010011' + // 2 L
        '0111101' + // 3 L
        '0011101' + // 4 G
        '01010' +
        '1100110' + // 1 R
        '1101100' + // 2 R
        '1000010' + // 3 R
        '1011100' + // 4 R
        '1001110' + // 5 R
        '1000100' + // 7 R
        '101',
    );
  });

  it('refuses an invalid code rather than drawing a barcode no scanner reads', () => {
    expect(() => ean13Modules('5901234123458')).toThrow(RangeError);
  });
});
