import { Box, Center } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import { photoSrc } from '../api/client';

/**
 * A photo from the workspace, or a quiet placeholder when the item has none (or the file is
 * missing). Thumbnails are square-cropped; previews keep the whole picture.
 */
export function Photo({
  hash,
  variant = 'thumb',
  size,
  fit = 'cover',
  alt = '',
  radius = 4,
  style,
}: {
  hash: string | null;
  variant?: 'thumb' | 'listing';
  size?: number;
  fit?: 'cover' | 'contain';
  alt?: string;
  radius?: number;
  style?: CSSProperties;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const box: CSSProperties = {
    width: size ?? '100%',
    height: size ?? '100%',
    borderRadius: radius,
    flex: 'none',
    ...style,
  };
  if (!hash || failed === hash) {
    return (
      <Center style={box} bg="var(--mantine-color-default-hover)" c="dimmed" aria-hidden>
        <IconPhoto size={Math.min(28, Math.round((size ?? 48) / 2.2))} stroke={1.4} />
      </Center>
    );
  }
  return (
    <Box
      component="img"
      src={photoSrc(hash, variant)}
      alt={alt}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailed(hash)}
      style={{ ...box, objectFit: fit, display: 'block', background: 'var(--mantine-color-default-hover)' }}
    />
  );
}
