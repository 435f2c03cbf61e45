import {
  Alert,
  Box,
  Button,
  Checkbox,
  Drawer,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChecks, IconExternalLink, IconLock, IconPencil, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalQueueInput, ApprovalRow, Me } from '../../../shared/contract';
import { GRADES, type Grade } from '../../../shared/domain/grades';
import { renderMessage } from '../../../shared/messages/render';
import { useLanguage } from '../i18n';
import { useCall } from '../api/hooks';
import { GradeBadge } from '../components/badges';
import {
  ErrorAlert,
  LoadingBlock,
  PageHeader,
  SectionTitle,
  ShortcutTooltip,
  TablePanel,
} from '../components/common';
import {
  DefectsTable,
  GradingFacts,
  PriceSummary,
  PriceTrace,
  ReturnFacts,
  stepLabel,
} from '../components/item';
import { Photo } from '../components/Photo';
import { PhotoViewer } from '../components/PhotoViewer';
import { KeyHints } from '../components/KeyHints';
import { AdjustModal, RejectModal } from '../components/pricing/DecisionModals';
import { useDeferredAction, usePendingKeys } from '../components/UndoNotice';
import { useFormat } from '../format';
import { useMay, useMe } from '../state/me';
import { PhoneQueue } from '../components/pricing/PhoneQueue';
import { mayCall, reachesMerchant } from '../../../shared/access';
import { navigate, routeHref } from '../state/router';
import type { z } from 'zod';

/** Discount ranges offered as filters, in basis points (inclusive). */
const DISCOUNT_RANGES = {
  upTo20: { maxDiscountBp: 2000 },
  from20to40: { minDiscountBp: 2000, maxDiscountBp: 4000 },
  over40: { minDiscountBp: 4000 },
} as const;
type DiscountRange = keyof typeof DISCOUNT_RANGES;
const AGES = { day: 1, week: 7 } as const;
type Age = keyof typeof AGES;

/** Whether `me` may decide on a row of this merchant: the access rule's role and merchant scope. */
export function mayDecide(me: Me | null, merchantId: number): boolean {
  return me !== null && mayCall(me, 'approvals.approve') && reachesMerchant(me, merchantId);
}

/**
 * The approval queue: a table with a drawer and keys at a desk, one card per item on a phone
 * (the merchant approving from wherever they are) when they may decide.
 */
export function ApprovalsPage({ itemId }: { itemId?: number | undefined }) {
  const phone = useMediaQuery('(max-width: 40em)');
  const deciding = useMay('approvals.approve');
  if (phone && deciding) return <PhoneQueue />;
  return <DeskQueue itemId={itemId} />;
}

