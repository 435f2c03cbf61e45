import { Anchor, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFolder, IconFolderOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotFolderStatus } from '../../../../shared/contract';
import { errorMessage } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { deskBridge, useDeskFolder, useDeskFolderStatus } from '../../state/deskFolder';
import { routeHref } from '../../state/router';
import { ErrorAlert } from '../common';

/**
 * One line on the photo desk: is the camera's folder being watched, how many new photos came
 * from it, and whether files are still arriving. The status refreshes on `changed` events.
 */
export function HotFolderLine({ itemId }: { itemId: number | null }) {
  const { t } = useTranslation();
  const status = useCall('photos.hotFolderStatus', {});
  const data = status.data;
  if (deskBridge) return <DeskFolderLine itemId={itemId} />;
  if (!data) return null;
  if (data.onServer) {
    return (
      <Group gap={6} fz="sm" c="dimmed" data-testid="hot-folder-status" wrap="nowrap">
        <IconFolderOff size={16} />
        <Text fz="sm" c="dimmed" lineClamp={2}>
          {t('photoDesk.hotFolder.onServer')}
        </Text>
      </Group>
    );
  }
  if (data.path === null) {
    return (
      <Group gap={6} fz="sm" c="dimmed" data-testid="hot-folder-status" wrap="nowrap">
        <IconFolderOff size={16} />
        <Text fz="sm" c="dimmed" lineClamp={1}>
          {t('photoDesk.hotFolder.notSet')}{' '}
          <Anchor href={routeHref({ page: 'settings' })} fz="sm">
            {t('photoDesk.hotFolder.openSettings')}
          </Anchor>
        </Text>
      </Group>
    );
  }
  const parts: string[] = [];
  if (data.watching) {
    parts.push(t('photoDesk.hotFolder.imported', { count: data.importedCount }));
    if (data.pendingCount > 0) {
      parts.push(t('photoDesk.hotFolder.arriving', { count: data.pendingCount }));
      if (data.activeItemId === null) parts.push(t('photoDesk.hotFolder.waitingForItem'));
    } else if (itemId !== null) {
      parts.push(t('photoDesk.hotFolder.toThisItem'));
    }
    if (data.lastImported) parts.push(t('photoDesk.hotFolder.last', { name: data.lastImported.name }));
  }
  return (
    <Group gap={6} wrap="nowrap" data-testid="hot-folder-status" data-watching={data.watching}>
      {data.watching ? (
        <IconFolder size={16} color="var(--mantine-color-teal-6)" />
      ) : (
        <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" />
      )}
      <Text fz="sm" lineClamp={1} title={data.error ?? data.path}>
        <Text span fw={600} fz="sm">
          {data.watching
            ? t('photoDesk.hotFolder.watching', { path: data.path })
            : t('photoDesk.hotFolder.notWatching', { path: data.path })}
        </Text>
        {data.watching ? (
          <Text span fz="sm" c="dimmed">
            {' · '}
            {parts.join(' · ')}
          </Text>
        ) : data.error ? (
          <Text span fz="sm" c="orange.8">
            {' · '}
            {data.error}
          </Text>
        ) : null}
      </Text>
    </Group>
  );
}

/**
 * The photo desk's line for a desk connected to a server: this desk's own folder, watched by its
 * app, and what its shots became (state/deskFolder.ts).
 */
