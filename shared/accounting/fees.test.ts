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
});
