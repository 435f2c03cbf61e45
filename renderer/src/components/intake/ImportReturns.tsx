import { Alert, Badge, Button, Group, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RETURN_FIELDS,
  type ImportPreview,
  type ImportReport,
  type ReturnField,
} from '../../../../shared/contract/intake';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useFormat } from '../../format';

const FROM_FILE = 'file';

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL keeps the bytes as they are: the server detects the encoding (BOM, UTF-16…).
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

type Mapping = Partial<Record<ReturnField, string | null>>;

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
  const [dragging, setDragging] = useState(false);
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

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  };

  const fieldOf = (header: string): ReturnField | null =>
    RETURN_FIELDS.find((field) => mapping[field] === header) ?? null;
  const assign = (header: string, field: ReturnField | null) =>
    setMapping((current) => {
      const next: Mapping = {};
      for (const key of RETURN_FIELDS) {
        if (current[key] && current[key] !== header && key !== field) next[key] = current[key];
      }
      if (field) next[field] = header;
      return next;
    });
  const missing = preview
    ? preview.missing.filter(
        (field) => !mapping[field as ReturnField] && !(field === 'merchant' && chosen !== FROM_FILE),
      )
    : [];
  const fieldOptions = RETURN_FIELDS.map((field) => ({ value: field, label: t(`desk.fields.${field}`) }));

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
          <Stack
            component="label"
            align="center"
            gap={4}
            p="lg"
            data-testid="import-drop"
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            style={{
              cursor: 'pointer',
              borderRadius: 8,
              border: `2px dashed var(--mantine-color-${dragging ? 'blue-filled' : 'default-border'})`,
              background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
            }}
          >
            <IconFileUpload size={28} stroke={1.5} />
            <Text fz="sm" fw={500}>
              {file ? file.name : t('desk.importDrop')}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('desk.importDropHint')}
            </Text>
            <input
              ref={input}
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              hidden
              data-testid="import-file"
              onChange={(event) => void load(event.currentTarget.files?.[0])}
            />
          </Stack>
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
            <ScrollArea type="auto" offsetScrollbars>
              <Table withTableBorder withColumnBorders fz="xs" data-testid="import-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('desk.importLine')}</Table.Th>
                    {preview.header.map((header) => (
                      <Table.Th key={header} style={{ whiteSpace: 'nowrap' }}>
                        {header}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>
                      <Text fz="xs" c="dimmed">
                        {t('desk.importMapping')}
                      </Text>
                    </Table.Th>
                    {preview.header.map((header) => (
                      <Table.Th key={header}>
                        <Select
                          size="xs"
                          miw={170}
                          aria-label={`${t('desk.importMapping')}: ${header}`}
                          placeholder={t('desk.importUnused')}
                          clearable
                          value={fieldOf(header)}
                          onChange={(value) => assign(header, value as ReturnField | null)}
                          data={fieldOptions}
                          data-column={header}
                          comboboxProps={{ withinPortal: true }}
                        />
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td c="dimmed">{row.line}</Table.Td>
                      {preview.header.map((header, index) => (
                        <Table.Td key={header} style={{ whiteSpace: 'pre-line' }}>
                          {row.fields[index] ?? ''}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
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
            {report.errors.length > 0 ? (
              <Table fz="sm" data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('desk.importLine')}</Table.Th>
                    <Table.Th>{t('desk.importReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.errors.map((row) => (
                    <Table.Tr key={`${row.line}:${row.reason}`} data-line={row.line}>
                      <Table.Td ff="monospace">{row.line}</Table.Td>
                      <Table.Td>{row.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
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
