import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconLogin, IconPlayerPlay, IconUserShield } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStart } from '../../../shared/contract';
import { LANGUAGES } from '../../../shared/domain/status';
import { errorMessage } from '../api/client';
import { useBackgroundWork, useCallMutation } from '../api/hooks';
import { signIn } from '../api/session';
import { applyLanguage, isLanguage } from '../i18n';
import { NewPasswordFields, usePasswordChecks } from '../components/settings/people/shared';
import { useMe } from '../state/me';
import { ConnectServer } from '../components/start/ConnectServer';

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/**
 * Language switch shared by the start screen and Settings: applied at once, and stored in the
 * workspace once someone is signed in (before that, only this window remembers it).
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const update = useCallMutation('settings.update');
  return (
    <SegmentedControl
      size={size}
      aria-label={t('settings.language')}
      data-testid="language-switch"
      value={i18n.language}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
      onChange={(value) => {
        if (!isLanguage(value)) return;
        void applyLanguage(value);
        if (me) update.mutate({ language: value });
      }}
    />
  );
}

/** The first screen of a window nobody has signed in to: sign in, or set up an empty workspace. */
export function StartPage({ start }: { start: SessionStart }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="lg" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={560} gap="lg">
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={40} radius="md" variant="filled">
              <IconArrowBackUp size={24} />
            </ThemeIcon>
            <Stack gap={0}>
              <Title order={1}>{t('app.name')}</Title>
              <Text fz="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <LanguageSwitch />
        </Group>
        <Text fz="md" data-testid="app-explain">
          {t('app.explain')}
        </Text>
        {start.needsFirstAdmin ? (
          <>
            <FirstAdmin />
            <Demo />
          </>
        ) : (
          <SignIn start={start} />
        )}
        <ConnectServer />
      </Stack>
    </Center>
  );
}

/** After a sign-in every answer cached for nobody is stale: read them all again as this person. */
function useEnter() {
  const queryClient = useQueryClient();
  return async (name: string, password: string) => {
    await signIn(name, password);
    await queryClient.resetQueries();
  };
}

function SignIn({ start }: { start: SessionStart }) {
  const { t } = useTranslation();
  const enter = useEnter();
  // A paired phone opens `/?name=…`: the person's name is filled in, the password is theirs.
  const [name, setName] = useState(() => new URLSearchParams(window.location.search).get('name') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await enter(name, password);
    } catch (error) {
      setFailure(errorMessage(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper p="lg" shadow="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        data-testid="sign-in"
      >
        <Stack gap="sm">
          <div>
            <Title order={2}>{t('start.signInTitle')}</Title>
            <Text fz="sm" c="dimmed">
              {t('start.signInHint')}
            </Text>
          </div>
          <TextInput
            label={t('start.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            autoComplete="username"
            autoFocus={name === ''}
            required
            data-testid="sign-in-name"
          />
          <PasswordInput
            label={t('start.password')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            autoComplete="current-password"
            autoFocus={name !== ''}
            required
            data-testid="sign-in-password"
          />
          {failure ? (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              {failure}
            </Alert>
          ) : null}
          <Button
            type="submit"
            size="md"
            loading={busy}
            leftSection={<IconLogin size={18} />}
            disabled={name.trim() === '' || password === ''}
            data-testid="sign-in-submit"
          >
            {t('start.signIn')}
          </Button>
        </Stack>
      </form>
      {start.demoPeople.length > 0 ? (
        <Stack gap={6} mt="lg" data-testid="demo-people">
          <Text fz="sm" fw={600}>
            {t('start.demoPeopleTitle')}
          </Text>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {start.demoPeople.map((person) => (
                <Table.Tr key={person.name}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      data-demo-person={person.name}
                      onClick={() => {
                        setName(person.name);
                        setPassword(person.password);
                      }}
                    >
                      {person.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color="gray">
                      {t(`roles.${person.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="xs" ff="monospace">
                      {person.password}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Paper>
  );
}

function FirstAdmin() {
  const { t } = useTranslation();
  const enter = useEnter();
  const create = useCallMutation('setup.firstAdmin');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const checks = usePasswordChecks(password, again, false);
  return (
    <Paper p="lg" shadow="xs">
      <form
        data-testid="first-admin"
        onSubmit={(event) => {
          event.preventDefault();
          setFailure(null);
          create.mutate(
            { name, password },
            {
              onSuccess: () => void enter(name, password).catch((error) => setFailure(errorMessage(error))),
              onError: (error) => setFailure(errorMessage(error)),
            },
          );
        }}
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size={32}>
              <IconUserShield size={18} />
            </ThemeIcon>
            <Title order={2}>{t('start.firstAdminTitle')}</Title>
          </Group>
          <Text fz="sm" c="dimmed">
            {t('start.firstAdminBody')}
          </Text>
          <TextInput
            label={t('start.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            autoComplete="username"
            required
            data-testid="first-admin-name"
          />
          <NewPasswordFields
            password={password}
            again={again}
            onPassword={setPassword}
            onAgain={setAgain}
            checks={checks}
            labels={{ password: t('start.password'), again: t('start.passwordAgain') }}
            testIds={{ password: 'first-admin-password', again: 'first-admin-again' }}
          />
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Button
            type="submit"
            loading={create.isPending}
            disabled={name.trim() === '' || !checks.ok}
            data-testid="first-admin-submit"
          >
            {t('start.createAdmin')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The demo workspace: its people and their passwords are shown on the sign-in screen. */
function Demo() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const createDemo = useCallMutation('workspace.createDemo');
  const tasks = useBackgroundWork((s) => s.tasks);
  const progress = [...tasks.values()][0];
  return (
    <Paper p="lg" shadow="xs">
      <Stack gap="md">
        <Title order={2}>{t('start.emptyTitle')}</Title>
        <Text fz="sm" c="dimmed">
          {t('start.emptyBody')}
        </Text>
        <Button
          size="md"
          variant="light"
          leftSection={<IconPlayerPlay size={18} />}
          loading={createDemo.isPending}
          loaderProps={{ type: 'dots' }}
          onClick={() => createDemo.mutate({}, { onSuccess: () => void queryClient.invalidateQueries() })}
          data-testid="open-demo"
        >
          {t('start.openDemo')}
        </Button>
        {createDemo.isPending ? (
          <Stack gap={4} aria-live="polite">
            <Text fz="sm">{t('start.openingDemo')}</Text>
            {progress ? (
              <>
                <Progress value={(progress.done / Math.max(1, progress.total)) * 100} animated />
                <Text fz="xs" c="dimmed">
                  {t('start.demoProgress', { done: progress.done, total: progress.total })}
                </Text>
              </>
            ) : (
              <Progress value={100} animated striped />
            )}
          </Stack>
        ) : null}
        {createDemo.error ? (
          <Alert color="red" role="alert" title={t('common.errorTitle')}>
            {errorMessage(createDemo.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