function DeskFolderLine({ itemId }: { itemId: number | null }) {
  const { t } = useTranslation();
  const status = useDeskFolderStatus();
  const importedCount = useDeskFolder((state) => state.importedCount);
  const lastImported = useDeskFolder((state) => state.lastImported);
  if (!status) return null;
  if (status.path === null) {
    return (
      <Group gap={6} fz="sm" c="dimmed" data-testid="hot-folder-status" data-desk="true" wrap="nowrap">
        <IconFolderOff size={16} />
        <Text fz="sm" c="dimmed" lineClamp={1}>
          {t('photoDesk.hotFolder.deskNotSet')}{' '}
          <Anchor href={routeHref({ page: 'settings' })} fz="sm">
            {t('photoDesk.hotFolder.openSettings')}
          </Anchor>
        </Text>
      </Group>
    );
  }
  const parts: string[] = [];
  if (status.watching) {
    parts.push(t('photoDesk.hotFolder.imported', { count: importedCount }));
    if (status.pendingCount > 0) {
      parts.push(t('photoDesk.hotFolder.arriving', { count: status.pendingCount }));
      if (itemId === null) parts.push(t('photoDesk.hotFolder.waitingForItem'));
    } else if (itemId !== null) {
      parts.push(t('photoDesk.hotFolder.toThisItem'));
    }
    if (lastImported) parts.push(t('photoDesk.hotFolder.last', { name: lastImported.name }));
  }
  return (
    <Group
      gap={6}
      wrap="nowrap"
      data-testid="hot-folder-status"
      data-desk="true"
      data-watching={status.watching}
    >
      {status.watching ? (
        <IconFolder size={16} color="var(--mantine-color-teal-6)" />
      ) : (
        <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" />
      )}
      <Text fz="sm" lineClamp={1} title={status.error ?? status.path}>
        <Text span fw={600} fz="sm">
          {status.watching
            ? t('photoDesk.hotFolder.deskWatching', { path: status.path })
            : t('photoDesk.hotFolder.notWatching', { path: status.path })}
        </Text>
        {status.watching ? (
          <Text span fz="sm" c="dimmed">
            {' · '}
            {parts.join(' · ')}
          </Text>
        ) : status.error ? (
          <Text span fz="sm" c="orange.8">
            {' · '}
            {status.error}
          </Text>
        ) : null}
      </Text>
    </Group>
  );
}

/** Settings on a desk connected to a server: the folder on this computer, chosen in the system's dialog. */
function DeskFolderSettings({ bridge }: { bridge: NonNullable<typeof deskBridge> }) {
  const { t } = useTranslation();
  const status = useDeskFolderStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  if (!status) return <Loader size="sm" />;
  return (
    <Stack gap="xs" data-testid="hot-folder-settings" data-desk="true">
      <Text fz="sm" fw={500}>
        {t('photoDesk.settings.folder')}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('photoDesk.settings.deskHint')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Button
          loading={busy}
          onClick={() => void run(() => bridge.chooseFolder())}
          data-testid="desk-folder-choose"
        >
          {t('photoDesk.settings.chooseFolder')}
        </Button>
        {status.path !== null ? (
          <Button
            variant="default"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await bridge.clearFolder();
                notifications.show({ color: 'green', message: t('photoDesk.settings.cleared') });
              })
            }
          >
            {t('photoDesk.settings.clear')}
          </Button>
        ) : null}
      </Group>
      {error ? (
        <Text fz="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      {status.path !== null ? <DeskFolderLine itemId={null} /> : null}
    </Stack>
  );
}

/** Settings: the folder the tethering software writes into, checked by the main side. */
export function HotFolderSettings() {
  const { t } = useTranslation();
  const status = useCall('photos.hotFolderStatus', {});
  const save = useCallMutation('photos.setHotFolder');
  const [draft, setDraft] = useState<string | null>(null);
  if (status.error) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  if (deskBridge) return <DeskFolderSettings bridge={deskBridge} />;
  if (!status.data) return <Loader size="sm" />;
  if (status.data.onServer) {
    return (
      <Text fz="sm" c="dimmed" data-testid="hot-folder-settings">
        {t('photoDesk.hotFolder.onServer')}
      </Text>
    );
  }
  const current: HotFolderStatus = status.data;
  const value = draft ?? current.path ?? '';
  const submit = (path: string | null) =>
    save.mutate(
      { path },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({
            color: 'green',
            message: path === null ? t('photoDesk.settings.cleared') : t('photoDesk.settings.saved'),
          });
        },
      },
    );
  return (
    <Stack gap="xs" data-testid="hot-folder-settings">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim()) submit(value.trim());
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('photoDesk.settings.folder')}
            description={t('photoDesk.settings.folderHint')}
            placeholder={t('photoDesk.settings.placeholder')}
            value={value}
            onChange={(event) => setDraft(event.currentTarget.value)}
            error={save.error ? errorMessage(save.error) : undefined}
            data-testid="hot-folder-input"
            spellCheck={false}
          />
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!value.trim()}
            data-testid="hot-folder-save"
          >
            {t('photoDesk.settings.save')}
          </Button>
          {current.path !== null ? (
            <Button variant="default" onClick={() => submit(null)} disabled={save.isPending}>
              {t('photoDesk.settings.clear')}
            </Button>
          ) : null}
        </Group>
      </form>
      {current.path !== null ? <HotFolderLine itemId={null} /> : null}
    </Stack>
  );
}
