import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Divider,
  Group,
  Loader,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCircleCheckFilled,
  IconCircleXFilled,
  IconExternalLink,
  IconInfoCircle,
  IconMapPinPlus,
  IconPlugConnected,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../shared/contract';
import {
  EBAY_CHECK_KEYS,
  EBAY_MARKETPLACE_IDS,
  type EbayCheck,
  type EbayCheckItem,
  type EbayCheckKey,
  type EbayMarketplace,
  type EbayOption,
  type EbayStatus,
} from '../../../../shared/contract/ebay';
import { AppError } from '../../../../shared/errors';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useFormat } from '../../format';
import { ErrorAlert, LoadingBlock } from '../common';
import { useMe } from '../../state/me';
import { InputWithSubmit } from './InputWithSubmit';
import { PerMerchantSection } from './PerMerchantSection';
import { FormError } from './people/shared';
import { ReadOnlyNote } from './ReadOnlyNote';
import { useSaving } from './useSaving';

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

type StateKey = 'notConfigured' | 'notConnected' | 'connected' | 'ready';

function stateOf(status: EbayStatus): StateKey {
  if (!status.configured) return 'notConfigured';
  if (!status.connected) return 'notConnected';
  return status.readyToPublish ? 'ready' : 'connected';
}

const STATE_COLORS: Readonly<Record<StateKey, string>> = {
  notConfigured: 'gray',
  notConnected: 'yellow',
  connected: 'blue',
  ready: 'green',
};

/** Every `ebay.*` answer may change after a write: status, consent address, pre-flight. */
function useRefreshEbay() {
  const client = useQueryClient();
  return useCallback(
    () => void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('ebay.') }),
    [client],
  );
}

function PanelTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" mih={28}>
      <Title order={4} fz="sm">
        {children}
      </Title>
      {right}
    </Group>
  );
}

