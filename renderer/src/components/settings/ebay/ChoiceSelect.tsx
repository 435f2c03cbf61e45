// One of eBay's lists as a select (a business policy or the inventory location), with room for a note below.
import { Loader, Select, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EbayOption } from '../../../../../shared/contract/ebay';

export function ChoiceSelect({
  label,
  options,
  value,
  saving,
  locked,
  onChoose,
  testId,
  children,
}: {
  label: string;
  options: readonly EbayOption[];
  value: string | null;
  /** This choice is being saved. */
  saving: boolean;
  /** Something in the panel is being saved: one write at a time. */
  locked: boolean;
  onChoose: (id: string) => void;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Select
        label={label}
        placeholder={options.length > 0 ? t('ebay.choose.pick') : undefined}
        data={options.map((o) => ({
          value: o.id,
          label: o.name === o.id ? o.id : `${o.name} (${o.id})`,
        }))}
        value={value}
        allowDeselect={false}
        disabled={options.length === 0 || locked}
        rightSection={saving ? <Loader size={14} /> : undefined}
        onChange={(next) => next && next !== value && onChoose(next)}
        comboboxProps={{ withinPortal: true }}
        data-testid={testId}
      />
      {/* Below the select, not as its description, so the grid's selects stay aligned. */}
      {children}
    </Stack>
  );
}
