import {
  Badge,
  Box,
  Button,
  Card,
  Collapse,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconCheck, IconChevronDown, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECT_REASONS, type ApprovalRow, type RejectReason } from '../../../../shared/contract/pricing';
import { photoSrc } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useFormat } from '../../format';
import { GradeBadge } from '../badges';
import { ErrorAlert, LoadingBlock } from '../common';
import { PriceTrace } from '../item';
import { useDeferredAction, usePendingKeys, type Defer } from '../UndoNotice';
import { AdjustModal } from './DecisionModals';

/**
 * The merchant's approval queue on a phone (390 px and up, touch): one card per item with its
 * photos full width (swipe sideways), the grade and defects, original → proposed price and the
 * trace folded under it. Approve is one tap; adjust and reject are two (the second confirms the
 * price, or picks what happens to the item). Approving and rejecting wait a few seconds with an
 * Undo before they are sent.
 */
export function PhoneQueue() {
  const { t } = useTranslation();
  const list = useCall('approvals.list', {});
  // Held here rather than in each card: a card may leave the list while its decision waits.
  const deferAction = useDeferredAction();
  const pending = usePendingKeys();
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <LoadingBlock />;
  return (
    <Stack gap="md" p="xs" data-testid="phone-queue">
      <Title order={2} fz="lg">
        {t('pricing.phone.waiting', { count: list.data.rows.length })}
      </Title>
      {list.data.rows.length === 0 ? (
        <Text c="dimmed" data-testid="phone-queue-empty">
          {t('pricing.phone.empty')}
        </Text>
      ) : (
        list.data.rows.map((row) => (
          <PhoneCard
            key={row.priceId}
            row={row}
            pending={pending.has(`item:${row.itemId}`)}
            deferAction={deferAction}
          />
        ))
      )}
    </Stack>
  );
}

