import { BarChart, LineChart } from '@mantine/charts';
import {
  Badge,
  EmptyState,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { IconChartBar, IconFlag, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryGroup } from '../../../shared/contract/exports';
import { useCall } from '../api/hooks';
import { ErrorAlert, LoadingBlock, PageHeader, SectionTitle } from '../components/common';
import { periodOf } from '../components/reports/access';
import { ChartCard, type NumbersTable } from '../components/reports/ChartCard';
import { ExportButton } from '../components/reports/ExportButton';
import { StatementButton } from '../components/reports/StatementButton';
import { UnitsSoldImport } from '../components/reports/UnitsSoldImport';
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
      <Text fz="xs" c="dimmed" mt={2}>
        {detail ?? '\u00a0'}
      </Text>
    </Paper>
  );
}

/** The currency most of the revenue is in: charts show one currency and never add two up. */
function mainCurrency(groups: readonly { currency: string; priceCents: number }[]): string | null {
  const sums = new Map<string, number>();
  for (const g of groups) sums.set(g.currency, (sums.get(g.currency) ?? 0) + g.priceCents);
  return [...sums].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function ReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  // Bars grow in unless the system asks for less motion.
  const animate = !useReducedMotion();
  const [merchant, setMerchant] = useState<string>('all');
  const [periodValue, setPeriodValue] = useState<string>('all');
  const [showNumbers, setShowNumbers] = useState(false);
  const merchantId = merchant === 'all' ? undefined : Number(merchant);
  const period = periodOf(periodValue);
  const range = { merchantId, ...period };

  const merchants = useCall('merchants.list', {});
  // The month list comes from the unfiltered ledger, so a choice never empties the menu.
  const months = useCall('sales.list', { limit: 1 }).data?.months ?? [];
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const overview = useCall('reports.overview', { merchantId });
  const recovery = useCall('reports.recovery', range);
  const monthly = useCall('reports.monthly', range);
  const skus = useCall('reports.skus', range);
  const returns = useCall('reports.returns', range);
  const selling = useCall('reports.selling', range);

  const failed =
    overview.error ?? recovery.error ?? monthly.error ?? skus.error ?? returns.error ?? selling.error;
  if (failed) {
    return (
      <div className="rb-page-scroll">
        <ErrorAlert
          error={failed}
          onRetry={() => {
            void overview.refetch();
            void recovery.refetch();
            void monthly.refetch();
            void skus.refetch();
            void returns.refetch();
            void selling.refetch();
          }}
        />
      </div>
    );
  }

  const filters = (
    <Group gap="sm" wrap="wrap">
      <Select
        w={190}
        size="xs"
        aria-label={t('books.merchant')}
        data-testid="reports-merchant"
        value={merchant}
        allowDeselect={false}
        onChange={(value) => value && setMerchant(value)}
        data={[
          { value: 'all', label: t('books.allMerchants') },
          ...(merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name })),
        ]}
      />
      <Select
        w={170}
        size="xs"
        aria-label={t('books.period')}
        data-testid="reports-period"
        value={periodValue}
        allowDeselect={false}
        onChange={(value) => value && setPeriodValue(value)}
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
        onChange={(e) => setShowNumbers(e.currentTarget.checked)}
        data-testid="show-numbers"
      />
    </Group>
  );
  const actions = (
    <Group gap="xs">
      <ExportButton period={period} merchantId={merchantId ?? null} />
      <StatementButton merchantId={merchantId ?? null} months={months} />
    </Group>
  );

  if (!overview.data || !recovery.data || !monthly.data || !skus.data || !returns.data || !selling.data) {
    return (
      <div className="rb-page-scroll" data-testid="page-reports">
        <PageHeader title={t('nav.reports')} subtitle={t('books.reportsSubtitle')}>
          {actions}
        </PageHeader>
        <Paper px="md" py="xs" mb="md">
          {filters}
        </Paper>
        <LoadingBlock h="60vh" />
      </div>
    );
  }

  const o = overview.data;
  const r = recovery.data;
  const currency = mainCurrency(r.overall);
  const overall = r.overall.find((g) => g.currency === currency) ?? null;
  const inCurrency = (groups: readonly RecoveryGroup[]) => groups.filter((g) => g.currency === currency);
  const months12 = monthly.data.filter((m) => m.currency === currency);
  const money = (cents: number) => (currency ? f.money(cents, currency) : '—');
  const rate = (value: number | null) => (value === null ? '—' : f.percent1(value));
  const gradeName = (key: string) =>
    key === '' ? t('common.ungraded') : t(`grades.${key}`, { defaultValue: key });
  const channelName = (key: string) => t(`channelsShort.${key}`, { defaultValue: key });

  const rateColumns = [
    { label: t('books.sold'), numeric: true },
    { label: t('books.recovered'), numeric: true },
    { label: t('books.grossRate'), numeric: true },
    { label: t('books.netRate'), numeric: true },
  ];
  const rateTable = (
    groups: readonly RecoveryGroup[],
    name: (key: string) => string,
    first: string,
  ): NumbersTable => ({
    columns: [{ label: first }, ...rateColumns],
    rows: groups.map((g) => ({
      key: g.key,
      cells: [
        name(g.key),
        f.number(g.sold),
        money(g.priceCents),
        rate(g.recoveryRate),
        rate(g.netRecoveryRate),
      ],
    })),
  });
  const rateChart = (groups: readonly RecoveryGroup[], name: (key: string) => string, testId: string) => (
    <BarChart
      h={240}
      data-testid={testId}
      data={groups.map((g) => ({
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
  );

  const countChart = (
    rows: readonly { key: string; count: number }[],
    name: (key: string) => string,
    testId: string,
  ) => (
    <BarChart
      h={240}
      data-testid={testId}
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
  );
  const countTable = (
    rows: readonly { key: string; count: number }[],
    name: (key: string) => string,
    first: string,
  ): NumbersTable => ({
    columns: [{ label: first }, { label: t('books.items'), numeric: true }],
    rows: rows.map((row) => ({ key: row.key, cells: [name(row.key), f.number(row.count)] })),
  });
  const reasonName = (key: string) =>
    key === '' ? t('books.noReason') : t(`reasons.${key}`, { defaultValue: key });
  const statusName = (key: string) => t(`statuses.${key}`, { defaultValue: key });
  const byGrade = inCurrency(r.byGrade);
  const sellingMonths = selling.data;
  const days = (value: number | null) =>
    value === null ? '—' : t('reports.daysValue', { days: f.decimal(value) });
  const byChannel = inCurrency(r.byChannel);

  return (
    <div className="rb-page-scroll" data-testid="page-reports">
      <PageHeader title={t('nav.reports')} subtitle={t('books.reportsSubtitle')}>
        {actions}
      </PageHeader>
      <Paper px="md" py="xs" mb="md">
        {filters}
      </Paper>
      {o.itemsHandled === 0 ? (
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
              testId="stat-recovered"
              label={t('reports.recovered')}
              hint={t('reports.recoveredHint')}
              value={overall ? money(overall.priceCents) : f.money(0, 'EUR')}
              detail={
                overall
                  ? t('books.salesInPeriod', { count: overall.sold, sold: f.number(overall.sold) })
                  : undefined
              }
            />
            <Stat
              testId="stat-recovery"
              label={t('books.grossRate')}
              hint={t('books.grossRateHint')}
              value={rate(overall?.recoveryRate ?? null)}
              detail={overall ? undefined : t('reports.noneSold')}
            />
            <Stat
              testId="stat-net-recovery"
              label={t('books.netRate')}
              hint={t('books.netRateHint')}
              value={rate(overall?.netRecoveryRate ?? null)}
              detail={overall ? t('books.feesPaid', { fees: money(overall.feesCents) }) : undefined}
            />
            <Stat
              testId="stat-days"
              label={t('reports.daysToSell')}
              hint={t('books.allTimeHint')}
              value={o.daysToSell !== null ? t('reports.daysValue', { days: f.decimal(o.daysToSell) }) : '—'}
              detail={t('books.allTimeShort')}
            />
            <Stat
              testId="stat-sell-through"
              label={t('books.sellThrough')}
              hint={t('books.allTimeHint')}
              value={f.percent(o.itemsSold / o.itemsHandled)}
              detail={t('books.soldOfHandled', {
                sold: f.number(o.itemsSold),
                handled: f.number(o.itemsHandled),
              })}
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
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
                rows: months12.map((m) => ({
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
                  data={months12.map((m) => ({ month: f.monthShort(m.month), revenue: m.priceCents }))}
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
                rows: sellingMonths.map((m) => ({
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
                    data={sellingMonths.map((m) => ({
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
                    data={sellingMonths
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
            <ChartCard
              testId="card-grades"
              title={t('books.rateByGrade')}
              showNumbers={showNumbers}
              empty={t('reports.noSalesChart')}
              numbers={rateTable(byGrade, gradeName, t('common.grade'))}
              chart={rateChart(byGrade, gradeName, 'chart-grades')}
            />
            <ChartCard
              testId="card-channels"
              title={t('books.rateByChannel')}
              showNumbers={showNumbers}
              empty={t('reports.noSalesChart')}
              numbers={rateTable(byChannel, channelName, t('books.channel'))}
              chart={rateChart(byChannel, channelName, 'chart-channels')}
            />
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
                rows: o.byGrade.map((g) => ({
                  key: g.grade,
                  cells: [
                    gradeName(g.grade === 'ungraded' ? '' : g.grade),
                    f.number(g.handled),
                    f.number(g.sold),
                  ],
                })),
              }}
              chart={
                <BarChart
                  h={240}
                  data-testid="chart-handled"
                  data={o.byGrade.map((g) => ({
                    grade: gradeName(g.grade === 'ungraded' ? '' : g.grade),
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
                  gridAxis="x"
                  valueFormatter={f.number}
                  // Seven grade names do not fit side by side: the bars lie down, names on the left.
                  orientation="vertical"
                  yAxisProps={{ width: 130, interval: 0 }}
                  barProps={{ radius: 2, isAnimationActive: animate }}
                />
              }
            />
            <ChartCard
              testId="card-reasons"
              title={t('books.returnReasons')}
              showNumbers={showNumbers}
              empty={t('reports.emptyHint')}
              numbers={countTable(returns.data.reasons, reasonName, t('books.reason'))}
              chart={countChart(returns.data.reasons, reasonName, 'chart-reasons')}
            />
            <ChartCard
              testId="card-dispositions"
              title={t('books.dispositions')}
              showNumbers={showNumbers}
              empty={t('reports.emptyHint')}
              numbers={countTable(returns.data.dispositions, statusName, t('books.outcome'))}
              chart={countChart(returns.data.dispositions, statusName, 'chart-dispositions')}
            />
          </SimpleGrid>

          <Paper p="md">
            <SectionTitle>{t('books.bestChannels')}</SectionTitle>
            <Text fz="xs" c="dimmed" mb="xs">
              {t('books.bestChannelsHint')}
            </Text>
            {returns.data.bestChannels.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('reports.noSalesChart')}
              </Text>
            ) : (
              <Table data-testid="best-channels">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('common.grade')}</Table.Th>
                    <Table.Th>{t('books.bestChannel')}</Table.Th>
                    <Table.Th ta="right">{t('books.sold')}</Table.Th>
                    <Table.Th ta="right">{t('books.grossRate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {returns.data.bestChannels.map((b) => (
                    <Table.Tr key={`${b.grade}|${b.currency}`}>
                      <Table.Td>{gradeName(b.grade)}</Table.Td>
                      <Table.Td>{channelName(b.channel)}</Table.Td>
                      <Table.Td ta="right" className="rb-num">
                        {f.number(b.sold)}
                      </Table.Td>
                      <Table.Td ta="right" className="rb-num" fw={600}>
                        {f.percent1(b.recoveryRate)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>

          <Paper p="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <SectionTitle>{t('books.skuTable')}</SectionTitle>
              <UnitsSoldImport merchantId={merchantId ?? null} />
            </Group>
            <Text fz="xs" c="dimmed" mb="xs">
              {t('books.skuHint')}
            </Text>
            {skus.data.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('reports.noSalesChart')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={860} mah={480}>
                <Table data-testid="sku-table" stickyHeader highlightOnHover>
                  <Table.Thead style={{ whiteSpace: 'nowrap' }}>
                    <Table.Tr>
                      <Table.Th>{t('books.sku')}</Table.Th>
                      <Table.Th>{t('books.merchant')}</Table.Th>
                      <Table.Th ta="right">{t('books.returned')}</Table.Th>
                      <Table.Th ta="right">{t('books.unitsSold')}</Table.Th>
                      <Table.Th ta="right">{t('books.returnRate')}</Table.Th>
                      <Table.Th ta="right">{t('books.resold')}</Table.Th>
                      <Table.Th ta="right">{t('books.grossRate')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {skus.data.map((s) => (
                      <Table.Tr key={`${s.merchantName}|${s.sku}|${s.currency}`} data-flagged={s.flagged}>
                        <Table.Td>
                          <Text fz="sm" fw={500} lineClamp={1}>
                            {s.title}
                          </Text>
                          <Text fz="xs" c="dimmed" ff="monospace">
                            {s.sku}
                          </Text>
                        </Table.Td>
                        <Table.Td fz="sm">{s.merchantName}</Table.Td>
                        <Table.Td ta="right" className="rb-num">
                          {f.number(s.returned)}
                        </Table.Td>
                        <Table.Td ta="right" className="rb-num">
                          {s.unitsSold === null ? '—' : f.number(s.unitsSold)}
                        </Table.Td>
                        <Table.Td ta="right" className="rb-num" fw={600}>
                          {rate(s.returnRate)}
                        </Table.Td>
                        <Table.Td ta="right" className="rb-num">
                          {f.number(s.sold)}
                        </Table.Td>
                        <Table.Td ta="right" className="rb-num">
                          {rate(s.recoveryRate)}
                        </Table.Td>
                        <Table.Td>
                          {s.flagged ? (
                            <Tooltip label={t('books.flaggedHint')} multiline w={260}>
                              <Badge
                                size="sm"
                                color="orange"
                                variant="light"
                                leftSection={<IconFlag size={11} />}
                              >
                                {t('books.flagged')}
                              </Badge>
                            </Tooltip>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </Stack>
      )}
    </div>
  );
}
