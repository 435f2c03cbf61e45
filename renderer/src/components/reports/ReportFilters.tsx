// The reports' filters: the merchant, the period (all time, a year or a month) and "Show numbers".
import { Group, Select, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../shared/contract';
import { useFormat } from '../../format';

export function ReportFilters({
  merchants,
  merchant,
  onMerchant,
  months,
  period,
  onPeriod,
  showNumbers,
  onShowNumbers,
}: {
  merchants: readonly Merchant[];
  /** A merchant's id as a string, or 'all'. */
  merchant: string;
  onMerchant: (value: string) => void;
  /** Every month with a sale (YYYY-MM); the years are taken from them. */
  months: readonly string[];
  /** 'all', a year or a month, as `periodOf` reads it. */
  period: string;
  onPeriod: (value: string) => void;
  showNumbers: boolean;
  onShowNumbers: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  return (
    <Group gap="sm" wrap="wrap">
      <Select
        w={190}
        size="xs"
        aria-label={t('books.merchant')}
        data-testid="reports-merchant"
        value={merchant}
        allowDeselect={false}
        onChange={(value) => value && onMerchant(value)}
        data={[
          { value: 'all', label: t('books.allMerchants') },
          ...merchants.map((m) => ({ value: String(m.id), label: m.name })),
        ]}
      />
      <Select
        w={170}
        size="xs"
        aria-label={t('books.period')}
        data-testid="reports-period"
        value={period}
        allowDeselect={false}
        onChange={(value) => value && onPeriod(value)}
        data={[
          { value: 'all', label: t('books.allTime') },
          { group: t('books.years'), items: years.map((y) => ({ value: y, label: y })) },
          { group: t('books.months'), items: months.map((m) => ({ value: m, label: f.month(m) })) },
        ]}
      />
      <Switch
        size="sm"
        label={t('books.showNumbers')}
        checked={showNumbers}
        onChange={(e) => onShowNumbers(e.currentTarget.checked)}
        data-testid="show-numbers"
      />
    </Group>
  );
}
