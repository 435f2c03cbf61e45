import { afterEach, describe, expect, test } from 'vitest';
import {
  addDays,
  checkReturnWindow,
  dayNumber,
  isValidIsoDate,
  legalDeadline,
  localIsoDate,
  toCalendarDate,
  weekday,
} from './returnWindow';

const check = (deliveredAt: string | null, receivedAt: string | null, merchantWindowDays = 14) =>
  checkReturnWindow({ deliveredAt, receivedAt, merchantWindowDays });

describe('calendar dates', () => {
  test('only real dates are dates', () => {
    expect(isValidIsoDate('2025-02-28')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-02-31')).toBe(false);
    expect(isValidIsoDate('2025-04-31')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-00-10')).toBe(false);
    expect(isValidIsoDate('2025-1-10')).toBe(false);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
  });

  test('weekdays and day arithmetic cross months, years and leap days', () => {
    expect(weekday('2025-03-01')).toBe(6); // Saturday
    expect(weekday('2025-03-03')).toBe(1); // Monday
    expect(addDays('2024-02-20', 14)).toBe('2024-03-05');
    expect(addDays('2025-02-20', 14)).toBe('2025-03-06');
    expect(addDays('2024-12-25', 14)).toBe('2025-01-08');
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('the return window', () => {
  test('delivery day is day 0: an arrival on day 14 is within the legal period, day 15 is not', () => {
    // Delivered Monday 3 March 2025; day 14 is Monday 17 March.
    expect(legalDeadline('2025-03-03')).toBe('2025-03-17');
    expect(check('2025-03-03', '2025-03-03')).toMatchObject({ result: 'within_legal', daysElapsed: 0 });
    expect(check('2025-03-03', '2025-03-17')).toMatchObject({ result: 'within_legal', daysElapsed: 14 });
    expect(check('2025-03-03', '2025-03-18')).toMatchObject({ result: 'outside', daysElapsed: 15 });
  });

  test('a period ending on a Saturday or Sunday runs to the end of the next Monday', () => {
    // Delivered Saturday 1 March: day 14 is Saturday 15 March, extended to Monday 17 March.
    expect(legalDeadline('2025-03-01')).toBe('2025-03-17');
    expect(check('2025-03-01', '2025-03-17')).toMatchObject({ result: 'within_legal', daysElapsed: 16 });
    expect(check('2025-03-01', '2025-03-18')).toMatchObject({ result: 'outside', daysElapsed: 17 });
    // Delivered Sunday 2 March: day 14 is Sunday 16 March, extended to Monday 17 March.
    expect(legalDeadline('2025-03-02')).toBe('2025-03-17');
    expect(check('2025-03-02', '2025-03-17').result).toBe('within_legal');
    // Delivered Friday 28 February: day 14 is Friday 14 March, no extension.
    expect(check('2025-02-28', '2025-03-14').result).toBe('within_legal');
    expect(check('2025-02-28', '2025-03-15').result).toBe('outside');
  });

  test('the merchant’s longer window covers what the law does not', () => {
    expect(check('2025-03-03', '2025-03-18', 30)).toMatchObject({
      result: 'within_merchant',
      daysElapsed: 15,
      legalDeadline: '2025-03-17',
      merchantDeadline: '2025-04-02',
    });
    expect(check('2025-03-03', '2025-04-02', 30).result).toBe('within_merchant');
    expect(check('2025-03-03', '2025-04-03', 30).result).toBe('outside');
    // A 14-day merchant window adds nothing to the law (and never shortens it).
    expect(check('2025-03-01', '2025-03-17', 14).result).toBe('within_legal');
    expect(check('2025-03-01', '2025-03-17', 7).result).toBe('within_legal');
  });

  test('counts calendar days across a leap day, a year end and a daylight-saving change', () => {
    expect(check('2024-02-20', '2024-03-05')).toMatchObject({ result: 'within_legal', daysElapsed: 14 });
    expect(check('2025-02-20', '2025-03-06')).toMatchObject({ result: 'within_legal', daysElapsed: 14 });
    expect(check('2024-12-25', '2025-01-08')).toMatchObject({ result: 'within_legal', daysElapsed: 14 });
    // Clocks go forward in the EU on 30 March 2025: still 14 days, not 13.96.
    expect(check('2025-03-24', '2025-04-07')).toMatchObject({ result: 'within_legal', daysElapsed: 14 });
    expect(check('2025-10-20', '2025-11-03')).toMatchObject({ result: 'within_legal', daysElapsed: 14 });
  });

  test('is unknown, with a reason, when a date is missing or the dates contradict each other', () => {
    expect(check(null, '2025-03-10')).toMatchObject({ result: 'unknown', daysElapsed: null });
    expect(check('2025-03-10', null).result).toBe('unknown');
    expect(check('2025-03-10', '2025-03-09')).toMatchObject({
      result: 'unknown',
      reason: expect.stringContaining('before the customer received'),
    });
    expect(check('2025-02-30', '2025-03-09').result).toBe('unknown');
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  test('a timestamp becomes the local calendar day it fell on', () => {
    process.env.TZ = 'Europe/Paris';
    expect(toCalendarDate('2025-03-01T23:30:00.000Z')).toBe('2025-03-02');
    expect(localIsoDate(new Date('2025-03-01T23:30:00.000Z'))).toBe('2025-03-02');
    process.env.TZ = 'America/New_York';
    expect(toCalendarDate('2025-03-02T03:30:00.000Z')).toBe('2025-03-01');
    // A plain date is never shifted, whatever the zone.
    expect(toCalendarDate('2025-03-01')).toBe('2025-03-01');
    expect(check('2025-03-03', '2025-03-17').result).toBe('within_legal');
  });
});
