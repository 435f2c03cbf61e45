import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './people/shared';
import type { Saving } from './useSaving';

/**
 * A Merchants and catalogue form in a modal: its fields, the server's refusal under them, then
 * Cancel and Save. Enter in a field saves as the button does; the form's own checks come first.
 */
export function FormModal({
  title,
  size,
  testIds,
  saving,
  saveDisabled,
  onSave,
  onClose,
  children,
}: {
  title: string;
  size?: string;
  testIds: { readonly modal: string; readonly error: string; readonly save: string };
  saving: Saving;
  saveDisabled?: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} size={size} title={title} data-testid={testIds.modal}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <Stack gap="sm">
          {children}
          <FormError message={saving.error} testId={testIds.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('catalogue.cancel')}
            </Button>
            <Button type="submit" loading={saving.busy} disabled={saveDisabled} data-testid={testIds.save}>
              {t('catalogue.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
