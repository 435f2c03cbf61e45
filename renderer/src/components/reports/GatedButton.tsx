import { Button, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A month-end action's button: enabled for the roles that may use it; for the others disabled,
 * with the reason on hover rather than a button that silently does nothing.
 */
export function GatedButton({
  allowed,
  icon,
  refusal,
  onClick,
  testId,
  children,
}: {
  allowed: boolean;
  icon: ReactNode;
  refusal: string;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  const button = (
    <Button
      size="xs"
      variant="default"
      leftSection={icon}
      disabled={!allowed}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </Button>
  );
  if (allowed) return button;
  return (
    <Tooltip label={refusal} multiline w={260}>
      {button}
    </Tooltip>
  );
}
