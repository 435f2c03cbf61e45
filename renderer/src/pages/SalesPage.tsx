import { Badge, EmptyState, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/hooks';
import { ErrorAlert, LoadingBlock, PageHeader, TablePanel } from '../components/common';
import { useFormat } from '../format';
import { navigate } from '../state/router';

export function SalesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [month, setMonth] = useState<string | null>(null);
  const sales = useCall('sales.list', { month: month ?? undefined, limit: 1000 });
  // The month list comes from the unfiltered ledger, so choosing a month never empties it.
  const all = useCall('sales.list', { limit: 1 });
  const months = all.data?.months ?? [];

  return (
    <div className="rb-page" data-testid="page-sales">
      <PageHeader title={t('nav.sales')} subtitle={t('sales.subtitle')}>
        <Select
          w={200}
          size="xs"
          aria-label={t('sales.month')}
          data-testid="sales-month"
          value={month ?? 'all'}
          onChange={(value) => setMonth(value === 'all' || value === null ? null : value)}
          data={[
            { value: 'all', label: t('sales.allMonths') },
            ...months.map((m) => ({ value: m, label: f.month(m) })),
          ]}
        />
      </PageHeader>
      {sales.error ? (
        <ErrorAlert error={sales.error} onRetry={() => void sales.refetch()} />
      ) : !sales.data ? (
        <LoadingBlock />
      ) : sales.data.total === 0 ? (
        <EmptyState
          mt={80}
          variant="light"
          icon={<IconReceipt2 size={26} />}
          title={t('sales.emptyTitle')}
          description={month ? t('sales.emptyMonth') : t('sales.emptyHint')}
          data-testid="sales-empty"
        />
      ) : (
        <TablePanel
          footer={
            <Text fz="xs" c="dimmed">
              {t('common.showing', { shown: sales.data.rows.length, total: sales.data.total })}
            </Text>
          }
        >
          <Table stickyHeader highlightOnHover layout="fixed" miw={960} data-testid="sales-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('sales.columns.date')}</Table.Th>
                <Table.Th>{t('sales.columns.item')}</Table.Th>
                <Table.Th w={170}>{t('sales.columns.channel')}</Table.Th>
                <Table.Th w={120}>{t('sales.columns.order')}</Table.Th>
                <Table.Th w={80}>{t('sales.columns.country')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('sales.columns.price')}
                </Table.Th>
                <Table.Th w={110} ta="right">
                  {t('sales.columns.shipping')}
                </Table.Th>
                <Table.Th w={120} ta="right">
                  {t('sales.columns.fees')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sales.data.rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  className="rb-table-row"
                  data-reference={row.reference}
                  onClick={() => navigate({ page: 'item', itemId: row.itemId })}
                >
                  <Table.Td className="rb-num">{f.date(row.soldAt)}</Table.Td>
                  <Table.Td>
                    <Text fz="sm" fw={500} truncate="end">
                      {row.title}
                    </Text>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {row.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>
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
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {row.orderId}
                  </Table.Td>
                  <Table.Td>{row.buyerCountry ?? '—'}</Table.Td>
                  <Table.Td ta="right" className="rb-num" fw={600}>
                    {f.money(row.priceCents, row.currency)}
                  </Table.Td>
                  <Table.Td ta="right" className="rb-num">
                    {f.money(row.shippingCents, row.currency)}
                  </Table.Td>
                  <Table.Td ta="right" className="rb-num">
                    {row.feesEstimated ? (
                      <Tooltip label={t('sales.estimated')} multiline w={240}>
                        <Text span fz="sm" c="dimmed">
                          ≈ {f.money(row.feesCents, row.currency)}
                        </Text>
                      </Tooltip>
                    ) : (
                      f.money(row.feesCents, row.currency)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot data-testid="sales-totals">
              {sales.data.totals.map((total) => (
                <Table.Tr
                  key={total.currency}
                  style={{ borderTop: '2px solid var(--mantine-color-default-border)' }}
                >
                  <Table.Th colSpan={5}>
                    {t('sales.totals', { currency: total.currency })} ·{' '}
                    <Text span fz="sm" c="dimmed" fw={400}>
                      {t('sales.salesCount', { count: total.count })}
                    </Text>
                  </Table.Th>
                  <Table.Th ta="right" className="rb-num" data-testid={`total-price-${total.currency}`}>
                    {f.money(total.priceCents, total.currency)}
                  </Table.Th>
                  <Table.Th ta="right" className="rb-num">
                    {f.money(total.shippingCents, total.currency)}
                  </Table.Th>
                  <Table.Th ta="right" className="rb-num">
                    {f.money(total.feesCents, total.currency)}
                  </Table.Th>
                </Table.Tr>
              ))}
            </Table.Tfoot>
          </Table>
        </TablePanel>
      )}
    </div>
  );
}
