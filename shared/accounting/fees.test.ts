import { describe, expect, test } from 'vitest';
import { DEFAULT_FEE_SCHEDULE, FeeSchedule, parseFeeSchedule, serviceFee } from './fees';

describe('the service fee', () => {
  test('defaults to 20 % of the sale prices', () => {
    expect(parseFeeSchedule(null)).toEqual(DEFAULT_FEE_SCHEDULE);
    const fee = serviceFee(DEFAULT_FEE_SCHEDULE, { priceCents: 10001, originalCents: 20000, itemsSold: 2 });
    // 20 % of 100.01 = 20.002 → 20.00
    expect(fee.totalCents).toBe(2000);
  });

  test('share plus a per-item amount', () => {
    const schedule = FeeSchedule.parse({ shareBp: 1000, perItemCents: 150 });
    const fee = serviceFee(schedule, { priceCents: 50000, originalCents: 100000, itemsSold: 4 });
    expect(fee).toMatchObject({ shareCents: 5000, itemCents: 600, totalCents: 5600 });
  });

  test('tiers follow the month’s resale rate, the highest reached wins', () => {
    const schedule = FeeSchedule.parse({
      shareBp: 1500,
      tiers: [
        { fromResaleRateBp: 6000, shareBp: 2000, perItemCents: 0 },
        { fromResaleRateBp: 8000, shareBp: 2500, perItemCents: 100 },
      ],
    });
    const at = (priceCents: number) =>
      serviceFee(schedule, { priceCents, originalCents: 100000, itemsSold: 1 });
    expect(at(59999)).toMatchObject({ resaleRateBp: 5999, shareBp: 1500 });
    expect(at(60000)).toMatchObject({ resaleRateBp: 6000, shareBp: 2000, totalCents: 12000 });
    expect(at(85000)).toMatchObject({ shareBp: 2500, totalCents: 21250 + 100 });
  });

  test('a minimum applies only when something sold', () => {
    const schedule = FeeSchedule.parse({ shareBp: 100, minimumCents: 2500 });
    expect(serviceFee(schedule, { priceCents: 1000, originalCents: 2000, itemsSold: 1 })).toMatchObject({
      minimumTopUpCents: 2490,
      totalCents: 2500,
    });
    expect(serviceFee(schedule, { priceCents: 0, originalCents: 0, itemsSold: 0 }).totalCents).toBe(0);
  });

  test('a broken stored schedule is a clear error, not a silent default', () => {
    expect(() => parseFeeSchedule('{')).toThrow(/not valid JSON/);
    expect(() => parseFeeSchedule('{"shareBp": 20000}')).toThrow(/shareBp/);
  });

  test('VAT is added to the fee: net + VAT = gross, what the payout is reduced by', () => {
    // 20 % of 266.78 = 53.36 before VAT; 20 % VAT on it = 10.67 (10.672); 64.03 charged.
    const basis = { priceCents: 26678, originalCents: 46666, itemsSold: 4 };
    const fee = serviceFee(DEFAULT_FEE_SCHEDULE, basis);
    expect(fee).toMatchObject({ totalCents: 5336, vatRateBp: 2000, vatCents: 1067, grossCents: 6403 });
    // A German service charges 19 % (10.1384 → 10.14); reverse charge across a border is 0 %.
    expect(serviceFee(FeeSchedule.parse({ vatRateBp: 1900 }), basis)).toMatchObject({
      vatCents: 1014,
      grossCents: 6350,
    });
    expect(serviceFee(FeeSchedule.parse({ vatRateBp: 0 }), basis)).toMatchObject({
      vatCents: 0,
      grossCents: 5336,
    });
    // A month with more refunds than sales: the fee is a credit, and so is its VAT (half up,
    // symmetric: 16.00 → 3.20).
    const credit = serviceFee(DEFAULT_FEE_SCHEDULE, {
      priceCents: -7999,
      originalCents: -10000,
      itemsSold: -1,
    });
    expect(credit).toMatchObject({ totalCents: -1600, vatCents: -320, grossCents: -1920 });
  });
});
