import { Badge, Button, CloseButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCamera, IconPhotoUp, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoAddResult, UploadSource } from '../../../../shared/contract';
import { type StoredMessage } from '../../../../shared/messages';
import { renderMessage } from '../../../../shared/messages/render';
import { useCall } from '../../api/hooks';
import { useLanguage } from '../../i18n';
import { useDeskFolder } from '../../state/deskFolder';
import { uploadPhotos, type UploadFile } from './upload';

export interface Rejection {
  readonly name: string;
  /** In English; shown as it is when `text` is absent or of a newer version. */
  readonly reason: string;
  readonly text?: StoredMessage | undefined;
  readonly fromHotFolder?: boolean;
}

/**
 * Where photos come in by hand: drop files anywhere on the zone or pick them, and the webcam
 * button. Shows the batch's progress, then what was refused and why (the hot folder's
 * refusals too, so nothing silently goes missing).
 */
export function UploadZone({
  itemId,
  onWebcam,
  webcamOpen,
  onAdded,
  dropRef,
}: {
  itemId: number;
  onWebcam: () => void;
  webcamOpen: boolean;
  /** Set to this zone's drop handler, so a drop anywhere on the workspace lands here. */
  dropRef?: RefObject<((files: FileList) => void) | null>;
  onAdded: (results: readonly PhotoAddResult[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<{ accepted: number; rejected: number } | null>(null);
  const [rejected, setRejected] = useState<readonly Rejection[]>([]);
  const [hotSince, setHotSince] = useState(() => new Date().toISOString());
  const hot = useCall('photos.hotFolderStatus', {});
  // A desk connected to a server reads its folder in this page (state/deskFolder.ts).
  const deskRejected = useDeskFolder((state) => state.rejected);
  const hotRejected = [...(hot.data?.rejected ?? []), ...deskRejected]
    .filter((r) => r.at >= hotSince)
    .map((r) => ({ name: r.name, reason: r.reason, text: r.text, fromHotFolder: true }));
  const shown = [...rejected, ...hotRejected];

  const send = async (files: readonly UploadFile[], source: UploadSource) => {
    if (files.length === 0 || progress) return;
    setSummary(null);
    const results = await uploadPhotos(itemId, source, files, (done, total) => setProgress({ done, total }));
    setProgress(null);
    const refused = results.flatMap((r) => (r.ok ? [] : [{ name: r.name, reason: r.reason, text: r.text }]));
    setRejected(refused);
    setSummary({ accepted: results.length - refused.length, rejected: refused.length });
    onAdded(results);
  };

  const fromList = (list: FileList | null): UploadFile[] =>
    [...(list ?? [])].map((file) => ({ name: file.name, blob: file }));

  useEffect(() => {
    if (!dropRef) return;
    dropRef.current = (files) => void send(fromList(files), 'drop');
    return () => {
      dropRef.current = null;
    };
  });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void send(fromList(event.dataTransfer.files), 'drop');
  };

  return (
    <Stack gap={6}>
      <Paper
        p="sm"
        data-testid="photo-drop-zone"
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.stopPropagation();
          onDrop(event);
        }}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)',
          background: over ? 'var(--mantine-primary-color-light)' : undefined,
          transition: 'background 120ms, border-color 120ms',
        }}
      >
        <Stack gap="xs" align="center" ta="center">
          <IconPhotoUp size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Stack gap={0}>
            <Text fz="sm" fw={600}>
              {t('photoDesk.upload.dropTitle')}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('photoDesk.upload.dropHint')}
            </Text>
          </Stack>
          <Button
            size="xs"
            fullWidth
            variant="default"
            leftSection={<IconUpload size={14} />}
            onClick={() => input.current?.click()}
            disabled={progress !== null}
          >
            {t('photoDesk.upload.choose')}
          </Button>
          <Button
            size="xs"
            fullWidth
            variant={webcamOpen ? 'light' : 'default'}
            leftSection={<IconCamera size={14} />}
            onClick={onWebcam}
            aria-pressed={webcamOpen}
            data-testid="webcam-open"
          >
            {t('photoDesk.upload.webcam')}
          </Button>
        </Stack>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/tiff,image/heic,image/heif,.heic,.heif"
          multiple
          hidden
          data-testid="photo-file-input"
          onChange={(event) => {
            const files = fromList(event.currentTarget.files);
            event.currentTarget.value = '';
            void send(files, 'picker');
          }}
        />
        {progress ? (
          <Stack gap={4} mt="xs" data-testid="upload-progress">
            <Text fz="xs" c="dimmed">
              {t('photoDesk.upload.progress', progress)}
            </Text>
            <Progress value={(progress.done / Math.max(1, progress.total)) * 100} size="sm" animated />
          </Stack>
        ) : summary ? (
          <Text fz="xs" c="dimmed" mt="xs" data-testid="upload-summary">
            {t('photoDesk.upload.summary', { ...summary, count: summary.accepted })}
          </Text>
        ) : null}
      </Paper>
      {shown.length > 0 ? (
        <Paper p="xs" data-testid="rejected-files" bg="var(--mantine-color-red-light)">
          <Group justify="space-between" wrap="nowrap" mb={4}>
            <Text fz="sm" fw={600} c="red">
              {t('photoDesk.upload.rejectedTitle')}
            </Text>
            <CloseButton
              size="sm"
              aria-label={t('photoDesk.upload.dismiss')}
              onClick={() => {
                setRejected([]);
                setHotSince(new Date().toISOString());
              }}
            />
          </Group>
          <Stack gap={2}>
            {shown.map((r, i) => (
              <Stack key={`${r.name}-${i}`} gap={0}>
                <Group gap={6} wrap="nowrap">
                  <Text fz="xs" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {r.name}
                  </Text>
                  {r.fromHotFolder ? (
                    <Badge size="xs" variant="light" color="gray">
                      {t('photoDesk.upload.fromHotFolder')}
                    </Badge>
                  ) : null}
                </Group>
                <Text fz="xs" c="dimmed">
                  {r.text ? renderMessage(r.text, language, r.reason) : r.reason}
                </Text>
              </Stack>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
