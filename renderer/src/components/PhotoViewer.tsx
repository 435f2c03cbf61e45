import { ActionIcon, Badge, Box, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconStarFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo as PhotoData } from '../../../shared/contract';
import { ShortcutTooltip } from './common';
import { Photo } from './Photo';

const KNOWN_WARNINGS = ['blurred', 'dark', 'bright', 'small'] as const;

export function useWarningLabel() {
  const { t } = useTranslation();
  return (warning: string) =>
    (KNOWN_WARNINGS as readonly string[]).includes(warning)
      ? t(`photos.warnings.${warning as (typeof KNOWN_WARNINGS)[number]}`)
      : warning;
}

/**
 * A large preview and a filmstrip. ←/→ move between photos when `keyboard` is set (one viewer
 * per screen owns the arrows); the main photo and quality warnings are badges on each frame.
 */
export function PhotoViewer({
  photos,
  height = 420,
  keyboard = false,
  index: controlledIndex,
  onIndexChange,
}: {
  photos: readonly PhotoData[];
  height?: number | string;
  keyboard?: boolean;
  index?: number;
  onIndexChange?: (index: number) => void;
}) {
  const { t } = useTranslation();
  const warningLabel = useWarningLabel();
  const [ownIndex, setOwnIndex] = useState(0);
  const raw = controlledIndex ?? ownIndex;
  const index = photos.length === 0 ? 0 : Math.min(raw, photos.length - 1);
  const setIndex = (next: number) => {
    if (photos.length === 0) return;
    const wrapped = (next + photos.length) % photos.length;
    setOwnIndex(wrapped);
    onIndexChange?.(wrapped);
  };
  useHotkeys(
    keyboard
      ? [
          ['ArrowLeft', () => setIndex(index - 1)],
          ['ArrowRight', () => setIndex(index + 1)],
        ]
      : [],
  );
  const current = photos[index];
  if (!current) return null;
  return (
    <Stack gap="xs" data-testid="photo-viewer">
      <Box
        pos="relative"
        h={height}
        style={{
          borderRadius: 8,
          overflow: 'hidden',
          background: 'var(--mantine-color-default-hover)',
        }}
      >
        <Photo
          hash={current.hash}
          variant="listing"
          fit="contain"
          radius={0}
          alt={t('photos.position', { n: index + 1, total: photos.length })}
        />
        <Group pos="absolute" top={8} left={8} gap={4}>
          {current.isMain ? (
            <Badge variant="filled" color="brand" leftSection={<IconStarFilled size={10} />}>
              {t('photos.main')}
            </Badge>
          ) : null}
          {current.warnings.map((warning) => (
            <Badge key={warning} variant="filled" color="orange">
              {warningLabel(warning)}
            </Badge>
          ))}
        </Group>
        <Badge pos="absolute" bottom={8} right={8} variant="filled" color="dark" data-testid="photo-position">
          {t('photos.position', { n: index + 1, total: photos.length })}
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
                onClick={() => setIndex(index - 1)}
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
                onClick={() => setIndex(index + 1)}
              >
                <IconChevronRight size={18} />
              </ActionIcon>
            </ShortcutTooltip>
          </>
        ) : null}
      </Box>
      <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
        <Group gap={6} wrap="nowrap" p={3}>
          {photos.map((photo, i) => (
            <UnstyledButton
              key={photo.id}
              onClick={() => setIndex(i)}
              aria-label={t('photos.position', { n: i + 1, total: photos.length })}
              aria-current={i === index}
              pos="relative"
              style={{
                borderRadius: 6,
                outline:
                  i === index
                    ? '2px solid var(--mantine-primary-color-filled)'
                    : '1px solid var(--mantine-color-default-border)',
                outlineOffset: i === index ? 1 : 0,
                flex: 'none',
              }}
            >
              <Photo hash={photo.hash} size={64} radius={6} />
              {photo.isMain ? (
                <Box pos="absolute" top={3} left={3} c="yellow.5" style={{ lineHeight: 0 }}>
                  <IconStarFilled size={12} />
                </Box>
              ) : null}
              {photo.warnings.length > 0 ? (
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
              ) : null}
            </UnstyledButton>
          ))}
        </Group>
      </ScrollArea>
      {current.warnings.length > 0 ? (
        <Text fz="xs" c="orange.8">
          {current.warnings.map(warningLabel).join(' · ')}
        </Text>
      ) : null}
    </Stack>
  );
}
