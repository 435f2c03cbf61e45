import type { WindowResult } from './status';

/**
 * The return-window check: did the return arrive within the legal withdrawal period, within the
 * merchant's own (longer) window, or outside both?
 *
 * How days are counted — EU withdrawal right (Directive 2011/83/EU, art. 9, which defers to
 * Regulation 1182/71 for computing periods):
 * - The period is 14 days and starts on the day *after* the consumer received the goods: the
 *   day of delivery is day 0, the next calendar day is day 1 (Reg. 1182/71 art. 3(1)).
 * - It ends at the end of day 14. A return that arrives on day 14 is within the period.
 * - If day 14 is a Saturday or a Sunday, the period ends at the end of the following Monday
 *   (art. 3(4)). Public holidays also extend it, but they differ by country and region and
 *   Rebound does not know the consumer's: they are not counted, so a return may be flagged
 *   "outside" although a holiday kept it within. The desk sees the days elapsed and decides.
 * - The merchant's window (return_window_days, at least 14) is its commercial promise, counted
 *   the same way from the day after delivery, without the weekend extension.
 *
 * What is compared: the date the parcel *arrived* at the desk. The law looks at the date the
 * consumer *notified* the withdrawal (and then allows 14 more days to send the goods back), which
 * the desk does not know. Arrival is later than both, so "within" by arrival is certainly within;
 * "outside" by arrival means "check when the customer withdrew before refusing a refund".
 *
 * Dates are calendar dates (YYYY-MM-DD) with no time and no time zone: the day the customer
 * received the parcel where they live and the day it arrived at the desk. All arithmetic is on
 * day numbers (days since 1970-01-01 in the proleptic Gregorian calendar), so daylight-saving
 * changes and the machine's time zone cannot shift a count by one.
 */

export const LEGAL_WITHDRAWAL_DAYS = 14;

export interface WindowCheck {
  readonly result: WindowResult;
  /** Calendar days from delivery to arrival (day of delivery = 0); null when unknown. */
  readonly daysElapsed: number | null;
  /** Last day on which an arrival is within the legal period (weekend extension applied). */
  readonly legalDeadline: string | null;
  /** Last day of the merchant's own window. */
  readonly merchantDeadline: string | null;
  /** Why the result is `unknown`, for the person at the desk; null otherwise. */
  readonly reason: string | null;
}

export interface WindowInput {
  /** Day the customer received the goods. */
  readonly deliveredAt: string | null | undefined;
  /** Day the return arrived at the desk. */
  readonly receivedAt: string | null | undefined;
  /** The merchant's window in days (14 or more). */
  readonly merchantWindowDays: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so no time zone is involved.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written YYYY-MM-DD (2025-02-29 and 2025-13-01 are not). */
export function isValidIsoDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return (
    year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 for a valid YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  if (!match || !isValidIsoDate(date)) throw new RangeError(`Not a calendar date: “${date}”`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
}

/** The calendar date of `moment` where this machine is: the desk's "today". */
export function localIsoDate(moment: Date = new Date()): string {
  const y = String(moment.getFullYear()).padStart(4, '0');
  const m = String(moment.getMonth() + 1).padStart(2, '0');
  const d = String(moment.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * A stored date as a calendar date: YYYY-MM-DD stays as it is; a full ISO timestamp (written
 * by older code or another tool) becomes the local calendar day it fell on; anything else null.
 */
export function toCalendarDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isValidIsoDate(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const moment = new Date(value);
    return Number.isNaN(moment.getTime()) ? null : localIsoDate(moment);
  }
  return null;
}

/** The last day of the legal period for goods delivered on `deliveredAt`. */
export function legalDeadline(deliveredAt: string): string {
  const last = addDays(deliveredAt, LEGAL_WITHDRAWAL_DAYS);
  switch (weekday(last)) {
    case 6:
      return addDays(last, 2);
    case 0:
      return addDays(last, 1);
    default:
      return last;
  }
}

export function checkReturnWindow(input: WindowInput): WindowCheck {
  const unknown = (reason: string): WindowCheck => ({
    result: 'unknown',
    daysElapsed: null,
    legalDeadline: null,
    merchantDeadline: null,
    reason,
  });
  const delivered = toCalendarDate(input.deliveredAt);
  const received = toCalendarDate(input.receivedAt);
  if (!delivered) return unknown('The date the customer received the goods is not known.');
  if (!received) return unknown('The date the return arrived is not known.');
  const elapsed = dayNumber(received) - dayNumber(delivered);
  if (elapsed < 0) {
    return unknown(
      `The return arrived (${received}) before the customer received the goods (${delivered}): check both dates.`,
    );
  }
  const legal = legalDeadline(delivered);
  const merchantDays = Math.max(LEGAL_WITHDRAWAL_DAYS, Math.trunc(input.merchantWindowDays));
  const merchant = addDays(delivered, merchantDays);
  // String comparison is date order for YYYY-MM-DD.
  const result: WindowResult =
    received <= legal ? 'within_legal' : received <= merchant ? 'within_merchant' : 'outside';
  return { result, daysElapsed: elapsed, legalDeadline: legal, merchantDeadline: merchant, reason: null };
}
