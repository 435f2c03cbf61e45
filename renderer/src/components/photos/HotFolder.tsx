import { Anchor, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFolder, IconFolderOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotFolderStatus } from '../../../../shared/contract';
import { type StoredMessage } from '../../../../shared/messages';
import { renderMessage } from '../../../../shared/messages/render';
import { errorMessage } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { useLanguage } from '../../i18n';
import { deskBridge, useDeskFolder, useDeskFolderStatus } from '../../state/deskFolder';
import { routeHref } from '../../state/router';
import { ErrorAlert } from '../common';
import { useSaving } from '../settings/useSaving';

/**
 * One line on the photo desk: is the camera's folder being watched, how many new photos came
 * from it, and whether files are still arriving. The status refreshes on `changed` events.
 */
export function HotFolderLine({ itemId, byLabel = false }: { itemId: number | null; byLabel?: boolean }) {
  const { t } = useTranslation();
  const status = useCall('photos.hotFolderStatus', {});
  const data = status.data;
  if (deskBridge) return <DeskFolderLine itemId={itemId} byLabel={byLabel} />;
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
  return (
    <FolderLine
      folder={data}
      watchingText={t('photoDesk.hotFolder.watching', { path: data.path })}
      notSetText={t('photoDesk.hotFolder.notSet')}
      importedCount={data.importedCount}
      lastImported={data.lastImported?.name ?? null}
      itemOpen={itemId !== null}
      receiving={byLabel || data.activeItemId !== null}
      byLabel={byLabel}
    />
  );
}

/**
 * The photo desk's line for a desk connected to a server: this desk's own folder, watched by its
 * app, and what its shots became (state/deskFolder.ts).
 */
function DeskFolderLine({ itemId, byLabel }: { itemId: number | null; byLabel: boolean }) {
  const { t } = useTranslation();
  const status = useDeskFolderStatus();
  const importedCount = useDeskFolder((state) => state.importedCount);
  const lastImported = useDeskFolder((state) => state.lastImported);
  if (!status) return null;
  return (
    <FolderLine
      desk
      folder={status}
      watchingText={t('photoDesk.hotFolder.deskWatching', { path: status.path })}
      notSetText={t('photoDesk.hotFolder.deskNotSet')}
      importedCount={importedCount}
      lastImported={lastImported?.name ?? null}
      itemOpen={itemId !== null}
      receiving={byLabel || itemId !== null}
      byLabel={byLabel}
    />
  );
}

/** The line itself, whoever watches the folder: the workspace (HotFolderLine) or this desk. */
function FolderLine({
  desk = false,
  folder,
  watchingText,
  notSetText,
  importedCount,
  lastImported,
  itemOpen,
  receiving,
  byLabel = false,
}: {
  desk?: boolean;
  folder: {
    path: string | null;
    watching: boolean;
    error?: string;
    errorText?: StoredMessage;
    pendingCount: number;
  };
  watchingText: string;
  notSetText: string;
  importedCount: number;
  lastImported: string | null;
  /** An item is open on this photo desk. */
  itemOpen: boolean;
  /** Arrivals have an item to go to now. */
  receiving: boolean;
  /** Shooting by label: arrivals go where their labels say. */
  byLabel?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const problem =
    folder.error !== undefined && folder.errorText
      ? renderMessage(folder.errorText, language, folder.error)
      : folder.error;
  const marks = { 'data-testid': 'hot-folder-status', ...(desk ? { 'data-desk': 'true' } : {}) };
  if (folder.path === null) {
    return (
      <Group gap={6} fz="sm" c="dimmed" wrap="nowrap" {...marks}>
        <IconFolderOff size={16} />
        <Text fz="sm" c="dimmed" lineClamp={1}>
          {notSetText}{' '}
          <Anchor href={routeHref({ page: 'settings' })} fz="sm">
            {t('photoDesk.hotFolder.openSettings')}
          </Anchor>
        </Text>
      </Group>
    );
  }
  const parts: string[] = [];
  if (folder.watching) {
    parts.push(t('photoDesk.hotFolder.imported', { count: importedCount }));
    if (folder.pendingCount > 0) {
      parts.push(t('photoDesk.hotFolder.arriving', { count: folder.pendingCount }));
      if (!receiving) parts.push(t('photoDesk.hotFolder.waitingForItem'));
    } else if (byLabel) {
      parts.push(t('photoDesk.hotFolder.byLabel'));
    } else if (itemOpen) {
      parts.push(t('photoDesk.hotFolder.toThisItem'));
    }
    if (lastImported) parts.push(t('photoDesk.hotFolder.last', { name: lastImported }));
  }
  return (
    <Group gap={6} wrap="nowrap" data-watching={folder.watching} {...marks}>
      {folder.watching ? (
        <IconFolder size={16} color="var(--mantine-color-teal-6)" />
      ) : (
        <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" />
      )}
      <Text fz="sm" lineClamp={1} title={problem ?? folder.path}>
        <Text span fw={600} fz="sm">
          {folder.watching ? watchingText : t('photoDesk.hotFolder.notWatching', { path: folder.path })}
        </Text>
        {folder.watching ? (
          <Text span fz="sm" c="dimmed">
            {' · '}
            {parts.join(' · ')}
          </Text>
        ) : problem ? (
          <Text span fz="sm" c="orange.8">
            {' · '}
            {problem}
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
  const saving = useSaving();
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
          loading={saving.busy}
          onClick={() =>
            void saving.run(async () => {
              await bridge.chooseFolder();
            })
          }
          data-testid="desk-folder-choose"
        >
          {t('photoDesk.settings.chooseFolder')}
        </Button>
        {status.path !== null ? (
          <Button
            variant="default"
            disabled={saving.busy}
            onClick={() =>
              void saving.run(async () => {
                await bridge.clearFolder();
                notifications.show({ color: 'green', message: t('photoDesk.settings.cleared') });
              })
            }
          >
            {t('photoDesk.settings.clear')}
          </Button>
        ) : null}
      </Group>
      {saving.error ? (
        <Text fz="sm" c="red" role="alert">
          {saving.error}
        </Text>
      ) : null}
      {status.path !== null ? <DeskFolderLine itemId={null} byLabel={false} /> : null}
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
