import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo as PhotoData } from '../../../shared/contract';
import { ViewerFrame } from './photos/ViewerFrame';

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
  const warningLabel = useWarningLabel();
  const [ownIndex, setOwnIndex] = useState(0);
  const raw = controlledIndex ?? ownIndex;
  const index = photos.length === 0 ? 0 : Math.min(raw, photos.length - 1);
  const setIndex = (next: number) => {
    setOwnIndex(next);
    onIndexChange?.(next);
  };
  return (
    <ViewerFrame
      testId="photo-viewer"
      photos={photos}
      index={index}
      onSelect={setIndex}
      wrap
      keyboard={keyboard}
      height={height}
      warningLabel={warningLabel}
      strip={{ size: 64, starSize: 12, warnings: 'dot', gap: 6, px: 3 }}
      footer={(current) =>
        current.warnings.length > 0 ? (
          <Text fz="xs" c="orange.8">
            {current.warnings.map(warningLabel).join(' · ')}
          </Text>
        ) : null
      }
    />
  );
}
