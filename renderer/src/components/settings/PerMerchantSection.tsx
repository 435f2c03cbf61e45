import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Merchant } from '../../../../shared/contract';
import { MerchantHeader, useChosenMerchant } from './MerchantHeader';

/**
 * A Settings section kept per merchant (eBay, the shops): its panel, its title with the merchant
 * picker, an optional intro, then the chosen merchant's part, or, before any merchant exists,
 * the line saying one is needed first.
 */
export function PerMerchantSection({
  merchants,
  title,
  picker,
  intro,
  noMerchants,
  testId,
  children,
}: {
  merchants: readonly Merchant[];
  title: string;
  /** The picker's accessible label and test id. */
  picker: { readonly label: string; readonly testId: string };
  intro?: string;
  noMerchants: string;
  testId: string;
  children: (merchant: Merchant) => ReactNode;
}) {
  const { merchant, choose } = useChosenMerchant(merchants);

  return (
    <Paper p="md" data-testid={testId}>
      <MerchantHeader
        title={title}
        pickerLabel={picker.label}
        testId={picker.testId}
        merchants={merchants}
        merchant={merchant}
        onChoose={choose}
        // An intro reads as the title's subtitle, so it sits close under it.
        mb={intro ? 4 : undefined}
      />
      {intro ? (
        <Text fz="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      ) : null}
      {!merchant ? (
        <Text fz="sm" c="dimmed">
          {noMerchants}
        </Text>
      ) : (
        children(merchant)
      )}
    </Paper>
  );
}
