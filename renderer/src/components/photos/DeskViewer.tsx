import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowBarLeft,
  IconArrowBarRight,
  IconChevronLeft,
  IconChevronRight,
  IconLink,
  IconStar,
  IconStarFilled,
  IconTrash,
  IconZoomIn,
} from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Defect, Photo as PhotoData } from '../../../../shared/contract';
import { photoSrc } from '../../api/client';
import { ShortcutTooltip } from '../common';
import { Photo } from '../Photo';

/**
 * The drag's own type: the workspace treats a drag carrying `Files` as an upload, so a thumbnail
 * must never put a file (or only a URL the browser could open) on the drag.
 */
const PHOTO_DRAG_TYPE = 'application/x-rebound-photo';

/** Where `from` ends up when dropped in gap `gap` (0 = before the first thumbnail, n = after the last). */
function orderAfterDrop(ids: readonly number[], from: number, gap: number): number[] {
  const moved = ids[from];
  if (moved === undefined) return [...ids];
  const rest = ids.filter((_, i) => i !== from);
  rest.splice(gap > from ? gap - 1 : gap, 0, moved);
  return rest;
}

const KNOWN_WARNINGS = ['blurred', 'too_dark', 'too_bright'] as const;

export function useDeskWarningLabel() {
  const { t } = useTranslation();
  return (warning: string) =>
    (KNOWN_WARNINGS as readonly string[]).includes(warning)
      ? t(`photoDesk.warnings.${warning as (typeof KNOWN_WARNINGS)[number]}`)
      : warning;
}

export interface DeskActions {
  select: (index: number) => void;
  move: (delta: -1 | 1) => void;
  /** The whole new order, after a thumbnail was dragged; `movedId` stays selected. */
  reorder: (photoIds: readonly number[], movedId: number) => void;
  setMain: () => void;
  remove: () => void;
  linkDefect: () => void;
  zoom: () => void;
}

/**
 * The photo desk's viewer: a large preview, the action bar and a filmstrip whose thumbnails
 * carry the main star and quality warnings. Every action has a key (shown in its tooltip):
 * ←/→ move, Shift+←/→ reorder, M main, Delete delete, D defect, Z (or a click) zoom.
 */
