import { Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage, runtime } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useFormat } from '../../format';
import { useMe } from '../../state/me';
import { canExport, canOpenStatement } from './access';
import { startDownload } from './ExportButton';
import { GatedButton } from './GatedButton';

function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * "Statement": one merchant's monthly statement as a PDF, saved as a download: in the browser
 * mode from the server (which offers the file it just wrote), in Electron from a Blob URL. An
 * approver only ever gets their own merchant: the choice is fixed for them, as the server would
 * insist anyway.
 */
export function StatementButton({
  merchantId,
  months,
}: {
  merchantId: number | null;
  months: readonly string[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const actor = useMe();
  const merchants = useCall('merchants.list', {});
  const [opened, setOpened] = useState(false);
  const [merchant, setMerchant] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ url: string; fileName: string } | null>(null);
  const allowed = canOpenStatement(actor);
  const ownOnly = allowed && !canExport(actor);

  // Only the last PDF stays in memory.
  useEffect(
    () => () => {
      if (last?.url.startsWith('blob:')) URL.revokeObjectURL(last.url);
    },
    [last],
  );

  const open = () => {
    const chosen = ownOnly ? actor?.merchantIds[0] : (merchantId ?? merchants.data?.[0]?.id);
    setMerchant(chosen === undefined || chosen === null ? null : String(chosen));
    setMonth(months[0] ?? new Date().toISOString().slice(0, 7));
    setOpened(true);
  };

  const run = async () => {
    if (!merchant || !month) return;
    setBusy(true);
    try {
      const pdf = await call('statements.pdf', { merchantId: Number(merchant), month });
      if (runtime === 'browser') {
        // The server offers the PDF it just wrote: a real download, with its file name.
        // The link works once; the bytes came along, so "open again" uses them.
        setLast({ url: URL.createObjectURL(pdfBlob(pdf.base64)), fileName: pdf.fileName });
        startDownload(pdf.downloadId, pdf.fileName);
        return;
      }
      const url = URL.createObjectURL(pdfBlob(pdf.base64));
      setLast({ url, fileName: pdf.fileName });
      const link = document.createElement('a');
      link.href = url;
      link.download = pdf.fileName;
      link.click();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <GatedButton
        allowed={allowed}
        icon={<IconFileTypePdf size={14} />}
        refusal={t('books.statementRefused')}
        onClick={open}
        testId="statement-open"
      >
        {t('books.statement')}
      </GatedButton>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('books.statementTitle')} size="sm">
        <Stack gap="sm" data-testid="statement-form">
          <Select
            label={t('books.merchant')}
            value={merchant}
            disabled={ownOnly}
            allowDeselect={false}
            onChange={setMerchant}
            data={(merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
            description={ownOnly ? t('books.ownMerchantOnly') : undefined}
            comboboxProps={{ withinPortal: true }}
            data-testid="statement-merchant"
          />
          <Select
            label={t('books.month')}
            value={month}
            allowDeselect={false}
            onChange={setMonth}
            data={months.map((m) => ({ value: m, label: f.month(m) }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="statement-month"
          />
          <Text fz="xs" c="dimmed">
            {t('books.statementHint')}
          </Text>
          <Group justify="space-between">
            {last ? (
              <Anchor href={last.url} download={last.fileName} fz="xs" data-testid="statement-link">
                {last.fileName}
              </Anchor>
            ) : (
              <span />
            )}
            <Button
              loading={busy}
              disabled={!merchant || !month}
              onClick={() => void run()}
              data-testid="statement-run"
            >
              {t('books.openStatement')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
