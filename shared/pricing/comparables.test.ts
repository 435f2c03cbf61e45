import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES } from '../domain/grades';
import { comparablePrices, type RecordedSale } from './comparables';

const sale = (priceCents: number, soldAt: string, over: Partial<RecordedSale> = {}): RecordedSale => ({
  sku: 'KB-01',
  grade: 'used',
  priceCents,
  soldAt,
  ...over,
});

describe('comparablePrices', () => {
  it('counts only the same SKU and the same grade', () => {
    const sales = [
      sale(5000, '2024-03-01T10:00:00Z'),
      sale(7000, '2024-03-05T10:00:00Z'),
      sale(6000, '2024-03-03T10:00:00Z'),
      sale(9000, '2024-03-09T10:00:00Z', { grade: 'opened_packaging' }),
      sale(1000, '2024-03-10T10:00:00Z', { sku: 'KB-02' }),
      sale(1000, '2024-03-10T10:00:00Z', { sku: 'kb-01' }),
    ];
    expect(comparablePrices(sales, { sku: 'KB-01', grade: 'used' })).toEqual({
      sku: 'KB-01',
      grade: 'used',
      count: 3,
      medianCents: 6000,
      minCents: 5000,
      maxCents: 7000,
      last: { priceCents: 7000, soldAt: '2024-03-05T10:00:00Z' },
    });
  });

  it('takes the mean of the two middle prices for an even count, rounding the half cent up', () => {
    const sales = [
      sale(1000, '2024-01-01'),
      sale(4000, '2024-01-02'),
      sale(1001, '2024-01-03'),
      sale(900, '2024-01-04'),
    ];
    // Sorted 900, 1000, 1001, 4000: (1000 + 1001) / 2 = 1000.5 → 1001.
    expect(comparablePrices(sales, { sku: 'KB-01', grade: 'used' }).medianCents).toBe(1001);
  });

  it('finds the last sale by time, not by position, across time zones', () => {
    const sales = [
      sale(2000, '2024-05-01T09:30:00Z'),
      sale(1500, '2024-05-01T10:00:00+02:00'), // 08:00 UTC: earlier, though listed later
    ];
    expect(comparablePrices(sales, { sku: 'KB-01', grade: 'used' }).last).toEqual({
      priceCents: 2000,
      soldAt: '2024-05-01T09:30:00Z',
    });
  });

  it('says so when there is nothing to compare', () => {
    expect(comparablePrices([sale(1000, '2024-01-01')], { sku: 'KB-01', grade: 'lightly_damaged' })).toEqual({
      sku: 'KB-01',
      grade: 'lightly_damaged',
      count: 0,
      medianCents: null,
      minCents: null,
      maxCents: null,
      last: null,
    });
  });

  it('always gives whole cents with min ≤ median ≤ max, and a last sale among the matches', () => {
    const saleArb = fc.record({
      sku: fc.constantFrom('A', 'B'),
      grade: fc.constantFrom(...GRADES),
      priceCents: fc.integer({ min: 0, max: 10_000_000 }),
      soldAt: fc
        .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
        .map((time) => new Date(time).toISOString()),
    });
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 30 }), fc.constantFrom(...GRADES), (sales, grade) => {
        const stats = comparablePrices(sales, { sku: 'A', grade });
        const matching = sales.filter((s) => s.sku === 'A' && s.grade === grade);
        expect(stats.count).toBe(matching.length);
        if (stats.count === 0) return;
        expect(Number.isSafeInteger(stats.medianCents)).toBe(true);
        expect(stats.minCents!).toBeLessThanOrEqual(stats.medianCents!);
        expect(stats.medianCents!).toBeLessThanOrEqual(stats.maxCents!);
        const latest = Math.max(...matching.map((s) => Date.parse(s.soldAt)));
        expect(Date.parse(stats.last!.soldAt)).toBe(latest);
      }),
    );
  });
});