export function DeskViewer({
  photos,
  index,
  actions,
}: {
  photos: readonly PhotoData[];
  index: number;
  actions: DeskActions;
}) {
  const { t } = useTranslation();
  const warningLabel = useDeskWarningLabel();
  const current = photos[index];
  const last = photos.length - 1;
  // The thumbnail being dragged and the gap it would land in; a gap next to its own place would
  // change nothing, so no indicator is drawn there.
  const [dragging, setDragging] = useState<number | null>(null);
  const [gap, setGap] = useState<number | null>(null);
  const from = dragging === null ? -1 : photos.findIndex((p) => p.id === dragging);
  const shownGap = gap !== null && from >= 0 && gap !== from && gap !== from + 1 ? gap : null;
  const endDrag = () => {
    setDragging(null);
    setGap(null);
  };
  // The gap is found from the thumbnails' midpoints rather than from the element under the
  // pointer, so the 6 px between two thumbnails is a drop target too.
  const gapAt = (event: DragEvent<HTMLElement>) => {
    const thumbs = event.currentTarget.querySelectorAll('[data-testid="filmstrip-photo"]');
    for (const [i, thumb] of Array.from(thumbs).entries()) {
      const rect = thumb.getBoundingClientRect();
      if (event.clientX < rect.left + rect.width / 2) return i;
    }
    return thumbs.length;
  };
  const ours = (event: DragEvent<HTMLElement>) =>
    dragging !== null && event.dataTransfer.types.includes(PHOTO_DRAG_TYPE);
  useHotkeys([
    ['ArrowLeft', () => actions.select(Math.max(0, index - 1))],
    ['ArrowRight', () => actions.select(Math.min(last, index + 1))],
    ['shift+ArrowLeft', () => actions.move(-1)],
    ['shift+ArrowRight', () => actions.move(1)],
    ['M', () => actions.setMain()],
    ['Delete', () => actions.remove()],
    ['Backspace', () => actions.remove()],
    ['D', () => actions.linkDefect()],
    ['Z', () => actions.zoom()],
  ]);
  if (!current) return null;
  const position = (n: number) => t('photos.position', { n: n + 1, total: photos.length });
  return (
    <Stack gap="xs" data-testid="desk-viewer">
      <Box
        pos="relative"
        h="max(280px, calc(100vh - 430px))"
        style={{ borderRadius: 8, overflow: 'hidden', background: 'var(--mantine-color-default-hover)' }}
      >
        <UnstyledButton
          onClick={actions.zoom}
          aria-label={t('photoDesk.actions.zoom')}
          w="100%"
          h="100%"
          style={{ cursor: 'zoom-in' }}
        >
          <Photo hash={current.hash} variant="listing" fit="contain" radius={0} alt={position(index)} />
        </UnstyledButton>
        <Group pos="absolute" top={8} left={8} gap={4}>
          {current.isMain ? (
            <Badge
              variant="filled"
              color="brand"
              leftSection={<IconStarFilled size={10} />}
              data-testid="main-badge"
            >
              {t('photos.main')}
            </Badge>
          ) : null}
          {current.warnings.map((warning) => (
            <Badge
              key={warning}
              variant="filled"
              color="orange"
              leftSection={<IconAlertTriangle size={10} />}
            >
              {warningLabel(warning)}
            </Badge>
          ))}
        </Group>
        <Badge pos="absolute" bottom={8} right={8} variant="filled" color="dark" data-testid="photo-position">
          {position(index)}
        </Badge>
        {photos.length > 1 ? (
          <>
            <ShortcutTooltip label={t('photos.previous')} keys={['←']}>
              <ActionIcon
                pos="absolute"
                left={8}
                top="50%"
                style={{ transform: 'translateY(-50%)' }}
                variant="default"
                radius="xl"
                size="lg"
                aria-label={t('photos.previous')}
                disabled={index === 0}
                onClick={() => actions.select(index - 1)}
              >
                <IconChevronLeft size={18} />
              </ActionIcon>
            </ShortcutTooltip>
            <ShortcutTooltip label={t('photos.next')} keys={['→']}>
              <ActionIcon
                pos="absolute"
                right={8}
                top="50%"
                style={{ transform: 'translateY(-50%)' }}
                variant="default"
                radius="xl"
                size="lg"
                aria-label={t('photos.next')}
                disabled={index === last}
                onClick={() => actions.select(index + 1)}
              >
                <IconChevronRight size={18} />
              </ActionIcon>
            </ShortcutTooltip>
          </>
        ) : null}
      </Box>
      <Group gap={6} justify="center" data-testid="photo-actions">
        <ShortcutTooltip label={t('photoDesk.actions.moveEarlier')} keys={['Shift', '←']}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('photoDesk.actions.moveEarlier')}
            disabled={index === 0}
            onClick={() => actions.move(-1)}
          >
            <IconArrowBarLeft size={18} />
          </ActionIcon>
        </ShortcutTooltip>
        <ShortcutTooltip label={t('photoDesk.actions.moveLater')} keys={['Shift', '→']}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('photoDesk.actions.moveLater')}
            disabled={index === last}
            onClick={() => actions.move(1)}
          >
            <IconArrowBarRight size={18} />
          </ActionIcon>
        </ShortcutTooltip>
        <ShortcutTooltip label={t('photoDesk.actions.main')} keys={['M']}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('photoDesk.actions.main')}
            disabled={current.isMain}
            onClick={actions.setMain}
          >
            <IconStar size={18} />
          </ActionIcon>
        </ShortcutTooltip>
        <ShortcutTooltip label={t('photoDesk.actions.linkDefect')} keys={['D']}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('photoDesk.actions.linkDefect')}
            onClick={actions.linkDefect}
          >
            <IconLink size={18} />
          </ActionIcon>
        </ShortcutTooltip>
        <ShortcutTooltip label={t('photoDesk.actions.zoom')} keys={['Z']}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('photoDesk.actions.zoom')}
            onClick={actions.zoom}
          >
            <IconZoomIn size={18} />
          </ActionIcon>
        </ShortcutTooltip>
        <ShortcutTooltip label={t('photoDesk.actions.delete')} keys={['Delete']}>
          <ActionIcon
            variant="default"
            color="red"
            size="lg"
            aria-label={t('photoDesk.actions.delete')}
            onClick={actions.remove}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </ShortcutTooltip>
      </Group>
      <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
        <Group
          // Wide enough for the drop indicator to sit clear of the selected thumbnail's outline.
          gap={12}
          wrap="nowrap"
          // Room on the sides for the selection outline and for the drop indicator before the
          // first thumbnail (the scroll area clips anything outside this box).
          py={3}
          px={10}
          data-testid="filmstrip"
          data-dragging={dragging !== null || undefined}
          onDragOver={(event) => {
            if (!ours(event)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            const next = gapAt(event);
            if (next !== gap) setGap(next);
          }}
          onDragLeave={(event) => {
            // Leaving for a child is not leaving the strip.
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setGap(null);
          }}
          onDrop={(event) => {
            if (!ours(event)) return;
            // Handled here: the workspace's file drop must not see it.
            event.preventDefault();
            event.stopPropagation();
            const to = gapAt(event);
            const moved = dragging;
            endDrag();
            if (moved === null || from < 0 || to === from || to === from + 1) return;
            actions.reorder(
              orderAfterDrop(
                photos.map((p) => p.id),
                from,
                to,
              ),
              moved,
            );
          }}
        >
          {photos.map((photo, i) => (
            <Tooltip
              key={photo.id}
              label={[position(i), ...photo.warnings.map(warningLabel)].join(' · ')}
              openDelay={400}
              // A tooltip following the drag would cover the strip it is dropped on.
              disabled={dragging !== null}
            >
              <UnstyledButton
                draggable
                onDragStart={(event) => {
                  event.dataTransfer.setData(PHOTO_DRAG_TYPE, String(photo.id));
                  event.dataTransfer.effectAllowed = 'move';
                  setDragging(photo.id);
                }}
                onDragEnd={endDrag}
                onClick={() => actions.select(i)}
                aria-label={position(i)}
                aria-current={i === index}
                data-testid="filmstrip-photo"
                data-photo-id={photo.id}
                data-drag-source={photo.id === dragging || undefined}
                pos="relative"
                style={{
                  borderRadius: 6,
                  opacity: photo.id === dragging ? 0.4 : 1,
                  outline:
                    i === index
                      ? '2px solid var(--mantine-primary-color-filled)'
                      : '1px solid var(--mantine-color-default-border)',
                  outlineOffset: i === index ? 1 : 0,
                  flex: 'none',
                }}
              >
                <Photo hash={photo.hash} size={84} radius={6} />
                {shownGap === i || (shownGap === photos.length && i === last) ? (
                  <Box
                    data-testid="filmstrip-drop-indicator"
                    aria-hidden
                    pos="absolute"
                    top={-3}
                    bottom={-3}
                    w={4}
                    // Centred in the 12 px gap. The text colour, not the brand teal: the
                    // selected thumbnail is outlined in teal and the two must not merge, and
                    // the text colour is far above WCAG's 3:1 for a non-text cue in both schemes.
                    left={shownGap === i ? -8 : undefined}
                    right={shownGap === i ? undefined : -8}
                    style={{
                      borderRadius: 2,
                      background: 'var(--mantine-color-text)',
                      pointerEvents: 'none',
                    }}
                  />
                ) : null}
                {photo.isMain ? (
                  <Box pos="absolute" top={3} left={3} c="yellow.5" style={{ lineHeight: 0 }}>
                    <IconStarFilled size={13} />
                  </Box>
                ) : null}
                {photo.warnings.length > 0 ? (
                  <Badge
                    pos="absolute"
                    bottom={3}
                    left={3}
                    size="xs"
                    variant="filled"
                    color="orange"
                    data-testid="thumb-warning"
                    style={{ maxWidth: 78 }}
                  >
                    {warningLabel(photo.warnings[0]!)}
                    {photo.warnings.length > 1 ? ` +${photo.warnings.length - 1}` : ''}
                  </Badge>
                ) : null}
              </UnstyledButton>
            </Tooltip>
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  );
}

/** Full size (the 1600 px listing image) in a scrollable window; Z or Escape closes it. */
export function ZoomModal({
  photo,
  title,
  onClose,
}: {
  photo: PhotoData | null;
  title: string;
  onClose: () => void;
}) {
  return (
    <Modal opened={photo !== null} onClose={onClose} title={title} size="auto" centered>
      {photo ? (
        <ScrollArea.Autosize mah="80vh" maw="90vw" type="auto">
          <img
            src={photoSrc(photo.hash, 'listing')}
            alt={title}
            style={{ display: 'block', cursor: 'zoom-out' }}
            onClick={onClose}
          />
        </ScrollArea.Autosize>
      ) : null}
    </Modal>
  );
}

/** D: which of the item's defects this photo shows (a defect points to at most one photo). */
export function DefectLinkModal({
  opened,
  photoId,
  defects,
  onLink,
  onClose,
}: {
  opened: boolean;
  photoId: number | null;
  defects: readonly Defect[];
  onLink: (defectId: number, photoId: number | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('photoDesk.defects.title')} centered>
      {defects.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('photoDesk.defects.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="defect-link-list">
          {defects.map((defect) => {
            const here = defect.photoId !== null && defect.photoId === photoId;
            return (
              <Group key={defect.id} justify="space-between" wrap="nowrap">
                <Stack gap={0} miw={0}>
                  <Text fz="sm" fw={500}>
                    {t(`defectKinds.${defect.kind}`)} · {t(`severities.${defect.severity}`)}
                  </Text>
                  <Text fz="xs" c="dimmed" lineClamp={1}>
                    {[defect.location, defect.note].filter(Boolean).join(' — ') ||
                      (here
                        ? t('photoDesk.defects.here')
                        : defect.photoId !== null
                          ? t('photoDesk.defects.elsewhere')
                          : '')}
                  </Text>
                </Stack>
                <Button
                  size="xs"
                  variant={here ? 'default' : 'filled'}
                  onClick={() => onLink(defect.id, here ? null : photoId)}
                  disabled={photoId === null}
                >
                  {here ? t('photoDesk.defects.unlink') : t('photoDesk.defects.link')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Modal>
  );
}
