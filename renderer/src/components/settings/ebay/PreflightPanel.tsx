// The pre-flight panel: asks eBay what publishing needs, lists what is missing, offers the choices.
import { Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EbayCheck, EbayStatus } from '../../../../../shared/contract/ebay';
import { call } from '../../../api/client';
import { useFormat } from '../../../format';
import { ErrorAlert, LoadingBlock } from '../../common';
import { CheckItems } from './CheckItems';
import { ChoicesPanel } from './ChoicesPanel';
import { PanelTitle } from './PanelTitle';

/** Pre-flight: asks eBay what publishing needs and shows each piece as found or missing. */
export function PreflightPanel({ status }: { status: EbayStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const merchantId = status.merchantId;
  const [check, setCheck] = useState<EbayCheck | null>(null);
  // Not a cached query: every data change in the app refreshes queries, and this one asks eBay.
  const checking = useMutation<EbayCheck, Error>({
    mutationFn: () => call('ebay.check', { merchantId }),
    onSuccess: setCheck,
  });
  const { mutate: runCheck, isPending: running, error } = checking;

  const { connected } = status;
  useEffect(() => {
    if (connected) runCheck();
  }, [connected, runCheck]);

  if (!connected) {
    return (
      <Stack gap="xs" data-testid="ebay-preflight">
        <PanelTitle>{t('ebay.check.title')}</PanelTitle>
        <Text fz="sm" c="dimmed">
          {t('ebay.check.needConnection')}
        </Text>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" data-testid="ebay-preflight" data-ready={check?.ready}>
      <PanelTitle
        right={
          <Group gap="sm" wrap="nowrap">
            {check ? (
              <>
                <Text fz="xs" c="dimmed" visibleFrom="sm">
                  {t('ebay.check.checkedAt', { time: f.time(check.checkedAt) })}
                </Text>
                <Badge color={check.ready ? 'green' : 'red'} variant="light" data-testid="ebay-check-verdict">
                  {check.ready ? t('ebay.check.ready') : t('ebay.check.notReady')}
                </Badge>
              </>
            ) : null}
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              loading={running}
              onClick={() => runCheck()}
              data-testid="ebay-check-run"
            >
              {check ? t('ebay.check.again') : t('ebay.check.run')}
            </Button>
          </Group>
        }
      >
        {t('ebay.check.title')}
      </PanelTitle>
      {error ? <ErrorAlert error={error} onRetry={() => runCheck()} /> : null}
      {check ? (
        <>
          <CheckItems check={check} />
          <Divider />
          <ChoicesPanel check={check} merchantId={merchantId} onCheck={setCheck} />
        </>
      ) : running ? (
        <LoadingBlock h={120} />
      ) : null}
    </Stack>
  );
}
