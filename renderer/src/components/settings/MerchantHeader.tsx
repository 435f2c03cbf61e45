import { Group, Select, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Merchant } from '../../../../shared/contract';

/** The merchant a per-merchant Settings section shows: the one picked, else the first. */
export function useChosenMerchant(merchants: readonly Merchant[]) {
  const [chosen, setChosen] = useState<number | null>(null);
  const merchant = merchants.find((m) => m.id === chosen) ?? merchants[0];
  return { merchant, choose: setChosen };
}

/**
 * A per-merchant section's title, with the merchant picker when there are several (a workspace
 * serving one merchant just names it).
 */
export function MerchantHeader({
  title,
  pickerLabel,
  testId,
  merchants,
  merchant,
  onChoose,
  mb = 'sm',
}: {
  title: string;
  pickerLabel: string;
  testId: string;
  merchants: readonly Merchant[];
  merchant: Merchant | undefined;
  onChoose: (merchantId: number) => void;
  mb?: number | string;
}) {
  return (
    <Group justify="space-between" mb={mb} wrap="wrap" gap="sm">
      <Title order={3}>{title}</Title>
      {merchants.length > 1 ? (
        <Select
          aria-label={pickerLabel}
          size="xs"
          w={240}
          value={merchant ? String(merchant.id) : null}
          allowDeselect={false}
          onChange={(value) => value && onChoose(Number(value))}
          data={merchants.map((m) => ({ value: String(m.id), label: m.name }))}
          comboboxProps={{ withinPortal: true }}
          data-testid={testId}
        />
      ) : merchant ? (
        <Text fz="sm" c="dimmed">
          {merchant.name}
        </Text>
      ) : null}
    </Group>
  );
}
