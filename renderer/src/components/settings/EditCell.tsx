import { Button, Table } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The last cell of a row the person may change: Edit, which opens the row's form. */
export function EditCell({ onEdit, testId }: { onEdit: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPencil size={12} />}
        onClick={onEdit}
        data-testid={testId}
      >
        {t('catalogue.edit')}
      </Button>
    </Table.Td>
  );
}
