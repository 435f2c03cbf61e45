import { BarChart } from '@mantine/charts';
import { EmptyState, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { IconChartBar, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportsOverview } from '../../../shared/contract';
import { useCall } from '../api/hooks';
import { GradeBadge } from '../components/badges';
import { ErrorAlert, LoadingBlock, PageHeader, SectionTitle } from '../components/common';
import { useFormat } from '../format';

function Stat({
  label,
  hint,
  value,
  detail,
  testId,
}: {
  label: string;
  hint: string;
  value: ReactNode;
  detail?: ReactNode;
  testId: string;
}) {
  return (
    <Paper p="md" data-testid={testId}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}{' '}
        <Tooltip label={hint} multiline w={240}>
          <IconInfoCircle size={13} style={{ verticalAlign: -2 }} aria-label={hint} />
        </Tooltip>
      </Text>
      <Text fz={26} fw={700} lh={1.25} mt={4} className="rb-num" data-testid={`${testId}-value`}>
        {value}
      </Text>
      {detail ? (
        <Text fz="xs" c="dimmed" mt={2}>
          {detail}
        </Text>
      ) : (
        <Text fz="xs" mt={2}>
          &nbsp;
        </Text>
      )}
    </Paper>
  );
}

/** The currency most of the revenue is in: the one the monthly chart can show without mixing. */
function mainCurrency(report: ReportsOverview): string | null {
  const sorted = [...report.recovered].sort((a, b) => b.cents - a.cents);
  return sorted[0]?.currency ?? null;
}

export function ReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  // Bars grow in unless the system asks for less motion.
  const animate = !useReducedMotion();
  const report = useCall('reports.overview', {});

  if (report.error) {
    return (
      <div className="rb-page-scroll">
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      </div>
    );
  }
  if (!report.data) return <LoadingBlock h="60vh" />;
  const r = report.data;
  const currency = mainCurrency(r);
  const months = currency ? r.revenueByMonth.filter((m) => m.currency === currency) : [];

  return (
    <div className="rb-page-scroll" data-testid="page-reports">
      <PageHeader title={t('nav.reports')} subtitle={t('reports.subtitle')} />
      {r.itemsHandled === 0 ? (
        <EmptyState
          mt={80}
          variant="light"
          icon={<IconChartBar size={26} />}
          title={t('reports.emptyTitle')}
          description={t('reports.emptyHint')}
        />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm">
            <Stat
              testId="stat-handled"
              label={t('reports.handled')}
              hint={t('reports.handledHint')}
              value={f.number(r.itemsHandled)}
            />
            <Stat
              testId="stat-sold"
              label={t('reports.sold')}
              hint={t('reports.handledHint')}
              value={f.number(r.itemsSold)}
              detail={t('reports.sellThrough', { percent: f.percent(r.itemsSold / r.itemsHandled) })}
            />
            <Stat
              testId="stat-recovered"
              label={t('reports.recovered')}
              hint={t('reports.recoveredHint')}
              value={
                r.recovered.length === 0 ? (
                  f.money(0, 'EUR')
                ) : (
                  <Stack gap={0}>
                    {r.recovered.map((amount) => (
                      <span key={amount.currency}>{f.money(amount.cents, amount.currency)}</span>
                    ))}
                  </Stack>
                )
              }
            />
            <Stat
              testId="stat-recovery"
              label={t('reports.recoveryRate')}
              hint={t('reports.recoveryRateHint')}
              value={r.recoveryRate !== null ? f.percent1(r.recoveryRate) : '—'}
              detail={r.recoveryRate === null ? t('reports.noneSold') : undefined}
            />
            <Stat
              testId="stat-days"
              label={t('reports.daysToSell')}
              hint={t('reports.daysToSellHint')}
              value={r.daysToSell !== null ? t('reports.daysValue', { days: f.decimal(r.daysToSell) }) : '—'}
              detail={r.daysToSell === null ? t('reports.noneSold') : undefined}
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <Paper p="md">
              <SectionTitle>{t('reports.byGrade')}</SectionTitle>
              <BarChart
                h={280}
                orientation="vertical"
                data-testid="chart-grades"
                data={r.byGrade.map((g) => ({
                  grade: g.grade === 'ungraded' ? t('common.ungraded') : t(`grades.${g.grade}`),
                  handled: g.handled,
                  sold: g.sold,
                }))}
                dataKey="grade"
                series={[
                  { name: 'handled', label: t('reports.handledSeries'), color: 'brand.3' },
                  { name: 'sold', label: t('reports.soldSeries'), color: 'brand.7' },
                ]}
                withLegend
                legendProps={{ verticalAlign: 'top', height: 32 }}
                tickLine="none"
                gridAxis="y"
                valueFormatter={f.number}
                yAxisProps={{ width: 130, interval: 0 }}
                barProps={{ radius: 2, isAnimationActive: animate }}
              />
            </Paper>
            <Paper p="md">
              <SectionTitle>{t('reports.byMonth', { currency: currency ?? '—' })}</SectionTitle>
              {months.length === 0 ? (
                <Text fz="sm" c="dimmed" h={280}>
                  {t('reports.noSalesChart')}
                </Text>
              ) : (
                <BarChart
                  h={280}
                  data-testid="chart-months"
                  data={months.map((m) => ({ month: f.monthShort(m.month), revenue: m.cents }))}
                  dataKey="month"
                  series={[{ name: 'revenue', label: t('reports.revenueSeries'), color: 'brand.6' }]}
                  tickLine="none"
                  gridAxis="x"
                  maxBarWidth={56}
                  valueFormatter={(cents) => f.money(cents, currency!)}
                  yAxisProps={{ width: 70, tickFormatter: (cents: number) => f.moneyWhole(cents, currency!) }}
                  barProps={{ radius: 2, isAnimationActive: animate }}
                />
              )}
            </Paper>
          </SimpleGrid>

          <Paper p="md">
            <SectionTitle>{t('reports.gradeTable')}</SectionTitle>
            <Table data-testid="grade-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.grade')}</Table.Th>
                  <Table.Th ta="right">{t('reports.handledSeries')}</Table.Th>
                  <Table.Th ta="right">{t('reports.soldSeries')}</Table.Th>
                  <Table.Th ta="right">{t('reports.recoveryRate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.byGrade.map((g) => (
                  <Table.Tr key={g.grade}>
                    <Table.Td>
                      <GradeBadge grade={g.grade === 'ungraded' ? null : g.grade} />
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num">
                      {f.number(g.handled)}
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num">
                      {f.number(g.sold)}
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num" fw={600}>
                      {g.recoveryRate !== null ? f.percent1(g.recoveryRate) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </div>
  );
}
