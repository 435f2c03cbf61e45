import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceMessage } from '../../../../../shared/accounts/device';
import type { SessionView } from '../../../../../shared/contract';
import { renderMessage } from '../../../../../shared/messages/render';
import { errorMessage } from '../../../api/client';
import { useCall, useCallMutation } from '../../../api/hooks';
import { signOut } from '../../../api/session';
import { useFormat } from '../../../format';
import { useLanguage } from '../../../i18n';
import { ErrorAlert, LoadingBlock } from '../../common';
import { FormError } from './shared';

/**
 * Open sessions, each with an End button: the signed-in person's own (no `personId`), or, for an
 * admin, anyone's. Ending the session of this very window signs it out.
 */
export function SessionsTable({ personId, testId }: { personId?: number; testId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  /** The stored (English) device label, in the reader's words. */
  const deviceOf = (session: SessionView) => {
    const message = deviceMessage(session.device);
    return message ? renderMessage(message, language, session.device) : session.device;
  };
  const f = useFormat();
  const queryClient = useQueryClient();
  const sessions = useCall('sessions.list', personId === undefined ? {} : { personId });
  const revoke = useCallMutation('sessions.revoke');
  const [failure, setFailure] = useState<string | null>(null);

  const end = async (session: SessionView) => {
    setFailure(null);
    try {
      await revoke.mutateAsync({ sessionId: session.id });
    } catch (error) {
      setFailure(errorMessage(error));
      return;
    }
    if (session.current) {
      // The server no longer knows this window: forget it here too, and go back to sign-in.
      await signOut().catch(() => undefined);
      await queryClient.resetQueries();
      return;
    }
    notifications.show({
      color: 'green',
      message: t('settings.people.sessions.ended', { device: deviceOf(session) }),
    });
  };

  if (sessions.error) return <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (!sessions.data) return <LoadingBlock h={80} />;
  return (
    <Stack gap="xs">
      <FormError message={failure} testId="session-error" />
      {sessions.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('settings.people.sessions.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.people.sessions.columns.device')}</Table.Th>
                <Table.Th>{t('settings.people.sessions.columns.address')}</Table.Th>
                <Table.Th>{t('settings.people.sessions.columns.started')}</Table.Th>
                <Table.Th>{t('settings.people.sessions.columns.lastUsed')}</Table.Th>
                <Table.Th w={1} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((session) => (
                <Table.Tr key={session.id} data-session-id={session.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text fz="sm">{deviceOf(session)}</Text>
                      {session.current ? (
                        <Badge size="sm" variant="light" color="green" data-testid="session-current">
                          {t('settings.people.sessions.thisWindow')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c={session.address ? undefined : 'dimmed'}>
                      {session.address ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{f.dateTime(session.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={f.dateTime(session.lastUsedAt)}>
                      <Text fz="sm" w="fit-content">
                        {f.relative(session.lastUsedAt)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('settings.people.sessions.endCurrent')} disabled={!session.current}>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconLogout size={12} />}
                        loading={revoke.isPending && revoke.variables.sessionId === session.id}
                        onClick={() => void end(session)}
                        data-testid="session-end"
                      >
                        {t('settings.people.sessions.end')}
                      </Button>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
