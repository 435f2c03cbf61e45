import { Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../shared/contract';
import { CURRENCIES } from '../../../../shared/domain/money';
import { LANGUAGES, type Language } from '../../../../shared/domain/status';
import { call } from '../../api/client';
import { useFormat } from '../../format';
import { useMay, useMe } from '../../state/me';
import { AddButton } from './AddButton';
import { EditCell } from './EditCell';
import { FormModal } from './FormModal';
import { ReadOnlyNote } from './ReadOnlyNote';
import { useSaving } from './useSaving';

/** The shortest return window the server accepts (the EU's legal minimum for distance sales). */
const MIN_WINDOW = 14;
const MAX_WINDOW = 365;

interface Draft {
  name: string;
  currency: string;
  language: Language;
  returnWindowDays: number | string;
  address: string;
}

const EMPTY: Draft = { name: '', currency: 'EUR', language: 'en', returnWindowDays: 30, address: '' };

function MerchantModal({
  merchant,
  onClose,
}: {
  /** null: a new merchant. */
  merchant: Merchant | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(merchant ? { ...merchant } : EMPTY);
  const saving = useSaving();
  const days = typeof draft.returnWindowDays === 'number' ? draft.returnWindowDays : NaN;
  const windowError =
    !Number.isInteger(days) || days < MIN_WINDOW || days > MAX_WINDOW
      ? t('catalogue.windowRange', { min: MIN_WINDOW, max: MAX_WINDOW })
      : null;
  const nameError = draft.name.trim() === '' ? t('catalogue.nameRequired') : null;

  const save = () => {
    if (windowError || nameError) return;
    void saving.run(async () => {
      if (merchant) {
        // Only what changed: a currency sent unchanged would still be checked against the items.
        await call('merchants.update', {
          id: merchant.id,
          ...(draft.name !== merchant.name ? { name: draft.name } : {}),
          ...(draft.currency !== merchant.currency
            ? { currency: draft.currency as (typeof CURRENCIES)[number] }
            : {}),
          ...(draft.language !== merchant.language ? { language: draft.language } : {}),
          ...(days !== merchant.returnWindowDays ? { returnWindowDays: days } : {}),
          ...(draft.address !== merchant.address ? { address: draft.address } : {}),
        });
      } else {
        await call('merchants.create', {
          name: draft.name,
          currency: draft.currency as (typeof CURRENCIES)[number],
          language: draft.language,
          returnWindowDays: days,
          address: draft.address,
        });
      }
      onClose();
    });
  };

  return (
    <FormModal
      title={merchant ? t('catalogue.editMerchant', { name: merchant.name }) : t('catalogue.addMerchant')}
      testIds={{ modal: 'merchant-modal', error: 'merchant-error', save: 'merchant-save' }}
      saving={saving}
      onSave={save}
      onClose={onClose}
    >
      <TextInput
        label={t('catalogue.merchantFields.name')}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        error={nameError}
        required
        data-autofocus
        data-testid="merchant-name"
      />
      <Group grow align="flex-start">
        <Select
          label={t('catalogue.merchantFields.currency')}
          value={draft.currency}
          allowDeselect={false}
          onChange={(value) => value && setDraft({ ...draft, currency: value })}
          data={[...CURRENCIES]}
          data-testid="merchant-currency"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('catalogue.merchantFields.language')}
          value={draft.language}
          allowDeselect={false}
          onChange={(value) => value && setDraft({ ...draft, language: value as Language })}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          data-testid="merchant-language"
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {/* Below both selects rather than as the currency's description, so the two stay aligned. */}
      {merchant && merchant.itemCount > 0 ? (
        <Text fz="xs" c="dimmed" mt={-6}>
          {t('catalogue.currencyLocked')}
        </Text>
      ) : null}
      <NumberInput
        label={t('catalogue.merchantFields.window')}
        description={t('catalogue.windowHint', { min: MIN_WINDOW })}
        value={draft.returnWindowDays}
        onChange={(value) => setDraft({ ...draft, returnWindowDays: value })}
        min={MIN_WINDOW}
        max={MAX_WINDOW}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        error={windowError}
        data-testid="merchant-window"
      />
      <Textarea
        label={t('catalogue.merchantFields.address')}
        value={draft.address}
        onChange={(e) => setDraft({ ...draft, address: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={5}
        data-testid="merchant-address"
      />
    </FormModal>
  );
}

/** The merchants Rebound works for: the admin adds and edits them, everyone else reads. */
export function MerchantsSection({ merchants }: { merchants: readonly Merchant[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  // What the server lets this person do with merchants (shared/access/rules.ts).
  const mayEdit = useMay('merchants.update');
  // The modal is keyed by what it edits so each opening starts from the merchant as saved.
  const [editing, setEditing] = useState<{ merchant: Merchant | null; key: number } | null>(null);

  return (
    <Stack gap="sm" data-testid="merchants-section">
      <Group justify="space-between">
        <Text fw={600}>{t('catalogue.merchants')}</Text>
        {mayEdit ? (
          <AddButton onAdd={() => setEditing({ merchant: null, key: Date.now() })} testId="merchant-add">
            {t('catalogue.addMerchant')}
          </AddButton>
        ) : null}
      </Group>
      {!mayEdit && me !== null ? (
        <ReadOnlyNote testId="merchants-readonly">{t('catalogue.readOnly')}</ReadOnlyNote>
      ) : null}
      {merchants.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('settings.noMerchants')}
        </Text>
      ) : (
        <Table data-testid="merchants-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.merchantColumns.name')}</Table.Th>
              <Table.Th>{t('settings.merchantColumns.currency')}</Table.Th>
              <Table.Th>{t('settings.merchantColumns.language')}</Table.Th>
              <Table.Th ta="right">{t('settings.merchantColumns.window')}</Table.Th>
              <Table.Th ta="right">{t('settings.merchantColumns.items')}</Table.Th>
              {mayEdit ? <Table.Th w={1} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {merchants.map((m) => (
              <Table.Tr key={m.id} data-merchant={m.name}>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {m.name}
                  </Text>
                  {m.address ? (
                    <Text fz="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                      {m.address}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{m.currency}</Table.Td>
                <Table.Td>{t(`languages.${m.language}`)}</Table.Td>
                <Table.Td ta="right" className="rb-num" data-testid="merchant-window-days">
                  {t('settings.windowDays', { days: m.returnWindowDays })}
                </Table.Td>
                <Table.Td ta="right" className="rb-num">
                  {f.number(m.itemCount)}
                </Table.Td>
                {mayEdit ? (
                  <EditCell
                    onEdit={() => setEditing({ merchant: m, key: Date.now() })}
                    testId="merchant-edit"
                  />
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing ? (
        <MerchantModal key={editing.key} merchant={editing.merchant} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}
