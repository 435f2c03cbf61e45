import { Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMay, useMe } from '../../state/me';
import { SectionTitle } from '../common';
import { ChangePassword } from './people/ChangePassword';
import { PeopleTable } from './people/PeopleTable';
import { SessionsTable } from './people/SessionsTable';
import { RoleBadge } from './people/shared';

/**
 * Accounts: everyone's own password and sessions, and for an admin the people who may sign in
 * (add, role and merchants, password reset, disable, their sessions).
 */
export function PeopleSection() {
  const { t } = useTranslation();
  const me = useMe();
  const mayManage = useMay('people.list');
  if (!me) return null;

  return (
    <Stack gap="md" data-testid="people-section">
      <Paper p="md" data-testid="my-account">
        <SectionTitle
          right={
            <Group gap={6} wrap="nowrap">
              <Text fz="sm" fw={500}>
                {me.name}
              </Text>
              <RoleBadge role={me.role} />
            </Group>
          }
        >
          {t('settings.people.account.title')}
        </SectionTitle>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ChangePassword />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm" data-testid="my-sessions">
              <div>
                <Text fw={600}>{t('settings.people.sessions.mine')}</Text>
                <Text fz="xs" c="dimmed">
                  {t('settings.people.sessions.mineHint')}
                </Text>
              </div>
              <SessionsTable testId="my-sessions-table" />
            </Stack>
          </Grid.Col>
        </Grid>
      </Paper>
      {mayManage ? (
        <Paper p="md" data-testid="people-admin">
          <SectionTitle>{t('settings.people.title')}</SectionTitle>
          <PeopleTable />
        </Paper>
      ) : null}
    </Stack>
  );
}
