import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A section's "Add a …" button, on the right of its title row: opens an empty form. */
export function AddButton({
  onAdd,
  testId,
  children,
}: {
  onAdd: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlus size={14} />}
      onClick={onAdd}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
