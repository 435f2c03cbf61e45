import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../shared/contract';
import { PRODUCT_FIELDS, type Product, type ProductImportReport } from '../../../../shared/contract/intake';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { AmountInput } from '../AmountInput';
import { ErrorAlert, LoadingBlock } from '../common';
import { useFormat } from '../../format';
import { CsvFilePicker } from '../csv/CsvFilePicker';
import { CsvPreview } from '../csv/CsvPreview';
import { ImportResult, type ResultCount } from '../csv/ImportResult';
import { useCsvImport } from '../csv/useCsvImport';
import { useMay } from '../../state/me';
import { AddButton } from './AddButton';
import { EditCell } from './EditCell';
import { FormModal } from './FormModal';
import { useSaving } from './useSaving';

/** One page of the catalogue: enough to browse, the search narrows large catalogues. */
const PAGE = 100;

interface ProductDraft {
  sku: string;
  ean: string;
  brand: string;
  model: string;
  title: string;
  description: string;
  /** Minor units; null while the typed text is not an amount. */
  priceCents: number | null;
  accessories: string[];
}

function draftOf(product: Product | null): ProductDraft {
  return product
    ? {
        sku: product.sku,
        ean: product.ean ?? '',
        brand: product.brand ?? '',
        model: product.model ?? '',
        title: product.title,
        description: product.description,
        priceCents: product.originalCents,
        accessories: [...product.accessories],
      }
    : {
        sku: '',
        ean: '',
        brand: '',
        model: '',
        title: '',
        description: '',
        priceCents: null,
        accessories: [],
      };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function ProductModal({
  merchant,
  product,
  onClose,
}: {
  merchant: Merchant;
  /** null: a new product. */
  product: Product | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product));
  const saving = useSaving();
  const set = (patch: Partial<ProductDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const price = draft.priceCents;
  const priceMissing = price === null;

  const save = () => {
    if (price === null) return;
    const fields = {
      sku: draft.sku.trim(),
      ean: orNull(draft.ean),
      brand: orNull(draft.brand),
      model: orNull(draft.model),
      title: draft.title.trim(),
      description: draft.description,
      originalCents: price,
      accessories: draft.accessories,
    };
    void saving.run(async () => {
      if (product) {
        // updatedAt: someone else saving in between is refused instead of silently overwritten.
        await call('products.update', { id: product.id, updatedAt: product.updatedAt, ...fields });
      } else {
        await call('products.create', { merchantId: merchant.id, ...fields });
      }
      onClose();
    });
  };

  return (
    <FormModal
      title={product ? t('catalogue.editProduct', { sku: product.sku }) : t('catalogue.addProduct')}
      size="lg"
      testIds={{ modal: 'product-modal', error: 'product-error', save: 'product-save' }}
      saving={saving}
      saveDisabled={priceMissing}
      onSave={save}
      onClose={onClose}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('catalogue.columns.sku')}
          value={draft.sku}
          onChange={(e) => set({ sku: e.currentTarget.value })}
          required
          data-autofocus
          data-testid="product-sku"
        />
        <TextInput
          label={t('catalogue.columns.ean')}
          value={draft.ean}
          onChange={(e) => set({ ean: e.currentTarget.value })}
          inputMode="numeric"
          data-testid="product-ean"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('catalogue.columns.brand')}
          value={draft.brand}
          onChange={(e) => set({ brand: e.currentTarget.value })}
          data-testid="product-brand"
        />
        <TextInput
          label={t('catalogue.columns.model')}
          value={draft.model}
          onChange={(e) => set({ model: e.currentTarget.value })}
          data-testid="product-model"
        />
      </Group>
      <TextInput
        label={t('catalogue.columns.title')}
        value={draft.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        required
        data-testid="product-title"
      />
      <AmountInput
        label={t('catalogue.priceIn', { currency: merchant.currency })}
        initialCents={draft.priceCents}
        onChange={(priceCents) => set({ priceCents })}
        currency={merchant.currency}
        required
        data-testid="product-price"
      />
      <TagsInput
        label={t('catalogue.columns.accessories')}
        description={t('catalogue.accessoriesHint')}
        value={draft.accessories}
        onChange={(accessories) => set({ accessories })}
        clearable
        data-testid="product-accessories"
      />
      <Textarea
        label={t('catalogue.description')}
        value={draft.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={6}
      />
    </FormModal>
  );
}

/** What a catalogue import's report counts, besides the refused rows. */
const COUNTS: readonly ResultCount<ProductImportReport>[] = [
  { key: 'catalogue.created', of: (r) => r.created, color: 'green', testId: 'import-created' },
  { key: 'catalogue.updated', of: (r) => r.updated, color: 'blue', testId: 'import-updated' },
  { key: 'catalogue.unchanged', of: (r) => r.unchanged, color: 'gray', testId: 'import-unchanged' },
];

/** Importing a catalogue CSV for one merchant, with the desk's drop zone, preview and report. */
function ImportCatalogueModal({ merchant, onClose }: { merchant: Merchant; onClose: () => void }) {
  const { t } = useTranslation();
  const csv = useCsvImport({
    kind: 'products',
    fields: PRODUCT_FIELDS,
    submit: (base64, mapping) => call('products.import', { base64, merchantId: merchant.id, mapping }),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('catalogue.importTitle', { name: merchant.name })}
      size={1100}
      data-testid="catalogue-import-modal"
    >
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {t('catalogue.importHint', { currency: merchant.currency })}
        </Text>
        <CsvFilePicker csv={csv} hint={t('catalogue.dropHint')} />
        <CsvPreview csv={csv} fieldLabel={(field) => t(`catalogue.fields.${field}`)} />
        <ImportResult
          csv={csv}
          counts={COUNTS}
          actions={<Button onClick={onClose}>{t('catalogue.close')}</Button>}
        />
      </Stack>
    </Modal>
  );
}

/** A merchant's catalogue: what the desk's scan recognises, with its price and accessories. */
export function CatalogueSection({ merchants }: { merchants: readonly Merchant[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  // What the server lets this person do with the catalogue (shared/access/rules.ts).
  const mayEdit = useMay('products.update');
  const [merchantId, setMerchantId] = useState<number | null>(null);
  const merchant = merchants.find((m) => m.id === merchantId) ?? merchants[0];
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [editing, setEditing] = useState<{ product: Product | null; key: number } | null>(null);
  const [importing, setImporting] = useState(false);
  const products = useCall(
    'products.list',
    { merchantId: merchant?.id ?? 0, ...(debounced ? { search: debounced } : {}), limit: PAGE, offset: 0 },
    { enabled: merchant !== undefined },
  );
  if (!merchant) return null;
  const rows = products.data?.rows ?? [];

  return (
    <Stack gap="sm" data-testid="catalogue-section" data-merchant={merchant.name}>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('catalogue.catalogueOf')}
            value={String(merchant.id)}
            allowDeselect={false}
            onChange={(value) => setMerchantId(Number(value))}
            data={merchants.map((m) => ({ value: String(m.id), label: m.name }))}
            data-testid="catalogue-merchant"
            w={220}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            aria-label={t('catalogue.search')}
            placeholder={t('catalogue.search')}
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="catalogue-search"
            w={280}
          />
        </Group>
        {mayEdit ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileImport size={14} />}
              onClick={() => setImporting(true)}
              data-testid="catalogue-import"
            >
              {t('catalogue.importCsv')}
            </Button>
            <AddButton onAdd={() => setEditing({ product: null, key: Date.now() })} testId="product-add">
              {t('catalogue.addProduct')}
            </AddButton>
          </Group>
        ) : null}
      </Group>
      {products.error ? (
        <ErrorAlert error={products.error} onRetry={() => void products.refetch()} />
      ) : !products.data ? (
        <LoadingBlock h={120} />
      ) : rows.length === 0 ? (
        <Text fz="sm" c="dimmed" py="sm" data-testid="catalogue-empty">
          {debounced ? t('catalogue.noMatch') : t('catalogue.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={820} maxHeight={420}>
            <Table stickyHeader fz="sm" data-testid="products-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.columns.sku')}</Table.Th>
                  <Table.Th>{t('catalogue.columns.ean')}</Table.Th>
                  <Table.Th>{t('catalogue.columns.brand')}</Table.Th>
                  <Table.Th>{t('catalogue.columns.model')}</Table.Th>
                  <Table.Th>{t('catalogue.columns.title')}</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('catalogue.columns.price')}
                  </Table.Th>
                  <Table.Th>{t('catalogue.columns.accessories')}</Table.Th>
                  {mayEdit ? <Table.Th w={1} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id} data-sku={p.sku}>
                    <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                      {p.sku}
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs" c={p.ean ? undefined : 'dimmed'}>
                      {p.ean ?? '—'}
                    </Table.Td>
                    <Table.Td>{p.brand ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.model ?? '—'}</Table.Td>
                    <Table.Td>{p.title}</Table.Td>
                    <Table.Td
                      ta="right"
                      className="rb-num"
                      style={{ whiteSpace: 'nowrap' }}
                      data-testid="product-price-cell"
                    >
                      {f.money(p.originalCents, p.currency)}
                    </Table.Td>
                    <Table.Td data-testid="product-accessories-cell">
                      {p.accessories.length === 0 ? (
                        <Text fz="xs" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {p.accessories.map((a) => (
                            <Badge key={a} size="sm" variant="default" tt="none" fw={400}>
                              {a}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    {mayEdit ? (
                      <EditCell
                        onEdit={() => setEditing({ product: p, key: Date.now() })}
                        testId="product-edit"
                      />
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text fz="xs" c="dimmed" data-testid="catalogue-count">
            {t('catalogue.count', {
              shown: f.number(rows.length),
              total: f.number(products.data.total),
              count: products.data.total,
            })}
          </Text>
        </>
      )}
      {editing ? (
        <ProductModal
          key={editing.key}
          merchant={merchant}
          product={editing.product}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {importing ? <ImportCatalogueModal merchant={merchant} onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}
