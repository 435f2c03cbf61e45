import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../../../shared/contract';
import { errorMessage } from '../../../api/client';
import { useCallMutation } from '../../../api/hooks';
import { SessionsTable } from './SessionsTable';
import { FormError, NewPasswordFields, usePasswordChecks } from './shared';

/** An admin gives a person a new password; the server ends their open sessions. */
export function ResetPasswordModal({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useCallMutation('people.resetPassword');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const checks = usePasswordChecks(password, again, tried);

  const save = () => {
    setTried(true);
    setFailure(null);
    if (!checks.ok) return;
    reset.mutate(
      { id: person.id, password },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('settings.people.resetDone', { name: person.name }),
          });
          onClose();
        },
        onError: (error) => setFailure(errorMessage(error)),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('settings.people.resetTitle', { name: person.name })}
      data-testid="reset-password-modal"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {t('settings.people.resetHint', { name: person.name })}
          </Text>
          <NewPasswordFields
            password={password}
            again={again}
            onPassword={setPassword}
            onAgain={setAgain}
            checks={checks}
            labels={{
              password: t('settings.people.fields.password'),
              again: t('settings.people.fields.passwordAgain'),
            }}
            testIds={{ password: 'person-password', again: 'person-password-again' }}
            autoFocus
          />
          <FormError message={failure} testId="person-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('settings.people.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending} data-testid="person-save">
              {t('settings.people.resetSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Disabling ends a person's sessions and stops their sign-ins; enabling lets them back in. */
export function DisableModal({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useTranslation();
  const setDisabled = useCallMutation('people.setDisabled');
  const [failure, setFailure] = useState<string | null>(null);
  const disable = !person.disabled;

  const confirm = () => {
    setFailure(null);
    setDisabled.mutate(
      { id: person.id, disabled: disable },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(disable ? 'settings.people.disabledDone' : 'settings.people.enabledDone', {
              name: person.name,
            }),
          });
          onClose();
        },
        onError: (error) => setFailure(errorMessage(error)),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(disable ? 'settings.people.disableTitle' : 'settings.people.enableTitle', {
        name: person.name,
      })}
      data-testid="disable-person-modal"
    >
      <Stack gap="sm">
        <Text fz="sm">
          {t(disable ? 'settings.people.disableBody' : 'settings.people.enableBody', { name: person.name })}
        </Text>
        <FormError message={failure} testId="person-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('settings.people.cancel')}
          </Button>
          <Button
            color={disable ? 'red' : undefined}
            loading={setDisabled.isPending}
            onClick={confirm}
            data-autofocus
            data-testid="person-confirm"
          >
            {t(disable ? 'settings.people.actions.disable' : 'settings.people.actions.enable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Anyone's open sessions, for an admin, each with its End button. */
export function SessionsModal({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('settings.people.sessionsTitle', { name: person.name })}
      data-testid="person-sessions-modal"
    >
      <Stack gap="sm">
        <SessionsTable personId={person.id} testId="person-sessions-table" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('settings.people.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
