import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { useCallMutation } from '../../../api/hooks';
import { FormError, NewPasswordFields, usePasswordChecks } from './shared';

/** The signed-in person changes their own password; their other sessions end, this one stays. */
export function ChangePassword() {
  const { t } = useTranslation();
  const change = useCallMutation('people.changePassword');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const checks = usePasswordChecks(next, again, tried);

  const save = () => {
    setTried(true);
    setFailure(null);
    if (current === '' || !checks.ok) return;
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
          setTried(false);
          notifications.show({ color: 'green', message: t('settings.people.account.done') });
        },
        onError: (error) => {
          setFailure(errorMessage(error));
          setCurrent('');
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      data-testid="my-password"
    >
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('settings.people.account.changePassword')}</Text>
          <Text fz="xs" c="dimmed">
            {t('settings.people.account.hint')}
          </Text>
        </div>
        <PasswordInput
          label={t('settings.people.account.current')}
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          error={tried && current === '' ? t('settings.people.account.currentRequired') : null}
          autoComplete="current-password"
          withAsterisk
          data-testid="my-password-current"
        />
        <NewPasswordFields
          password={next}
          again={again}
          onPassword={setNext}
          onAgain={setAgain}
          checks={checks}
          labels={{ password: t('settings.people.account.next'), again: t('settings.people.account.again') }}
          testIds={{ password: 'my-password-new', again: 'my-password-again' }}
        />
        <FormError message={failure} testId="my-password-error" />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending} data-testid="my-password-save">
            {t('settings.people.account.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
