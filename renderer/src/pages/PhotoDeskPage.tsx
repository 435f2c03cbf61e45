import { Box, Button, EmptyState, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCameraPlus, IconExternalLink, IconPhotoSearch, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, MethodName, PhotoAddResult } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/hooks';
import { GradeBadge, StatusBadge } from '../components/badges';
import { ErrorAlert, Fact, Keys, LoadingBlock, PageHeader } from '../components/common';
import { ItemList } from '../components/ItemList';
import { DefectLinkModal, DeskViewer, useDeskWarningLabel, ZoomModal } from '../components/photos/DeskViewer';
import { HotFolderLine } from '../components/photos/HotFolder';
import { RoutingControls } from '../components/photos/RoutingControls';
import { RoutingView } from '../components/photos/RoutingView';
import { refusalReason, uploadPhotos } from '../components/photos/upload';
import { UploadZone } from '../components/photos/UploadZone';
import { WebcamPanel } from '../components/photos/WebcamPanel';
import { useDeskShots } from '../state/deskFolder';
import { navigate, routeHref } from '../state/router';

const KNOWN_SOURCES = ['hot_folder', 'drop', 'file', 'webcam', 'demo'] as const;

/** Shooting keys, shown under the title so nobody has to hover to find them. */
function KeysHint() {
  const { t } = useTranslation();
  const hints: [readonly string[], string][] = [
    [['←', '→'], t('photoDesk.keys.move')],
    [['Shift', '←', '→'], t('photoDesk.keys.reorder')],
    [['M'], t('photoDesk.keys.main')],
    [['Delete'], t('photoDesk.keys.delete')],
    [['D'], t('photoDesk.keys.defect')],
    [['Z'], t('photoDesk.keys.zoom')],
  ];
  return (
    <Group gap="sm" wrap="wrap">
      {hints.map(([keys, label]) => (
        <Group key={label} gap={4} wrap="nowrap">
          <Keys keys={keys} />
          <span>{label}</span>
        </Group>
      ))}
    </Group>
  );
}

