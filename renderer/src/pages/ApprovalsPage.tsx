import {
  Badge,
  Box,
  Button,
  Drawer,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconChecks, IconExternalLink } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSummary } from '../../../shared/contract';
import { GRADES, type Grade } from '../../../shared/domain/grades';
import { useCall } from '../api/hooks';
import { GradeBadge } from '../components/badges';
import {
  ErrorAlert,
  Keys,
  LoadingBlock,
  PageHeader,
  SectionTitle,
  ShortcutTooltip,
  TablePanel,
} from '../components/common';
import { DefectsTable, GradingFacts, PriceSummary, PriceTrace, ReturnFacts } from '../components/item';
import { Photo } from '../components/Photo';
import { PhotoViewer } from '../components/PhotoViewer';
import { useFormat } from '../format';
import { navigate, routeHref } from '../state/router';

/** The approval queue is bounded by what merchants can review; more than this is paged later. */
const LIMIT = 500;

export function ApprovalsPage({ itemId }: { itemId?: number | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [grade, setGrade] = useState<Grade | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const counts = useCall('items.counts', {});
  const list = useCall('items.list', {
    statuses: ['awaiting_approval'],
    grades: grade ? [grade] : undefined,
    sort: 'received_asc',
    limit: LIMIT,
  });
  const rows = list.data?.rows ?? [];
  const index = Math.max(
    0,
    rows.findIndex((row) => row.id === (itemId ?? selectedId)),
  );
  const current = rows[index];
  const drawerOpen = itemId !== undefined;

  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  useEffect(() => {
    if (current) rowRefs.current.get(current.id)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const move = (delta: number) => {
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + delta))];
    if (!next) return;
    setSelectedId(next.id);
    // With the drawer open, j/k page through the queue inside it.
    if (drawerOpen) navigate({ page: 'approvals', itemId: next.id }, { replace: true });
  };
  const open = (row: ItemSummary | undefined) => {
    if (!row) return;
    setSelectedId(row.id);
    navigate({ page: 'approvals', itemId: row.id });
  };
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    ['ArrowDown', () => move(1)],
    ['ArrowUp', () => move(-1)],
    ['Enter', () => open(current)],
  ]);

  const waiting = counts.data?.byStatus.awaiting_approval ?? 0;
  const oldest = counts.data?.oldestAwaitingApproval ?? null;

  return (
    <div className="rb-page" data-testid="page-approvals">
      <PageHeader
        title={t('nav.approvals')}
        subtitle={
          <span data-testid="approvals-counter">
            {t('approvals.waiting', { count: waiting })}
            {waiting > 0 && oldest ? ` · ${t('approvals.oldest', { age: f.since(oldest) })}` : ''}
          </span>
        }
      >
        <Select
          w={200}
          size="xs"
          placeholder={t('common.anyGrade')}
          aria-label={t('intake.filterGrade')}
          data-testid="approvals-grade-filter"
          clearable
          allowDeselect
          value={grade}
          onChange={(value) => setGrade((value as Grade | null) ?? null)}
          data={GRADES.filter((g) => g !== 'defective').map((g) => ({ value: g, label: t(`grades.${g}`) }))}
        />
      </PageHeader>

      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingBlock />
      ) : rows.length === 0 ? (
        <EmptyState
          mt={80}
          variant="light"
          icon={<IconChecks size={26} />}
          title={t('approvals.emptyTitle')}
          description={grade ? t('approvals.emptyFilteredHint') : t('approvals.emptyHint')}
          data-testid="approvals-empty"
        />
      ) : (
        <TablePanel
          footer={
            <>
              <Text fz="xs" c="dimmed">
                {t('common.showing', { shown: rows.length, total: list.data.total })}
              </Text>
              <ShortcutTooltip
                label={`${t('approvals.moveDown')} / ${t('approvals.moveUp')}`}
                keys={['J', 'K']}
              >
                <Group gap={6} wrap="nowrap">
                  <Keys keys={['J', 'K', t('keys.enter')]} />
                  <Text fz="xs" c="dimmed">
                    {t('approvals.keys')}
                  </Text>
                </Group>
              </ShortcutTooltip>
            </>
          }
        >
          <Table stickyHeader highlightOnHover layout="fixed" miw={820} data-testid="approvals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60} />
                <Table.Th>{t('approvals.columns.item')}</Table.Th>
                <Table.Th w={200}>{t('approvals.columns.grade')}</Table.Th>
                <Table.Th ta="right" w={210}>
                  {t('approvals.columns.price')}
                </Table.Th>
                <Table.Th ta="right" w={90}>
                  {t('approvals.columns.discount')}
                </Table.Th>
                <Table.Th ta="right" w={90}>
                  {t('approvals.columns.defects')}
                </Table.Th>
                <Table.Th ta="right" w={120}>
                  {t('approvals.columns.waiting')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const proposed = row.proposedCents;
                const discount = proposed !== null ? f.discountPercent(row.originalCents, proposed) : null;
                return (
                  <Table.Tr
                    key={row.id}
                    ref={(el) => {
                      if (el) rowRefs.current.set(row.id, el);
                      else rowRefs.current.delete(row.id);
                    }}
                    className="rb-table-row"
                    aria-selected={i === index}
                    data-reference={row.reference}
                    onClick={() => open(row)}
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
                    <Table.Td ta="right" className="rb-num">
                      <Text span fz="sm" c="dimmed" td="line-through">
                        {f.money(row.originalCents, row.currency)}
                      </Text>
                      <Text span fz="sm" c="dimmed">
                        {' → '}
                      </Text>
                      <Text span fz="sm" fw={700}>
                        {proposed !== null ? f.money(proposed, row.currency) : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num">
                      {discount !== null ? (
                        <Text span fz="sm" c={discount >= 40 ? 'orange.8' : undefined} fw={500}>
                          {t('approvals.discountOf', { percent: f.decimal(discount) })}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num">
                      {row.defectCount > 0 ? (
                        <Badge size="sm" variant="light" color="gray" circle>
                          {row.defectCount}
                        </Badge>
                      ) : (
                        <Text span c="dimmed" fz="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" c="dimmed" className="rb-num">
                      {f.since(row.receivedAt)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TablePanel>
      )}

      <Drawer
        opened={drawerOpen}
        onClose={() => navigate({ page: 'approvals' })}
        title={
          current && drawerOpen ? (
            <Text fw={600}>{t('approvals.drawerTitle', { reference: current.reference })}</Text>
          ) : null
        }
        data-testid="approval-drawer"
      >
        {itemId !== undefined ? <ApprovalDetails itemId={itemId} /> : null}
      </Drawer>
    </div>
  );
}

function ApprovalDetails({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const item = useCall('items.get', { id: itemId }, { placeholderData: undefined });
  if (item.error) return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <LoadingBlock />;
  const data = item.data;
  return (
    <Stack gap="md" data-testid="approval-details" data-item-reference={data.reference}>
      <Box>
        <Group gap="xs" mb={4}>
          <GradeBadge grade={data.grade} />
          <Text fz="xs" c="dimmed" ff="monospace">
            {data.sku}
          </Text>
        </Group>
        <Text fw={600} fz="lg" lh={1.3}>
          {data.title}
        </Text>
      </Box>
      {data.photos.length > 0 ? (
        <PhotoViewer key={data.id} photos={data.photos} height={300} keyboard />
      ) : null}
      {data.price ? (
        <Paper p="sm">
          <SectionTitle>{t('item.price')}</SectionTitle>
          <PriceSummary item={data} price={data.price} />
          <Text fz="xs" c="dimmed" mt="sm" mb={2} fw={600} tt="uppercase" lts={0.3}>
            {t('item.trace')}
          </Text>
          <PriceTrace price={data.price} currency={data.currency} />
        </Paper>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('item.noPrice')}
        </Text>
      )}
      <DefectsTable item={data} />
      <GradingFacts item={data} />
      <ReturnFacts item={data} />
      <Button
        variant="default"
        component="a"
        href={routeHref({ page: 'item', itemId: data.id })}
        leftSection={<IconExternalLink size={14} />}
      >
        {t('common.openItem')}
      </Button>
    </Stack>
  );
}
