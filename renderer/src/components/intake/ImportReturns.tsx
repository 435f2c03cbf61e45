import { Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_FIELDS, type ImportReport, type ReturnField } from '../../../../shared/contract/intake';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { CsvFilePicker } from '../csv/CsvFilePicker';
import { CsvPreview } from '../csv/CsvPreview';
import { ImportResult, type ResultCount } from '../csv/ImportResult';
import { useCsvImport } from '../csv/useCsvImport';

const FROM_FILE = 'file';

/** What the report counts, besides the refused rows. */
const COUNTS: readonly ResultCount<ImportReport>[] = [
  { key: 'desk.importImported', of: (r) => r.imported, color: 'green', testId: 'import-imported' },
  { key: 'desk.importSkipped', of: (r) => r.skipped, color: 'gray', testId: 'import-skipped' },
  { key: 'desk.importProducts', of: (r) => r.productsCreated, color: 'blue', hideZero: true },
];

/**
 * Importing the merchant's return notices: drop a CSV, check the preview and the column of each
 * field, import; the report lists the rows that were refused by their line in the file.
 */
export function ImportReturnsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const merchants = useCall('merchants.list', {}, { enabled: opened });
  const list = merchants.data ?? [];
  const [merchant, setMerchant] = useState<string | null>(null);
  const chosen = merchant ?? (list.length === 1 ? String(list[0]!.id) : FROM_FILE);
  const csv = useCsvImport({
    kind: 'returns',
    fields: RETURN_FIELDS,
    submit: (base64, mapping) =>
      call('intake.importReturns', {
        base64,
        ...(chosen !== FROM_FILE ? { merchantId: Number(chosen) } : {}),
        mapping,
      }),
    // A merchant chosen here stands for the file's merchant column.
    covered: (field: ReturnField) => field === 'merchant' && chosen !== FROM_FILE,
  });

  return (
    <Modal
      opened={opened}
      onClose={() => {
        csv.reset();
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
        <CsvFilePicker csv={csv} />
        <CsvPreview csv={csv} fieldLabel={(field) => t(`desk.fields.${field}`)} />
        <ImportResult csv={csv} counts={COUNTS} />
      </Stack>
    </Modal>
  );
}
