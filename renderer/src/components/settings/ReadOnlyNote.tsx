import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Tells a person who may read a section but not change it who can: a note, not an error. */
export function ReadOnlyNote({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Alert color="blue" variant="light" py={6} icon={<IconInfoCircle size={18} />} data-testid={testId}>
      {children}
    </Alert>
  );
}
