import { useState } from 'react';
import { Alert, Button, Collapse, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconServer2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import { errorMessage } from '../../api/client';

/**
 * "Connect to a Rebound server", on the desktop app's first screen: the desk works in the
 * warehouse's shared workspace instead of its own file. The app checks the address answers as a
 * Rebound server, remembers it and starts again onto it (electron/main/server.ts). Browser mode
 * has nothing to offer here: a browser is already on a server.
 */
export function ConnectServer() {
  const { t } = useTranslation();
  const connect = window.rebound?.connectServer;
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!connect) return null;
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const answer = await connect(address);
    // On success the app restarts onto the server: this window goes away.
    if (!answer.ok) {
      // In the window's language when the app said it as a message (electron/main/server.ts).
      setFailure(errorMessage(AppError.from(answer.error)));
      setBusy(false);
    }
  };
  return (
    <Paper p="md" shadow="xs" data-testid="connect-server">
      <UnstyledButton onClick={() => setOpen((value) => !value)} data-testid="connect-server-toggle">
        <Group gap="xs" wrap="nowrap">
          <IconServer2 size={18} />
          <Text fw={600}>{t('start.connectTitle')}</Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm" mt="sm">
            <Text fz="sm" c="dimmed">
              {t('start.connectBody')}
            </Text>
            <TextInput
              label={t('start.connectAddress')}
              placeholder="rebound.example.com"
              value={address}
              onChange={(event) => setAddress(event.currentTarget.value)}
              autoComplete="url"
              data-testid="connect-server-address"
            />
            {failure && (
              <Alert color="red" role="alert" data-testid="connect-server-error">
                {failure}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={busy}
                disabled={address.trim() === ''}
                data-testid="connect-server-submit"
              >
                {t('start.connect')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Paper>
  );
}
