import { Alert, Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RETURN_FIELDS,
  type ImportPreview,
  type ImportReport,
  type ReturnField,
} from '../../../../shared/contract/intake';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import {
  assignHeader,
  ImportDropZone,
  ImportErrorsTable,
  ImportPreviewTable,
  readAsBase64,
  type FieldMapping,
} from './importParts';
import { useFormat } from '../../format';

const FROM_FILE = 'file';

type Mapping = FieldMapping<ReturnField>;

/**
 * Importing the merchant's return notices: drop a CSV, check the preview and the column of each
 * field, import; the report lists the rows that were refused by their line in the file.
 */
export function ImportReturnsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const merchants = useCall('merchants.list', {}, { enabled: opened });
  const list = merchants.data ?? [];
  const [merchant, setMerchant] = useState<string | null>(null);
  const chosen = merchant ?? (list.length === 1 ? String(list[0]!.id) : FROM_FILE);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping({});
    setReport(null);
    setError(null);
    if (input.current) input.current.value = '';
  };

  const load = async (picked: File | undefined) => {
    if (!picked) return;
    reset();
    setBusy(true);
    try {
      const base64 = await readAsBase64(picked);
      const result = await call('intake.previewImport', { base64, kind: 'returns', rows: 10 });
      setFile({ name: picked.name, base64 });
      setPreview(result);
      setMapping(result.mapping as Mapping);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(
        await call('intake.importReturns', {
          base64: file.base64,
          ...(chosen !== FROM_FILE ? { merchantId: Number(chosen) } : {}),
          mapping,
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const missing = preview
    ? preview.missing.filter(
        (field) => !mapping[field as ReturnField] && !(field === 'merchant' && chosen !== FROM_FILE),
      )
    : [];

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('desk.importTitle')}
      size={1100}
      data-testid="import-modal"
    >
      <Stack gap="sm">
        <Select
          label={t('desk.importMerchant')}
          value={chosen}
          allowDeselect={false}
          onChange={setMerchant}
          data-testid="import-merchant"
          data={[
            ...list.map((m) => ({ value: String(m.id), label: m.name })),
            { value: FROM_FILE, label: t('desk.importMerchantFromFile') },
          ]}
          comboboxProps={{ withinPortal: true }}
        />

        {report ? null : (
          <ImportDropZone
            fileName={file?.name ?? null}
            onFile={(picked) => void load(picked)}
            inputRef={input}
          />
        )}

        {error ? (
          <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />}>
            {error}
          </Alert>
        ) : null}

        {preview && file && !report ? (
          <Stack gap="xs" data-testid="import-preview">
            <Text fz="xs" c="dimmed">
              {t('desk.importFile', {
                name: file.name,
                rows: f.number(preview.rowCount),
                encoding: preview.encoding.toUpperCase(),
                separator: preview.separator === '\t' ? '⇥' : preview.separator,
              })}
            </Text>
            <ImportPreviewTable
              preview={preview}
              fields={RETURN_FIELDS}
              mapping={mapping}
              onAssign={(header, field) =>
                setMapping((current) => assignHeader(RETURN_FIELDS, current, header, field))
              }
              fieldLabel={(field) => t(`desk.fields.${field}`)}
            />
            {missing.length > 0 ? (
              <Alert color="yellow" py={6}>
                {t('desk.importMissing', {
                  fields: missing.map((field) => t(`desk.fields.${field as ReturnField}`)).join(', '),
                })}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button
                onClick={() => void run()}
                loading={busy}
                disabled={missing.length > 0}
                data-testid="import-run"
              >
                {t('desk.importRun', { count: preview.rowCount })}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {report ? (
          <Stack gap="xs" data-testid="import-report">
            <Group gap="xs">
              <IconCircleCheck size={20} color="var(--mantine-color-green-filled)" />
              <Text fw={600}>{t('desk.importDone')}</Text>
            </Group>
            <Group gap="xs">
              <Badge color="green" variant="light" data-testid="import-imported" data-count={report.imported}>
                {t('desk.importImported', { count: report.imported })}
              </Badge>
              <Badge color="gray" variant="light" data-testid="import-skipped" data-count={report.skipped}>
                {t('desk.importSkipped', { count: report.skipped })}
              </Badge>
              {report.productsCreated > 0 ? (
                <Badge color="blue" variant="light">
                  {t('desk.importProducts', { count: report.productsCreated })}
                </Badge>
              ) : null}
              {report.errors.length > 0 ? (
                <Badge
                  color="red"
                  variant="light"
                  data-testid="import-error-count"
                  data-count={report.errors.length}
                >
                  {t('desk.importErrors', { count: report.errors.length })}
                </Badge>
              ) : null}
            </Group>
            <ImportErrorsTable errors={report.errors} />
            <Group justify="flex-end">
              <Button variant="default" onClick={reset}>
                {t('desk.importAnother')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Modal>
  );
}
