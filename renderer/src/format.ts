import { formatMoney, percentOf } from '../../shared/domain/money';
import { LOCALES } from '../../shared/i18n';
import { countryName } from '../../shared/i18n/countries';
import { useLanguage } from './i18n';

const DAY_MS = 86_400_000;

/**
 * Formatting in the UI language: amounts through the shared `formatMoney` (integer cents), dates
 * and numbers through Intl. Re-renders with the language, since it reads it from i18next.
 */
export function useFormat() {
  return formatterFor(LOCALES[useLanguage()]);
}

const cache = new Map<string, ReturnType<typeof build>>();

export function formatterFor(locale: string) {
  let f = cache.get(locale);
  if (!f) {
    f = build(locale);
    cache.set(locale, f);
  }
  return f;
}

function build(locale: string) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  const number = new Intl.NumberFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const percent1 = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const durationUnits = ['day', 'hour', 'minute'] as const;
  const duration = Object.fromEntries(
    durationUnits.map((unit) => [
      unit,
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }),
    ]),
  ) as Record<(typeof durationUnits)[number], Intl.NumberFormat>;

  const wholeMoney = new Map<string, Intl.NumberFormat>();
  const parse = (value: string) => new Date(value.length === 10 ? `${value}T12:00:00` : value);

  return {
    locale,
    money: (cents: number, currency: string) => formatMoney(cents, currency, locale),
    /** Like `money`, with a true minus sign (−) for negative amounts, as price traces are typeset. */
    signedMoney: (cents: number, currency: string) =>
      formatMoney(cents, currency, locale).replace('-', '\u2212'),
    /** Whole units only, for chart axes: 60000 EUR cents → "€600". */
    moneyWhole: (cents: number, currency: string) => {
      let fmt = wholeMoney.get(currency);
      if (!fmt) {
        fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
        wholeMoney.set(currency, fmt);
      }
      return fmt.format(cents / 100);
    },
    number: (value: number) => number.format(value),
    decimal: (value: number) => oneDecimal.format(value),
    /** A share 0–1 as a whole percentage ("66 %"). */
    percent: (share: number) => percent.format(share),
    percent1: (share: number) => percent1.format(share),
    /** Discount of `proposed` against `original`, as a positive percentage number. */
    discountPercent: (original: number, proposed: number) => percentOf(original - proposed, original),
    /** A buyer's country ("DE") in the reader's words ("Allemagne"). */
    country: (code: string) => countryName(code, locale),
    date: (value: string) => date.format(parse(value)),
    dateTime: (value: string) => dateTime.format(parse(value)),
    time: (value: string) => time.format(parse(value)),
    /** YYYY-MM → "October 2026" */
    month: (value: string) => month.format(new Date(`${value}-01T00:00:00Z`)),
    monthShort: (value: string) => monthShort.format(new Date(`${value}-01T00:00:00Z`)),
    /** "3 days ago", "yesterday", "in 2 hours" — relative to now. */
    relative: (value: string, now = Date.now()) => {
      const diff = parse(value).getTime() - now;
      const abs = Math.abs(diff);
      if (abs < 3_600_000) return relative.format(Math.round(diff / 60_000), 'minute');
      if (abs < DAY_MS) return relative.format(Math.round(diff / 3_600_000), 'hour');
      return relative.format(Math.round(diff / DAY_MS), 'day');
    },
    /** A length of time since `value`: "3 days", "5 hours". */
    since: (value: string, now = Date.now()) => {
      const ms = Math.max(0, now - parse(value).getTime());
      if (ms >= DAY_MS) return duration.day.format(Math.floor(ms / DAY_MS));
      if (ms >= 3_600_000) return duration.hour.format(Math.floor(ms / 3_600_000));
      return duration.minute.format(Math.max(1, Math.floor(ms / 60_000)));
    },
  };
}

export type Format = ReturnType<typeof formatterFor>;
