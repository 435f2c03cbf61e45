import { Box, Button, Group, Paper, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { IconCircleMinus, IconRefresh, IconShoppingCart, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail, Listing } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain/status';
import { useFormat } from '../../format';
import { renderMessage } from '../../../../shared/messages/render';
import { currentLanguage } from '../../i18n';
import { ListingPill } from '../badges';
import { SectionTitle } from '../common';
import {
  canEnd,
  ListingLink,
  usePublishChannels,
  useEbayStatuses,
  useListingActions,
  usePublishPermission,
} from './actions';

const PUBLISHABLE_STATUSES = new Set(['approved', 'listed']);

/** Ending a listing takes it off sale: one confirming click, in place. */
function EndButton({
  channel,
  reference,
  onEnd,
}: {
  channel: Channel;
  reference: string;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const name = t(`channels.${channel}`);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" width={280}>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          leftSection={<IconCircleMinus size={12} />}
          data-testid="end-listing"
          onClick={() => setOpened((o) => !o)}
        >
          {t('publishing.end')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fz="sm" fw={600}>
            {t('publishing.endTitle', { channel: name })}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('publishing.endText', { channel: name, reference })}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>
              {t('publishing.cancel')}
            </Button>
            <Button
              size="compact-sm"
              color="red"
              data-testid="end-confirm"
              onClick={() => {
                setOpened(false);
                onEnd();
              }}
            >
              {t('publishing.endOn', { channel: name })}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * The item page's channels: per channel its state, price, link and last error, with the actions
 * that fit the state: Publish (again), Retry, End, and on the practice marketplace a pretend buyer.
 */
export function ChannelsPanel({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const actions = useListingActions();
  const permission = usePublishPermission();
  const ebay = useEbayStatuses([item.merchantId]).get(item.merchantId);
  const ebayBlocked = ebay !== undefined && !ebay.readyToPublish;
  const byChannel = new Map<Channel, Listing>(item.listings.map((l) => [l.channel, l]));
  const offered = usePublishChannels([item.merchantId]);
  const channels: Channel[] = [
    ...offered,
    ...item.listings.map((l) => l.channel).filter((c) => !offered.includes(c)),
  ];
  const publishable = PUBLISHABLE_STATUSES.has(item.status) && item.grade !== 'defective';

  return (
    <Paper p="sm" data-testid="channels-panel">
      <SectionTitle>{t('publishing.panelTitle')}</SectionTitle>
      <Stack gap={0}>
        {channels.map((channel, index) => {
          const listing = byChannel.get(channel);
          const status = listing?.status;
          const ending = actions.isEnding(item.id, channel);
          const mayPublishHere =
            permission.allowed &&
            publishable &&
            (status === undefined || status === 'ended') &&
            !(channel === 'ebay' && ebayBlocked) &&
            offered.includes(channel);
          return (
            <Box
              key={channel}
              py={8}
              data-channel={channel}
              data-listing-status={status ?? 'none'}
              data-pending={ending || undefined}
              aria-busy={ending || undefined}
              data-testid="channel-row"
              style={{
                ...(index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : {}),
                ...(ending ? { opacity: 0.45 } : {}),
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Group gap={8} wrap="nowrap" miw={0}>
                  <Text fz="sm" fw={600} truncate="end">
                    {t(`channels.${channel}`)}
                  </Text>
                  {listing ? (
                    <ListingPill listing={listing} showChannel={false} />
                  ) : (
                    <Text fz="xs" c="dimmed">
                      {t('publishing.notPublished')}
                    </Text>
                  )}
                </Group>
                <Text fz="sm" fw={600} className="rb-num">
                  {listing && listing.priceCents !== null ? f.money(listing.priceCents, item.currency) : ''}
                </Text>
              </Group>
              <Group justify="space-between" wrap="wrap" gap="xs" mt={4} mih={22}>
                <Box miw={0}>{listing ? <ListingLink listing={listing} /> : null}</Box>
                <Group gap={4} wrap="wrap" justify="flex-end">
                  {mayPublishHere ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconUpload size={12} />}
                      loading={actions.publishing}
                      data-testid="publish-channel"
                      onClick={() => actions.publish([item.id], [channel])}
                    >
                      {status === 'ended' ? t('publishing.publishAgain') : t('publishing.publish')}
                    </Button>
                  ) : null}
                  {listing && status === 'failed' && permission.allowed ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      leftSection={<IconRefresh size={12} />}
                      data-testid="retry-listing"
                      onClick={() => actions.retry(listing, item.reference)}
                    >
                      {t('publishing.retry')}
                    </Button>
                  ) : null}
                  {listing && channel === 'practice' && status === 'live' ? (
                    <Tooltip label={t('publishing.simulateHint')} multiline maw={280}>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="grape"
                        leftSection={<IconShoppingCart size={12} />}
                        data-testid="simulate-buyer"
                        onClick={() => actions.buy(item.id, item.reference)}
                      >
                        {t('publishing.simulateBuyer')}
                      </Button>
                    </Tooltip>
                  ) : null}
                  {listing && canEnd(listing) && permission.allowed && !ending ? (
                    <EndButton
                      channel={channel}
                      reference={item.reference}
                      onEnd={() => actions.end(item.id, channel, item.reference)}
                    />
                  ) : null}
                </Group>
              </Group>
              {listing?.lastError ? (
                <Text
                  fz="xs"
                  c="red.7"
                  mt={4}
                  data-testid="listing-error"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  <Text span fz="xs" fw={600}>
                    {t(status === 'failed' ? 'publishing.whyFailed' : 'publishing.lastError')}{' '}
                  </Text>
                  {listing.lastErrorText
                    ? renderMessage(listing.lastErrorText, currentLanguage(), listing.lastError)
                    : listing.lastError}
                </Text>
              ) : null}
            </Box>
          );
        })}
      </Stack>
      {!publishable && item.listings.length === 0 ? (
        <Text fz="xs" c="dimmed" mt={6}>
          {t('publishing.notPublishable')}
        </Text>
      ) : null}
      {ebay && ebayBlocked ? (
        <Text fz="xs" c="orange.8" mt={6} data-testid="ebay-not-ready">
          {t(
            !ebay.configured
              ? 'publishing.ebayNotConfigured'
              : !ebay.connected
                ? 'publishing.ebayNotConnected'
                : 'publishing.ebayNotReady',
            { merchant: item.merchantName },
          )}
        </Text>
      ) : null}
      <Text fz="xs" c="dimmed" mt={6}>
        {t('publishing.practiceNote')}
      </Text>
    </Paper>
  );
}
