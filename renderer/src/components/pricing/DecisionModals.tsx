import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRow, PriceProposal, RejectReason } from '../../../../shared/contract';
import { REJECT_REASONS } from '../../../../shared/contract/pricing';
import { errorMessage } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { useFormat } from '../../format';
import { AmountInput } from '../AmountInput';
import { ErrorAlert, Keys } from '../common';
import { PriceTrace } from '../item';
import type { Defer } from '../UndoNotice';

/** Typed price in a modal, with the trace the engine would store for it, live. */
export function AdjustModal({
  row,
  opened,
  onClose,
}: {
  row: ApprovalRow | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!row) return null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{t('pricing.adjustTitle', { reference: row.reference })}</Text>}
      size="lg"
      data-testid="adjust-modal"
    >
      {/* Mounted afresh for each opening, so the form starts from the current proposal. */}
      {opened ? <AdjustForm key={row.priceId} row={row} onClose={onClose} /> : null}
    </Modal>
  );
}

function AdjustForm({ row, onClose }: { row: ApprovalRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [cents, setCents] = useState<number | null>(row.proposedCents);
  const [note, setNote] = useState('');
  const [debounced] = useDebouncedValue(cents, 200);
  const adjust = useCallMutation('approvals.adjust');

  const item = useCall('items.get', { id: row.itemId });
  const policy = useCall('pricing.policy.get', { merchantId: row.merchantId });
  const facts = item.data
    ? {
        grade: item.data.grade ?? 'used',
        packaging: item.data.packaging ?? 'opened_intact',
        accessoriesMissing: item.data.accessoriesMissing,
        defects: item.data.defects.map((d) => ({ kind: d.kind, severity: d.severity })),
        functionalTest: item.data.functionalTest,
        factoryReset: item.data.factoryReset,
        cleaned: item.data.cleaned,
        repackaged: item.data.repackaged,
      }
    : null;
  const lang = i18n.language === 'fr' || i18n.language === 'de' ? i18n.language : 'en';
  const preview = useCall(
    'pricing.preview',
    {
      merchantId: row.merchantId,
      policy: policy.data?.policy ?? {},
      facts: facts ?? {
        grade: 'used',
        packaging: 'opened_intact',
        accessoriesMissing: [],
        defects: [],
        functionalTest: 'passed',
        factoryReset: false,
        cleaned: false,
        repackaged: false,
      },
      originalCents: row.originalCents,
      ...(debounced !== null ? { manualCents: debounced } : {}),
      lang,
    },
    { enabled: facts !== null && policy.data !== undefined && debounced !== null },
  );

  const result = preview.data?.ok ? preview.data.result : null;
  const previewPrice: PriceProposal | null = result
    ? {
        id: 0,
        originalCents: result.originalCents,
        proposedCents: result.proposedCents,
        floorCents: result.floorCents,
        netCents: result.netCents,
        steps: result.steps,
        decision: 'adjusted',
        decidedBy: null,
        createdAt: '',
      }
    : null;
  const belowFloor = cents !== null && cents < row.floorCents;

  const submit = () => {
    if (cents === null) return;
    adjust.mutate(
      { itemId: row.itemId, priceId: row.priceId, priceCents: cents, ...(note.trim() ? { note } : {}) },
      { onSuccess: onClose },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <AmountInput
          label={t('pricing.newPrice', { currency: row.currency })}
          description={t('pricing.newPriceHint', {
            proposed: f.money(row.proposedCents, row.currency),
            floor: f.money(row.floorCents, row.currency),
          })}
          initialCents={row.proposedCents}
          onChange={setCents}
          required
          withAsterisk={false}
          data-autofocus
          data-testid="adjust-price"
        />
        {belowFloor ? (
          <Alert color="orange" icon={<IconAlertTriangle size={16} />} data-testid="below-floor">
            {t('pricing.belowFloor', { floor: f.money(row.floorCents, row.currency) })}
          </Alert>
        ) : null}
        <Textarea
          label={t('pricing.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={1}
          maxLength={500}
        />
        <Text fz="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
          {t('pricing.previewTrace')}
        </Text>
        {preview.error ? <ErrorAlert error={preview.error} /> : null}
        {previewPrice ? (
          // Dimmed while the typed price has not reached the preview yet, so it never reads as final.
          <div
            style={{ opacity: debounced === cents && !preview.isFetching ? 1 : 0.5 }}
            data-testid="adjust-preview"
            data-ready={debounced === cents && !preview.isFetching}
          >
            <PriceTrace price={previewPrice} currency={row.currency} />
          </div>
        ) : null}
        {adjust.error ? (
          <Alert color="red" role="alert">
            {errorMessage(adjust.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('pricing.cancel')}
          </Button>
          <Button
            type="submit"
            disabled={cents === null}
            loading={adjust.isPending}
            data-testid="adjust-submit"
            rightSection={<Keys keys={['Enter']} />}
          >
            {t('pricing.adjustSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Why the merchant does not want this price, and what happens to the item instead. The rejection
 * is handed to `deferAction` of the screen that opened the modal, so it waits with an Undo after
 * the modal has closed.
 */
export function RejectModal({
  row,
  opened,
  onClose,
  deferAction,
}: {
  row: ApprovalRow | null;
  opened: boolean;
  onClose: () => void;
  deferAction: Defer;
}) {
  const { t } = useTranslation();
  if (!row) return null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{t('pricing.rejectTitle', { reference: row.reference })}</Text>}
      data-testid="reject-modal"
    >
      {opened ? <RejectForm key={row.priceId} row={row} onClose={onClose} deferAction={deferAction} /> : null}
    </Modal>
  );
}

function RejectForm({
  row,
  onClose,
  deferAction,
}: {
  row: ApprovalRow;
  onClose: () => void;
  deferAction: Defer;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<RejectReason>('regrade');
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        deferAction({
          method: 'approvals.reject',
          input: { itemId: row.itemId, priceId: row.priceId, reason, ...(note.trim() ? { note } : {}) },
          keys: [`item:${row.itemId}`],
          waiting: (say) => say('undo.rejecting', { reference: row.reference }),
          done: (say) => say('pricing.phone.rejected', { reference: row.reference }),
        });
        onClose();
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          value={reason}
          onChange={(value) => setReason(value as RejectReason)}
          label={t('pricing.rejectReason')}
        >
          <Stack gap={8} mt={6}>
            {REJECT_REASONS.map((r) => (
              <Radio
                key={r}
                value={r}
                label={t(`pricing.reasons.${r}`)}
                description={t(`pricing.reasonHints.${r}`)}
                data-testid={`reject-${r}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('pricing.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={1}
          maxLength={500}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('pricing.cancel')}
          </Button>
          <Button type="submit" color="red" data-testid="reject-submit">
            {t('pricing.rejectSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
