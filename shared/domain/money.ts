/**
 * Money is always an integer number of minor units (cents) with an ISO 4217 currency.
 * Floats never hold an amount: 0.1 + 0.2 is not a price.
 */
export interface Money {
  readonly cents: number;
  readonly currency: string;
}

export const CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'PLN', 'SEK', 'DKK'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function assertCents(value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`An amount must be a whole number of minor units, got ${value}`);
  }
  return value;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units in the given locale, e.g. 12999 EUR in fr → "129,99 €". */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(cents / 10 ** digits);
}

/** Share of `part` in `whole` as a percentage with one decimal, for display only. */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part / whole) * 1000) / 10;
}
