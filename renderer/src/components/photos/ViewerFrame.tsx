// The frame both photo viewers share: the large preview with previous/next and "Photo n of m", then the filmstrip.
import { ActionIcon, Badge, Box, Group, ScrollArea, Stack, UnstyledButton } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconStarFilled } from '@tabler/icons-react';
import {
  Fragment,
  type ComponentPropsWithoutRef,
  type CSSProperties,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo as PhotoData } from '../../../../shared/contract';
import { ShortcutTooltip } from '../common';
import { Photo } from '../Photo';

/** What the strip carries besides its thumbnails (the desk's test id and drop target). */
export interface StripAttributes extends Pick<
  ComponentPropsWithoutRef<'div'>,
  'onDragOver' | 'onDragLeave' | 'onDrop'
> {
  'data-testid'?: string;
  'data-dragging'?: true;
}

/** What a thumbnail's button carries besides the frame's own (the desk's drag handle and test ids). */
export interface ThumbAttributes extends Pick<
  ComponentPropsWithoutRef<'button'>,
  'draggable' | 'onDragStart' | 'onDragEnd'
> {
  'data-testid'?: string;
  'data-photo-id'?: number;
  'data-drag-source'?: true;
  /** Merged into the frame's own style (outline for the selection). */
  style?: CSSProperties;
}

export interface FilmstripOptions {
  /** A thumbnail's side and its main star's, in px. */
  size: number;
  starSize: number;
  /** A thumbnail's warnings: an orange dot naming them all in its title, or the first written on it. */
  warnings: 'dot' | 'badge';
  /** Between two thumbnails, and on the strip's left and right, in px. */
  gap: number;
  px: number;
  attributes?: StripAttributes;
  thumb?: (photo: PhotoData, i: number) => ThumbAttributes;
  /** Drawn inside a thumbnail, after its photo (the desk's drop indicator). */
  overlay?: (photo: PhotoData, i: number) => ReactNode;
  /** Wraps each thumbnail (the desk's tooltip). */
  wrap?: (thumb: ReactElement, photo: PhotoData, i: number) => ReactNode;
}

/**
 * A large preview, its badges (main photo, quality warnings, "Photo n of m") and previous/next,
 * then the filmstrip whose thumbnails carry the main star and a warning mark. The viewers differ
 * in what they put around it: `toolbar` and `footer`, the strip's drag handling, more `hotkeys`.
 */
