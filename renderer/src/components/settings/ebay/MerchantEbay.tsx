// One merchant's eBay settings: the status for everyone; the keys, consent and pre-flight for admins.
import { Divider, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../../shared/contract';
import { AppError } from '../../../../../shared/errors';
import { useCall } from '../../../api/hooks';
import { ErrorAlert, LoadingBlock } from '../../common';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { ConnectPanel } from './ConnectPanel';
import { KeysPanel } from './KeysPanel';
import { PreflightPanel } from './PreflightPanel';
import { StatusLine } from './StatusLine';

function isForbidden(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'forbidden' || error.code === 'unauthorized');
}

export function MerchantEbay({
  merchant,
  mayConfigure,
}: {
  merchant: Merchant | undefined;
  mayConfigure: boolean;
}) {
  const { t } = useTranslation();
  const merchantId = merchant?.id ?? 0;
  const status = useCall('ebay.status', { merchantId }, { enabled: merchant !== undefined });

  if (status.error) {
    // ebay.status is for admins only: anyone else is told who can see it, not shown an error.
    if (!mayConfigure && isForbidden(status.error)) {
      return <ReadOnlyNote testId="ebay-readonly">{t('ebay.readOnlyNoStatus')}</ReadOnlyNote>;
    }
    return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  }
  // keepPreviousData shows the last merchant's answer while the next loads: only this one's counts.
  if (!status.data || status.data.merchantId !== merchantId) return <LoadingBlock h={80} />;

  return (
    <Stack gap="md">
      <StatusLine status={status.data} />
      {!mayConfigure ? (
        <ReadOnlyNote testId="ebay-readonly">{t('ebay.readOnly')}</ReadOnlyNote>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <KeysPanel status={status.data} merchant={merchant} />
            <ConnectPanel status={status.data} />
          </SimpleGrid>
          <Divider />
          <PreflightPanel status={status.data} />
        </>
      )}
    </Stack>
  );
}
