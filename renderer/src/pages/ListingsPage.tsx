import { Button, EmptyState, Pagination, SegmentedControl, Table, Text } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LISTABLE_STATUSES } from '../../../shared/contract';
import { useCall } from '../api/hooks';
import { GradeBadge, ListingPills, StatusBadge } from '../components/badges';
import { ErrorAlert, LoadingBlock, PageHeader, TablePanel } from '../components/common';
import { Photo } from '../components/Photo';
import { useFormat } from '../format';
import { navigate, routeHref } from '../state/router';

type Filter = 'all' | (typeof LISTABLE_STATUSES)[number];
const PAGE_SIZE = 100;

export function ListingsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const list = useCall('listings.list', {
    statuses: filter === 'all' ? undefined : [filter],
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const counts = useCall('items.counts', {});
  const by = counts.data?.byStatus ?? {};
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  return (
    <div className="rb-page" data-testid="page-listings">
      <PageHeader title={t('nav.listings')} subtitle={t('listings.subtitle')}>
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            setPage(1);
          }}
          data-testid="listings-filter"
          data={[
            {
              value: 'all',
              label: `${t('common.all')} · ${f.number((by.approved ?? 0) + (by.listed ?? 0) + (by.sold ?? 0))}`,
            },
            { value: 'approved', label: `${t('listings.filterReady')} · ${f.number(by.approved ?? 0)}` },
            { value: 'listed', label: `${t('listings.filterListed')} · ${f.number(by.listed ?? 0)}` },
            { value: 'sold', label: `${t('listings.filterSold')} · ${f.number(by.sold ?? 0)}` },
          ]}
        />
      </PageHeader>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingBlock />
      ) : list.data.total === 0 ? (
        <EmptyState
          mt={80}
          variant="light"
          icon={<IconTag size={26} />}
          title={t('listings.emptyTitle')}
          description={t('listings.emptyHint')}
          data-testid="listings-empty"
        >
          <EmptyState.Actions>
            <Button size="xs" variant="default" component="a" href={routeHref({ page: 'approvals' })}>
              {t('listings.goToApprovals')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <TablePanel
          footer={
            <>
              <Text fz="xs" c="dimmed">
                {t('common.showing', { shown: list.data.rows.length, total: list.data.total })}
              </Text>
              {pages > 1 ? <Pagination size="sm" total={pages} value={page} onChange={setPage} /> : null}
            </>
          }
        >
          <Table stickyHeader highlightOnHover layout="fixed" miw={900} data-testid="listings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60} />
                <Table.Th>{t('listings.columns.item')}</Table.Th>
                <Table.Th w={200}>{t('listings.columns.grade')}</Table.Th>
                <Table.Th w={190}>{t('listings.columns.status')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('listings.columns.price')}
                </Table.Th>
                <Table.Th w={300}>{t('listings.columns.channels')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  className="rb-table-row"
                  data-reference={row.reference}
                  onClick={() => navigate({ page: 'item', itemId: row.id })}
                >
                  <Table.Td py={4}>
                    <Photo hash={row.mainPhotoHash} size={40} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" fw={500} truncate="end">
                      {row.title}
                    </Text>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {row.reference} · {row.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <GradeBadge grade={row.grade} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td ta="right" className="rb-num" fw={600}>
                    {row.proposedCents !== null ? f.money(row.proposedCents, row.currency) : '—'}
                  </Table.Td>
                  <Table.Td onClick={(event) => event.stopPropagation()} style={{ cursor: 'default' }}>
                    <ListingPills listings={row.listings} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablePanel>
      )}
    </div>
  );
}
