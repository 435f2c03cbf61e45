import { ActionIcon, Box, Button, Group, Modal, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBarLeft,
  IconArrowBarRight,
  IconLink,
  IconStar,
  IconTrash,
  IconZoomIn,
} from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Defect, Photo as PhotoData } from '../../../../shared/contract';
import { photoSrc } from '../../api/client';
import { ShortcutTooltip } from '../common';
import { ViewerFrame } from './ViewerFrame';

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
  const position = (n: number) => t('photos.position', { n: n + 1, total: photos.length });
  return (
    <ViewerFrame
      testId="desk-viewer"
      photos={photos}
      index={index}
      onSelect={actions.select}
      wrap={false}
      keyboard
      hotkeys={[
        ['shift+ArrowLeft', () => actions.move(-1)],
        ['shift+ArrowRight', () => actions.move(1)],
        ['M', () => actions.setMain()],
        ['Delete', () => actions.remove()],
        ['Backspace', () => actions.remove()],
        ['D', () => actions.linkDefect()],
        ['Z', () => actions.zoom()],
      ]}
      height="max(280px, calc(100vh - 430px))"
      warningLabel={warningLabel}
      zoom={{ label: t('photoDesk.actions.zoom'), onClick: actions.zoom }}
      mainBadgeTestId="main-badge"
      warningIcon={<IconAlertTriangle size={10} />}
      toolbar={(current) => (
        <DeskActionBar isMain={current.isMain} first={index === 0} last={index === last} actions={actions} />
      )}
      strip={{
        size: 84,
        starSize: 13,
        warnings: 'badge',
        // Wide enough for the drop indicator to sit clear of the selected thumbnail's outline.
        gap: 12,
        // Room on the sides for the selection outline and for the drop indicator before the
        // first thumbnail (the scroll area clips anything outside this box).
        px: 10,
        attributes: {
          'data-testid': 'filmstrip',
          'data-dragging': dragging !== null || undefined,
          onDragOver: (event) => {
            if (!ours(event)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            const next = gapAt(event);
            if (next !== gap) setGap(next);
          },
          onDragLeave: (event) => {
            // Leaving for a child is not leaving the strip.
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setGap(null);
          },
          onDrop: (event) => {
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
          },
        },
        thumb: (photo) => ({
          draggable: true,
          onDragStart: (event) => {
            event.dataTransfer.setData(PHOTO_DRAG_TYPE, String(photo.id));
            event.dataTransfer.effectAllowed = 'move';
            setDragging(photo.id);
          },
          onDragEnd: endDrag,
          'data-testid': 'filmstrip-photo',
          'data-photo-id': photo.id,
          'data-drag-source': photo.id === dragging || undefined,
          style: { opacity: photo.id === dragging ? 0.4 : 1 },
        }),
        overlay: (_photo, i) =>
          shownGap === i || (shownGap === photos.length && i === last) ? (
            <Box
              data-testid="filmstrip-drop-indicator"
              aria-hidden
              pos="absolute"
              top={-3}
              bottom={-3}
              w={4}
              // Centred in the 12 px gap. The text colour, not the brand teal: the selected
              // thumbnail is outlined in teal and the two must not merge, and the text colour is
              // far above WCAG's 3:1 for a non-text cue in both schemes.
              left={shownGap === i ? -8 : undefined}
              right={shownGap === i ? undefined : -8}
              style={{ borderRadius: 2, background: 'var(--mantine-color-text)', pointerEvents: 'none' }}
            />
          ) : null,
        wrap: (thumb, photo, i) => (
          <Tooltip
            label={[position(i), ...photo.warnings.map(warningLabel)].join(' · ')}
            openDelay={400}
            // A tooltip following the drag would cover the strip it is dropped on.
            disabled={dragging !== null}
          >
            {thumb}
          </Tooltip>
        ),
      }}
    />
  );
}

/** The action bar under the preview; each button's tooltip names its key. */
function DeskActionBar({
  isMain,
  first,
  last,
  actions,
}: {
  isMain: boolean;
  first: boolean;
  last: boolean;
  actions: DeskActions;
}) {
  const { t } = useTranslation();
  const buttons = [
    {
      label: t('photoDesk.actions.moveEarlier'),
      keys: ['Shift', '←'],
      icon: IconArrowBarLeft,
      disabled: first,
      onClick: () => actions.move(-1),
    },
    {
      label: t('photoDesk.actions.moveLater'),
      keys: ['Shift', '→'],
      icon: IconArrowBarRight,
      disabled: last,
      onClick: () => actions.move(1),
    },
    {
      label: t('photoDesk.actions.main'),
      keys: ['M'],
      icon: IconStar,
      disabled: isMain,
      onClick: actions.setMain,
    },
    { label: t('photoDesk.actions.linkDefect'), keys: ['D'], icon: IconLink, onClick: actions.linkDefect },
    { label: t('photoDesk.actions.zoom'), keys: ['Z'], icon: IconZoomIn, onClick: actions.zoom },
    {
      label: t('photoDesk.actions.delete'),
      keys: ['Delete'],
      icon: IconTrash,
      color: 'red',
      onClick: actions.remove,
    },
  ];
  return (
    <Group gap={6} justify="center" data-testid="photo-actions">
      {buttons.map(({ label, keys, icon: Icon, disabled, color, onClick }) => (
        <ShortcutTooltip key={label} label={label} keys={keys}>
          <ActionIcon
            variant="default"
            color={color}
            size="lg"
            aria-label={label}
            disabled={disabled}
            onClick={onClick}
          >
            <Icon size={18} />
          </ActionIcon>
        </ShortcutTooltip>
      ))}
    </Group>
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
