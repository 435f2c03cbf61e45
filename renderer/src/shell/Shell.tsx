import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Group,
  Loader,
  Menu,
  NavLink,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { spotlight } from '@mantine/spotlight';
import { IconArrowBackUp, IconCheck, IconChevronDown, IconLogout, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ItemCounts, WorkspaceStatus } from '../../../shared/contract';
import { useBackgroundWork, useCall } from '../api/hooks';
import { Keys } from '../components/common';
import { useFormat } from '../format';
import { ApprovalsPage } from '../pages/ApprovalsPage';
import { IntakePage } from '../pages/IntakePage';
import { ItemPage } from '../pages/ItemPage';
import { ListingsPage } from '../pages/ListingsPage';
import { PhotoDeskPage } from '../pages/PhotoDeskPage';
import { ReportsPage } from '../pages/ReportsPage';
import { SalesPage } from '../pages/SalesPage';
import { SettingsPage } from '../pages/SettingsPage';
import { initials } from '../pages/StartPage';
import { navigate, routeHref, useRoute, type PageId, type Route } from '../state/router';
import { signOut } from '../api/session';
import { useMe } from '../state/me';
import { openReference } from './actions';
import { CommandPalette } from './CommandPalette';
import { FailedJobs } from './FailedJobs';
import { navFor } from './nav';
import { useScanner } from './scanner';
import { taskName } from './tasks';

function navCount(page: PageId, counts: ItemCounts | undefined): number | null {
  if (!counts) return null;
  const by = counts.byStatus;
  switch (page) {
    case 'intake':
      return (by.received ?? 0) + (by.graded ?? 0);
    case 'approvals':
      return by.awaiting_approval ?? 0;
    case 'listings':
      return by.approved ?? 0;
    default:
      return null;
  }
}

export function Shell({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const route = useRoute();
  const [navOpened, nav] = useDisclosure(false);
  const counts = useCall('items.counts', {});
  const me = useMe();
  const pages = navFor(me);

  // Alt and the digit row's physical key (renderer/src/keys.ts says why not the character).
  useHotkeys(
    pages.map((entry) => [
      `alt+digit${entry.hotkey}`,
      () => navigate({ page: entry.page } as Route),
      { usePhysicalKeys: true },
    ]),
  );
  // A page this person may not open (a bookmark, or the default page) becomes their first page.
  const first = pages[0]?.page;
  const allowed = route.page === 'item' || pages.some((entry) => entry.page === route.page);
  useEffect(() => {
    if (!allowed && first) navigate({ page: first } as Route, { replace: true });
  }, [allowed, first]);
  const onScan = useCallback(
    (code: string) => {
      void openReference(code).then((found) => {
        if (!found)
          notifications.show({ color: 'orange', message: t('shell.scanNotFound', { reference: code }) });
      });
    },
    [t],
  );
  useScanner(onScan);

  const activePage: PageId | null = route.page === 'item' ? null : route.page;
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 212, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavbar')}
            />
            <ThemeIcon size={28} radius="md" variant="filled">
              <IconArrowBackUp size={17} />
            </ThemeIcon>
            <Text fw={700} fz="lg" visibleFrom="xs">
              {t('app.name')}
            </Text>
            {status.isDemo ? (
              <Tooltip label={t('shell.demoHint')}>
                <Badge color="yellow" variant="light" visibleFrom="sm" data-testid="demo-badge">
                  {t('shell.demoBadge')}
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
          <UnstyledButton
            onClick={() => spotlight.open()}
            aria-label={t('shell.commandPalette')}
            data-testid="open-palette"
            px="sm"
            h={34}
            w={{ base: 200, md: 380 }}
            style={{
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 6,
              background: 'var(--mantine-color-default)',
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={8} wrap="nowrap" miw={0}>
                <IconSearch size={15} color="var(--mantine-color-dimmed)" />
                <Text fz="sm" c="dimmed" truncate="end">
                  {t('shell.searchPlaceholder')}
                </Text>
              </Group>
              <Keys keys={['Ctrl', 'K']} />
            </Group>
          </UnstyledButton>
          <Group gap="md" wrap="nowrap">
            <BackgroundWork />
            <FailedJobs />
            <ProfileMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {pages.map((entry) => {
            const count = navCount(entry.page, counts.data);
            const label = t(entry.labelKey);
            return (
              <Tooltip
                key={entry.page}
                position="right"
                label={
                  <Group gap={6} wrap="nowrap">
                    <span>{t('nav.goTo', { page: label })}</span>
                    <Keys keys={['Alt', entry.hotkey]} />
                  </Group>
                }
              >
                <NavLink
                  className="rb-nav-link"
                  href={routeHref({ page: entry.page } as Route)}
                  label={label}
                  active={activePage === entry.page}
                  leftSection={<entry.icon size={18} stroke={1.6} />}
                  rightSection={
                    count ? (
                      <Badge
                        size="sm"
                        variant={entry.page === 'approvals' ? 'filled' : 'light'}
                        circle={count < 10}
                        data-testid={`nav-count-${entry.page}`}
                      >
                        {f.number(count)}
                      </Badge>
                    ) : null
                  }
                  onClick={() => nav.close()}
                  style={{ borderRadius: 6 }}
                  data-page={entry.page}
                />
              </Tooltip>
            );
          })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <Page route={route} />
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'intake':
      return <IntakePage itemId={route.itemId} />;
    case 'photos':
      return <PhotoDeskPage itemId={route.itemId} />;
    case 'approvals':
      return <ApprovalsPage itemId={route.itemId} />;
    case 'listings':
      return <ListingsPage />;
    case 'sales':
      return <SalesPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'item':
      return <ItemPage key={route.itemId} itemId={route.itemId} />;
  }
}

/** Shown only while the main side reports work in progress: real numbers or nothing. */
function BackgroundWork() {
  const { t } = useTranslation();
  const tasks = useBackgroundWork((s) => s.tasks);
  const list = [...tasks.values()];
  if (list.length === 0) return null;
  return (
    <Tooltip
      label={
        <Stack gap={2}>
          {list.map((task) => (
            <Text key={task.task} fz="xs">
              {t('shell.working', { task: taskName(t, task.task), done: task.done, total: task.total })}
            </Text>
          ))}
        </Stack>
      }
    >
      <Group gap={6} wrap="nowrap" data-testid="background-work">
        <Loader size={14} />
        <Text fz="xs" c="dimmed" className="rb-num">
          {list.reduce((n, task) => n + task.done, 0)} / {list.reduce((n, task) => n + task.total, 0)}
        </Text>
      </Group>
    </Tooltip>
  );
}

function ProfileMenu() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.actingAs')} data-testid="profile-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="brand">
              {me ? initials(me.name) : '?'}
            </Avatar>
            <Box visibleFrom="md">
              <Text fz="sm" fw={600} lh={1.2} data-testid="acting-profile">
                {me?.name ?? ''}
              </Text>
              {me ? (
                <Text fz="xs" c="dimmed" lh={1.2}>
                  {t(`roles.${me.role}`)}
                </Text>
              ) : null}
            </Box>
            <IconChevronDown size={14} color="var(--mantine-color-dimmed)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.actingAs')}</Menu.Label>
        <Menu.Item disabled leftSection={<IconCheck size={14} />}>
          <Text fz="sm">{me?.name}</Text>
          <Text fz="xs" c="dimmed">
            {me ? t(`roles.${me.role}`) : ''}
          </Text>
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={15} />}
          data-testid="sign-out"
          onClick={() => void signOut().finally(() => void queryClient.resetQueries())}
        >
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
