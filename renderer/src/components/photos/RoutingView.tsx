import { Alert, Anchor, Button, FileButton, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconCamera, IconTag, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LabelRoutingStatus, RoutedItem, RoutedPhoto } from '../../../../shared/contract';
import { renderMessage } from '../../../../shared/messages/render';
import { call, errorMessage } from '../../api/client';
import { useLanguage } from '../../i18n';
import { routeHref } from '../../state/router';
import { Keys } from '../common';
import { Photo } from '../Photo';
import { fileDrop } from './fileDrop';
import { uploadByLabel, type UploadFile } from './upload';
import { WebcamPanel } from './WebcamPanel';

/**
 * The photo desk shooting by label: every photo as it arrives, the item it went to and why (its
 * own label, or following the last label), newest first. ↑ and ↓ choose a photo; ← and → move it
 * to the item before or after its own in this session, for a shot filed on the wrong item. When a
 * label stops the session (an unknown item, another merchant's), it says why and waits for Resume.
 */
export function RoutingView({ status }: { status: LabelRoutingStatus }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [webcam, setWebcam] = useState(false);
  const photos = status.photos;
  const chosen = photos.find((line) => line.n === selected) ?? photos[0] ?? null;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const index = chosen ? photos.indexOf(chosen) : -1;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = photos[index + (event.key === 'ArrowDown' ? 1 : -1)];
        if (next) setSelected(next.n);
      } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && chosen) {
        event.preventDefault();
        const to = neighbour(status.items, chosen.item, event.key === 'ArrowLeft' ? -1 : 1);
        if (!to || chosen.photoId === null) return;
        void call('photos.move', { photoId: chosen.photoId, itemId: to.id }).then(
          () => notifications.show({ message: t('photoDesk.routing.moved', { reference: to.reference }) }),
          (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chosen, photos, status.items, t]);

  const send = async (files: readonly UploadFile[], source: 'drop' | 'picker' | 'webcam' = 'drop') => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const { failed } = await uploadByLabel(source, files, () => undefined);
      for (const failure of failed) {
        notifications.show({ color: 'red', message: `${failure.name}: ${failure.reason}` });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      gap="sm"
      data-testid="routing-view"
      {...fileDrop((files) => void send([...files].map((file) => ({ name: file.name, blob: file }))))}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} miw={0}>
          <Text fz="sm" c="dimmed">
            {t('photoDesk.routing.nowFiling')}
          </Text>
          {status.current ? (
            <Group
              gap="xs"
              wrap="nowrap"
              data-testid="routing-current"
              data-reference={status.current.reference}
            >
              <IconTag size={18} />
              <Text ff="monospace" fw={700}>
                {status.current.reference}
              </Text>
              <Text lineClamp={1}>{status.current.title}</Text>
            </Group>
          ) : (
            <Text fw={600} data-testid="routing-current">
              {t('photoDesk.routing.waiting')}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <FileButton
            multiple
            accept="image/*"
            onChange={(files) =>
              void send(
                files.map((file) => ({ name: file.name, blob: file })),
                'picker',
              )
            }
            inputProps={{ 'data-testid': 'routing-file-input' } as object}
          >
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                loading={busy}
                leftSection={<IconUpload size={14} />}
              >
                {t('photoDesk.routing.addFiles')}
              </Button>
            )}
          </FileButton>
          <Button
            size="xs"
            variant={webcam ? 'filled' : 'default'}
            leftSection={<IconCamera size={14} />}
            onClick={() => setWebcam((open) => !open)}
            data-testid="routing-webcam"
          >
            {t('photoDesk.upload.webcam')}
          </Button>
        </Group>
      </Group>

      {webcam ? (
        <WebcamPanel
          busy={busy}
          onClose={() => setWebcam(false)}
          onShot={async (blob) => {
            const stamp = new Date().toISOString().replace(/[:.]/g, '-');
            await send([{ name: `webcam-${stamp}.jpg`, blob }], 'webcam');
          }}
        />
      ) : null}

      {status.stopped ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('photoDesk.routing.stoppedTitle')}
          data-testid="routing-stopped"
        >
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{renderMessage(status.stopped.text, language, status.stopped.reason)}</Text>
            <Button
              size="xs"
              color="red"
              variant="light"
              data-testid="routing-resume"
              onClick={() =>
                void call('photos.resumeRouting', {}).catch((error: unknown) =>
                  notifications.show({ color: 'red', message: errorMessage(error) }),
                )
              }
            >
              {t('photoDesk.routing.resume')}
            </Button>
          </Stack>
        </Alert>
      ) : null}

      <Group gap="md" fz="sm" c="dimmed">
        <Group gap={4} wrap="nowrap">
          <Keys keys={['↑', '↓']} />
          <span>{t('photoDesk.routing.keys.choose')}</span>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Keys keys={['←', '→']} />
          <span>{t('photoDesk.routing.keys.move')}</span>
        </Group>
      </Group>

      {photos.length === 0 ? (
        <Paper p="xl" style={{ borderStyle: 'dashed' }}>
          <Text c="dimmed" ta="center" data-testid="routing-empty">
            {t('photoDesk.routing.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper style={{ overflow: 'auto' }}>
          <Table verticalSpacing={4} highlightOnHover data-testid="routing-photos">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th w={64}>{t('photoDesk.routing.columns.photo')}</Table.Th>
                <Table.Th>{t('photoDesk.routing.columns.file')}</Table.Th>
                <Table.Th>{t('photoDesk.routing.columns.item')}</Table.Th>
                <Table.Th>{t('photoDesk.routing.columns.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {photos.map((line) => (
                <RoutedLine
                  key={line.n}
                  line={line}
                  selected={chosen?.n === line.n}
                  onSelect={() => setSelected(line.n)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

/** The item before or after `item` in the session's order; the first one for a photo on none. */
function neighbour(items: readonly RoutedItem[], item: RoutedItem | null, delta: -1 | 1): RoutedItem | null {
  if (!item) return delta === 1 ? (items[0] ?? null) : (items.at(-1) ?? null);
  const index = items.findIndex((candidate) => candidate.id === item.id);
  return items[index + delta] ?? null;
}

function RoutedLine({
  line,
  selected,
  onSelect,
}: {
  line: RoutedPhoto;
  selected: boolean;
  onSelect: () => void;
}) {
  const language = useLanguage();
  const why = line.text ? renderMessage(line.text, language, line.reason ?? undefined) : line.reason;
  return (
    <Table.Tr
      onClick={onSelect}
      data-testid="routed-photo"
      data-name={line.name}
      data-how={line.how}
      data-item-reference={line.item?.reference ?? ''}
      data-selected={selected ? 'true' : 'false'}
      aria-selected={selected}
      style={{
        cursor: 'pointer',
        background: selected ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Table.Td c="dimmed">{line.n}</Table.Td>
      <Table.Td>
        <Photo hash={line.hash} size={44} alt={line.name} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fz="sm">{line.name}</Text>
      </Table.Td>
      <Table.Td>
        {line.item ? (
          <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
            {line.movedFrom ? (
              <>
                <Text span ff="monospace" fz="sm" c="dimmed" td="line-through">
                  {line.movedFrom.reference}
                </Text>
                <IconArrowRight size={14} />
              </>
            ) : null}
            <Anchor
              href={routeHref({ page: 'photos', itemId: line.item.id })}
              ff="monospace"
              fz="sm"
              fw={600}
            >
              {line.item.reference}
            </Anchor>
            <Text fz="sm" c="dimmed" truncate maw={260}>
              {line.item.title}
            </Text>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6}>
            <HowBadge line={line} />
          </Group>
          {why && line.photoId === null && !line.dropped ? (
            <Text fz="xs" c="red.8">
              {why}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** How the photo was routed, in words: a coloured line that wraps rather than a badge that cuts. */
function HowBadge({ line }: { line: RoutedPhoto }) {
  const { t } = useTranslation();
  const [color, text] = howWords(line, t);
  return (
    <Group gap={4} wrap="nowrap" data-testid="routed-how">
      {line.how === 'label' ? <IconTag size={14} color={`var(--mantine-color-${color}-7)`} /> : null}
      <Text fz="sm" fw={500} c={`${color}.8`}>
        {text}
      </Text>
    </Group>
  );
}

function howWords(line: RoutedPhoto, t: TFunction): [string, string] {
  if (line.movedFrom) return ['violet', t('photoDesk.routing.how.moved')];
  switch (line.how) {
    case 'label':
      return [
        'teal',
        line.dropped
          ? t('photoDesk.routing.how.labelDropped', { reference: line.label })
          : t('photoDesk.routing.how.label', { reference: line.label }),
      ];
    case 'follows_label':
      return ['blue', t('photoDesk.routing.how.follows')];
    case 'unrouted':
      return ['gray', t('photoDesk.routing.how.unrouted')];
    case 'stopped':
      return ['red', t('photoDesk.routing.how.stopped')];
  }
}
