import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconInfoCircle, IconPackageImport, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail, Product, ScannedItem, ScanResult } from '../../../../shared/contract';
import { RETURN_REASONS, type ReturnReason } from '../../../../shared/domain/grades';
import { localIsoDate } from '../../../../shared/domain/returnWindow';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useFormat } from '../../format';
import { StatusBadge } from '../badges';
import { AmountInput } from '../AmountInput';
import { Keys, SectionTitle } from '../common';
import { renderMessage } from '../../../../shared/messages/render';
import { useLanguage } from '../../i18n';

/** What a scan found that is not simply an item to open. */
export type PendingScan = Exclude<ScanResult, { kind: 'item' }>;

/**
 * The right-hand pane after a scan: receive a new item of a known product, pick an item of a
 * return notice, or create the product nobody knows yet.
 */
export function ScanResultPanel({
  scan,
  onOpen,
  onReceived,
  onCancel,
}: {
  scan: PendingScan;
  onOpen: (itemId: number) => void;
  onReceived: (item: ItemDetail) => void;
  onCancel: () => void;
}) {
  const [created, setCreated] = useState<Product | null>(null);
  const product = created ?? (scan.kind === 'product' ? scan.product : null);
  if (product) {
    return (
      <Stack gap="sm">
        {scan.kind === 'product' && !created ? <ProductMatches scan={scan} onOpen={onOpen} /> : null}
        <ReceiveForm key={product.id} product={product} onReceived={onReceived} onCancel={onCancel} />
      </Stack>
    );
  }
  if (scan.kind === 'notice') return <NoticePicker scan={scan} onOpen={onOpen} />;
  if (scan.kind === 'unknown') return <UnknownCode scan={scan} onCreated={setCreated} onCancel={onCancel} />;
  return null;
}

