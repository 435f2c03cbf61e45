// The revenue per month card, in the page's currency: bars, or sold, recovered, fees and net as a table.
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { MonthlyFigures } from '../../../../shared/contract/exports';
import { useFormat } from '../../format';
import { ChartCard } from './ChartCard';
import { useChartAnimation, useReportFormat } from './reportFormat';

export function MonthsCard({
  monthly,
  currency,
  showNumbers,
}: {
  /** Every currency's months: only `currency`'s are shown. */
  monthly: readonly MonthlyFigures[];
  currency: string | null;
  showNumbers: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { money } = useReportFormat(currency);
  const animate = useChartAnimation();
  const months = monthly.filter((m) => m.currency === currency);
  return (
    <ChartCard
      testId="card-months"
      title={t('reports.byMonth', { currency: currency ?? '—' })}
      showNumbers={showNumbers}
      empty={t('reports.noSalesChart')}
      numbers={{
        columns: [
          { label: t('books.month') },
          { label: t('books.sold'), numeric: true },
          { label: t('books.recovered'), numeric: true },
          { label: t('books.fees'), numeric: true },
          { label: t('books.net'), numeric: true },
        ],
        rows: months.map((m) => ({
          key: m.month,
          cells: [
            f.month(m.month),
            f.number(m.itemsSold),
            money(m.priceCents),
            money(m.feesCents),
            money(m.netCents),
          ],
        })),
      }}
      chart={
        <BarChart
          h={240}
          data-testid="chart-months"
          data={months.map((m) => ({ month: f.monthShort(m.month), revenue: m.priceCents }))}
          dataKey="month"
          series={[{ name: 'revenue', label: t('reports.revenueSeries'), color: 'brand.6' }]}
          tickLine="none"
          gridAxis="y"
          maxBarWidth={48}
          valueFormatter={(cents) => money(cents)}
          yAxisProps={{
            width: 70,
            tickFormatter: (cents: number) => (currency ? f.moneyWhole(cents, currency) : ''),
          }}
          barProps={{ radius: 2, isAnimationActive: animate }}
        />
      }
    />
  );
}
