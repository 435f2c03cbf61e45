import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileImport } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitsSoldImportReport } from '../../../../shared/contract/catalogue-units';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useFormat } from '../../format';
import { ImportDropZone, ImportErrorsTable, readAsBase64 } from '../intake/importParts';
import { mayCall } from '../../../../shared/access';
import { useMe } from '../../state/me';
import { GatedButton } from './GatedButton';

/** Mirrors products.importUnitsSold's roles, so the button says "no" before the server has to. */
const UNKNOWN_SHOWN = 30;

/**
 * "Import units sold" above the per-SKU table: the merchant's own sales per SKU from a CSV, which
 * the table turns into a return rate. Dropping or choosing the file imports it at once (the file
 * is all or nothing, so there is nothing to confirm); the result stays in the dialog: what was
 * updated, the refused lines with their reasons, the SKUs the catalogue does not know.
 */
export function UnitsSoldImport({ merchantId }: { merchantId: number | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const actor = useMe();
  const merchants = useCall('merchants.list', {});
  const [opened, setOpened] = useState(false);
  const [merchant, setMerchant] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<UnitsSoldImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const allowed = mayCall(actor, 'products.importUnitsSold');

  const open = () => {
    const chosen = merchantId ?? merchants.data?.[0]?.id;
    setMerchant(chosen === undefined ? null : String(chosen));
    setFileName(null);
    setReport(null);
    setFailure(null);
    setOpened(true);
  };

  const load = async (picked: File | undefined) => {
    if (!picked || !merchant) return;
    if (input.current) input.current.value = '';
    setFileName(picked.name);
    setReport(null);
    setFailure(null);
    setBusy(true);
    try {
      const base64 = await readAsBase64(picked);
      setReport(await call('products.importUnitsSold', { merchantId: Number(merchant), base64 }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <GatedButton
        allowed={allowed}
        icon={<IconFileImport size={14} />}
        refusal={t('books.exportRefused')}
        onClick={open}
        testId="units-open"
      >
        {t('books2.importUnits')}
      </GatedButton>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('books2.importUnitsTitle')} size="lg">
        <Stack gap="sm" data-testid="units-form">
          <Text fz="sm" c="dimmed">
            {t('books2.importUnitsHint')}
          </Text>
          <Select
            label={t('books.merchant')}
            value={merchant}
            allowDeselect={false}
            onChange={(value) => {
              setMerchant(value);
              setReport(null);
            }}
            data={(merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="units-merchant"
          />
          <ImportDropZone
            fileName={busy ? t('books2.importing') : fileName}
            onFile={(picked) => void load(picked)}
            inputRef={input}
            hint={t('books2.dropUnits')}
          />
          {failure ? (
            <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />} data-testid="units-error">
              {failure}
            </Alert>
          ) : null}
          {report ? (
            <Stack gap="xs" data-testid="units-result" data-applied={report.applied}>
              {report.applied ? (
                <Alert color="green" icon={<IconCheck size={18} />}>
                  {t('books2.unitsApplied', {
                    count: report.updated,
                    updated: f.number(report.updated),
                    unchanged: f.number(report.unchanged),
                    rows: f.number(report.rows),
                  })}
                </Alert>
              ) : (
                <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />}>
                  {t('books2.unitsRefused', { count: report.errors.length })}
                </Alert>
              )}
              <ImportErrorsTable errors={report.errors} />
              {report.unknownSkus.length > 0 ? (
                <Text fz="sm" data-testid="units-unknown">
                  {t('books2.unitsUnknown', { count: report.unknownSkus.length })}{' '}
                  <Text span ff="monospace" fz="xs">
                    {report.unknownSkus
                      .slice(0, UNKNOWN_SHOWN)
                      .map((u) => u.sku)
                      .join(', ')}
                  </Text>
                  {report.unknownSkus.length > UNKNOWN_SHOWN
                    ? ` ${t('books2.more', { count: report.unknownSkus.length - UNKNOWN_SHOWN })}`
                    : null}
                </Text>
              ) : null}
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('books.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
