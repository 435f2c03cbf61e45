import { Anchor, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFolder, IconFolderOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotFolderStatus } from '../../../../shared/contract';
import { errorMessage } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
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
  if (!data) return null;
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

/** Settings: the folder the tethering software writes into, checked by the main side. */
export function HotFolderSettings() {
  const { t } = useTranslation();
  const status = useCall('photos.hotFolderStatus', {});
  const save = useCallMutation('photos.setHotFolder');
  const [draft, setDraft] = useState<string | null>(null);
  if (status.error) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <Loader size="sm" />;
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
