import { Alert, Box, Button, CloseButton, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCamera, IconCheck, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortcutTooltip } from '../common';

/**
 * A webcam for quick shots (a label, a serial number) when the tethered camera is not at hand:
 * choose the camera, shoot to a canvas, keep it as a JPEG or retake. Only video is asked for:
 * the Electron app refuses the microphone anyway.
 */
export function WebcamPanel({
  onClose,
  onShot,
  busy,
}: {
  onClose: () => void;
  onShot: (blob: Blob) => Promise<void>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [shot, setShot] = useState<{ blob: Blob; url: string } | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    const constraints: MediaStreamConstraints = {
      audio: false,
      video: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
        width: { ideal: 1920 },
        height: { ideal: 1080 },
      },
    };
    navigator.mediaDevices
      .getUserMedia(constraints)
      .then(async (opened) => {
        if (cancelled) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = opened;
        // Labels are only known once the permission is granted, so list the cameras now.
        const all = await navigator.mediaDevices.enumerateDevices();
        if (cancelled) return;
        setDevices(all.filter((d) => d.kind === 'videoinput'));
        const element = video.current;
        if (element) {
          element.srcObject = opened;
          await element.play().catch(() => undefined);
        }
        setReady(true);
      })
      .catch((failure: unknown) => {
        if (cancelled) return;
        const name = failure instanceof DOMException ? failure.name : '';
        setError(
          name === 'NotFoundError' || name === 'OverconstrainedError'
            ? t('photoDesk.webcam.noCamera')
            : t('photoDesk.webcam.denied', {
                reason: failure instanceof Error ? failure.message : String(failure),
              }),
        );
      });
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [deviceId, t]);

  useEffect(() => () => (shot ? URL.revokeObjectURL(shot.url) : undefined), [shot]);

  const take = () => {
    const element = video.current;
    if (!element || !ready || element.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = element.videoWidth;
    canvas.height = element.videoHeight;
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (blob) setShot({ blob, url: URL.createObjectURL(blob) });
      },
      'image/jpeg',
      0.92,
    );
  };

  const keep = async () => {
    if (!shot) return;
    await onShot(shot.blob);
    setShot(null);
  };

  useHotkeys([
    ['Space', () => (shot ? undefined : take())],
    ['Enter', () => void keep()],
    ['R', () => setShot(null)],
  ]);

  return (
    <Paper p="sm" data-testid="webcam-panel">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} fz="sm">
          {t('photoDesk.webcam.title')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {devices.length > 1 ? (
            <Select
              size="xs"
              aria-label={t('photoDesk.webcam.camera')}
              placeholder={t('photoDesk.webcam.camera')}
              data={devices.map((d, i) => ({
                value: d.deviceId,
                label: d.label || `${t('photoDesk.webcam.camera')} ${i + 1}`,
              }))}
              value={deviceId}
              onChange={(value) => {
                // A new camera starts from scratch: its own "starting…" and its own errors.
                setReady(false);
                setError(null);
                setDeviceId(value);
              }}
              allowDeselect={false}
              w={220}
            />
          ) : null}
          <CloseButton aria-label={t('photoDesk.webcam.close')} onClick={onClose} />
        </Group>
      </Group>
      {error ? (
        <Alert color="orange">{error}</Alert>
      ) : (
        <Stack gap="xs">
          <Box
            pos="relative"
            style={{
              borderRadius: 8,
              overflow: 'hidden',
              background: 'black',
              height: 'max(240px, calc(100vh - 400px))',
            }}
          >
            <video
              ref={video}
              muted
              playsInline
              data-testid="webcam-video"
              style={{
                width: '100%',
                height: '100%',
                objectFit: 'contain',
                display: shot ? 'none' : 'block',
              }}
            />
            {shot ? (
              <img
                src={shot.url}
                alt={t('photoDesk.webcam.title')}
                data-testid="webcam-shot"
                style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
              />
            ) : null}
            {!ready ? (
              <Group pos="absolute" inset={0} justify="center" c="gray.3" gap="xs">
                <Loader size="sm" color="gray.3" />
                <Text fz="sm">{t('photoDesk.webcam.starting')}</Text>
              </Group>
            ) : null}
          </Box>
          <Group gap="xs" justify="flex-end">
            {shot ? (
              <>
                <ShortcutTooltip label={t('photoDesk.webcam.retake')} keys={['R']}>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconRefresh size={14} />}
                    onClick={() => setShot(null)}
                  >
                    {t('photoDesk.webcam.retake')}
                  </Button>
                </ShortcutTooltip>
                <ShortcutTooltip label={t('photoDesk.webcam.use')} keys={['Enter']}>
                  <Button
                    size="xs"
                    leftSection={<IconCheck size={14} />}
                    onClick={() => void keep()}
                    loading={busy}
                    data-testid="webcam-use"
                  >
                    {t('photoDesk.webcam.use')}
                  </Button>
                </ShortcutTooltip>
              </>
            ) : (
              <ShortcutTooltip label={t('photoDesk.webcam.shoot')} keys={['Space']}>
                <Button
                  size="xs"
                  leftSection={<IconCamera size={14} />}
                  onClick={take}
                  disabled={!ready}
                  data-testid="webcam-shoot"
                >
                  {t('photoDesk.webcam.shoot')}
                </Button>
              </ShortcutTooltip>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
