// The items handled and sold per grade card, as bars lying down or as a table.
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { GradeFigures } from '../../../../shared/contract';
import { useFormat } from '../../format';
import { ChartCard } from './ChartCard';
import { useChartAnimation, useReportNames } from './reportFormat';

export function HandledCard({
  byGrade,
  showNumbers,
}: {
  byGrade: readonly GradeFigures[];
  showNumbers: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useReportNames();
  const animate = useChartAnimation();
  // The overview calls the ungraded 'ungraded'; the names know them as '' like the other reports.
  const gradeName = (grade: GradeFigures['grade']) => names.grade(grade === 'ungraded' ? '' : grade);
  return (
    <ChartCard
      testId="card-handled"
      title={t('reports.byGrade')}
      showNumbers={showNumbers}
      empty={t('reports.noSalesChart')}
      numbers={{
        columns: [
          { label: t('common.grade') },
          { label: t('reports.handledSeries'), numeric: true },
          { label: t('reports.soldSeries'), numeric: true },
        ],
        rows: byGrade.map((g) => ({
          key: g.grade,
          cells: [gradeName(g.grade), f.number(g.handled), f.number(g.sold)],
        })),
      }}
      chart={
        <BarChart
          h={240}
          data-testid="chart-handled"
          data={byGrade.map((g) => ({ grade: gradeName(g.grade), handled: g.handled, sold: g.sold }))}
          dataKey="grade"
          series={[
            { name: 'handled', label: t('reports.handledSeries'), color: 'brand.3' },
            { name: 'sold', label: t('reports.soldSeries'), color: 'brand.7' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 32 }}
          tickLine="none"
          gridAxis="x"
          valueFormatter={f.number}
          // Seven grade names do not fit side by side: the bars lie down, names on the left.
          orientation="vertical"
          yAxisProps={{ width: 130, interval: 0 }}
          barProps={{ radius: 2, isAnimationActive: animate }}
        />
      }
    />
  );
}
