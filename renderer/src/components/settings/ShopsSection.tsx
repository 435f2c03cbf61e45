import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Code,
  Group,
  List,
  PasswordInput,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheckFilled, IconCircleXFilled, IconPlugConnected, IconTrash } from '@tabler/icons-react';
import { useState, type ChangeEvent, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../shared/contract';
import { renderMessage } from '../../../../shared/messages/render';
import { currentLanguage } from '../../i18n';
import {
  SHOP_PLATFORM_NAMES,
  WATERMARK_POSITIONS,
  type MerchantShops,
  type ShopAccountView,
  type ShopPlatformId,
  type ShopTestResult,
  type Watermark,
  type WatermarkPosition,
} from '../../../../shared/contract/shops';
import type { Messages } from '../../../../shared/i18n/en';
import { call, errorMessage, photoSrc } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useFormat } from '../../format';
import { ErrorAlert, LoadingBlock } from '../common';
import { useMay } from '../../state/me';
import { PerMerchantSection } from './PerMerchantSection';
import { ReadOnlyNote } from './ReadOnlyNote';
import { useSaving } from './useSaving';

/**
 * The merchant's own shops in Settings: a card per platform (set up, test the connection in
 * plain words, remove) and the watermark for shop photos with a live preview.
 */

type FieldKey = keyof Messages['shops']['fields'];

interface FieldSpec {
  readonly key: FieldKey;
  readonly secret: boolean;
  readonly required: boolean;
  readonly placeholder?: string;
}

/** What each platform's form asks for (the main side checks it with the platform's schema). */
const FIELDS: Readonly<Record<ShopPlatformId, readonly FieldSpec[]>> = {
  shopify: [
    { key: 'shopDomain', secret: false, required: true, placeholder: 'larkfield.myshopify.com' },
    // A token, or the app's client credentials (Rebound then fetches the ~24 h token itself).
    { key: 'accessToken', secret: true, required: false, placeholder: 'shpat_…' },
    { key: 'clientId', secret: true, required: false },
    { key: 'clientSecret', secret: true, required: false },
  ],
  woocommerce: [
    { key: 'url', secret: false, required: true, placeholder: 'https://shop.example.com' },
    { key: 'consumerKey', secret: true, required: true, placeholder: 'ck_…' },
    { key: 'consumerSecret', secret: true, required: true, placeholder: 'cs_…' },
    { key: 'wpUser', secret: false, required: false },
    { key: 'wpAppPassword', secret: true, required: false, placeholder: 'abcd efgh ijkl mnop qrst uvwx' },
  ],
  vendure: [
    { key: 'adminApiUrl', secret: false, required: true, placeholder: 'https://shop.example.com/admin-api' },
    { key: 'channelToken', secret: false, required: false },
    { key: 'username', secret: true, required: true },
    { key: 'password', secret: true, required: true },
  ],
};

const FIELD_KEYS: Readonly<Record<string, true>> = Object.fromEntries(
  Object.values(FIELDS).flatMap((fields) => fields.map((f) => [f.key, true as const])),
);

/** Where the shop is, for the card: the address the merchant typed. */
function addressOf(shop: ShopAccountView): string {
  const s = shop.settings;
  return String(s['url'] ?? s['shopDomain'] ?? s['adminApiUrl'] ?? '');
}

type StateKey = 'notConfigured' | 'untested' | 'ok' | 'problem';
const STATE_COLORS: Readonly<Record<StateKey, string>> = {
  notConfigured: 'gray',
  untested: 'yellow',
  ok: 'green',
  problem: 'red',
};

function stateOf(shop: ShopAccountView | undefined): StateKey {
  if (!shop) return 'notConfigured';
  if (!shop.lastTest) return 'untested';
  return shop.lastTest.ok ? 'ok' : 'problem';
}

