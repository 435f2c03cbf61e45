import { describe, expect, test } from 'vitest';
import { saleVat, vatIncluded } from './vat';

describe('VAT included in a gross amount', () => {
  test('20 % of 120.00 gross is 20.00; rounding is half up to the cent', () => {
    expect(vatIncluded(12000, 2000)).toBe(2000);
    // 1.00 gross at 19 %: 15.966… cents → 16.
    expect(vatIncluded(100, 1900)).toBe(16);
    // 0.06 at 20 %: exactly 1 cent.
    expect(vatIncluded(6, 2000)).toBe(1);
    expect(vatIncluded(-12000, 2000)).toBe(-2000);
    expect(vatIncluded(5000, 0)).toBe(0);
  });

  test('refuses fractional cents and impossible rates', () => {
    expect(() => vatIncluded(10.5, 2000)).toThrow(RangeError);
    expect(() => vatIncluded(100, 10001)).toThrow(RangeError);
  });
});

describe('standard versus margin scheme', () => {
  const base = { priceCents: 12000, shippingCents: 600, rateBp: 2000 } as const;

  test('standard: VAT on the whole price and on shipping', () => {
    expect(saleVat({ ...base, scheme: 'standard', purchaseCents: 9000 })).toEqual({
      applied: 'standard',
      goodsBasisCents: 12000,
      goodsVatCents: 2000,
      shippingVatCents: 100,
      totalVatCents: 2100,
    });
  });

  test('margin: VAT on price − purchase cost only', () => {
    const vat = saleVat({ ...base, scheme: 'margin', purchaseCents: 9000 });
    expect(vat).toMatchObject({ applied: 'margin', goodsBasisCents: 3000, goodsVatCents: 500 });
    expect(vat.totalVatCents).toBe(600);
  });

  test('margin: a sale below cost has no margin and no goods VAT', () => {
    expect(saleVat({ ...base, scheme: 'margin', purchaseCents: 15000 }).goodsVatCents).toBe(0);
  });

  test('margin without a known purchase cost falls back to standard', () => {
    expect(saleVat({ ...base, scheme: 'margin', purchaseCents: null })).toMatchObject({
      applied: 'standard',
      goodsVatCents: 2000,
    });
  });
});
