import {
  Alert,
  Avatar,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowBackUp, IconChevronRight, IconPlayerPlay } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, WorkspaceStatus } from '../../../shared/contract';
import { LANGUAGES } from '../../../shared/domain/status';
import { errorMessage } from '../api/client';
import { useBackgroundWork, useCall, useCallMutation } from '../api/hooks';
import { ErrorAlert, LoadingBlock } from '../components/common';
import { applyLanguage, isLanguage } from '../i18n';
import { useSession } from '../state/session';

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** Language switch shared by the start screen and Settings: applied at once, stored in the workspace. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
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
        update.mutate({ language: value });
      }}
    />
  );
}

export function StartPage({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="lg" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={620} gap="lg">
        <Group justify="space-between" align="center" wrap="nowrap">
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
        {status.isEmpty ? <EmptyWorkspace /> : <ProfilePicker />}
        <Text fz="xs" c="dimmed" ta="center" style={{ overflowWrap: 'anywhere' }}>
          {t('start.workspace', { dir: status.dataDir })}
        </Text>
      </Stack>
    </Center>
  );
}

function EmptyWorkspace() {
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

function ProfilePicker() {
  const { t } = useTranslation();
  const profiles = useCall('profiles.list', {});
  const enter = useSession((s) => s.enter);
  const [pinFor, setPinFor] = useState<Profile | null>(null);
  if (profiles.error) return <ErrorAlert error={profiles.error} onRetry={() => void profiles.refetch()} />;
  if (!profiles.data) return <LoadingBlock />;
  if (pinFor) {
    return <PinPrompt profile={pinFor} onBack={() => setPinFor(null)} onPassed={() => enter(pinFor.id)} />;
  }
  return (
    <Paper p="lg" shadow="xs">
      <Stack gap="sm">
        <Box>
          <Title order={2}>{t('start.pickProfile')}</Title>
          <Text fz="sm" c="dimmed">
            {t('start.pickProfileHint')}
          </Text>
        </Box>
        {profiles.data.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{t('start.noProfiles')}</Text>
            <Button variant="default" onClick={() => enter(null)}>
              {t('start.continueWithout')}
            </Button>
          </Stack>
        ) : (
          <Stack gap={6} role="list" aria-label={t('start.pickProfile')}>
            {profiles.data.map((profile, index) => (
              <ProfileButton
                key={profile.id}
                profile={profile}
                autoFocus={index === 0}
                onPick={() => (profile.hasPin ? setPinFor(profile) : enter(profile.id))}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A profile with a PIN asks for it before the window acts as that person: it keeps a colleague
 * from approving prices in the merchant approver's name by clicking on it.
 */
function PinPrompt({
  profile,
  onBack,
  onPassed,
}: {
  profile: Profile;
  onBack: () => void;
  onPassed: () => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const verify = useCallMutation('profiles.verifyPin');
  return (
    <Paper p="lg" shadow="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          verify.mutate(
            { profileId: profile.id, pin },
            {
              onSuccess: (result) => {
                if (result.ok) onPassed();
                else {
                  setWrong(true);
                  setPin('');
                }
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Avatar color="brand" radius="xl" size={36}>
              {initials(profile.name)}
            </Avatar>
            <Title order={2}>{t('pricing.pinTitle', { name: profile.name })}</Title>
          </Group>
          <PasswordInput
            label={t('pricing.pinLabel')}
            value={pin}
            onChange={(event) => {
              setPin(event.currentTarget.value);
              setWrong(false);
            }}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            autoFocus
            error={wrong ? t('pricing.pinWrong') : undefined}
            data-testid="pin-input"
          />
          {verify.error ? (
            <Alert color="red" role="alert">
              {errorMessage(verify.error)}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Button variant="subtle" onClick={onBack}>
              {t('common.back')}
            </Button>
            <Button
              type="submit"
              loading={verify.isPending}
              disabled={pin.length === 0}
              data-testid="pin-submit"
            >
              {t('pricing.pinSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ProfileButton({
  profile,
  onPick,
  autoFocus,
}: {
  profile: Profile;
  onPick: () => void;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      role="listitem"
      onClick={onPick}
      autoFocus={autoFocus}
      data-profile={profile.name}
      data-role={profile.role}
      className="rb-row"
      p="xs"
      style={{ borderRadius: 6, border: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group wrap="nowrap" gap="sm">
        <Avatar color="brand" radius="xl" size={36}>
          {initials(profile.name)}
        </Avatar>
        <Box style={{ flex: 1 }}>
          <Text fw={600} fz="sm">
            {profile.name}
          </Text>
          <Badge size="xs" variant="light" color="gray">
            {t(`roles.${profile.role}`)}
          </Badge>
        </Box>
        <IconChevronRight size={18} color="var(--mantine-color-dimmed)" />
      </Group>
    </UnstyledButton>
  );
}
