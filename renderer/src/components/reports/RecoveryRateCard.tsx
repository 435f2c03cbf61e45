// A recovery rate card (by grade, by channel): gross and net rate per group, as bars or a table.
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { RecoveryGroup } from '../../../../shared/contract/exports';
import { useFormat } from '../../format';
import { ChartCard } from './ChartCard';
import { useChartAnimation, useReportFormat } from './reportFormat';

export function RecoveryRateCard({
  title,
  groups,
  currency,
  name,
  nameColumn,
  showNumbers,
  testId,
  chartTestId,
}: {
  title: string;
  /** Every currency's groups: only `currency`'s are shown. */
  groups: readonly RecoveryGroup[];
  currency: string | null;
  /** A group's key as a reader knows it (a grade's, a channel's name). */
  name: (key: string) => string;
  nameColumn: string;
  showNumbers: boolean;
  testId: string;
  chartTestId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { money, rate } = useReportFormat(currency);
  const animate = useChartAnimation();
  const shown = groups.filter((g) => g.currency === currency);
  return (
    <ChartCard
      testId={testId}
      title={title}
      showNumbers={showNumbers}
      empty={t('reports.noSalesChart')}
      numbers={{
        columns: [
          { label: nameColumn },
          { label: t('books.sold'), numeric: true },
          { label: t('books.recovered'), numeric: true },
          { label: t('books.grossRate'), numeric: true },
          { label: t('books.netRate'), numeric: true },
        ],
        rows: shown.map((g) => ({
          key: g.key,
          cells: [
            name(g.key),
            f.number(g.sold),
            money(g.priceCents),
            rate(g.recoveryRate),
            rate(g.netRecoveryRate),
          ],
        })),
      }}
      chart={
        <BarChart
          h={240}
          data-testid={chartTestId}
          data={shown.map((g) => ({
            name: name(g.key),
            gross: Math.round((g.recoveryRate ?? 0) * 1000) / 10,
            net: Math.round((g.netRecoveryRate ?? 0) * 1000) / 10,
          }))}
          dataKey="name"
          series={[
            { name: 'gross', label: t('books.grossRate'), color: 'brand.6' },
            { name: 'net', label: t('books.netRate'), color: 'teal.5' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 32 }}
          tickLine="none"
          gridAxis="y"
          valueFormatter={(value) => f.percent1(value / 100)}
          yAxisProps={{ width: 44, tickFormatter: (value: number) => f.percent(value / 100) }}
          barProps={{ radius: 2, isAnimationActive: animate }}
        />
      }
    />
  );
}
