import {
  Anchor,
  Button,
  Checkbox,
  EmptyState,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconRefresh, IconTag, IconUpload } from '@tabler/icons-react';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LISTABLE_STATUSES, ListingRow } from '../../../shared/contract';
import { useCall } from '../api/hooks';
import { GradeBadge, StatusBadge } from '../components/badges';
import { useListingActions, usePublishPermission } from '../components/listings/actions';
import { ChannelStates } from '../components/listings/ChannelStates';
import { PublishModal, type PublishTarget } from '../components/listings/PublishModal';
import { RowMenu, type RowActions } from '../components/listings/RowMenu';
import { ErrorAlert, LoadingBlock, PageHeader, TablePanel } from '../components/common';
import { Photo } from '../components/Photo';
import { useFormat } from '../format';
import { navigate, routeHref } from '../state/router';

type Filter = 'all' | (typeof LISTABLE_STATUSES)[number];
const PAGE_SIZE = 100;

/** Who the selected items belong to, kept with the selection so it survives paging. */
type Selection = ReadonlyMap<number, { readonly merchantId: number; readonly merchantName: string }>;

const Row = memo(function Row({
  row,
  selected,
  mayPublish,
  actions,
  onToggle,
}: {
  row: ListingRow;
  selected: boolean;
  mayPublish: boolean;
  actions: RowActions;
  onToggle: (row: ListingRow) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.Tr
      className="rb-table-row"
      data-reference={row.reference}
      data-selected={selected || undefined}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
      onClick={() => navigate({ page: 'item', itemId: row.id })}
    >
      <Table.Td onClick={(event) => event.stopPropagation()} style={{ cursor: 'default' }}>
        <Checkbox
          size="xs"
          aria-label={t('publishing.selectRow', { reference: row.reference })}
          data-testid="row-select"
          checked={selected}
          onChange={() => onToggle(row)}
        />
      </Table.Td>
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
        <ChannelStates
          listings={row.listings}
          reference={row.reference}
          mayAct={mayPublish}
          onRetry={actions.retry}
        />
      </Table.Td>
      <Table.Td onClick={(event) => event.stopPropagation()} style={{ cursor: 'default' }} px={4}>
        <RowMenu row={row} mayPublish={mayPublish} actions={actions} />
      </Table.Td>
    </Table.Tr>
  );
});

