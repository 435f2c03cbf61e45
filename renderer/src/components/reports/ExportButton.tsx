import {
  Alert,
  Button,
  Code,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat, type ExportResult } from '../../../../shared/contract/exports';
import { EXPORT_LOCALES } from '../../../../shared/accounting/csv';
import { call, errorMessage, runtime } from '../../api/client';
import { useBackgroundWork, useCall } from '../../api/hooks';
import { useFormat } from '../../format';
import { useMe } from '../../state/me';
import { canExport, type Period } from './access';
import { GatedButton } from './GatedButton';

type Locale = (typeof EXPORT_LOCALES)[number];

/** The export needs both ends of the period: an open end becomes today. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Starts the download of a file the server just offered to this session, as a click on a link
 * would. The link works once (electron/server/http.ts): exporting again makes a new one.
 */
export function startDownload(downloadId: string | null, fileName: string): void {
  if (downloadId === null) return;
  const link = document.createElement('a');
  link.href = `/api/download/${encodeURIComponent(downloadId)}`;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * "Export": the sales of a period as CSV, XLSX or an accounting journal. The server writes the
 * file into the data folder and reports progress per page; the form shows that, then how many
 * rows it holds and where it went. In the browser mode the file also downloads at once (the
 * server offers that one file, and only it, for download); in Electron it stays in the data
 * folder, whose path is shown.
 */
export function ExportButton({ period, merchantId }: { period: Period; merchantId: number | null }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const actor = useMe();
  const merchants = useCall('merchants.list', {});
  // Months with sales, newest first: an open period starts at the first of them.
  const months = useCall('sales.list', { limit: 1 }).data?.months ?? [];
  const [opened, setOpened] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [locale, setLocale] = useState<Locale>('en');
  const [merchant, setMerchant] = useState<string>('all');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const progress = useBackgroundWork((s) => s.tasks.get('exports.sales'));
  const allowed = canExport(actor);

  const open = () => {
    // The form starts from what the screen shows: same period, same merchant, the UI language.
    setFrom(period.from ?? `${months.at(-1) ?? today().slice(0, 7)}-01`);
    setTo(period.to ?? today());
    setMerchant(merchantId === null ? 'all' : String(merchantId));
    const uiLocale = i18n.language.slice(0, 2);
    setLocale((EXPORT_LOCALES as readonly string[]).includes(uiLocale) ? (uiLocale as Locale) : 'en');
    setResult(null);
    setFailure(null);
    setOpened(true);
  };

  const run = async () => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      const written = await call('exports.sales', {
        from,
        to,
        format,
        locale,
        merchantId: merchant === 'all' ? undefined : Number(merchant),
      });
      setResult(written);
      if (runtime === 'browser') startDownload(written.downloadId, written.fileName);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const share = result ? 1 : progress && progress.total > 0 ? progress.done / progress.total : 0;

  return (
    <>
      <GatedButton
        allowed={allowed}
        icon={<IconDownload size={14} />}
        refusal={t('books.exportRefused')}
        onClick={open}
        testId="export-open"
      >
        {t('books.export')}
      </GatedButton>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('books.exportTitle')} size="md">
        <Stack gap="sm" data-testid="export-form">
          <Group grow>
            <TextInput
              type="date"
              label={t('books.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data-testid="export-from"
            />
            <TextInput
              type="date"
              label={t('books.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              data-testid="export-to"
            />
          </Group>
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              {t('books.format')}
            </Text>
            <SegmentedControl
              value={format}
              onChange={(value) => setFormat(value as ExportFormat)}
              data={EXPORT_FORMATS.map((value) => ({ value, label: t(`books.formats.${value}`) }))}
              data-testid="export-format"
            />
          </Stack>
          <Group grow>
            <Select
              label={t('books.locale')}
              value={locale}
              allowDeselect={false}
              onChange={(value) => value && setLocale(value as Locale)}
              data={EXPORT_LOCALES.map((value) => ({ value, label: t(`books.locales.${value}`) }))}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('books.merchant')}
              value={merchant}
              allowDeselect={false}
              onChange={(value) => value && setMerchant(value)}
              data={[
                { value: 'all', label: t('books.allMerchants') },
                ...(merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name })),
              ]}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          {busy || result ? (
            <Stack gap={4}>
              <Progress
                value={share * 100}
                animated={busy}
                // The bar follows the server's pages; a sliding transition would lag behind the count.
                transitionDuration={0}
                data-testid="export-progress"
                aria-label={t('books.progress')}
              />
              <Text fz="xs" c="dimmed" className="rb-num">
                {progress
                  ? t('books.progressRows', {
                      count: progress.total,
                      done: f.number(progress.done),
                      total: f.number(progress.total),
                    })
                  : busy
                    ? t('books.starting')
                    : null}
              </Text>
            </Stack>
          ) : null}
          {result ? (
            <Alert
              color="green"
              data-testid="export-result"
              title={t('books.exportDone', { count: result.rows, rows: f.number(result.rows) })}
            >
              {runtime === 'browser' ? (
                <Text fz="sm" mb={6}>
                  {t('books2.downloadStarted', { file: result.fileName })}
                </Text>
              ) : null}
              <Text fz="sm">{t('books.savedIn')}</Text>
              <Code
                block
                data-testid="export-path"
                style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
              >
                {result.file}
              </Code>
              {result.format === 'journal' ? (
                <Text fz="xs" c="dimmed" mt={4}>
                  {t('books.journalLines', { count: result.lines, lines: f.number(result.lines) })}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          {failure ? (
            <Alert color="red" role="alert" data-testid="export-error">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('books.close')}
            </Button>
            <Button
              loading={busy}
              onClick={() => void run()}
              data-testid="export-run"
              disabled={!from || !to}
            >
              {t('books.runExport')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
