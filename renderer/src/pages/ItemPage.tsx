import { Anchor, Box, Button, EmptyState, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCamera, IconCameraPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/errors';
import { useCall } from '../api/hooks';
import { ErrorAlert, LoadingBlock, SectionTitle } from '../components/common';
import {
  DefectsTable,
  GradingFacts,
  HistoryTimeline,
  PriceSection,
  ProductHeader,
  ReturnFacts,
} from '../components/item';
import { DescriptionsSection } from '../components/descriptions/DescriptionsSection';
import { ChannelsPanel } from '../components/listings/ChannelsPanel';
import { PhotoViewer } from '../components/PhotoViewer';
import { ProposePrice } from '../components/pricing/ProposePrice';
import { routeHref } from '../state/router';

/** Everything about one item on one page: facts, defects, photos, price and trace, channels, history. */
export function ItemPage({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const item = useCall('items.get', { id: itemId }, { placeholderData: undefined });
  const back = (
    <Anchor
      fz="sm"
      onClick={(event) => {
        // Back to wherever the item was opened from; a deep link with no history goes to Intake.
        if (window.history.length > 1) {
          event.preventDefault();
          window.history.back();
        }
      }}
      href="#/intake"
    >
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('common.back')}
      </Group>
    </Anchor>
  );
  if (item.error) {
    return (
      <div className="rb-page-scroll">
        {back}
        <Box mt="md" maw={560}>
          <ErrorAlert
            error={
              item.error instanceof AppError && item.error.code === 'not_found'
                ? t('item.notFound')
                : item.error
            }
          />
        </Box>
      </div>
    );
  }
  if (!item.data) return <LoadingBlock h="60vh" />;
  const data = item.data;
  return (
    <div className="rb-page-scroll" data-testid="page-item" data-item-reference={data.reference}>
      <Group justify="space-between" mb="sm">
        {back}
        <Button
          size="xs"
          variant="default"
          component="a"
          href={routeHref({ page: 'photos', itemId: data.id })}
          leftSection={<IconCamera size={14} />}
        >
          {t('common.openInPhotoDesk')}
        </Button>
      </Group>
      <Paper p="md" mb="sm">
        <ProductHeader item={data} />
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <Paper p="sm">
          <SectionTitle>{t('item.photos')}</SectionTitle>
          {data.photos.length === 0 ? (
            <EmptyState
              size="sm"
              icon={<IconCameraPlus size={20} />}
              withIndicatorBackground
              title={t('item.noPhotos')}
              description={t('photos.noPhotosHint')}
            />
          ) : (
            <PhotoViewer photos={data.photos} height={340} keyboard />
          )}
        </Paper>
        <Stack gap="sm">
          <ReturnFacts item={data} />
          <GradingFacts item={data} />
        </Stack>
      </SimpleGrid>
      <Box my="sm">
        <DefectsTable item={data} />
      </Box>
      <Box mb="sm">
        <DescriptionsSection item={data} />
      </Box>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <Stack gap="sm">
          <PriceSection item={data} />
          <ProposePrice item={data} />
          <ChannelsPanel item={data} />
        </Stack>
        <HistoryTimeline item={data} />
      </SimpleGrid>
      <Text fz="xs" c="dimmed" mt="md">
        {data.merchantName} · {data.reference}
      </Text>
    </div>
  );
}