function TestResult({ result }: { result: ShopTestResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (result.ok) {
    return (
      <Alert
        color="green"
        variant="light"
        py={6}
        icon={<IconCircleCheckFilled size={18} />}
        data-testid="shop-test-ok"
      >
        <Text fz="sm">
          {result.shopName ? t('shops.testOk', { name: result.shopName }) : t('shops.testOkNoName')}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('shops.lastTested', { time: f.dateTime(result.checkedAt) })}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      py={6}
      icon={<IconCircleXFilled size={18} />}
      data-testid="shop-test-problems"
    >
      <Text fz="sm" fw={500}>
        {t('shops.testFailed')}
      </Text>
      <List size="sm" spacing={4} mt={4} style={{ overflowWrap: 'anywhere' }}>
        {result.problems.map((p) => (
          <List.Item key={`${p.code}:${p.message}`}>
            {p.text ? renderMessage(p.text, currentLanguage(), p.message) : p.message}
          </List.Item>
        ))}
      </List>
      <Text fz="xs" c="dimmed" mt={4}>
        {t('shops.lastTested', { time: f.dateTime(result.checkedAt) })}
      </Text>
    </Alert>
  );
}

function ShopForm({
  merchantId,
  platform,
  shop,
  onDone,
}: {
  merchantId: number;
  platform: ShopPlatformId;
  shop: ShopAccountView | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fields = FIELDS[platform];
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.map((f) => [f.key, f.secret ? '' : String((shop?.settings[f.key] as string | undefined) ?? '')]),
    ),
  );
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useSaving();
  // A secret may stay empty once one is stored: the stored one is kept.
  const isMissing = (f: FieldSpec) =>
    f.required && (draft[f.key] ?? '').trim() === '' && !(f.secret && shop?.secretsStored.includes(f.key));

  // Shopify: one of the two ways in must be there, typed now or stored before.
  const has = (key: string) => (draft[key] ?? '').trim() !== '' || Boolean(shop?.secretsStored.includes(key));
  const noWayIn = platform === 'shopify' && !has('accessToken') && !(has('clientId') && has('clientSecret'));

  const save = async () => {
    setTried(true);
    if (fields.some(isMissing) || noWayIn) return;
    await run(async () => {
      const settings: Record<string, string> = {};
      const secrets: Record<string, string> = {};
      for (const f of fields) {
        const value = (draft[f.key] ?? '').trim();
        if (value === '') continue;
        if (f.secret) secrets[f.key] = value;
        else settings[f.key] = value;
      }
      // Keep public settings this form does not show (a Shopify location, a Vendure language).
      const kept = Object.fromEntries(
        Object.entries(shop?.settings ?? {}).filter(([key]) => !fields.some((f) => f.key === key)),
      );
      await call('shops.configure', { merchantId, platform, settings: { ...kept, ...settings }, secrets });
      notifications.show({ color: 'green', message: t('shops.saved') });
      onDone();
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid={`shop-form-${platform}`}
    >
      <Stack gap="xs">
        {fields.map((f) => {
          const common = {
            key: f.key,
            label: t(`shops.fields.${f.key}`),
            value: draft[f.key] ?? '',
            placeholder: f.placeholder,
            onChange: (e: ChangeEvent<HTMLInputElement>) =>
              setDraft({ ...draft, [f.key]: e.currentTarget.value }),
            error: tried && isMissing(f) ? t('shops.required') : null,
            withAsterisk: f.required && !(f.secret && shop?.secretsStored.includes(f.key)),
            spellCheck: false,
            size: 'xs' as const,
            'data-testid': `shop-field-${f.key}`,
          };
          return f.secret ? (
            <PasswordInput
              {...common}
              autoComplete="new-password"
              description={shop?.secretsStored.includes(f.key) ? t('shops.keep') : undefined}
            />
          ) : (
            <TextInput {...common} autoComplete="off" />
          );
        })}
        {tried && noWayIn ? (
          <Alert color="red" variant="light" py={6} data-testid="shop-no-way-in">
            {t('shops.tokenOrClient')}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" variant="light" py={6} style={{ overflowWrap: 'anywhere' }}>
            {error}
          </Alert>
        ) : null}
        <Group gap="xs" justify="flex-end">
          {shop ? (
            <Button size="compact-sm" variant="subtle" onClick={onDone} disabled={busy}>
              {t('shops.cancel')}
            </Button>
          ) : null}
          <Button size="compact-sm" type="submit" loading={busy} data-testid={`shop-save-${platform}`}>
            {t('shops.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShopCard({
  merchantId,
  platform,
  shop,
  mayConfigure,
}: {
  merchantId: number;
  platform: ShopPlatformId;
  shop: ShopAccountView | undefined;
  mayConfigure: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [testing, setTesting] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const state = stateOf(shop);
  const fieldLabel = (key: string): string =>
    key in FIELD_KEYS ? t(`shops.fields.${key as FieldKey}`) : key;

  const test = async () => {
    setTesting(true);
    setError(null);
    try {
      // The answer is kept on the account: the status refreshes through the `changed` event.
      await call('shops.test', { merchantId, platform });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setTesting(false);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('shops.removeConfirm'))) return;
    setRemoving(true);
    setError(null);
    try {
      await call('shops.remove', { merchantId, platform });
      notifications.show({ color: 'green', message: t('shops.removed') });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setRemoving(false);
    }
  };

  return (
    <Card withBorder padding="sm" radius="md" data-testid={`shop-card-${platform}`} data-state={state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={4} fz="sm">
            {t(`shops.platforms.${platform}`)}
          </Title>
          <Badge color={STATE_COLORS[state]} variant="light" data-testid={`shop-state-${platform}`}>
            {t(`shops.states.${state}`)}
          </Badge>
        </Group>
        {shop && !editing ? (
          <>
            <Code data-testid={`shop-address-${platform}`} style={{ overflowWrap: 'anywhere' }}>
              {addressOf(shop)}
            </Code>
            <Text fz="xs" c="dimmed">
              {shop.secretsStored.length > 0
                ? t('shops.credentials', {
                    names: shop.secretsStored.map((k) => fieldLabel(k)).join(', '),
                  })
                : t('shops.noCredentials')}
            </Text>
            {shop.secretsProblem ? (
              <Alert color="orange" variant="light" py={6} style={{ overflowWrap: 'anywhere' }}>
                {shop.secretsProblemText
                  ? renderMessage(shop.secretsProblemText, currentLanguage(), shop.secretsProblem)
                  : shop.secretsProblem}
              </Alert>
            ) : null}
            {shop.lastTest ? <TestResult result={shop.lastTest} /> : null}
            {error ? (
              <Alert color="red" variant="light" py={6} style={{ overflowWrap: 'anywhere' }}>
                {error}
              </Alert>
            ) : null}
            {mayConfigure ? (
              <Group gap="xs" wrap="wrap">
                <Button
                  size="compact-sm"
                  leftSection={<IconPlugConnected size={14} />}
                  loading={testing}
                  onClick={() => void test()}
                  data-testid={`shop-test-${platform}`}
                >
                  {t('shops.test')}
                </Button>
                <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
                  {t('shops.change')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  loading={removing}
                  onClick={() => void remove()}
                  data-testid={`shop-remove-${platform}`}
                >
                  {t('shops.remove')}
                </Button>
              </Group>
            ) : null}
          </>
        ) : editing ? (
          <ShopForm
            merchantId={merchantId}
            platform={platform}
            shop={shop}
            onDone={() => setEditing(false)}
          />
        ) : (
          <>
            <Text fz="xs" c="dimmed">
              {t(`shops.platformHints.${platform}`)}
            </Text>
            {mayConfigure ? (
              <Group justify="flex-start">
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setEditing(true)}
                  data-testid={`shop-setup-${platform}`}
                >
                  {t('shops.setUp')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}

const PREVIEW_PLACEMENT: Readonly<Record<WatermarkPosition, CSSProperties>> = {
  'bottom-right': { right: '4%', bottom: '4%' },
  'bottom-left': { left: '4%', bottom: '4%' },
  'top-right': { right: '4%', top: '4%' },
  'top-left': { left: '4%', top: '4%' },
  center: { left: '50%', top: '50%', transform: 'translate(-50%, -50%)' },
};

/** The photo with the text drawn like the shop copies are (white, dark outline, same share of the height). */
function WatermarkPreview({
  hash,
  text,
  opacity,
  position,
}: {
  hash: string | null;
  text: string;
  opacity: number;
  position: WatermarkPosition;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <Stack gap={4}>
      <Box
        data-testid="watermark-preview"
        style={{
          position: 'relative',
          width: '100%',
          maxWidth: 420,
          aspectRatio: '4 / 3',
          borderRadius: 6,
          overflow: 'hidden',
          containerType: 'inline-size',
          background: 'linear-gradient(135deg, #6a8caf 0%, #c9d6e3 60%, #e9eef3 100%)',
        }}
      >
        {hash && failed !== hash ? (
          <img
            src={photoSrc(hash, 'listing')}
            alt=""
            onError={() => setFailed(hash)}
            style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'cover' }}
          />
        ) : null}
        {text.trim() ? (
          <span
            style={{
              position: 'absolute',
              ...PREVIEW_PLACEMENT[position],
              color: `rgba(255,255,255,${opacity})`,
              WebkitTextStroke: `1px rgba(0,0,0,${(opacity * 0.6).toFixed(3)})`,
              fontFamily: 'DejaVu Sans, Arial, Helvetica, sans-serif',
              fontWeight: 700,
              // As on the shop copies: a twentieth of the photo's short side (3:4 of the width).
              fontSize: '3.75cqw',
              whiteSpace: 'nowrap',
              pointerEvents: 'none',
            }}
          >
            {text}
          </span>
        ) : null}
      </Box>
      {!hash || failed === hash ? (
        <Text fz="xs" c="dimmed">
          {t('shops.watermark.sample')}
        </Text>
      ) : null}
    </Stack>
  );
}

function WatermarkPanel({
  merchantId,
  watermark,
  mayConfigure,
}: {
  merchantId: number;
  watermark: Watermark | null;
  mayConfigure: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(watermark?.text ?? '');
  const [opacity, setOpacity] = useState(watermark?.opacity ?? 0.35);
  const [position, setPosition] = useState<WatermarkPosition>(watermark?.position ?? 'bottom-right');
  const { busy, error, run } = useSaving();
  const items = useCall('items.list', { merchantId, limit: 20 });
  const hash = items.data?.rows.find((i) => i.mainPhotoHash)?.mainPhotoHash ?? null;

  const save = (off: boolean) =>
    run(async () => {
      await call(
        'shops.setWatermark',
        off
          ? { merchantId, text: null, logoPath: null }
          : { merchantId, text: text.trim() || null, opacity, position },
      );
      if (off) setText('');
      notifications.show({
        color: 'green',
        message: off || !text.trim() ? t('shops.watermark.turnedOff') : t('shops.watermark.saved'),
      });
    });

  return (
    <Card withBorder padding="sm" radius="md" data-testid="shop-watermark">
      <Title order={4} fz="sm" mb={4}>
        {t('shops.watermark.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('shops.watermark.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap="sm">
          <TextInput
            size="xs"
            label={t('shops.watermark.text')}
            placeholder={t('shops.watermark.textPlaceholder')}
            value={text}
            maxLength={80}
            onChange={(e) => setText(e.currentTarget.value)}
            disabled={!mayConfigure}
            data-testid="watermark-text"
          />
          <Stack gap={4}>
            <Text fz="xs" fw={500}>
              {t('shops.watermark.opacity')}
            </Text>
            <Slider
              size="sm"
              min={0.05}
              max={1}
              step={0.05}
              value={opacity}
              onChange={setOpacity}
              label={(v) => `${Math.round(v * 100)} %`}
              disabled={!mayConfigure}
              aria-label={t('shops.watermark.opacity')}
              data-testid="watermark-opacity"
            />
          </Stack>
          <Select
            size="xs"
            label={t('shops.watermark.position')}
            value={position}
            allowDeselect={false}
            onChange={(v) => v && setPosition(v as WatermarkPosition)}
            data={WATERMARK_POSITIONS.map((p) => ({ value: p, label: t(`shops.watermark.positions.${p}`) }))}
            comboboxProps={{ withinPortal: true }}
            disabled={!mayConfigure}
            data-testid="watermark-position"
          />
          {watermark?.logo ? (
            <Text fz="xs" c="dimmed">
              {t('shops.watermark.logo')}
            </Text>
          ) : null}
          {!watermark ? (
            <Text fz="xs" c="dimmed" data-testid="watermark-none">
              {t('shops.watermark.none')}
            </Text>
          ) : null}
          {error ? (
            <Alert color="red" variant="light" py={6}>
              {error}
            </Alert>
          ) : null}
          {mayConfigure ? (
            <Group gap="xs">
              <Button
                size="compact-sm"
                loading={busy}
                onClick={() => void save(false)}
                data-testid="watermark-save"
              >
                {t('shops.watermark.save')}
              </Button>
              {watermark ? (
                <Button size="compact-sm" variant="subtle" disabled={busy} onClick={() => void save(true)}>
                  {t('shops.watermark.off')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
        <Stack gap={4}>
          <Text fz="xs" fw={500}>
            {t('shops.watermark.preview')}
          </Text>
          <WatermarkPreview hash={hash} text={text} opacity={opacity} position={position} />
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function MerchantShopsPanel({ merchantId, mayConfigure }: { merchantId: number; mayConfigure: boolean }) {
  const { t } = useTranslation();
  const status = useCall('shops.status', { merchantId });
  if (status.error) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  const data: MerchantShops | undefined = status.data?.[0];
  if (!data || data.merchantId !== merchantId) return <LoadingBlock h={120} />;
  const byPlatform = new Map(data.shops.map((s) => [s.platform, s]));
  return (
    <Stack gap="md">
      {!mayConfigure ? <ReadOnlyNote testId="shops-readonly">{t('shops.readOnly')}</ReadOnlyNote> : null}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {SHOP_PLATFORM_NAMES.map((platform) => (
          <ShopCard
            // Keyed by what is stored: a saved form closes, a new test shows at once.
            key={`${platform}:${byPlatform.get(platform)?.updatedAt ?? 'none'}`}
            merchantId={merchantId}
            platform={platform}
            shop={byPlatform.get(platform)}
            mayConfigure={mayConfigure}
          />
        ))}
      </SimpleGrid>
      <WatermarkPanel
        key={JSON.stringify(data.watermark)}
        merchantId={merchantId}
        watermark={data.watermark}
        mayConfigure={mayConfigure}
      />
    </Stack>
  );
}

/** The merchant's own shops: Shopify, WooCommerce, Vendure, and the watermark for their photos. */
export function ShopsSection({ merchants }: { merchants: readonly Merchant[] }) {
  const { t } = useTranslation();
  // What the server lets this person do with the shops (shared/access/rules.ts).
  const mayConfigure = useMay('shops.configure');

  return (
    <PerMerchantSection
      merchants={merchants}
      title={t('shops.title')}
      picker={{ label: t('shops.merchant'), testId: 'shops-merchant' }}
      intro={t('shops.intro')}
      noMerchants={t('shops.noMerchants')}
      testId="shops-settings"
    >
      {(merchant) => (
        <MerchantShopsPanel key={merchant.id} merchantId={merchant.id} mayConfigure={mayConfigure} />
      )}
    </PerMerchantSection>
  );
}