function PhoneCard({
  row,
  pending,
  deferAction,
}: {
  row: ApprovalRow;
  pending: boolean;
  deferAction: Defer;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const item = useCall('items.get', { id: row.itemId });
  const [showTrace, setShowTrace] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const photos = (item.data?.photos ?? []).slice().sort((a, b) => a.position - b.position);
  return (
    <Card
      withBorder
      padding={0}
      radius="md"
      data-testid="phone-card"
      data-reference={row.reference}
      data-pending={pending || undefined}
      aria-busy={pending || undefined}
      style={pending ? { opacity: 0.45 } : undefined}
    >
      <Box
        data-testid="phone-photos"
        style={{
          display: 'flex',
          overflowX: 'auto',
          scrollSnapType: 'x mandatory',
          WebkitOverflowScrolling: 'touch',
          aspectRatio: '4 / 3',
          background: 'var(--mantine-color-default-hover)',
        }}
      >
        {photos.length === 0 && row.mainPhotoHash === null ? (
          <Text c="dimmed" m="auto">
            {t('pricing.phone.noPhotos')}
          </Text>
        ) : (
          (photos.length > 0 ? photos.map((p) => p.hash) : [row.mainPhotoHash!]).map((hash, index, all) => (
            <img
              key={hash}
              src={photoSrc(hash, 'listing')}
              alt={t('pricing.phone.photoOf', { n: index + 1, total: all.length, title: row.title })}
              style={{ flex: '0 0 100%', width: '100%', objectFit: 'contain', scrollSnapAlign: 'center' }}
              draggable={false}
            />
          ))
        )}
      </Box>
      <Stack gap={8} p="sm">
        <Box>
          <Text fw={600} lineClamp={2}>
            {row.title}
          </Text>
          <Text fz="xs" c="dimmed">
            {row.reference} · {row.sku}
          </Text>
        </Box>
        <Group gap={4} data-testid="phone-defects">
          <GradeBadge grade={row.grade} />
          {(item.data?.defects ?? []).map((defect) => (
            <Badge key={defect.id} variant="light" color="orange" size="sm">
              {t(`defectKinds.${defect.kind}`)} · {t(`severities.${defect.severity}`)}
            </Badge>
          ))}
        </Group>
        <Group gap="xs" align="baseline">
          <Text td="line-through" c="dimmed" className="rb-num">
            {f.money(row.originalCents, row.currency)}
          </Text>
          <Text fz="xl" fw={700} className="rb-num" data-testid="phone-proposed">
            {f.money(row.proposedCents, row.currency)}
          </Text>
          <Text fz="sm" c="dimmed">
            −{f.percent(row.discountBp / 10_000)}
          </Text>
        </Group>
        {row.why ? (
          <Text fz="sm" lineClamp={2}>
            {row.why}
          </Text>
        ) : null}
        <UnstyledButton onClick={() => setShowTrace((open) => !open)} aria-expanded={showTrace}>
          <Group gap={4}>
            <IconChevronDown size={14} style={{ transform: showTrace ? 'rotate(180deg)' : undefined }} />
            <Text fz="sm" c="dimmed">
              {t('pricing.phone.trace')}
            </Text>
          </Group>
        </UnstyledButton>
        <Collapse expanded={showTrace}>
          {item.data?.price ? <PriceTrace price={item.data.price} currency={row.currency} /> : null}
        </Collapse>
        <Button
          size="lg"
          fullWidth
          mt={4}
          color="green"
          leftSection={<IconCheck size={18} />}
          disabled={pending}
          data-testid="phone-approve"
          onClick={() =>
            deferAction({
              method: 'approvals.approve',
              input: { itemId: row.itemId, priceId: row.priceId },
              keys: [`item:${row.itemId}`],
              waiting: (say) => say('undo.approving', { reference: row.reference }),
              done: (say) => say('pricing.approved', { reference: row.reference }),
            })
          }
        >
          {t('pricing.phone.approve')}
        </Button>
        <SimpleGrid cols={2} spacing="xs">
          <Button
            size="md"
            variant="default"
            leftSection={<IconPencil size={18} />}
            disabled={pending}
            onClick={() => setAdjusting(true)}
            data-testid="phone-adjust"
          >
            {t('pricing.phone.adjust')}
          </Button>
          <Button
            size="md"
            variant="light"
            color="red"
            leftSection={<IconX size={18} />}
            disabled={pending}
            onClick={() => setRejecting(true)}
            data-testid="phone-reject"
          >
            {t('pricing.phone.reject')}
          </Button>
        </SimpleGrid>
      </Stack>
      <AdjustModal row={row} opened={adjusting} onClose={() => setAdjusting(false)} />
      <RejectSheet
        row={row}
        opened={rejecting}
        onClose={() => setRejecting(false)}
        deferAction={deferAction}
      />
    </Card>
  );
}

/** The second tap of a rejection: what should happen to the item instead. */
function RejectSheet({
  row,
  opened,
  onClose,
  deferAction,
}: {
  row: ApprovalRow;
  opened: boolean;
  onClose: () => void;
  deferAction: Defer;
}) {
  const { t } = useTranslation();
  const choose = (reason: RejectReason) => {
    deferAction({
      method: 'approvals.reject',
      input: { itemId: row.itemId, priceId: row.priceId, reason },
      keys: [`item:${row.itemId}`],
      waiting: (say) => say('undo.rejecting', { reference: row.reference }),
      done: (say) => say('pricing.phone.rejected', { reference: row.reference }),
    });
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{t('pricing.rejectTitle', { reference: row.reference })}</Text>}
      data-testid="phone-reject-sheet"
    >
      <Stack gap="xs">
        {REJECT_REASONS.map((reason) => (
          <Button
            key={reason}
            size="md"
            variant="light"
            color={reason === 'destroy' ? 'red' : 'gray'}
            onClick={() => choose(reason)}
            data-reason={reason}
          >
            {t(`pricing.reasons.${reason}`)}
          </Button>
        ))}
      </Stack>
    </Modal>
  );
}
