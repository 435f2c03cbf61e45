import { Anchor, Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_SIZES, type LabelSize } from '../../../../shared/contract/intake';
import { call, errorMessage, runtime } from '../../api/client';
import { ShortcutTooltip } from '../common';

const SIZE_KEY = 'rebound.labelSize';

/** The desk keeps one label printer: the last size chosen is the next default. */
function storedSize(): LabelSize {
  const value = localStorage.getItem(SIZE_KEY);
  return (LABEL_SIZES as readonly string[]).includes(value ?? '') ? (value as LabelSize) : '62x29mm';
}

const SIZE_LABELS: Readonly<Record<LabelSize, string>> = {
  '62x29mm': '62 × 29 mm',
  '100x50mm': '100 × 50 mm',
  '4x6in': '4 × 6 in',
};

function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * "Print label" (Ctrl+P): the server draws the PDF; the window opens it for the system's print
 * dialog. Electron refuses new windows, and a browser may block the pop-up: then it is saved as
 * a download instead. The last PDF stays linked beside the button to open it again.
 */
export function LabelButton({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const [size, setSize] = useState<LabelSize>(storedSize);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ url: string; fileName: string } | null>(null);

  // A blob URL holds the PDF in memory until revoked: only the last one is kept (the parent
  // keys this component by item, so another item starts afresh).
  useEffect(
    () => () => {
      if (last) URL.revokeObjectURL(last.url);
    },
    [last],
  );

  const print = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    try {
      const pdf = await call('intake.label', { itemId, size });
      const url = URL.createObjectURL(pdfBlob(pdf.base64));
      setLast({ url, fileName: pdf.fileName });
      const opened = runtime === 'browser' ? window.open(url, '_blank') : null;
      if (!opened) {
        const link = document.createElement('a');
        link.href = url;
        link.download = pdf.fileName;
        link.click();
      }
      notifications.show({
        color: 'green',
        message: t(opened ? 'desk.labelOpened' : 'desk.labelDownloaded', { file: pdf.fileName }),
      });
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  }, [busy, itemId, size, t]);

  // Ctrl+P prints the label, not the screen.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        void print();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [print]);

  return (
    <Group gap={6} wrap="nowrap">
      <Select
        size="xs"
        w={118}
        aria-label={t('desk.labelSize')}
        data-testid="label-size"
        value={size}
        allowDeselect={false}
        onChange={(value) => {
          if (!value) return;
          setSize(value as LabelSize);
          localStorage.setItem(SIZE_KEY, value);
        }}
        data={LABEL_SIZES.map((s) => ({ value: s, label: SIZE_LABELS[s] }))}
        comboboxProps={{ withinPortal: true }}
      />
      <ShortcutTooltip label={t('desk.printLabel')} keys={['Ctrl', 'P']}>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPrinter size={14} />}
          loading={busy}
          onClick={() => void print()}
          data-testid="print-label"
        >
          {t('desk.printLabel')}
        </Button>
      </ShortcutTooltip>
      {last ? (
        <Anchor href={last.url} download={last.fileName} fz="xs" data-testid="label-link">
          {last.fileName}
        </Anchor>
      ) : null}
    </Group>
  );
}
