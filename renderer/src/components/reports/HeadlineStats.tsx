// The row of headline figures above the charts: recovered, gross and net rate, days to sell, sell-through.
import { Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportsOverview } from '../../../../shared/contract';
import type { RecoveryGroup } from '../../../../shared/contract/exports';
import { useFormat } from '../../format';
import { useReportFormat } from './reportFormat';

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
      {/* A non-breaking space keeps a tile without detail as tall as its neighbours. */}
      <Text fz="xs" c="dimmed" mt={2}>
        {detail ?? '\u00a0'}
      </Text>
    </Paper>
  );
}

/**
 * The first three follow the filters, in the page's currency; days to sell and sell-through are
 * over all time (the overview has no period), which their detail line says.
 */
export function HeadlineStats({
  overview,
  recovery,
  currency,
}: {
  overview: ReportsOverview;
  /** The period's recovery over all groups, one entry per currency. */
  recovery: readonly RecoveryGroup[];
  currency: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { money, rate, days } = useReportFormat(currency);
  const overall = recovery.find((g) => g.currency === currency) ?? null;
  return (
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
        value={days(overview.daysToSell)}
        detail={t('books.allTimeShort')}
      />
      <Stat
        testId="stat-sell-through"
        label={t('books.sellThrough')}
        hint={t('books.allTimeHint')}
        value={f.percent(overview.itemsSold / overview.itemsHandled)}
        detail={t('books.soldOfHandled', {
          count: overview.itemsHandled,
          sold: f.number(overview.itemsSold),
          handled: f.number(overview.itemsHandled),
        })}
      />
    </SimpleGrid>
  );
}