function DeskQueue({ itemId }: { itemId?: number | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const language = useLanguage();
  const [grade, setGrade] = useState<Grade | null>(null);
  const [range, setRange] = useState<DiscountRange | null>(null);
  const [age, setAge] = useState<Age | null>(null);
  const [merchantId, setMerchantId] = useState<number | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [picked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [modal, setModal] = useState<'adjust' | 'reject' | null>(null);

  const me = useMe();
  // The merchants this person may see (the service narrows an approver's list to their own).
  const merchants = useCall('merchants.list', {});

  const filters: z.input<typeof ApprovalQueueInput> = {
    ...(merchantId !== null ? { merchantId } : {}),
    ...(grade ? { grade } : {}),
    ...(range ? DISCOUNT_RANGES[range] : {}),
    ...(age ? { minAgeDays: AGES[age] } : {}),
  };
  const list = useCall('approvals.list', filters);
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const index = Math.max(
    0,
    rows.findIndex((row) => row.itemId === (itemId ?? selectedId)),
  );
  const current = rows[index];
  const drawerOpen = itemId !== undefined;
  const drawerRow = drawerOpen ? rows.find((r) => r.itemId === itemId) : undefined;
  const actionRow = drawerOpen ? drawerRow : current;
  const canAct = actionRow ? mayDecide(me, actionRow.merchantId) : false;
  const mayDecideAny = me !== null && mayCall(me, 'approvals.approve');

  const deferAction = useDeferredAction();
  const pending = usePendingKeys();
  const isPending = (row: ApprovalRow) => pending.has(`item:${row.itemId}`);

  // Checked items that have left the queue (decided elsewhere) drop out of the selection.
  const checked = useMemo(() => {
    const ids = new Set(rows.map((r) => r.itemId));
    return new Set([...picked].filter((id) => ids.has(id)));
  }, [rows, picked]);

  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  useEffect(() => {
    if (current) rowRefs.current.get(current.itemId)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const move = (delta: number) => {
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + delta))];
    if (!next) return;
    setSelectedId(next.itemId);
    // With the drawer open, j/k page through the queue inside it.
    if (drawerOpen) navigate({ page: 'approvals', itemId: next.itemId }, { replace: true });
  };
  const open = (row: ApprovalRow | undefined) => {
    if (!row) return;
    setSelectedId(row.itemId);
    navigate({ page: 'approvals', itemId: row.itemId });
  };
  const toggle = (row: ApprovalRow | undefined) => {
    if (!row) return;
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(row.itemId)) next.delete(row.itemId);
      else next.add(row.itemId);
      return next;
    });
  };
  const approveRow = (row: ApprovalRow | undefined) => {
    if (!row || !mayDecide(me, row.merchantId) || isPending(row)) return;
    // The next undecided item is selected at once (the approved one waits for its Undo), so A, A,
    // A walks down the queue.
    const after = rows.slice(index + 1).find((r) => r.itemId !== row.itemId && !isPending(r));
    const next =
      after ??
      rows
        .slice(0, index)
        .reverse()
        .find((r) => !isPending(r));
    deferAction({
      method: 'approvals.approve',
      input: { itemId: row.itemId, priceId: row.priceId },
      keys: [`item:${row.itemId}`],
      waiting: (say) => say('undo.approving', { reference: row.reference }),
      done: (say) => say('pricing.approved', { reference: row.reference }),
    });
    if (next) setSelectedId(next.itemId);
    if (drawerOpen) navigate(next ? { page: 'approvals', itemId: next.itemId } : { page: 'approvals' });
  };
  const approveChecked = () => {
    const itemIds = [...checked].filter((id) => !pending.has(`item:${id}`));
    if (itemIds.length === 0) return;
    deferAction({
      method: 'approvals.approveMany',
      input: { itemIds },
      keys: itemIds.map((id) => `item:${id}`),
      waiting: (say) => say('undo.approvingMany', { count: itemIds.length }),
      done: (say, results) => say('pricing.approvedMany', { count: results.filter((r) => r.ok).length }),
      onSent: (results) => {
        for (const failure of results.filter((r) => !r.ok)) {
          const message = failure.message ?? '';
          notifications.show({
            color: 'orange',
            message: failure.text ? renderMessage(failure.text, language, message) : message,
          });
        }
      },
    });
    setChecked(new Set());
  };
  const hotkeysOn = modal === null;
  useHotkeys(
    hotkeysOn
      ? [
          ['j', () => move(1)],
          ['k', () => move(-1)],
          ['ArrowDown', () => move(1)],
          ['ArrowUp', () => move(-1)],
          ['Enter', () => open(current)],
          ['x', () => toggle(current)],
          ['a', () => approveRow(actionRow)],
          ['e', () => actionRow && canAct && !isPending(actionRow) && setModal('adjust')],
          ['r', () => actionRow && canAct && !isPending(actionRow) && setModal('reject')],
        ]
      : [],
  );

  const waiting = list.data?.waiting ?? 0;
  const oldest = list.data?.oldestWaitingSince ?? null;
  const filtered = grade !== null || range !== null || age !== null || merchantId !== null;
  const merchantChoices = (merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name }));

  const readOnlyNote =
    me && !mayDecideAny ? t('pricing.cannotDecide', { name: me.name, role: t(`roles.${me.role}`) }) : null;

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
        {mayDecideAny ? (
          <ShortcutTooltip label={t('pricing.selectHint')} keys={['X']}>
            <Button
              size="xs"
              leftSection={<IconChecks size={14} />}
              disabled={checked.size === 0}
              onClick={approveChecked}
              data-testid="approve-selected"
            >
              {t('pricing.approveSelected', { count: checked.size })}
            </Button>
          </ShortcutTooltip>
        ) : null}
      </PageHeader>

      {/*
        The filters have a row of their own: beside the title they left the counter a sliver at
        1280 px once French and German placeholders and the merchant filter were there.
      */}
      <Group gap="xs" mb="sm" data-testid="approvals-filters">
        {merchantChoices.length > 1 ? (
          <Select
            w={190}
            size="xs"
            placeholder={t('approvals.anyMerchant')}
            aria-label={t('approvals.filterMerchant')}
            data-testid="approvals-merchant-filter"
            clearable
            searchable
            value={merchantId === null ? null : String(merchantId)}
            onChange={(value) => setMerchantId(value === null ? null : Number(value))}
            data={merchantChoices}
          />
        ) : null}
        <Select
          w={170}
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
        <Select
          w={150}
          size="xs"
          placeholder={t('pricing.anyDiscount')}
          aria-label={t('pricing.filterDiscount')}
          data-testid="approvals-discount-filter"
          clearable
          value={range}
          onChange={(value) => setRange((value as DiscountRange | null) ?? null)}
          data={(Object.keys(DISCOUNT_RANGES) as DiscountRange[]).map((r) => ({
            value: r,
            label: t(`pricing.ranges.${r}`),
          }))}
        />
        <Select
          w={150}
          size="xs"
          placeholder={t('pricing.anyAge')}
          aria-label={t('pricing.filterAge')}
          data-testid="approvals-age-filter"
          clearable
          value={age}
          onChange={(value) => setAge((value as Age | null) ?? null)}
          data={(Object.keys(AGES) as Age[]).map((a) => ({ value: a, label: t(`pricing.ages.${a}`) }))}
        />
      </Group>

      {readOnlyNote ? (
        <Alert color="gray" icon={<IconLock size={16} />} mb="sm" data-testid="approvals-readonly">
          {readOnlyNote}
        </Alert>
      ) : null}

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
          description={filtered ? t('approvals.emptyFilteredHint') : t('approvals.emptyHint')}
          data-testid="approvals-empty"
        />
      ) : (
        <TablePanel
          footer={
            <>
              <Text fz="xs" c="dimmed">
                {t('common.showing', { shown: rows.length, total: waiting })}
              </Text>
              {/* Each key with what it does, in the language shown (renderer/src/components/KeyHints.tsx). */}
              <KeyHints
                hints={[
                  [['J', 'K'], t('approvals.keyHints.move')],
                  [['Enter'], t('approvals.keyHints.open')],
                  ...(mayDecideAny
                    ? ([
                        [['A'], t('pricing.keyHints.approve')],
                        [['E'], t('pricing.keyHints.adjust')],
                        [['R'], t('pricing.keyHints.reject')],
                        [['X'], t('pricing.keyHints.select')],
                      ] as const)
                    : []),
                ]}
              />
            </>
          }
        >
          <Table stickyHeader highlightOnHover layout="fixed" miw={980} data-testid="approvals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th w={56} />
                <Table.Th>{t('approvals.columns.item')}</Table.Th>
                <Table.Th w={150}>{t('approvals.columns.grade')}</Table.Th>
                <Table.Th ta="right" w={190}>
                  {t('approvals.columns.price')}
                </Table.Th>
                <Table.Th ta="right" w={86}>
                  {t('approvals.columns.discount')}
                </Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('pricing.net')}
                </Table.Th>
                <Table.Th ta="right" w={120}>
                  {t('pricing.comparables')}
                </Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('approvals.columns.waiting')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const discount = row.discountBp / 100;
                const why =
                  row.why ??
                  row.steps
                    .filter((s) => s.deltaCents < 0 && s.code !== 'rounding')
                    .map((s) => stepLabel(s, language))
                    .join(' · ');
                return (
                  <Table.Tr
                    key={row.itemId}
                    ref={(el) => {
                      if (el) rowRefs.current.set(row.itemId, el);
                      else rowRefs.current.delete(row.itemId);
                    }}
                    className="rb-table-row"
                    aria-selected={i === index}
                    aria-busy={isPending(row) || undefined}
                    data-reference={row.reference}
                    data-checked={checked.has(row.itemId) || undefined}
                    data-pending={isPending(row) || undefined}
                    style={isPending(row) ? { opacity: 0.45 } : undefined}
                    onClick={() => open(row)}
                  >
                    <Table.Td onClick={(event) => event.stopPropagation()}>
                      {mayDecide(me, row.merchantId) && !isPending(row) ? (
                        <Checkbox
                          size="xs"
                          aria-label={t('pricing.select', { reference: row.reference })}
                          checked={checked.has(row.itemId)}
                          onChange={() => toggle(row)}
                        />
                      ) : null}
                    </Table.Td>
                    <Table.Td py={4}>
                      <Photo hash={row.mainPhotoHash} size={40} />
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" fw={500} truncate="end">
                        {row.title}
                      </Text>
                      <Text fz="xs" c="dimmed" truncate="end" title={why}>
                        <Text span ff="monospace" fz="xs">
                          {row.reference}
                        </Text>
                        {why ? ` · ${why}` : ''}
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
                        {f.money(row.proposedCents, row.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num">
                      <Text span fz="sm" c={discount >= 40 ? 'orange.8' : undefined} fw={500}>
                        {t('approvals.discountOf', { percent: f.decimal(discount) })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num">
                      <Text span fz="sm">
                        {f.money(row.netCents, row.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="rb-num">
                      {row.comparables.count > 0 && row.comparables.medianCents !== null ? (
                        <Tooltip label={t('pricing.comparablesHint', { count: row.comparables.count })}>
                          <Text span fz="sm">
                            {f.money(row.comparables.medianCents, row.currency)}
                            <Text span fz="xs" c="dimmed">
                              {` (${row.comparables.count})`}
                            </Text>
                          </Text>
                        </Tooltip>
                      ) : (
                        <Text span c="dimmed" fz="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" c="dimmed" className="rb-num">
                      {f.since(row.waitingSince)}
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
        size="lg"
        title={
          drawerRow && drawerOpen ? (
            <Text fw={600}>{t('approvals.drawerTitle', { reference: drawerRow.reference })}</Text>
          ) : null
        }
        data-testid="approval-drawer"
      >
        {itemId !== undefined ? (
          <Stack gap="md">
            {drawerRow ? (
              <DecisionBar
                canAct={canAct}
                me={me}
                row={drawerRow}
                busy={isPending(drawerRow)}
                onApprove={() => approveRow(drawerRow)}
                onAdjust={() => setModal('adjust')}
                onReject={() => setModal('reject')}
              />
            ) : null}
            <ApprovalDetails itemId={itemId} />
          </Stack>
        ) : null}
      </Drawer>
      <AdjustModal row={actionRow ?? null} opened={modal === 'adjust'} onClose={() => setModal(null)} />
      <RejectModal
        row={actionRow ?? null}
        opened={modal === 'reject'}
        onClose={() => setModal(null)}
        deferAction={deferAction}
      />
    </div>
  );
}

/** Approve / adjust / reject, or why this profile may not. */
function DecisionBar({
  canAct,
  me,
  row,
  busy,
  onApprove,
  onAdjust,
  onReject,
}: {
  canAct: boolean;
  me: Me | null;
  row: ApprovalRow;
  busy: boolean;
  onApprove: () => void;
  onAdjust: () => void;
  onReject: () => void;
}) {
  const { t } = useTranslation();
  if (!canAct) {
    const reason = !me
      ? t('pricing.noProfile')
      : me.role === 'approver'
        ? t('pricing.otherMerchant', { name: me.name, merchant: row.merchantName })
        : t('pricing.cannotDecide', { name: me.name, role: t(`roles.${me.role}`) });
    return (
      <Alert color="gray" icon={<IconLock size={16} />} data-testid="decision-refused">
        {reason}
      </Alert>
    );
  }
  return (
    <Paper p="sm" data-testid="decision-bar">
      <Group gap="xs" wrap="nowrap">
        <ShortcutTooltip label={t('pricing.approve')} keys={['A']}>
          <Button
            leftSection={<IconCheck size={16} />}
            onClick={onApprove}
            loading={busy}
            data-testid="approve"
          >
            {t('pricing.approve')}
          </Button>
        </ShortcutTooltip>
        <ShortcutTooltip label={t('pricing.adjust')} keys={['E']}>
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            disabled={busy}
            onClick={onAdjust}
            data-testid="adjust"
          >
            {t('pricing.adjust')}
          </Button>
        </ShortcutTooltip>
        <ShortcutTooltip label={t('pricing.reject')} keys={['R']}>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconX size={16} />}
            disabled={busy}
            onClick={onReject}
            data-testid="reject"
          >
            {t('pricing.reject')}
          </Button>
        </ShortcutTooltip>
      </Group>
    </Paper>
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
