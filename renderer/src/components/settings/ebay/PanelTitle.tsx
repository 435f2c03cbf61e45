// The heading of an eBay panel, with room on its right for the panel's own button or verdict.
import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PanelTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" mih={28}>
      <Title order={4} fz="sm">
        {children}
      </Title>
      {right}
    </Group>
  );
}
