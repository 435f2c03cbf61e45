// The wizard's second step: the file's format, its first rows with a column per field, the run.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { ImportPreviewTable } from '../intake/importParts';
import type { CsvImport, CsvReport } from './useCsvImport';

export function CsvPreview<F extends string, R extends CsvReport>({
  csv,
  fieldLabel,
}: {
  csv: CsvImport<F, R>;
  fieldLabel: (field: F) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { file, preview, missing } = csv;
  if (!preview || !file || csv.report) return null;
  return (
    <Stack gap="xs" data-testid="import-preview">
      <Text fz="xs" c="dimmed">
        {t('desk.importFile', {
          count: preview.rowCount,
          name: file.name,
          rows: f.number(preview.rowCount),
          encoding: preview.encoding.toUpperCase(),
          separator: preview.separator === '\t' ? '⇥' : preview.separator,
        })}
      </Text>
      <ImportPreviewTable
        preview={preview}
        fields={csv.fields}
        mapping={csv.mapping}
        onAssign={csv.assign}
        fieldLabel={fieldLabel}
      />
      {missing.length > 0 ? (
        <Alert color="yellow" py={6}>
          {t('desk.importMissing', { fields: missing.map(fieldLabel).join(', ') })}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button
          onClick={() => void csv.run()}
          loading={csv.busy}
          disabled={missing.length > 0}
          data-testid="import-run"
        >
          {t('desk.importRun', { count: preview.rowCount })}
        </Button>
      </Group>
    </Stack>
  );
}
