import { Badge, Button, Code, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall, useCallMutation } from '../../api/hooks';
import { useFormat } from '../../format';
import { useMay } from '../../state/me';
import { ErrorAlert, Fact, LoadingBlock, SectionTitle } from '../common';

/** "1.2 MB", "340 kB" in the UI language. */
function fileSize(bytes: number, locale: string): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1_000_000 : Math.max(1, bytes / 1_000));
}

/** Settings → Backups, for admins: the last backup of the database and "Back up now". */
export function BackupsSection() {
  return useMay('backups.list') ? <BackupsPanel /> : null;
}

function BackupsPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useCall('backups.list', {});
  const create = useCallMutation('backups.create');
  const mayCreate = useMay('backups.create');
  const latest = list.data?.backups[0];

  const backUp = () =>
    create.mutate(
      {},
      {
        onSuccess: (backup) =>
          notifications.show({
            color: 'green',
            message: t('settings.backups.created', { file: backup.file }),
          }),
      },
    );

  return (
    <Paper p="md" data-testid="backups-section">
      <SectionTitle
        right={
          mayCreate ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDatabaseExport size={14} />}
              loading={create.isPending}
              onClick={backUp}
              data-testid="backup-now"
            >
              {t('settings.backups.create')}
            </Button>
          ) : null
        }
      >
        {t('settings.backups.title')}
      </SectionTitle>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {t('settings.backups.intro')}
        </Text>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <LoadingBlock h={80} />
        ) : !latest ? (
          <Text fz="sm" data-testid="backup-none">
            {t('settings.backups.none')}
          </Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Fact label={t('settings.backups.latest')}>
                <span data-testid="backup-latest-date">{f.dateTime(latest.takenAt)}</span>{' '}
                <Badge size="xs" variant="light" color="gray">
                  {t(`settings.backups.kinds.${latest.kind}`)}
                </Badge>
              </Fact>
              <Fact label={t('settings.backups.size')}>
                <span data-testid="backup-latest-size">{fileSize(latest.sizeBytes, f.locale)}</span>
              </Fact>
              <Fact label={t('settings.backups.keptLabel')}>
                {t('settings.backups.kept', { count: list.data.backups.length })}
              </Fact>
            </SimpleGrid>
            <Fact label={t('settings.backups.file')}>
              <Code data-testid="backup-latest-file" style={{ overflowWrap: 'anywhere' }}>
                {latest.file}
              </Code>
            </Fact>
          </>
        )}
        <Text fz="xs" c="dimmed">
          {t('settings.backups.restoreHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
