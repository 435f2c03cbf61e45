import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../../../shared/contract';
import { ListingPill } from '../badges';
import { ListingLink } from './actions';

/**
 * The Listings table's channel cell: one pill per channel, the live listing's link beside it, and
 * on a failure the reason (on the pill's hover) with Retry right there.
 */
export const ChannelStates = memo(function ChannelStates({
  listings,
  reference,
  mayAct,
  onRetry,
}: {
  listings: readonly Listing[];
  reference: string;
  mayAct: boolean;
  onRetry: (listing: Listing, reference: string) => void;
}) {
  const { t } = useTranslation();
  if (listings.length === 0) {
    return (
      <Text fz="xs" c="dimmed">
        {t('listings.notPublished')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      {listings.map((listing) => (
        <Group
          key={listing.id}
          gap={4}
          wrap="nowrap"
          data-testid="channel-state"
          data-channel={listing.channel}
          data-listing-status={listing.status}
        >
          <ListingPill listing={listing} />
          {listing.status === 'live' ? <ListingLink listing={listing} compact /> : null}
          {listing.status === 'failed' && mayAct ? (
            <Tooltip label={t('publishing.retryHint', { channel: t(`channels.${listing.channel}`) })}>
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                leftSection={<IconRefresh size={12} />}
                data-testid="retry-listing"
                onClick={(event) => {
                  event.stopPropagation();
                  onRetry(listing, reference);
                }}
              >
                {t('publishing.retry')}
              </Button>
            </Tooltip>
          ) : null}
        </Group>
      ))}
    </Group>
  );
});