export function ListingsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [selection, setSelection] = useState<Selection>(new Map());
  const [target, setTarget] = useState<PublishTarget | null>(null);
  const permission = usePublishPermission();
  const actions = useListingActions();
  const list = useCall('listings.list', {
    statuses: filter === 'all' ? undefined : [filter],
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const counts = useCall('items.counts', {});
  const by = counts.data?.byStatus ?? {};
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const rows = list.data?.rows;

  const rowActions = useMemo<RowActions>(
    () => ({ publish: actions.publish, retry: actions.retry, buy: actions.buy }),
    [actions.publish, actions.retry, actions.buy],
  );
  const toggle = useMemo(
    () => (row: ListingRow) =>
      setSelection((current) => {
        const next = new Map(current);
        if (next.has(row.id)) next.delete(row.id);
        else next.set(row.id, { merchantId: row.merchantId, merchantName: row.merchantName });
        return next;
      }),
    [],
  );
  const onPage = rows ?? [];
  const selectedOnPage = onPage.filter((row) => selection.has(row.id)).length;
  const allOnPage = onPage.length > 0 && selectedOnPage === onPage.length;
  const toggleAll = () =>
    setSelection((current) => {
      const next = new Map(current);
      for (const row of onPage) {
        if (allOnPage) next.delete(row.id);
        else next.set(row.id, { merchantId: row.merchantId, merchantName: row.merchantName });
      }
      return next;
    });
  // Listings on their way (queued or being published) on this page: the progress of a publish.
  const underWay = onPage.reduce(
    (n, row) => n + row.listings.filter((l) => l.status === 'queued' || l.status === 'working').length,
    0,
  );

  const openPublish = () => {
    const merchants = new Map<number, string>();
    for (const value of selection.values()) merchants.set(value.merchantId, value.merchantName);
    setTarget({
      itemIds: [...selection.keys()],
      merchants: [...merchants].map(([id, name]) => ({ id, name })),
    });
  };
  const publishButton = (
    <Button
      size="xs"
      leftSection={<IconUpload size={14} />}
      disabled={selection.size === 0 || !permission.allowed}
      onClick={openPublish}
      data-testid="publish-selected"
    >
      {selection.size > 0
        ? t('publishing.publishSelected', { count: selection.size })
        : t('publishing.publish')}
    </Button>
  );

  return (
    <div className="rb-page" data-testid="page-listings">
      <PageHeader title={t('nav.listings')} subtitle={t('listings.subtitle')}>
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            setPage(1);
            setSelection(new Map());
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
        <Tooltip label={t('publishing.checkSalesHint')} multiline maw={280}>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            loading={actions.syncing}
            onClick={actions.sync}
            data-testid="check-sales"
          >
            {t('publishing.checkSales')}
          </Button>
        </Tooltip>
        {permission.allowed ? (
          <Tooltip label={t('publishing.publishSelectedHint')} disabled={selection.size === 0}>
            {publishButton}
          </Tooltip>
        ) : (
          <Tooltip
            label={t('publishing.cannotPublish', {
              role: permission.role ? t(`roles.${permission.role}`) : '—',
            })}
            multiline
            maw={300}
          >
            <span>{publishButton}</span>
          </Tooltip>
        )}
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
              <Group gap="md">
                <Text fz="xs" c="dimmed">
                  {t('common.showing', { shown: list.data.rows.length, total: list.data.total })}
                </Text>
                {selection.size > 0 ? (
                  <Group gap={6}>
                    <Text fz="xs" fw={600} data-testid="selection-count">
                      {t('publishing.selected', { count: selection.size })}
                    </Text>
                    <Anchor component="button" fz="xs" onClick={() => setSelection(new Map())}>
                      {t('publishing.clearSelection')}
                    </Anchor>
                  </Group>
                ) : null}
                {underWay > 0 ? (
                  <Group gap={6} data-testid="publish-progress">
                    <Loader size={12} />
                    <Text fz="xs" c="dimmed">
                      {t('publishing.inProgress', { count: underWay })}
                    </Text>
                  </Group>
                ) : null}
              </Group>
              {pages > 1 ? <Pagination size="sm" total={pages} value={page} onChange={setPage} /> : null}
            </>
          }
        >
          <Table stickyHeader highlightOnHover layout="fixed" miw={1060} data-testid="listings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    size="xs"
                    aria-label={t('publishing.selectPage')}
                    data-testid="select-page"
                    checked={allOnPage}
                    indeterminate={selectedOnPage > 0 && !allOnPage}
                    onChange={toggleAll}
                  />
                </Table.Th>
                <Table.Th w={60} />
                <Table.Th>{t('listings.columns.item')}</Table.Th>
                <Table.Th w={200}>{t('listings.columns.grade')}</Table.Th>
                <Table.Th w={135}>{t('listings.columns.status')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('listings.columns.price')}
                </Table.Th>
                <Table.Th w={330}>{t('listings.columns.channels')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((row) => (
                <Row
                  key={row.id}
                  row={row}
                  selected={selection.has(row.id)}
                  mayPublish={permission.allowed}
                  actions={rowActions}
                  onToggle={toggle}
                />
              ))}
            </Table.Tbody>
          </Table>
        </TablePanel>
      )}
      <PublishModal
        target={target}
        busy={actions.publishing}
        onClose={() => setTarget(null)}
        onPublish={(itemIds, channels) =>
          actions.publish(itemIds, channels, () => {
            setTarget(null);
            setSelection(new Map());
          })
        }
      />
    </div>
  );
}