function ScannedRows({ items, onOpen }: { items: readonly ScannedItem[]; onOpen: (id: number) => void }) {
  const f = useFormat();
  return (
    <Stack gap={4}>
      {items.map((item) => (
        <UnstyledButton
          key={item.itemId}
          onClick={() => onOpen(item.itemId)}
          className="rb-row"
          p={6}
          data-testid="scanned-item"
          data-reference={item.reference}
          style={{ borderRadius: 6, border: '1px solid var(--mantine-color-default-border)' }}
        >
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0} miw={0}>
              <Group gap={6} wrap="nowrap">
                <Text ff="monospace" fz="sm" fw={600}>
                  {item.reference}
                </Text>
                <StatusBadge status={item.status} size="xs" />
              </Group>
              <Text fz="sm" truncate>
                {item.title}
              </Text>
            </Stack>
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {item.orderReference ?? item.sku} · {f.date(item.receivedAt)}
            </Text>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

function ProductMatches({
  scan,
  onOpen,
}: {
  scan: Extract<ScanResult, { kind: 'product' }>;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  if (scan.openItems.length === 0 && scan.alternatives.length === 0) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="sm">
      <Stack gap={6}>
        {scan.alternatives.length > 0 ? (
          <Text fz="sm">
            {t('desk.otherMerchants', {
              count: scan.alternatives.length,
              names: scan.alternatives.map((p) => p.merchantName).join(', '),
            })}
          </Text>
        ) : null}
        {scan.openItems.length > 0 ? (
          <>
            <Text fz="sm">{t('desk.waitingItems')}</Text>
            <ScannedRows items={scan.openItems} onOpen={onOpen} />
          </>
        ) : null}
      </Stack>
    </Alert>
  );
}

function NoticePicker({
  scan,
  onOpen,
}: {
  scan: Extract<ScanResult, { kind: 'notice' }>;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper p="md" data-testid="notice-picker">
      <SectionTitle>{t('desk.noticeTitle', { order: scan.orderReference })}</SectionTitle>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('desk.noticeHint')}
      </Text>
      <ScannedRows items={scan.items} onOpen={onOpen} />
    </Paper>
  );
}

/** A compact form: Enter in any field receives the item (the dates default to today). */
function ReceiveForm({
  product,
  onReceived,
  onCancel,
}: {
  product: Product;
  onReceived: (item: ItemDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = localIsoDate();
  const [orderReference, setOrderReference] = useState('');
  const [reason, setReason] = useState<ReturnReason | null>(null);
  const [deliveredAt, setDeliveredAt] = useState(today);
  const [receivedAt, setReceivedAt] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const item = await call('intake.receive', {
        productId: product.id,
        orderReference: orderReference.trim() || null,
        returnReason: reason,
        deliveredAt: deliveredAt || null,
        receivedAt: receivedAt || today,
      });
      onReceived(item);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      p="md"
      data-testid="receive-form"
      onKeyDown={(event) => {
        // Escape closes an open dropdown first (its input says aria-expanded), then the form.
        const open = (event.target as HTMLElement).getAttribute('aria-expanded') === 'true';
        if (event.key === 'Escape' && !open) onCancel();
      }}
      data-product-sku={product.sku}
    >
      <form onSubmit={(event) => void submit(event)}>
        <SectionTitle right={<Keys keys={['Enter']} />}>{t('desk.receiveTitle')}</SectionTitle>
        <Text fz="md" fw={600}>
          {product.title}
        </Text>
        <Text fz="sm" c="dimmed" mb="sm">
          {[product.brand, product.sku, product.ean, f.money(product.originalCents, product.currency)]
            .filter(Boolean)
            .join(' · ')}{' '}
          — {product.merchantName}
        </Text>
        <Text fz="xs" c="dimmed" mb="xs">
          {t('desk.receiveHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('desk.orderReference')}
            placeholder={t('desk.orderReferencePlaceholder')}
            value={orderReference}
            onChange={(e) => setOrderReference(e.currentTarget.value)}
            data-autofocus
            autoFocus
            data-testid="receive-order"
            maxLength={100}
          />
          <Select
            label={t('desk.reason')}
            placeholder={t('desk.reasonPlaceholder')}
            clearable
            value={reason}
            onChange={(value) => setReason(value as ReturnReason | null)}
            data={RETURN_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
            data-testid="receive-reason"
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            type="date"
            label={t('desk.deliveredAt')}
            value={deliveredAt}
            max={receivedAt || today}
            onChange={(e) => setDeliveredAt(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('desk.receivedAt')}
            value={receivedAt}
            max={today}
            onChange={(e) => setReceivedAt(e.currentTarget.value)}
            required
          />
        </SimpleGrid>
        {error ? (
          <Alert color="red" mt="sm" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('desk.cancel')}
          </Button>
          <Button
            type="submit"
            loading={busy}
            leftSection={<IconPackageImport size={16} />}
            data-testid="receive-submit"
          >
            {t('desk.receive')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function UnknownCode({
  scan,
  onCreated,
  onCancel,
}: {
  scan: Extract<ScanResult, { kind: 'unknown' }>;
  onCreated: (product: Product) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [creating, setCreating] = useState(false);
  if (creating) return <NewProductForm scan={scan} onCreated={onCreated} onCancel={onCancel} />;
  return (
    <Paper p="md" data-testid="scan-unknown">
      <SectionTitle>{t('desk.unknownTitle', { text: scan.text })}</SectionTitle>
      {scan.hint ? (
        <Alert color="yellow" variant="light" py={6} mb="sm" icon={<IconInfoCircle size={16} />}>
          {scan.hintText ? renderMessage(scan.hintText, language, scan.hint) : scan.hint}
        </Alert>
      ) : null}
      <Text fz="sm" c="dimmed" mb="sm">
        {t('desk.unknownHint')}
      </Text>
      <Group gap="xs">
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setCreating(true)}
          data-testid="create-product"
        >
          {t('desk.createProduct')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('desk.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}

function NewProductForm({
  scan,
  onCreated,
  onCancel,
}: {
  scan: Extract<ScanResult, { kind: 'unknown' }>;
  onCreated: (product: Product) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const merchants = useCall('merchants.list', {});
  const list = merchants.data ?? [];
  const [merchantId, setMerchantId] = useState<string | null>(null);
  const chosenMerchant = merchantId ?? (list.length === 1 ? String(list[0]!.id) : null);
  const [sku, setSku] = useState(scan.looksLike === 'ean' ? '' : scan.text);
  const [ean, setEan] = useState(scan.looksLike === 'ean' ? scan.text : '');
  const [brand, setBrand] = useState('');
  const [model, setModel] = useState('');
  const [title, setTitle] = useState('');
  // Minor units; null while the typed text is not an amount.
  const [price, setPrice] = useState<number | null>(null);
  const [accessories, setAccessories] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const currency = list.find((m) => String(m.id) === chosenMerchant)?.currency ?? 'EUR';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosenMerchant || price === null) return;
    setBusy(true);
    setError(null);
    try {
      const product = await call('products.create', {
        merchantId: Number(chosenMerchant),
        sku: sku.trim(),
        ean: ean.trim() || null,
        brand: brand.trim() || null,
        model: model.trim() || null,
        title: title.trim(),
        originalCents: price,
        accessories,
      });
      onCreated(product);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      p="md"
      data-testid="new-product-form"
      onKeyDown={(event) => {
        // Escape closes an open dropdown first (its input says aria-expanded), then the form.
        const open = (event.target as HTMLElement).getAttribute('aria-expanded') === 'true';
        if (event.key === 'Escape' && !open) onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <SectionTitle>{t('desk.newProductTitle')}</SectionTitle>
        <Text fz="xs" c="dimmed" mb="sm">
          {t('desk.newProductHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('desk.merchant')}
            required
            value={chosenMerchant}
            onChange={setMerchantId}
            data={list.map((m) => ({ value: String(m.id), label: m.name }))}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('desk.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            autoFocus
            maxLength={300}
            data-testid="product-title"
          />
          <TextInput
            label={t('desk.sku')}
            required
            value={sku}
            onChange={(e) => setSku(e.currentTarget.value)}
            maxLength={64}
            data-testid="product-sku"
          />
          <TextInput
            label={t('desk.ean')}
            value={ean}
            onChange={(e) => setEan(e.currentTarget.value)}
            maxLength={14}
          />
          <TextInput
            label={t('desk.brand')}
            value={brand}
            onChange={(e) => setBrand(e.currentTarget.value)}
          />
          <TextInput
            label={t('desk.model')}
            value={model}
            onChange={(e) => setModel(e.currentTarget.value)}
          />
          <AmountInput
            label={t('desk.originalPrice')}
            required
            currency={currency}
            initialCents={null}
            onChange={setPrice}
            data-testid="product-price"
          />
          <TagsInput
            label={t('desk.accessories')}
            placeholder={t('desk.accessoriesHint')}
            value={accessories}
            onChange={setAccessories}
            maxTags={50}
          />
        </SimpleGrid>
        {error ? (
          <Alert color="red" mt="sm" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('desk.cancel')}
          </Button>
          <Button
            type="submit"
            loading={busy}
            disabled={!chosenMerchant || price === null}
            data-testid="product-submit"
          >
            {t('desk.createAndReceive')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
