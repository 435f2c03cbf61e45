import { Badge, Box, EmptyState, Group, Paper, Select, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, SaleRow } from '../../../shared/contract';
import { CHANNELS, type Channel } from '../../../shared/domain/status';
import { call } from '../api/client';
import { callKey, useCall } from '../api/hooks';
import { ErrorAlert, LoadingBlock, PageHeader } from '../components/common';
import { periodOf } from '../components/reports/access';
import { ExportButton } from '../components/reports/ExportButton';
import { StatementButton } from '../components/reports/StatementButton';
import { useFormat } from '../format';
import { navigate } from '../state/router';

/** Rows per request: about three screens, so scrolling rarely waits (as the item list does). */
const PAGE_SIZE = 100;
const ROW_HEIGHT = 52;
/** One grid for the header, the rows and the totals, so the columns line up without a <table>. */
const COLUMNS = '110px minmax(220px, 1fr) 140px 140px 120px 110px 100px 110px';
const gridRow: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: COLUMNS,
  alignItems: 'center',
  columnGap: 12,
  padding: '0 12px',
  minWidth: 1000,
};

export function SalesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [month, setMonth] = useState<string | null>(null);
  const [merchant, setMerchant] = useState<string>('all');
  const [channel, setChannel] = useState<Channel | null>(null);
  const filters: Omit<Input<'sales.list'>, 'limit' | 'offset'> = {
    month: month ?? undefined,
    merchantId: merchant === 'all' ? undefined : Number(merchant),
    channel: channel ?? undefined,
  };
  // The month list comes from the unfiltered ledger, so choosing a month never empties it.
  const months = useCall('sales.list', { limit: 1 }).data?.months ?? [];
  const merchants = useCall('merchants.list', {});

  const scrollRef = useRef<HTMLDivElement>(null);
  const first = useCall('sales.list', { ...filters, limit: PAGE_SIZE, offset: 0 });
  const total = first.data?.total ?? 0;
  // TanStack Virtual hands back functions that React Compiler must not memoise; this page
  // reads them during render only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  // Only the pages on screen are fetched: 100,000 sales scroll like 40.
  const pageNumbers: number[] = [];
  const firstIndex = virtualRows[0]?.index ?? 0;
  const lastIndex = virtualRows.at(-1)?.index ?? 0;
  for (let p = Math.floor(firstIndex / PAGE_SIZE); p <= Math.floor(lastIndex / PAGE_SIZE); p++) {
    if (p > 0) pageNumbers.push(p);
  }
  const pages = useQueries({
    queries: pageNumbers.map((p) => {
      const input = { ...filters, limit: PAGE_SIZE, offset: p * PAGE_SIZE };
      return { queryKey: callKey('sales.list', input), queryFn: () => call('sales.list', input) };
    }),
  });
  const rowAt = (index: number): SaleRow | undefined => {
    const p = Math.floor(index / PAGE_SIZE);
    const data = p === 0 ? first.data : pages[pageNumbers.indexOf(p)]?.data;
    return data?.rows[index - p * PAGE_SIZE];
  };
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filterKey]);

  const range = month ? periodOf(month) : {};

  return (
    <div className="rb-page" data-testid="page-sales">
      <PageHeader title={t('nav.sales')} subtitle={t('sales.subtitle')}>
        <Group gap="xs">
          <Select
            w={180}
            size="xs"
            aria-label={t('books.merchant')}
            data-testid="sales-merchant"
            value={merchant}
            allowDeselect={false}
            onChange={(value) => value && setMerchant(value)}
            data={[
              { value: 'all', label: t('books.allMerchants') },
              ...(merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name })),
            ]}
          />
          <Select
            w={150}
            size="xs"
            aria-label={t('books.channel')}
            data-testid="sales-channel"
            value={channel ?? 'all'}
            allowDeselect={false}
            onChange={(value) => setChannel(value === 'all' || value === null ? null : (value as Channel))}
            data={[
              { value: 'all', label: t('books.allChannels') },
              ...CHANNELS.map((c) => ({ value: c, label: t(`channelsShort.${c}`) })),
            ]}
          />
          <Select
            w={180}
            size="xs"
            aria-label={t('sales.month')}
            data-testid="sales-month"
            value={month ?? 'all'}
            allowDeselect={false}
            onChange={(value) => setMonth(value === 'all' || value === null ? null : value)}
            data={[
              { value: 'all', label: t('sales.allMonths') },
              ...months.map((m) => ({ value: m, label: f.month(m) })),
            ]}
          />
          <ExportButton period={range} merchantId={filters.merchantId ?? null} />
          <StatementButton
            merchantId={filters.merchantId ?? null}
            months={month ? [month, ...months.filter((m) => m !== month)] : months}
          />
        </Group>
      </PageHeader>
      {first.error ? (
        <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />
      ) : !first.data ? (
        <LoadingBlock />
      ) : total === 0 ? (
        <EmptyState
          mt={80}
          variant="light"
          icon={<IconReceipt2 size={26} />}
          title={t('sales.emptyTitle')}
          description={
            month || filters.merchantId || channel ? t('books.emptyFiltered') : t('sales.emptyHint')
          }
          data-testid="sales-empty"
        />
      ) : (
        // As tall as its rows and never taller than the screen: a short ledger leaves no blank panel.
        <Paper
          style={{
            display: 'flex',
            flexDirection: 'column',
            minHeight: 0,
            flex: '0 1 auto',
            overflow: 'hidden',
          }}
        >
          <Box
            ref={scrollRef}
            style={{ overflow: 'auto', flex: '0 1 auto', minHeight: 0 }}
            data-testid="sales-table"
            data-total={total}
          >
            <Box
              style={{
                ...gridRow,
                position: 'sticky',
                top: 0,
                zIndex: 1,
                height: 36,
                background: 'var(--mantine-color-body)',
                borderBottom: '1px solid var(--mantine-color-default-border)',
              }}
              fz="sm"
              fw={600}
              role="row"
            >
              <span>{t('sales.columns.date')}</span>
              <span>{t('sales.columns.item')}</span>
              <span>{t('sales.columns.channel')}</span>
              <span>{t('sales.columns.order')}</span>
              <span>{t('sales.columns.country')}</span>
              <span style={{ textAlign: 'right' }}>{t('sales.columns.price')}</span>
              <span style={{ textAlign: 'right' }}>{t('sales.columns.shipping')}</span>
              <span style={{ textAlign: 'right' }}>{t('sales.columns.fees')}</span>
            </Box>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 1000 }}>
              {virtualRows.map((v) => {
                const row = rowAt(v.index);
                const place: CSSProperties = {
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: v.size,
                  transform: `translateY(${v.start}px)`,
                };
                if (!row) {
                  return (
                    <div key={v.key} style={{ ...place, padding: '6px 12px' }}>
                      <Skeleton h={ROW_HEIGHT - 12} />
                    </div>
                  );
                }
                return (
                  <Box
                    key={v.key}
                    className="rb-table-row"
                    data-reference={row.reference}
                    role="row"
                    style={{
                      ...place,
                      ...gridRow,
                      cursor: 'pointer',
                      borderBottom: '1px solid var(--mantine-color-default-border)',
                    }}
                    onClick={() => navigate({ page: 'item', itemId: row.itemId })}
                  >
                    <Text fz="sm" className="rb-num">
                      {f.date(row.soldAt)}
                    </Text>
                    <div style={{ minWidth: 0 }}>
                      <Text fz="sm" fw={500} truncate="end">
                        {row.title}
                      </Text>
                      <Text fz="xs" c="dimmed" ff="monospace" truncate="end">
                        {row.reference} · {row.merchantName}
                      </Text>
                    </div>
                    <Group gap={4} wrap="nowrap">
                      <Text fz="sm" truncate="end">
                        {t(`channelsShort.${row.channel}`)}
                      </Text>
                      {row.kind !== 'sale' ? (
                        <Badge size="xs" color="red" variant="light">
                          {t(`saleKinds.${row.kind}`)}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text ff="monospace" fz="xs" truncate="end">
                      {row.orderId}
                    </Text>
                    <Text fz="sm" truncate="end" title={row.buyerCountry ?? undefined}>
                      {row.buyerCountry ? f.country(row.buyerCountry) : '—'}
                    </Text>
                    <Text fz="sm" ta="right" className="rb-num" fw={600}>
                      {f.money(row.priceCents, row.currency)}
                    </Text>
                    <Text fz="sm" ta="right" className="rb-num">
                      {f.money(row.shippingCents, row.currency)}
                    </Text>
                    <Text fz="sm" ta="right" className="rb-num">
                      {row.feesEstimated ? (
                        <Tooltip label={t('sales.estimated')} multiline w={240}>
                          <Text span fz="sm" c="dimmed">
                            ≈ {f.money(row.feesCents, row.currency)}
                          </Text>
                        </Tooltip>
                      ) : (
                        f.money(row.feesCents, row.currency)
                      )}
                    </Text>
                  </Box>
                );
              })}
            </div>
          </Box>
          <Box
            data-testid="sales-totals"
            style={{
              borderTop: '2px solid var(--mantine-color-default-border)',
              overflowX: 'auto',
              flex: 'none',
            }}
          >
            {first.data.totals.map((sum) => (
              <Box key={sum.currency} style={{ ...gridRow, height: 36 }} fz="sm" fw={600}>
                <span style={{ gridColumn: '1 / span 5' }}>
                  {t('sales.totals', { currency: sum.currency })} ·{' '}
                  <Text span fz="sm" c="dimmed" fw={400}>
                    {t('sales.salesCount', { count: sum.count })}
                  </Text>
                </span>
                <span
                  className="rb-num"
                  style={{ textAlign: 'right' }}
                  data-testid={`total-price-${sum.currency}`}
                >
                  {f.money(sum.priceCents, sum.currency)}
                </span>
                <span className="rb-num" style={{ textAlign: 'right' }}>
                  {f.money(sum.shippingCents, sum.currency)}
                </span>
                <span className="rb-num" style={{ textAlign: 'right' }}>
                  {f.money(sum.feesCents, sum.currency)}
                </span>
              </Box>
            ))}
            <Text fz="xs" c="dimmed" px={12} py={4}>
              {t('books.rowsInLedger', { count: total, total: f.number(total) })}
            </Text>
          </Box>
        </Paper>
      )}
    </div>
  );
}
