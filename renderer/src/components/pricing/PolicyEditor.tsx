import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant, PriceProposal } from '../../../../shared/contract';
import {
  FEE_CHANNELS,
  PRICE_ENDINGS,
  policyWarningText,
  type FeeChannel,
  type PriceEnding,
  type PricingPolicy,
} from '../../../../shared/pricing';
import { errorMessage } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n';
import { useMe } from '../../state/me';
import { mayCall, reachesMerchant } from '../../../../shared/access';
import { ErrorAlert, LoadingBlock } from '../common';
import { PriceTrace } from '../item';
import { separatorsOf } from '../../amounts';
import { AmountInput } from '../AmountInput';

/** Grades whose discount the merchant sets (sealed is never discounted, defective never priced). */
const LADDER = ['opened_packaging', 'used', 'lightly_damaged', 'heavily_damaged'] as const;
const SAMPLE_GRADES = ['opened_packaging', 'used', 'lightly_damaged', 'heavily_damaged'] as const;

/**
 * A merchant's pricing policy: the grade ladder, adjustments, floor, ending, auto-approval
 * threshold and channel fees, with the policy's own warnings and a live preview on a sample item.
 * Rates are edited in percent with two decimals and stored as whole basis points.
 */
export function PolicyEditor({ merchants }: { merchants: readonly Merchant[] }) {
  const { t } = useTranslation();
  const me = useMe();
  // The merchants whose policy the server shows this person (shared/access).
  const visible = me ? merchants.filter((m) => reachesMerchant(me, m.id)) : merchants;
  const [merchantId, setMerchantId] = useState<number | null>(null);
  const chosen = visible.find((m) => m.id === merchantId) ?? visible[0];
  if (!chosen) {
    return (
      <Text fz="sm" c="dimmed">
        {t('settings.noMerchants')}
      </Text>
    );
  }
  const mayEdit = me !== null && mayCall(me, 'pricing.policy.update') && reachesMerchant(me, chosen.id);
  return (
    <Stack gap="sm" data-testid="policy-editor">
      {visible.length > 1 ? (
        <Select
          w={280}
          label={t('common.merchant')}
          value={String(chosen.id)}
          allowDeselect={false}
          onChange={(value) => setMerchantId(value ? Number(value) : null)}
          data={visible.map((m) => ({ value: String(m.id), label: m.name }))}
        />
      ) : null}
      {!mayEdit ? (
        <Alert color="gray" icon={<IconLock size={16} />} data-testid="policy-readonly">
          {t('pricing.policy.readOnly')}
        </Alert>
      ) : null}
      <MerchantPolicyForm key={chosen.id} merchant={chosen} mayEdit={mayEdit} />
    </Stack>
  );
}

function MerchantPolicyForm({ merchant, mayEdit }: { merchant: Merchant; mayEdit: boolean }) {
  const stored = useCall('pricing.policy.get', { merchantId: merchant.id });
  if (stored.error) return <ErrorAlert error={stored.error} onRetry={() => void stored.refetch()} />;
  if (!stored.data) return <LoadingBlock h={120} />;
  return <PolicyForm merchant={merchant} initial={stored.data.policy} mayEdit={mayEdit} />;
}

const toPercent = (bp: number) => bp / 100;
const toBp = (value: number | string) => Math.round(Number(value) * 100);