export function PhotoDeskPage({ itemId }: { itemId?: number | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 200);

  // The hot folder sends new shots to the item open here; leaving the desk stops that. (Only
  // the leaving sets null: sent on every switch it could overtake the next item's call.)
  useEffect(() => {
    if (itemId !== undefined) void call('photos.setActiveItem', { itemId }).catch(() => undefined);
  }, [itemId]);
  useEffect(() => () => void call('photos.setActiveItem', { itemId: null }).catch(() => undefined), []);
  // Shooting by label: shots go where their labels say, whichever item is open here.
  const routing = useCall('photos.routing', {});
  const byLabel = routing.data?.on === true;
  // A desk connected to a server: its own camera folder's shots go to the item open here.
  useDeskShots(itemId ?? null, byLabel);

  return (
    <div className="rb-page" data-testid="page-photos">
      <PageHeader title={t('nav.photoDesk')} subtitle={byLabel ? undefined : <KeysHint />} />
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper w={320} miw={260} style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
          <Box p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <TextInput
              size="sm"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              placeholder={t('photos.searchPlaceholder')}
              aria-label={t('photos.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              data-testid="photo-search"
            />
          </Box>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <ItemList
              filters={{ search: search || undefined, sort: 'received_desc' }}
              selectedId={itemId ?? null}
              onSelect={(item) => navigate({ page: 'photos', itemId: item.id })}
              label={t('nav.photoDesk')}
              empty={
                <Text p="md" fz="sm" c="dimmed">
                  {t('intake.noMatch')}
                </Text>
              }
            />
          </Box>
        </Paper>
        <Box className="rb-pane" style={{ flex: 1, minWidth: 0 }}>
          <Stack gap="sm">
            <Group justify="space-between" gap="sm" wrap="wrap">
              <HotFolderLine itemId={byLabel ? null : (itemId ?? null)} byLabel={byLabel} />
              {routing.data ? <RoutingControls status={routing.data} /> : null}
            </Group>
            {byLabel && routing.data ? (
              <RoutingView status={routing.data} />
            ) : itemId === undefined ? (
              <EmptyState
                mt={80}
                variant="light"
                icon={<IconPhotoSearch size={26} />}
                title={t('photos.pickTitle')}
                description={t('photos.pickHint')}
              />
            ) : (
              <PhotoWorkspace key={itemId} itemId={itemId} />
            )}
          </Stack>
        </Box>
      </Group>
    </div>
  );
}

function PhotoWorkspace({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const warningLabel = useDeskWarningLabel();
  const item = useCall('items.get', { id: itemId }, { placeholderData: undefined });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // Shift+→ pressed twice before the first reorder comes back must move the photo twice:
  // the order shown is the one last asked for until the server's answer catches up.
  const [order, setOrder] = useState<readonly number[] | null>(null);
  const pendingReorders = useRef(0);
  const dropRef = useRef<((files: FileList) => void) | null>(null);
  const [webcam, setWebcam] = useState(false);
  const [webcamBusy, setWebcamBusy] = useState(false);
  const [zoomed, setZoomed] = useState(false);
  const [linking, setLinking] = useState(false);

  const updatedAt = item.dataUpdatedAt;
  useEffect(() => {
    if (pendingReorders.current === 0) setOrder(null);
  }, [updatedAt]);

  if (item.error) return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <LoadingBlock />;
  const data = item.data;
  const serverIds = data.photos.map((p) => p.id);
  const byId = new Map(data.photos.map((p) => [p.id, p]));
  const sameSet = order !== null && order.length === serverIds.length && order.every((id) => byId.has(id));
  const photos = sameSet ? order.map((id) => byId.get(id)!) : data.photos;
  const found = photos.findIndex((p) => p.id === selectedId);
  const index = found >= 0 ? found : 0;
  const photo = photos[index];
  const modalOpen = zoomed || linking;

  const run = <M extends MethodName>(method: M, input: Input<M>) =>
    call(method, input).catch((error: unknown) => {
      notifications.show({ color: 'red', message: errorMessage(error) });
      throw error;
    });

  // Optimistic: the new order shows at once; if the server refuses it (the photos changed
  // meanwhile, e.g. a hot-folder shot arrived) the server's order comes back with a plain word.
  const reorder = (ids: readonly number[], movedId: number) => {
    setOrder(ids);
    setSelectedId(movedId);
    pendingReorders.current++;
    void call('photos.reorder', { itemId, photoIds: [...ids] })
      .catch((error: unknown) => {
        setOrder(null);
        const conflict = error instanceof AppError && error.code === 'conflict';
        notifications.show({
          color: 'red',
          message: conflict ? t('photoDesk.reorderConflict') : errorMessage(error),
        });
        if (conflict) void item.refetch();
      })
      .finally(() => {
        pendingReorders.current--;
      });
  };

  const actions = {
    select: (i: number) => {
      const target = photos[i];
      if (target && !modalOpen) setSelectedId(target.id);
    },
    move: (delta: -1 | 1) => {
      const to = index + delta;
      if (!photo || modalOpen || to < 0 || to >= photos.length) return;
      const ids = photos.map((p) => p.id);
      [ids[index], ids[to]] = [ids[to]!, ids[index]!];
      reorder(ids, photo.id);
    },
    reorder: (ids: readonly number[], movedId: number) => {
      if (!modalOpen) reorder(ids, movedId);
    },
    setMain: () => {
      if (!photo || modalOpen || photo.isMain) return;
      void run('photos.setMain', { photoId: photo.id }).then(
        () => notifications.show({ color: 'green', message: t('photoDesk.mainSet') }),
        () => undefined,
      );
    },
    remove: () => {
      if (!photo || modalOpen) return;
      const removed = photo;
      const next = photos[index + 1] ?? photos[index - 1];
      setSelectedId(next?.id ?? null);
      void run('photos.delete', { photoId: removed.id }).then(
        () => {
          const id = `photo-deleted-${removed.id}`;
          notifications.show({
            id,
            autoClose: 8000,
            message: (
              <Group justify="space-between" wrap="nowrap" data-testid="photo-deleted-toast">
                <span>{t('photoDesk.deleted')}</span>
                <Button
                  size="compact-xs"
                  variant="light"
                  data-testid="photo-undo"
                  onClick={() => {
                    notifications.hide(id);
                    void run('photos.restore', { photoId: removed.id }).then(
                      () => setSelectedId(removed.id),
                      () => undefined,
                    );
                  }}
                >
                  {t('photoDesk.undo')}
                </Button>
              </Group>
            ),
          });
        },
        () => setSelectedId(removed.id),
      );
    },
    linkDefect: () => {
      if (photo && !zoomed) setLinking(true);
    },
    zoom: () => {
      if (photo && !linking) setZoomed((z) => !z);
    },
  };

  const onAdded = (results: readonly PhotoAddResult[]) => {
    // Show the first new photo of the batch: that is what the person wants to check.
    const first = results.find((r) => r.ok && !r.duplicate);
    if (first?.ok) setSelectedId(first.photoId);
  };

  const shootWebcam = async (blob: Blob) => {
    setWebcamBusy(true);
    try {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const results = await uploadPhotos(
        itemId,
        'webcam',
        [{ name: `webcam-${stamp}.jpg`, blob }],
        () => undefined,
      );
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) {
        notifications.show({ color: 'red', message: `${failed.name}: ${refusalReason(failed)}` });
      } else {
        // Back to the viewer, on the new shot: its quality badges say whether to retake it.
        setWebcam(false);
      }
      onAdded(results);
    } finally {
      setWebcamBusy(false);
    }
  };

  const sourceLabel = (source: string) =>
    source === 'picker' || source === 'cli'
      ? t(`photoDesk.sources.${source}`)
      : (KNOWN_SOURCES as readonly string[]).includes(source)
        ? t(`photos.sources.${source as (typeof KNOWN_SOURCES)[number]}`)
        : source;

  return (
    <Stack
      gap="sm"
      data-testid="photo-workspace"
      // A file dropped anywhere on the workspace is added, never opened by the browser instead.
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        dropRef.current?.(event.dataTransfer.files);
      }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text ff="monospace" fz="sm" fw={600}>
              {data.reference}
            </Text>
            <StatusBadge status={data.status} />
            <GradeBadge grade={data.grade} />
          </Group>
          <Title order={2} lineClamp={1}>
            {data.title}
          </Title>
        </Stack>
        <Button
          size="xs"
          variant="default"
          component="a"
          href={routeHref({ page: 'item', itemId: data.id })}
          leftSection={<IconExternalLink size={14} />}
        >
          {t('common.openItem')}
        </Button>
      </Group>
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>
          {webcam ? (
            <WebcamPanel onClose={() => setWebcam(false)} onShot={shootWebcam} busy={webcamBusy} />
          ) : photos.length === 0 || !photo ? (
            <Paper p="xl" style={{ borderStyle: 'dashed' }}>
              <EmptyState
                variant="light"
                icon={<IconCameraPlus size={26} />}
                title={t('photos.noPhotosTitle')}
                description={t('photos.noPhotosHint')}
                data-testid="no-photos"
              />
            </Paper>
          ) : (
            <DeskViewer photos={photos} index={index} actions={actions} />
          )}
        </Box>
        <Stack gap="sm" w={250} miw={220} style={{ flex: 'none' }}>
          <UploadZone
            itemId={itemId}
            onWebcam={() => setWebcam((open) => !open)}
            webcamOpen={webcam}
            onAdded={onAdded}
            dropRef={dropRef}
          />
          {photo ? (
            <Paper p="sm">
              <Stack gap="sm">
                <Fact label={t('photos.position', { n: index + 1, total: photos.length })}>
                  {t('photos.size', { width: photo.width, height: photo.height })}
                </Fact>
                <Fact label={t('photos.source')}>{sourceLabel(photo.source)}</Fact>
                <Fact label={t('photos.warningsTitle')}>
                  {photo.warnings.length === 0 ? (
                    <Text span fz="sm" c="dimmed">
                      {t('photos.noWarnings')}
                    </Text>
                  ) : (
                    <Text span fz="sm" c="orange.8">
                      {photo.warnings.map(warningLabel).join(', ')}
                    </Text>
                  )}
                </Fact>
                {data.defects.some((d) => d.photoId === photo.id) ? (
                  <Fact label={t('item.defects')}>
                    {data.defects
                      .filter((d) => d.photoId === photo.id)
                      .map((d) => t(`defectKinds.${d.kind}`))
                      .join(', ')}
                  </Fact>
                ) : null}
              </Stack>
            </Paper>
          ) : null}
        </Stack>
      </Group>
      <ZoomModal
        photo={zoomed && photo ? photo : null}
        title={t('photoDesk.zoomTitle', { n: index + 1, total: photos.length })}
        onClose={() => setZoomed(false)}
      />
      <DefectLinkModal
        opened={linking}
        photoId={photo?.id ?? null}
        defects={data.defects}
        onClose={() => setLinking(false)}
        onLink={(defectId, photoId) => {
          void run('photos.linkDefect', { defectId, photoId }).then(
            () => setLinking(false),
            () => undefined,
          );
        }}
      />
    </Stack>
  );
}
