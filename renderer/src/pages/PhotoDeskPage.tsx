import { Box, Button, EmptyState, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCameraPlus, IconExternalLink, IconPhotoSearch, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/hooks';
import { GradeBadge, StatusBadge } from '../components/badges';
import { ErrorAlert, Fact, Keys, LoadingBlock, PageHeader } from '../components/common';
import { ItemList } from '../components/ItemList';
import { PhotoViewer, useWarningLabel } from '../components/PhotoViewer';
import { navigate, routeHref } from '../state/router';

const KNOWN_SOURCES = ['hot_folder', 'drop', 'file', 'webcam', 'demo'] as const;

export function PhotoDeskPage({ itemId }: { itemId?: number | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 200);
  return (
    <div className="rb-page" data-testid="page-photos">
      <PageHeader
        title={t('nav.photoDesk')}
        subtitle={
          <Group gap={6}>
            <Keys keys={['←', '→']} />
            <span>{t('photos.keysHint')}</span>
          </Group>
        }
      />
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper w={340} miw={280} style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
          <Box p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <TextInput
              size="sm"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              placeholder={t('photos.searchPlaceholder')}
              aria-label={t('photos.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              data-testid="photo-search"
            />
          </Box>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <ItemList
              filters={{ search: search || undefined, sort: 'received_desc' }}
              selectedId={itemId ?? null}
              onSelect={(item) => navigate({ page: 'photos', itemId: item.id })}
              label={t('nav.photoDesk')}
              empty={
                <Text p="md" fz="sm" c="dimmed">
                  {t('intake.noMatch')}
                </Text>
              }
            />
          </Box>
        </Paper>
        <Box className="rb-pane" style={{ flex: 1 }}>
          {itemId === undefined ? (
            <EmptyState
              mt={80}
              variant="light"
              icon={<IconPhotoSearch size={26} />}
              title={t('photos.pickTitle')}
              description={t('photos.pickHint')}
            />
          ) : (
            <PhotoWorkspace key={itemId} itemId={itemId} />
          )}
        </Box>
      </Group>
    </div>
  );
}

function PhotoWorkspace({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const warningLabel = useWarningLabel();
  const item = useCall('items.get', { id: itemId }, { placeholderData: undefined });
  const [index, setIndex] = useState(0);
  if (item.error) return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <LoadingBlock />;
  const data = item.data;
  const photo = data.photos[Math.min(index, data.photos.length - 1)];
  const sourceLabel = (source: string) =>
    (KNOWN_SOURCES as readonly string[]).includes(source)
      ? t(`photos.sources.${source as (typeof KNOWN_SOURCES)[number]}`)
      : source;
  return (
    <Stack gap="sm" data-testid="photo-workspace">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text ff="monospace" fz="sm" fw={600}>
              {data.reference}
            </Text>
            <StatusBadge status={data.status} />
            <GradeBadge grade={data.grade} />
          </Group>
          <Title order={2} lineClamp={1}>
            {data.title}
          </Title>
        </Stack>
        <Button
          size="xs"
          variant="default"
          component="a"
          href={routeHref({ page: 'item', itemId: data.id })}
          leftSection={<IconExternalLink size={14} />}
        >
          {t('common.openItem')}
        </Button>
      </Group>
      {data.photos.length === 0 ? (
        <Paper p="xl" style={{ borderStyle: 'dashed' }}>
          <EmptyState
            variant="light"
            icon={<IconCameraPlus size={26} />}
            title={t('photos.noPhotosTitle')}
            description={t('photos.noPhotosHint')}
            data-testid="no-photos"
          />
        </Paper>
      ) : (
        <Group align="flex-start" gap="md" wrap="nowrap">
          <Box style={{ flex: 1, minWidth: 0 }}>
            <PhotoViewer
              photos={data.photos}
              keyboard
              height="min(62vh, 640px)"
              index={index}
              onIndexChange={setIndex}
            />
          </Box>
          {photo ? (
            <Paper p="sm" w={220} miw={200}>
              <Stack gap="sm">
                <Fact label={t('photos.position', { n: index + 1, total: data.photos.length })}>
                  {t('photos.size', { width: photo.width, height: photo.height })}
                </Fact>
                <Fact label={t('photos.source')}>{sourceLabel(photo.source)}</Fact>
                <Fact label={t('photos.warningsTitle')}>
                  {photo.warnings.length === 0 ? (
                    <Text span fz="sm" c="dimmed">
                      {t('photos.noWarnings')}
                    </Text>
                  ) : (
                    <Text span fz="sm" c="orange.8">
                      {photo.warnings.map(warningLabel).join(', ')}
                    </Text>
                  )}
                </Fact>
              </Stack>
            </Paper>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}
