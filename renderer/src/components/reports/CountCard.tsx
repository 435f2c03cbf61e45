// A returns count card (by reason, by outcome): items per key as bars lying down, or as a table.
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { CountByKey } from '../../../../shared/contract';
import { useFormat } from '../../format';
import { ChartCard } from './ChartCard';
import { useChartAnimation } from './reportFormat';

export function CountCard({
  title,
  rows,
  name,
  nameColumn,
  showNumbers,
  testId,
  chartTestId,
}: {
  title: string;
  rows: readonly CountByKey[];
  /** A key as a reader knows it (a reason's, a status's name). */
  name: (key: string) => string;
  nameColumn: string;
  showNumbers: boolean;
  testId: string;
  chartTestId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const animate = useChartAnimation();
  return (
    <ChartCard
      testId={testId}
      title={title}
      showNumbers={showNumbers}
      empty={t('reports.emptyHint')}
      numbers={{
        columns: [{ label: nameColumn }, { label: t('books.items'), numeric: true }],
        rows: rows.map((row) => ({ key: row.key, cells: [name(row.key), f.number(row.count)] })),
      }}
      chart={
        <BarChart
          h={240}
          data-testid={chartTestId}
          orientation="vertical"
          data={rows.map((row) => ({ name: name(row.key), count: row.count }))}
          dataKey="name"
          series={[{ name: 'count', label: t('books.items'), color: 'brand.6' }]}
          tickLine="none"
          gridAxis="x"
          valueFormatter={f.number}
          yAxisProps={{ width: 170, interval: 0 }}
          barProps={{ radius: 2, isAnimationActive: animate }}
        />
      }
    />
  );
}
