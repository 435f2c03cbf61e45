// The application's keys panel: app id, cert id, RuName, marketplace and sandbox, shown saved or as a form.
import { Button, Group, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../../shared/contract';
import {
  EBAY_MARKETPLACE_IDS,
  type EbayMarketplace,
  type EbayStatus,
} from '../../../../../shared/contract/ebay';
import { call } from '../../../api/client';
import { FormError } from '../people/shared';
import { useSaving } from '../useSaving';
import { PanelTitle } from './PanelTitle';
import { useRefreshEbay } from './useRefreshEbay';

/** The marketplace a new account starts on, from the merchant's currency (the admin may change it). */
function defaultMarketplace(merchant: Merchant | undefined): EbayMarketplace {
  switch (merchant?.currency) {
    case 'USD':
      return 'EBAY_US';
    case 'GBP':
      return 'EBAY_GB';
    default:
      // Euro merchants: the marketplace of the language their listings are drafted in.
      return merchant?.language === 'fr' ? 'EBAY_FR' : merchant?.language === 'de' ? 'EBAY_DE' : 'EBAY_GB';
  }
}

interface KeysDraft {
  appId: string;
  certId: string;
  ruName: string;
  marketplace: EbayMarketplace;
  sandbox: boolean;
}

/** The application's keys. The cert id is never sent back: empty keeps the stored one. */
export function KeysPanel({ status, merchant }: { status: EbayStatus; merchant: Merchant | undefined }) {
  const { t } = useTranslation();
  const refresh = useRefreshEbay();
  const [editing, setEditing] = useState(!status.configured);
  const [draft, setDraft] = useState<KeysDraft>({
    appId: status.appId ?? '',
    certId: '',
    ruName: status.ruName ?? '',
    marketplace: status.marketplace ?? defaultMarketplace(merchant),
    sandbox: status.sandbox,
  });
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useSaving();

  const missing = (value: string) => (tried && value.trim() === '' ? t('ebay.configure.required') : null);
  const certRequired = !status.configured;

  const save = async () => {
    setTried(true);
    if (!draft.appId.trim() || !draft.ruName.trim() || (certRequired && !draft.certId.trim())) return;
    await run(async () => {
      // Without a cert id the service keeps the stored one (only once an account exists).
      await call('ebay.configure', {
        merchantId: status.merchantId,
        appId: draft.appId.trim(),
        ruName: draft.ruName.trim(),
        marketplace: draft.marketplace,
        sandbox: draft.sandbox,
        ...(draft.certId.trim() ? { certId: draft.certId.trim() } : {}),
      });
      notifications.show({ color: 'green', message: t('ebay.configure.done') });
      setDraft((d) => ({ ...d, certId: '' }));
      setTried(false);
      setEditing(false);
      refresh();
    });
  };

  // The app id and the RuName are pasted from eBay's developer page as they are, never spell-checked.
  const keyInput = (key: 'appId' | 'ruName', testId: string) => (
    <TextInput
      label={t(`ebay.configure.${key}`)}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
      error={missing(draft[key])}
      autoComplete="off"
      spellCheck={false}
      withAsterisk
      data-testid={testId}
    />
  );

  return (
    <Stack gap="sm" data-testid="ebay-keys">
      <PanelTitle
        right={
          status.configured && !editing ? (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => setEditing(true)}
              data-testid="ebay-change-keys"
            >
              {t('ebay.configure.change')}
            </Button>
          ) : null
        }
      >
        {t('ebay.configure.title')}
      </PanelTitle>
      {!editing ? (
        <Text fz="sm" c="dimmed">
          {t('ebay.configure.saved')}
        </Text>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack gap="xs">
            <Text fz="xs" c="dimmed">
              {t('ebay.configure.intro')}
            </Text>
            {keyInput('appId', 'ebay-app-id')}
            <PasswordInput
              label={t('ebay.configure.certId')}
              description={
                status.configured ? t('ebay.configure.certIdKeep') : t('ebay.configure.certIdStored')
              }
              value={draft.certId}
              onChange={(e) => setDraft({ ...draft, certId: e.currentTarget.value })}
              error={certRequired ? missing(draft.certId) : null}
              autoComplete="new-password"
              withAsterisk={certRequired}
              data-testid="ebay-cert-id"
            />
            {keyInput('ruName', 'ebay-ru-name')}
            <Select
              label={t('ebay.marketplace')}
              value={draft.marketplace}
              allowDeselect={false}
              onChange={(value) => value && setDraft({ ...draft, marketplace: value as EbayMarketplace })}
              data={EBAY_MARKETPLACE_IDS.map((id) => ({ value: id, label: t(`ebay.marketplaces.${id}`) }))}
              comboboxProps={{ withinPortal: true }}
              data-testid="ebay-marketplace-select"
            />
            <Switch
              mt={4}
              label={t('ebay.configure.sandbox')}
              checked={draft.sandbox}
              onChange={(e) => setDraft({ ...draft, sandbox: e.currentTarget.checked })}
              data-testid="ebay-sandbox-switch"
            />
            <FormError message={error} testId="ebay-keys-error" />
            <Group justify="flex-end" gap="xs">
              {status.configured ? (
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('ebay.configure.cancel')}
                </Button>
              ) : null}
              <Button type="submit" loading={busy} data-testid="ebay-save-keys">
                {t('ebay.configure.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
