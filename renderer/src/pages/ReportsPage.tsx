import { EmptyState, Group, Paper, SimpleGrid, Stack } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/hooks';
import { ErrorAlert, LoadingBlock, PageHeader } from '../components/common';
import { periodOf } from '../components/reports/access';
import { BestChannelsTable } from '../components/reports/BestChannelsTable';
import { CountCard } from '../components/reports/CountCard';
import { ExportButton } from '../components/reports/ExportButton';
import { HandledCard } from '../components/reports/HandledCard';
import { HeadlineStats } from '../components/reports/HeadlineStats';
import { MonthsCard } from '../components/reports/MonthsCard';
import { RecoveryRateCard } from '../components/reports/RecoveryRateCard';
import { ReportFilters } from '../components/reports/ReportFilters';
import { mainCurrency, useReportNames } from '../components/reports/reportFormat';
import { SellingCard } from '../components/reports/SellingCard';
import { SkuTable } from '../components/reports/SkuTable';
import { StatementButton } from '../components/reports/StatementButton';

export function ReportsPage() {
  const { t } = useTranslation();
  const names = useReportNames();
  const [merchant, setMerchant] = useState<string>('all');
  const [periodValue, setPeriodValue] = useState<string>('all');
  const [showNumbers, setShowNumbers] = useState(false);
  const merchantId = merchant === 'all' ? undefined : Number(merchant);
  const period = periodOf(periodValue);
  const range = { merchantId, ...period };

  const merchants = useCall('merchants.list', {});
  // The month list comes from the unfiltered ledger, so a choice never empties the menu.
  const months = useCall('sales.list', { limit: 1 }).data?.months ?? [];
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
    <ReportFilters
      merchants={merchants.data ?? []}
      merchant={merchant}
      onMerchant={setMerchant}
      months={months}
      period={periodValue}
      onPeriod={setPeriodValue}
      showNumbers={showNumbers}
      onShowNumbers={setShowNumbers}
    />
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

  const currency = mainCurrency(recovery.data.overall);

  return (
    <div className="rb-page-scroll" data-testid="page-reports">
      <PageHeader title={t('nav.reports')} subtitle={t('books.reportsSubtitle')}>
        {actions}
      </PageHeader>
      <Paper px="md" py="xs" mb="md">
        {filters}
      </Paper>
      {overview.data.itemsHandled === 0 ? (
        <EmptyState
          mt={80}
          variant="light"
          icon={<IconChartBar size={26} />}
          title={t('reports.emptyTitle')}
          description={t('reports.emptyHint')}
        />
      ) : (
        <Stack gap="md">
          <HeadlineStats overview={overview.data} recovery={recovery.data.overall} currency={currency} />

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <MonthsCard monthly={monthly.data} currency={currency} showNumbers={showNumbers} />
            <SellingCard selling={selling.data} showNumbers={showNumbers} />
            <RecoveryRateCard
              testId="card-grades"
              chartTestId="chart-grades"
              title={t('books.rateByGrade')}
              groups={recovery.data.byGrade}
              currency={currency}
              name={names.grade}
              nameColumn={t('common.grade')}
              showNumbers={showNumbers}
            />
            <RecoveryRateCard
              testId="card-channels"
              chartTestId="chart-channels"
              title={t('books.rateByChannel')}
              groups={recovery.data.byChannel}
              currency={currency}
              name={names.channel}
              nameColumn={t('books.channel')}
              showNumbers={showNumbers}
            />
            <HandledCard byGrade={overview.data.byGrade} showNumbers={showNumbers} />
            <CountCard
              testId="card-reasons"
              chartTestId="chart-reasons"
              title={t('books.returnReasons')}
              rows={returns.data.reasons}
              name={names.reason}
              nameColumn={t('books.reason')}
              showNumbers={showNumbers}
            />
            <CountCard
              testId="card-dispositions"
              chartTestId="chart-dispositions"
              title={t('books.dispositions')}
              rows={returns.data.dispositions}
              name={names.status}
              nameColumn={t('books.outcome')}
              showNumbers={showNumbers}
            />
          </SimpleGrid>

          <BestChannelsTable bestChannels={returns.data.bestChannels} />
          <SkuTable skus={skus.data} merchantId={merchantId ?? null} />
        </Stack>
      )}
    </div>
  );
}
