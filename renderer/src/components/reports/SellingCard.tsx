// The selling card: sell-through per month as bars, mean days to sell as a line, or both as a table.
import { BarChart, LineChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodSelling } from '../../../../shared/contract';
import { useFormat } from '../../format';
import { ChartCard } from './ChartCard';
import { useChartAnimation, useReportFormat } from './reportFormat';

export function SellingCard({
  selling,
  showNumbers,
}: {
  selling: readonly PeriodSelling[];
  showNumbers: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { rate, days } = useReportFormat();
  const animate = useChartAnimation();
  return (
    <ChartCard
      testId="card-sell-through"
      title={t('books2.sellingTitle')}
      showNumbers={showNumbers}
      empty={t('reports.noSalesChart')}
      numbers={{
        columns: [
          { label: t('books.month') },
          { label: t('books2.available'), numeric: true },
          { label: t('books.sold'), numeric: true },
          { label: t('books2.sellThrough'), numeric: true },
          { label: t('books2.meanDays'), numeric: true },
          { label: t('books2.medianDays'), numeric: true },
        ],
        rows: selling.map((m) => ({
          key: m.month,
          cells: [
            f.month(m.month),
            f.number(m.available),
            f.number(m.sold),
            rate(m.sellThrough),
            days(m.meanDaysToSell),
            days(m.medianDaysToSell),
          ],
        })),
      }}
      chart={
        <Stack gap={4}>
          <BarChart
            h={130}
            data-testid="chart-sell-through"
            data={selling.map((m) => ({
              month: f.monthShort(m.month),
              rate: Math.round((m.sellThrough ?? 0) * 1000) / 10,
            }))}
            dataKey="month"
            series={[{ name: 'rate', label: t('books2.sellThroughSeries'), color: 'teal.6' }]}
            tickLine="none"
            gridAxis="y"
            maxBarWidth={48}
            valueFormatter={(value) => f.percent1(value / 100)}
            yAxisProps={{
              width: 44,
              domain: [0, 100],
              ticks: [0, 50, 100],
              tickFormatter: (value: number) => f.percent(value / 100),
            }}
            barProps={{ radius: 2, isAnimationActive: animate }}
          />
          <LineChart
            h={110}
            data-testid="chart-days-to-sell"
            data={selling
              .filter((m) => m.meanDaysToSell !== null)
              .map((m) => ({
                month: f.monthShort(m.month),
                days: Math.round((m.meanDaysToSell ?? 0) * 10) / 10,
              }))}
            dataKey="month"
            series={[{ name: 'days', label: t('books2.daysSeries'), color: 'brand.6' }]}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 24 }}
            tickLine="none"
            gridAxis="y"
            curveType="linear"
            valueFormatter={(value) => days(value)}
            // The unit is in the legend; "8 days" would wrap on a narrow axis.
            yAxisProps={{
              width: 44,
              allowDecimals: false,
              tickFormatter: (value: number) => f.number(value),
            }}
            lineProps={{ isAnimationActive: animate }}
          />
          <Text fz="xs" c="dimmed">
            {t('books2.sellingHint')}
          </Text>
        </Stack>
      }
    />
  );
}
