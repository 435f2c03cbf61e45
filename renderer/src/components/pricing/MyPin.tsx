import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { useSession } from '../../state/session';

/**
 * The acting person's own PIN: set, change or remove it. With a PIN, the start screen asks for it
 * before this window acts in their name (an approver's decisions carry that name).
 */
export function MyPin() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const profiles = useCall('profiles.list', {});
  const me = profiles.data?.find((p) => p.id === profileId);
  const [pin, setPin] = useState('');
  const setPinCall = useCallMutation('profiles.setPin');
  if (!me) return null;
  const valid = /^\d{4,12}$/.test(pin);
  const save = (value: string | null) =>
    setPinCall.mutate(
      { profileId: me.id, pin: value },
      {
        onSuccess: () => {
          setPin('');
          notifications.show({
            color: 'green',
            message: value === null ? t('pricing.pin.removed') : t('pricing.pin.saved'),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  return (
    <Stack gap={6} mt="md" data-testid="my-pin">
      <Text fz="sm" fw={600}>
        {t('pricing.pin.title', { name: me.name })}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('pricing.pin.hint')}
      </Text>
      <Group gap="xs" align="flex-start">
        <PasswordInput
          w={200}
          size="xs"
          aria-label={t('pricing.pinLabel')}
          placeholder={t('pricing.pin.placeholder')}
          value={pin}
          onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, '').slice(0, 12))}
          inputMode="numeric"
          autoComplete="new-password"
          error={pin.length > 0 && !valid ? t('pricing.pin.invalid') : undefined}
        />
        <Button size="xs" disabled={!valid} loading={setPinCall.isPending} onClick={() => save(pin)}>
          {me.hasPin ? t('pricing.pin.change') : t('pricing.pin.set')}
        </Button>
        {me.hasPin ? (
          <Button size="xs" variant="subtle" color="red" onClick={() => save(null)}>
            {t('pricing.pin.remove')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
