import { Group, Text } from '@mantine/core';
import { Keys } from './common';

/**
 * Keys each followed by what it does ("A valider · E modifier"), so a key's letter never has to
 * be matched to a list of words written in another order or language.
 */
export function KeyHints({
  hints,
}: {
  hints: readonly (readonly [keys: readonly string[], label: string])[];
}) {
  return (
    <Group gap="sm" justify="flex-end" data-testid="key-hints">
      {hints.map(([keys, label]) => (
        <Group key={label} gap={4} wrap="nowrap">
          <Keys keys={keys} />
          <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