function PolicyForm({
  merchant,
  initial,
  mayEdit,
}: {
  merchant: Merchant;
  initial: PricingPolicy;
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const lang = useLanguage();
  const [policy, setPolicy] = useState<PricingPolicy>(initial);
  // Bumped by “Undo changes” so the typed money fields start again from the stored values.
  const [generation, setGeneration] = useState(0);
  const [sampleGrade, setSampleGrade] = useState<(typeof SAMPLE_GRADES)[number]>('used');
  const [sampleCents, setSampleCents] = useState<number | null>(19_900);
  const [debounced] = useDebouncedValue(policy, 250);
  const save = useCallMutation('pricing.policy.update');

  const preview = useCall(
    'pricing.preview',
    {
      merchantId: merchant.id,
      policy: debounced,
      originalCents: sampleCents && sampleCents > 0 ? sampleCents : 1,
      lang,
      facts: {
        grade: sampleGrade,
        packaging: 'damaged',
        accessoriesMissing: [t('pricing.policy.sampleAccessory')],
        defects: [{ kind: 'scratch', severity: 'minor' }],
        functionalTest: 'passed',
        factoryReset: false,
        cleaned: true,
        repackaged: false,
      },
    },
    { enabled: sampleCents !== null && sampleCents > 0 },
  );

  const set = (patch: (p: PricingPolicy) => PricingPolicy) => setPolicy((p) => patch(p));
  const rate = (label: string, value: number, onChange: (bp: number) => void, testId?: string) => (
    <NumberInput
      key={label}
      label={label}
      value={toPercent(value)}
      onChange={(v) => onChange(Math.min(10_000, Math.max(0, toBp(v))))}
      min={0}
      max={100}
      step={0.5}
      decimalScale={2}
      decimalSeparator={separatorsOf(f.locale).decimal}
      suffix=" %"
      disabled={!mayEdit}
      size="xs"
      data-testid={testId}
    />
  );
  const money = (label: string, cents: number, onChange: (cents: number) => void) => (
    <AmountInput
      key={`${label}-${generation}`}
      label={`${label} (${merchant.currency})`}
      initialCents={cents}
      // Until the text is an amount again, the policy keeps the last one that was.
      onChange={(typed) => {
        if (typed !== null) onChange(typed);
      }}
      required
      withAsterisk={false}
      disabled={!mayEdit}
      size="xs"
    />
  );

  const warnings = preview.data?.warnings ?? [];
  const result = preview.data?.ok ? preview.data.result : null;
  const trace: PriceProposal | null = result
    ? {
        id: 0,
        originalCents: result.originalCents,
        proposedCents: result.proposedCents,
        floorCents: result.floorCents,
        netCents: result.netCents,
        steps: result.steps,
        decision: 'pending',
        decidedBy: null,
        createdAt: '',
      }
    : null;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Stack gap="sm">
        <Text fz="sm" fw={600}>
          {t('pricing.policy.ladder')}
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          {LADDER.map((g) =>
            rate(
              t(`grades.${g}`),
              policy.gradeDiscountBp[g],
              (bp) => set((p) => ({ ...p, gradeDiscountBp: { ...p.gradeDiscountBp, [g]: bp } })),
              `policy-grade-${g}`,
            ),
          )}
        </SimpleGrid>
        <Text fz="sm" fw={600}>
          {t('pricing.policy.adjustments')}
        </Text>
        <SimpleGrid cols={3} spacing="xs">
          {rate(t('pricing.policy.packagingDamaged'), policy.packagingBp.damaged, (bp) =>
            set((p) => ({ ...p, packagingBp: { ...p.packagingBp, damaged: bp } })),
          )}
          {rate(t('pricing.policy.packagingMissing'), policy.packagingBp.missing, (bp) =>
            set((p) => ({ ...p, packagingBp: { ...p.packagingBp, missing: bp } })),
          )}
          {rate(t('pricing.policy.accessory'), policy.accessoryMissingBp, (bp) =>
            set((p) => ({ ...p, accessoryMissingBp: bp })),
          )}
          {rate(t('pricing.policy.defectMinor'), policy.defectBp.minor, (bp) =>
            set((p) => ({ ...p, defectBp: { ...p.defectBp, minor: bp } })),
          )}
          {rate(t('pricing.policy.defectModerate'), policy.defectBp.moderate, (bp) =>
            set((p) => ({ ...p, defectBp: { ...p.defectBp, moderate: bp } })),
          )}
          {rate(t('pricing.policy.defectMajor'), policy.defectBp.major, (bp) =>
            set((p) => ({ ...p, defectBp: { ...p.defectBp, major: bp } })),
          )}
          {rate(t('pricing.policy.refurbished'), policy.refurbishment.refurbishedBp, (bp) =>
            set((p) => ({ ...p, refurbishment: { ...p.refurbishment, refurbishedBp: bp } })),
          )}
          {rate(t('pricing.policy.untested'), policy.refurbishment.untestedBp, (bp) =>
            set((p) => ({ ...p, refurbishment: { ...p.refurbishment, untestedBp: bp } })),
          )}
        </SimpleGrid>
        <Text fz="sm" fw={600}>
          {t('pricing.policy.floorAndApproval')}
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          {rate(t('pricing.policy.floorShare'), policy.floor.minShareBp, (bp) =>
            set((p) => ({ ...p, floor: { ...p.floor, minShareBp: bp } })),
          )}
          {money(t('pricing.policy.floorMin'), policy.floor.minCents, (cents) =>
            set((p) => ({ ...p, floor: { ...p.floor, minCents: cents } })),
          )}
          <Select
            size="xs"
            label={t('pricing.policy.ending')}
            value={policy.ending}
            allowDeselect={false}
            disabled={!mayEdit}
            onChange={(value) => value && set((p) => ({ ...p, ending: value as PriceEnding }))}
            // Written with the language's decimal separator: ",99" in French and German.
            data={PRICE_ENDINGS.map((e) => ({
              value: e,
              label: e.replace('.', separatorsOf(f.locale).decimal),
            }))}
          />
          {rate(
            t('pricing.policy.threshold'),
            policy.autoApproveMaxDiscountBp,
            (bp) => set((p) => ({ ...p, autoApproveMaxDiscountBp: bp })),
            'policy-threshold',
          )}
        </SimpleGrid>
        <Text fz="sm" fw={600}>
          {t('pricing.policy.fees')}
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          {FEE_CHANNELS.map((channel: FeeChannel) => (
            <Stack key={channel} gap={4}>
              {rate(t(`pricing.policy.feeShare.${channel}`), policy.fees[channel].shareBp, (bp) =>
                set((p) => ({ ...p, fees: { ...p.fees, [channel]: { ...p.fees[channel], shareBp: bp } } })),
              )}
              {money(t(`pricing.policy.feeFixed.${channel}`), policy.fees[channel].fixedCents, (cents) =>
                set((p) => ({
                  ...p,
                  fees: { ...p.fees, [channel]: { ...p.fees[channel], fixedCents: cents } },
                })),
              )}
            </Stack>
          ))}
          <Select
            size="xs"
            label={t('pricing.policy.defaultChannel')}
            value={policy.defaultChannel}
            allowDeselect={false}
            disabled={!mayEdit}
            onChange={(value) => value && set((p) => ({ ...p, defaultChannel: value as FeeChannel }))}
            data={FEE_CHANNELS.map((c) => ({ value: c, label: t(`pricing.policy.channels.${c}`) }))}
          />
        </SimpleGrid>
        {save.error ? (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        {mayEdit ? (
          <Group>
            <Button
              loading={save.isPending}
              data-testid="policy-save"
              onClick={() =>
                save.mutate(
                  { merchantId: merchant.id, policy },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        message: t('pricing.policy.saved', { merchant: merchant.name }),
                      }),
                  },
                )
              }
            >
              {t('pricing.policy.save')}
            </Button>
            <Button
              variant="subtle"
              onClick={() => {
                setPolicy(initial);
                setGeneration((g) => g + 1);
              }}
            >
              {t('pricing.policy.reset')}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <Stack gap="sm">
        {warnings.length > 0 ? (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={16} />}
            title={t('pricing.policy.warnings')}
            data-testid="policy-warnings"
          >
            <Stack gap={4}>
              {warnings.map((w) => (
                <Text key={`${w.code}-${w.message}`} fz="sm">
                  {policyWarningText(w, lang)}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        <Text fz="sm" fw={600}>
          {t('pricing.policy.preview')}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('pricing.policy.sampleHint')}
        </Text>
        <Group gap="xs" align="flex-end">
          <Select
            size="xs"
            w={200}
            label={t('common.grade')}
            value={sampleGrade}
            allowDeselect={false}
            onChange={(value) => value && setSampleGrade(value as (typeof SAMPLE_GRADES)[number])}
            data={SAMPLE_GRADES.map((g) => ({ value: g, label: t(`grades.${g}`) }))}
          />
          <AmountInput
            size="xs"
            w={160}
            label={t('pricing.policy.sampleOriginal', { currency: merchant.currency })}
            initialCents={19_900}
            onChange={setSampleCents}
            required
            withAsterisk={false}
          />
        </Group>
        {preview.error ? <ErrorAlert error={preview.error} /> : null}
        {trace ? (
          <div data-testid="policy-preview">
            <PriceTrace price={trace} currency={merchant.currency} />
            <Text fz="xs" c="dimmed" mt={4}>
              {t('pricing.policy.previewFacts', {
                net: f.money(trace.netCents, merchant.currency),
                floor: f.money(trace.floorCents, merchant.currency),
              })}
              {' · '}
              {result?.needsApproval ? t('pricing.policy.needsApproval') : t('pricing.policy.autoApproved')}
            </Text>
          </div>
        ) : preview.data && !preview.data.ok ? (
          <Text fz="sm">{preview.data.refusal.message}</Text>
        ) : null}
      </Stack>
    </SimpleGrid>
  );
}
