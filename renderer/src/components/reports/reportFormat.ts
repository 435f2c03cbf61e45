// How the report cards write figures: the page's one currency, rates, days, and the names they group by.
import { useReducedMotion } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';

/** The currency most of the revenue is in: charts show one currency and never add two up. */
export function mainCurrency(groups: readonly { currency: string; priceCents: number }[]): string | null {
  const sums = new Map<string, number>();
  for (const g of groups) sums.set(g.currency, (sums.get(g.currency) ?? 0) + g.priceCents);
  return [...sums].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Amounts in the page's currency (a card that shows none needs none), rates and day counts;
 * a dash where there is nothing to show.
 */
export function useReportFormat(currency: string | null = null) {
  const { t } = useTranslation();
  const f = useFormat();
  return {
    money: (cents: number) => (currency ? f.money(cents, currency) : '—'),
    rate: (value: number | null) => (value === null ? '—' : f.percent1(value)),
    days: (value: number | null) =>
      value === null ? '—' : t('reports.daysValue', { count: value, days: f.decimal(value) }),
  };
}

/** The names of the keys the reports group by; an unknown key is shown as it is. */
export function useReportNames() {
  const { t } = useTranslation();
  return {
    grade: (key: string) => (key === '' ? t('common.ungraded') : t(`grades.${key}`, { defaultValue: key })),
    channel: (key: string) => t(`channelsShort.${key}`, { defaultValue: key }),
    reason: (key: string) => (key === '' ? t('books.noReason') : t(`reasons.${key}`, { defaultValue: key })),
    status: (key: string) => t(`statuses.${key}`, { defaultValue: key }),
  };
}

/** Bars grow in unless the system asks for less motion. */
export function useChartAnimation(): boolean {
  return !useReducedMotion();
}
