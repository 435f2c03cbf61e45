// The seller's consent panel: eBay's page in a window or a tab, or the address eBay lands on pasted.
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconInfoCircle, IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EbayStatus } from '../../../../../shared/contract/ebay';
import { call, errorMessage } from '../../../api/client';
import { useCall } from '../../../api/hooks';
import { ErrorAlert } from '../../common';
import { InputWithSubmit } from '../InputWithSubmit';
import { FormError } from '../people/shared';
import { PanelTitle } from './PanelTitle';
import { useRefreshEbay } from './useRefreshEbay';

/**
 * The seller's consent. The Electron app opens eBay's page in a window of its own and reads the
 * answer itself; the browser mode opens it in a tab and asks for the address pasted back. The
 * paste stays available in both, for when the window cannot reach eBay.
 */
export function ConnectPanel({ status }: { status: EbayStatus }) {
  const { t } = useTranslation();
  const refresh = useRefreshEbay();
  const consentWindow = window.rebound?.ebayConsent;
  const connectUrl = useCall(
    'ebay.connectUrl',
    { merchantId: status.merchantId },
    { enabled: status.configured },
  );
  const [landedUrl, setLandedUrl] = useState('');
  const [busy, setBusy] = useState<'window' | 'paste' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const connect = async (landed: string) => {
    await call('ebay.connect', { merchantId: status.merchantId, landedUrl: landed });
    notifications.show({ color: 'green', message: t('ebay.connect.done') });
    setLandedUrl('');
    refresh();
  };

  const viaWindow = async () => {
    if (!consentWindow) return;
    setBusy('window');
    setError(null);
    setNote(null);
    try {
      const { url } = await call('ebay.connectUrl', { merchantId: status.merchantId });
      const landed = await consentWindow(url);
      if (landed === null) setNote(t('ebay.connect.closed'));
      else await connect(landed);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const viaPaste = async () => {
    if (!landedUrl.trim()) return;
    setBusy('paste');
    setError(null);
    setNote(null);
    try {
      await connect(landedUrl.trim());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const label = status.connected ? t('ebay.connect.reconnect') : t('ebay.connect.button');

  return (
    <Stack gap="sm" data-testid="ebay-connect">
      <PanelTitle>{t('ebay.connect.title')}</PanelTitle>
      {!status.configured ? (
        <Text fz="sm" c="dimmed">
          {t('ebay.connect.needKeys')}
        </Text>
      ) : (
        <>
          <Text fz="xs" c="dimmed">
            {t('ebay.connect.intro')}
          </Text>
          {consentWindow ? (
            <Group gap="sm" wrap="wrap">
              <Button
                w="fit-content"
                variant={status.connected ? 'default' : 'filled'}
                leftSection={<IconPlugConnected size={16} />}
                loading={busy === 'window'}
                onClick={() => void viaWindow()}
                data-testid="ebay-connect-button"
              >
                {label}
              </Button>
              {connectUrl.data ? (
                // The app's window denies new windows but hands eBay's consent page to the browser.
                <Anchor fz="xs" href={connectUrl.data.url} target="_blank" rel="noopener noreferrer">
                  {t('ebay.connect.openInBrowser')}
                </Anchor>
              ) : null}
            </Group>
          ) : connectUrl.error ? (
            <ErrorAlert error={connectUrl.error} onRetry={() => void connectUrl.refetch()} />
          ) : (
            <Group gap="xs" wrap="wrap">
              <Button
                component="a"
                href={connectUrl.data?.url ?? '#'}
                target="_blank"
                rel="noopener noreferrer"
                variant={status.connected ? 'default' : 'filled'}
                leftSection={<IconExternalLink size={16} />}
                disabled={!connectUrl.data}
                data-testid="ebay-connect-link"
              >
                {label}
              </Button>
              <Text fz="xs" c="dimmed">
                {t('ebay.connect.newTab')}
              </Text>
            </Group>
          )}
          {busy === 'window' ? (
            <Text fz="xs" c="dimmed">
              {t('ebay.connect.waiting')}
            </Text>
          ) : null}
          {note ? (
            <Alert color="yellow" variant="light" py={6} icon={<IconInfoCircle size={18} />}>
              {note}
            </Alert>
          ) : null}
          <InputWithSubmit
            label={t('ebay.connect.pasteLabel')}
            description={t('ebay.connect.pasteHint')}
            placeholder={t('ebay.connect.pastePlaceholder')}
            value={landedUrl}
            onChange={setLandedUrl}
            spellCheck={false}
            testId="ebay-landed-url"
            submit={{
              label: t('ebay.connect.submit'),
              loading: busy === 'paste',
              disabled: landedUrl.trim() === '' || busy === 'window',
              testId: 'ebay-landed-submit',
            }}
            onSubmit={() => void viaPaste()}
          />
          <FormError message={error} testId="ebay-connect-error" />
        </>
      )}
    </Stack>
  );
}
