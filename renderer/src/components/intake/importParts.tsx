import { ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState, type DragEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportRowError } from '../../../../shared/contract/intake';
import { renderMessage } from '../../../../shared/messages/render';
import { useLanguage } from '../../i18n';

/**
 * The pieces every CSV import shares (return notices on the desk, catalogues in Settings): the
 * drop zone, the preview with a column mapping, the refused rows by line. Each import keeps its
 * own fields and report; these only render.
 */

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL keeps the bytes as they are: the server detects the encoding (BOM, UTF-16…).
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Header chosen for each field: the same shape for any list of fields. */
export type FieldMapping<F extends string> = Partial<Record<F, string | null>>;

/** Gives `header` to `field` (or to nothing), taking it from whichever field had it. */
export function assignHeader<F extends string>(
  fields: readonly F[],
  current: FieldMapping<F>,
  header: string,
  field: F | null,
): FieldMapping<F> {
  const next: FieldMapping<F> = {};
  for (const key of fields) {
    const taken = current[key];
    if (taken && taken !== header && key !== field) next[key] = taken;
  }
  if (field) next[field] = header;
  return next;
}

export function ImportDropZone({
  fileName,
  onFile,
  inputRef,
  hint,
}: {
  fileName: string | null;
  /** What kind of file this import expects; the desk's return notices by default. */
  hint?: string;
  onFile: (file: File | undefined) => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    onFile(event.dataTransfer.files[0]);
  };
  return (
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
        {fileName ?? t('desk.importDrop')}
      </Text>
      <Text fz="xs" c="dimmed">
        {hint ?? t('desk.importDropHint')}
      </Text>
      <input
        ref={inputRef}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        hidden
        data-testid="import-file"
        onChange={(event) => onFile(event.currentTarget.files?.[0])}
      />
    </Stack>
  );
}

export function ImportPreviewTable<F extends string>({
  preview,
  fields,
  mapping,
  onAssign,
  fieldLabel,
}: {
  preview: ImportPreview;
  fields: readonly F[];
  mapping: FieldMapping<F>;
  onAssign: (header: string, field: F | null) => void;
  fieldLabel: (field: F) => string;
}) {
  const { t } = useTranslation();
  const fieldOf = (header: string): F | null => fields.find((field) => mapping[field] === header) ?? null;
  const options = fields.map((field) => ({ value: field, label: fieldLabel(field) }));
  return (
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
                  onChange={(value) => onAssign(header, value as F | null)}
                  data={options}
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
  );
}

export function ImportErrorsTable({ errors }: { errors: readonly ImportRowError[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (errors.length === 0) return null;
  return (
    <Table fz="sm" data-testid="import-errors">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t('desk.importLine')}</Table.Th>
          <Table.Th>{t('desk.importReason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((row) => (
          <Table.Tr key={`${row.line}:${row.reason}`} data-line={row.line}>
            <Table.Td ff="monospace">{row.line}</Table.Td>
            <Table.Td>{row.text ? renderMessage(row.text, language, row.reason) : row.reason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