function StatusLine({ status }: { status: EbayStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = stateOf(status);
  return (
    <Stack gap={4} data-testid="ebay-status" data-state={state}>
      <Group gap="xs" wrap="wrap">
        <Badge color={STATE_COLORS[state]} variant="light" size="lg" data-testid="ebay-state">
          {t(`ebay.states.${state}`)}
        </Badge>
        {status.marketplace ? (
          <Text fz="sm" data-testid="ebay-marketplace">
            {t('ebay.marketplace')}: {t(`ebay.marketplaces.${status.marketplace}`)}
          </Text>
        ) : null}
        {status.configured && status.sandbox ? (
          <Badge color="orange" variant="outline" data-testid="ebay-sandbox">
            {t('ebay.sandbox')}
          </Badge>
        ) : null}
        {status.baseUrl ? (
          <Group gap={6} wrap="nowrap" miw={0}>
            <Badge color="grape" variant="outline">
              {t('ebay.testServer')}
            </Badge>
            <Code data-testid="ebay-base-url" style={{ overflowWrap: 'anywhere' }}>
              {status.baseUrl}
            </Code>
          </Group>
        ) : null}
      </Group>
      <Text fz="xs" c="dimmed">
        {t(`ebay.stateHints.${state}`)}
        {status.connected && status.accessExpiresAt
          ? ` · ${t('ebay.tokenUntil', { time: f.dateTime(status.accessExpiresAt) })}`
          : ''}
      </Text>
    </Stack>
  );
}

interface KeysDraft {
  appId: string;
  certId: string;
  ruName: string;
  marketplace: EbayMarketplace;
  sandbox: boolean;
}

/** The application's keys. The cert id is never sent back: empty keeps the stored one. */
function KeysPanel({ status, merchant }: { status: EbayStatus; merchant: Merchant | undefined }) {
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

/**
 * The seller's consent. The Electron app opens eBay's page in a window of its own and reads the
 * answer itself; the browser mode opens it in a tab and asks for the address pasted back. The
 * paste stays available in both, for when the window cannot reach eBay.
 */
function ConnectPanel({ status }: { status: EbayStatus }) {
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

/** An item passed, fails and blocks publishing, or only warns: its icon, colour and spoken name. */
const CHECK_ICONS = {
  passed: { Icon: IconCircleCheckFilled, color: 'var(--mantine-color-green-filled)' },
  failed: { Icon: IconCircleXFilled, color: 'var(--mantine-color-red-filled)' },
  warning: { Icon: IconAlertTriangle, color: 'var(--mantine-color-orange-filled)' },
} as const;

function CheckIcon({ item }: { item: EbayCheckItem }) {
  const { t } = useTranslation();
  const verdict = item.ok ? 'passed' : item.blocking ? 'failed' : 'warning';
  const { Icon, color } = CHECK_ICONS[verdict];
  return <Icon size={20} color={color} aria-label={t(`ebay.check.${verdict}`)} style={{ flex: 'none' }} />;
}

function CheckItems({ check }: { check: EbayCheck }) {
  const { t } = useTranslation();
  // In the contract's order, whatever order the answer has.
  const items = [...check.items].sort(
    (a, b) => EBAY_CHECK_KEYS.indexOf(a.key) - EBAY_CHECK_KEYS.indexOf(b.key),
  );
  return (
    <Stack gap={0} data-testid="ebay-check-items">
      {items.map((item, index) => (
        <Group
          key={item.key}
          gap="sm"
          wrap="nowrap"
          align="flex-start"
          py={8}
          style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
          data-testid="ebay-check-item"
          data-key={item.key}
          data-ok={item.ok}
          data-blocking={item.blocking}
        >
          <CheckIcon item={item} />
          <Text fz="sm" fw={600} w={170} style={{ flex: 'none' }}>
            {t(`ebay.check.keys.${item.key}`)}
          </Text>
          <Stack gap={2} miw={0} style={{ flex: 1 }}>
            <Text fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid="ebay-check-message">
              {item.message}
            </Text>
            {!item.ok && item.fix ? (
              <Text fz="xs" c={item.blocking ? 'red' : 'orange'} style={{ overflowWrap: 'anywhere' }}>
                <Text span fw={600} fz="xs" inherit>
                  {t('ebay.check.fix')}
                </Text>{' '}
                {item.fix}
              </Text>
            ) : null}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

type ChoiceField = 'fulfillmentPolicyId' | 'paymentPolicyId' | 'returnPolicyId' | 'merchantLocationKey';

const CHOICES: readonly {
  readonly field: ChoiceField;
  readonly key: EbayCheckKey;
  readonly options: keyof EbayCheck['options'];
  readonly label: 'fulfillmentPolicy' | 'paymentPolicy' | 'returnPolicy' | 'location';
}[] = [
  {
    field: 'fulfillmentPolicyId',
    key: 'fulfillmentPolicy',
    options: 'fulfillmentPolicies',
    label: 'fulfillmentPolicy',
  },
  { field: 'paymentPolicyId', key: 'paymentPolicy', options: 'paymentPolicies', label: 'paymentPolicy' },
  { field: 'returnPolicyId', key: 'returnPolicy', options: 'returnPolicies', label: 'returnPolicy' },
  { field: 'merchantLocationKey', key: 'location', options: 'locations', label: 'location' },
];

/** The stored choice, when it is one of the options eBay offers (an unknown id is shown as none). */
function inUse(check: EbayCheck, field: ChoiceField, options: readonly EbayOption[]): string | null {
  const id = check.chosen[field];
  return id !== null && options.some((o) => o.id === id) ? id : null;
}

function categoryInUse(check: EbayCheck): string {
  return check.chosen.categoryId ?? '';
}

function Choices({
  check,
  merchantId,
  onCheck,
}: {
  check: EbayCheck;
  merchantId: number;
  onCheck: (check: EbayCheck) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshEbay();
  const [picked, setPicked] = useState<Partial<Record<ChoiceField, string>>>({});
  const [category, setCategory] = useState<string | null>(null);
  const [busy, setBusy] = useState<ChoiceField | 'category' | 'location' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const categoryValue = category ?? categoryInUse(check);
  const categoryInvalid = categoryValue.trim() !== '' && !/^\d+$/.test(categoryValue.trim());

  const run = async (what: NonNullable<typeof busy>, action: () => Promise<EbayCheck>, done?: string) => {
    setBusy(what);
    setError(null);
    try {
      onCheck(await action());
      if (done) notifications.show({ color: 'green', message: done });
      refresh();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const choose = (field: ChoiceField, value: string) => {
    setPicked((p) => ({ ...p, [field]: value }));
    void run(field, () => call('ebay.choose', { merchantId, [field]: value }));
  };

  const saveCategory = async () => {
    const value = categoryValue.trim();
    if (!value || categoryInvalid) return;
    if (
      await run(
        'category',
        () => call('ebay.choose', { merchantId, categoryId: value }),
        t('ebay.choose.saved'),
      )
    ) {
      setCategory(null);
    }
  };

  return (
    <Stack gap="sm" data-testid="ebay-choices">
      <PanelTitle>{t('ebay.choose.title')}</PanelTitle>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {CHOICES.map((choice) => {
          const options = check.options[choice.options];
          const value = picked[choice.field] ?? inUse(check, choice.field, options);
          return (
            <Stack key={choice.field} gap={6}>
              <Select
                label={t(`ebay.choose.${choice.label}`)}
                placeholder={options.length > 0 ? t('ebay.choose.pick') : undefined}
                data={options.map((o) => ({
                  value: o.id,
                  label: o.name === o.id ? o.id : `${o.name} (${o.id})`,
                }))}
                value={value}
                allowDeselect={false}
                disabled={options.length === 0 || busy !== null}
                rightSection={busy === choice.field ? <Loader size={14} /> : undefined}
                onChange={(next) => next && next !== value && choose(choice.field, next)}
                comboboxProps={{ withinPortal: true }}
                data-testid={`ebay-choose-${choice.key}`}
              />
              {/* Below the select, not as its description, so the grid's selects stay aligned. */}
              {options.length === 0 && choice.field !== 'merchantLocationKey' ? (
                <Text fz="xs" c="dimmed" data-testid={`ebay-none-${choice.key}`}>
                  {t('ebay.choose.noneOnEbay')}
                </Text>
              ) : null}
              {choice.field === 'merchantLocationKey' ? (
                <Button
                  size="xs"
                  variant="light"
                  w="fit-content"
                  leftSection={<IconMapPinPlus size={14} />}
                  loading={busy === 'location'}
                  disabled={busy !== null && busy !== 'location'}
                  onClick={() =>
                    void run(
                      'location',
                      () => call('ebay.createLocation', { merchantId }),
                      t('ebay.choose.locationCreated'),
                    )
                  }
                  data-testid="ebay-create-location"
                >
                  {t('ebay.choose.createLocation')}
                </Button>
              ) : null}
            </Stack>
          );
        })}
        <InputWithSubmit
          label={t('ebay.choose.category')}
          description={t('ebay.choose.categoryHint')}
          value={categoryValue}
          onChange={setCategory}
          error={categoryInvalid ? t('ebay.choose.categoryInvalid') : null}
          inputMode="numeric"
          testId="ebay-category"
          submit={{
            label: t('ebay.choose.saveCategory'),
            loading: busy === 'category',
            disabled:
              categoryInvalid || categoryValue.trim() === '' || (busy !== null && busy !== 'category'),
            testId: 'ebay-category-save',
          }}
          onSubmit={() => void saveCategory()}
        />
        <Stack gap={6} data-testid="ebay-conditions">
          <Text fz="sm" fw={500}>
            {t('ebay.choose.allowedConditions')}
          </Text>
          {check.allowedConditions.length === 0 ? (
            <Text fz="xs" c="dimmed">
              {t('ebay.choose.noConditions')}
            </Text>
          ) : (
            <Group gap={6}>
              {check.allowedConditions.map((condition) => (
                <Badge key={condition} variant="light" color="gray" tt="none" fw={500}>
                  {condition}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </SimpleGrid>
      <FormError message={error} testId="ebay-choose-error" />
    </Stack>
  );
}

/** Pre-flight: asks eBay what publishing needs and shows each piece as found or missing. */
function PreflightPanel({ status }: { status: EbayStatus }) {
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
          <Choices check={check} merchantId={merchantId} onCheck={setCheck} />
        </>
      ) : running ? (
        <LoadingBlock h={120} />
      ) : null}
    </Stack>
  );
}

function isForbidden(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'forbidden' || error.code === 'unauthorized');
}

function MerchantEbay({ merchant, isAdmin }: { merchant: Merchant | undefined; isAdmin: boolean }) {
  const { t } = useTranslation();
  const merchantId = merchant?.id ?? 0;
  const status = useCall('ebay.status', { merchantId }, { enabled: merchant !== undefined });

  if (status.error) {
    // ebay.status is for admins only: anyone else is told who can see it, not shown an error.
    if (!isAdmin && isForbidden(status.error)) {
      return <ReadOnlyNote testId="ebay-readonly">{t('ebay.readOnlyNoStatus')}</ReadOnlyNote>;
    }
    return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  }
  // keepPreviousData shows the last merchant's answer while the next loads: only this one's counts.
  if (!status.data || status.data.merchantId !== merchantId) return <LoadingBlock h={80} />;

  return (
    <Stack gap="md">
      <StatusLine status={status.data} />
      {!isAdmin ? (
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

/** The merchant's eBay account: keys, the seller's consent and the pre-flight check. */
export function EbaySection({ merchants }: { merchants: readonly Merchant[] }) {
  const { t } = useTranslation();
  const role = useMe()?.role ?? null;

  return (
    <PerMerchantSection
      merchants={merchants}
      title={t('ebay.title')}
      picker={{ label: t('ebay.merchant'), testId: 'ebay-merchant' }}
      noMerchants={t('ebay.noMerchants')}
      testId="ebay-settings"
    >
      {(merchant) =>
        role === null ? (
          <LoadingBlock h={80} />
        ) : (
          // Keyed by merchant: drafts, the consent paste and the last check belong to one account.
          <MerchantEbay key={merchant.id} merchant={merchant} isAdmin={role === 'admin'} />
        )
      }
    </PerMerchantSection>
  );
}