export function ViewerFrame({
  testId,
  photos,
  index,
  onSelect,
  wrap,
  keyboard,
  hotkeys = [],
  height,
  warningLabel,
  zoom,
  mainBadgeTestId,
  warningIcon,
  toolbar,
  footer,
  strip,
}: {
  /** The whole viewer's data-testid. */
  testId: string;
  photos: readonly PhotoData[];
  /** The photo shown, an index into `photos`. */
  index: number;
  onSelect: (index: number) => void;
  /** Previous/next (buttons and ←/→) go round past the ends; otherwise they stop there. */
  wrap: boolean;
  /** ←/→ move between photos (one viewer per screen owns the arrows). */
  keyboard: boolean;
  /** The viewer's other keys, registered with the arrows. */
  hotkeys?: HotkeyItem[];
  height: number | string;
  warningLabel: (warning: string) => string;
  /** The preview becomes a button that zooms, named `label`. */
  zoom?: { label: string; onClick: () => void };
  mainBadgeTestId?: string;
  /** Before each warning badge on the preview. */
  warningIcon?: ReactNode;
  /** Between the preview and the filmstrip (the desk's action bar). */
  toolbar?: (current: PhotoData) => ReactNode;
  /** Below the filmstrip. */
  footer?: (current: PhotoData) => ReactNode;
  strip: FilmstripOptions;
}) {
  const { t } = useTranslation();
  const last = photos.length - 1;
  const step = (delta: -1 | 1) => {
    if (photos.length === 0) return;
    const next = index + delta;
    onSelect(wrap ? (next + photos.length) % photos.length : Math.min(last, Math.max(0, next)));
  };
  const arrows: HotkeyItem[] = [
    ['ArrowLeft', () => step(-1)],
    ['ArrowRight', () => step(1)],
  ];
  useHotkeys([...(keyboard ? arrows : []), ...hotkeys]);
  const current = photos[index];
  if (!current) return null;
  const position = (i: number) => t('photos.position', { n: i + 1, total: photos.length });
  const image = (
    <Photo hash={current.hash} variant="listing" fit="contain" radius={0} alt={position(index)} />
  );
  return (
    <Stack gap="xs" data-testid={testId}>
      <Box
        pos="relative"
        h={height}
        style={{ borderRadius: 8, overflow: 'hidden', background: 'var(--mantine-color-default-hover)' }}
      >
        {zoom ? (
          <UnstyledButton
            onClick={zoom.onClick}
            aria-label={zoom.label}
            w="100%"
            h="100%"
            style={{ cursor: 'zoom-in' }}
          >
            {image}
          </UnstyledButton>
        ) : (
          image
        )}
        <Group pos="absolute" top={8} left={8} gap={4}>
          {current.isMain ? (
            <Badge
              variant="filled"
              color="brand"
              leftSection={<IconStarFilled size={10} />}
              data-testid={mainBadgeTestId}
            >
              {t('photos.main')}
            </Badge>
          ) : null}
          {current.warnings.map((warning) => (
            <Badge key={warning} variant="filled" color="orange" leftSection={warningIcon}>
              {warningLabel(warning)}
            </Badge>
          ))}
        </Group>
        <Badge pos="absolute" bottom={8} right={8} variant="filled" color="dark" data-testid="photo-position">
          {position(index)}
        </Badge>
        {photos.length > 1 ? (
          <>
            <StepButton delta={-1} disabled={!wrap && index === 0} onClick={() => step(-1)} />
            <StepButton delta={1} disabled={!wrap && index === last} onClick={() => step(1)} />
          </>
        ) : null}
      </Box>
      {toolbar?.(current)}
      <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
        <Group gap={strip.gap} wrap="nowrap" py={3} px={strip.px} {...strip.attributes}>
          {photos.map((photo, i) => {
            const { style, ...attributes } = strip.thumb?.(photo, i) ?? {};
            const thumb = (
              <UnstyledButton
                {...attributes}
                onClick={() => onSelect(i)}
                aria-label={position(i)}
                aria-current={i === index}
                pos="relative"
                style={{
                  borderRadius: 6,
                  ...style,
                  outline:
                    i === index
                      ? '2px solid var(--mantine-primary-color-filled)'
                      : '1px solid var(--mantine-color-default-border)',
                  outlineOffset: i === index ? 1 : 0,
                  flex: 'none',
                }}
              >
                <Photo hash={photo.hash} size={strip.size} radius={6} />
                {strip.overlay?.(photo, i)}
                {photo.isMain ? (
                  <Box pos="absolute" top={3} left={3} c="yellow.5" style={{ lineHeight: 0 }}>
                    <IconStarFilled size={strip.starSize} />
                  </Box>
                ) : null}
                {photo.warnings.length === 0 ? null : strip.warnings === 'dot' ? (
                  <Box
                    pos="absolute"
                    bottom={3}
                    right={3}
                    w={9}
                    h={9}
                    bg="orange"
                    style={{ borderRadius: 9, border: '1px solid white' }}
                    title={photo.warnings.map(warningLabel).join(', ')}
                  />
                ) : (
                  <Badge
                    pos="absolute"
                    bottom={3}
                    left={3}
                    size="xs"
                    variant="filled"
                    color="orange"
                    data-testid="thumb-warning"
                    style={{ maxWidth: strip.size - 6 }}
                  >
                    {warningLabel(photo.warnings[0]!)}
                    {photo.warnings.length > 1 ? ` +${photo.warnings.length - 1}` : ''}
                  </Badge>
                )}
              </UnstyledButton>
            );
            return <Fragment key={photo.id}>{strip.wrap ? strip.wrap(thumb, photo, i) : thumb}</Fragment>;
          })}
        </Group>
      </ScrollArea>
      {footer?.(current)}
    </Stack>
  );
}

/** Previous (←) or next (→), on the preview's left or right edge. */
function StepButton({ delta, disabled, onClick }: { delta: -1 | 1; disabled: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const label = delta < 0 ? t('photos.previous') : t('photos.next');
  return (
    <ShortcutTooltip label={label} keys={[delta < 0 ? '←' : '→']}>
      <ActionIcon
        pos="absolute"
        left={delta < 0 ? 8 : undefined}
        right={delta < 0 ? undefined : 8}
        top="50%"
        style={{ transform: 'translateY(-50%)' }}
        variant="default"
        radius="xl"
        size="lg"
        aria-label={label}
        disabled={disabled}
        onClick={onClick}
      >
        {delta < 0 ? <IconChevronLeft size={18} /> : <IconChevronRight size={18} />}
      </ActionIcon>
    </ShortcutTooltip>
  );
}
