import { ActionIcon, Menu } from '@mantine/core';
import {
  IconDots,
  IconExternalLink,
  IconFileDescription,
  IconRefresh,
  IconShoppingCart,
  IconUpload,
} from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingRow } from '../../../../shared/contract';
import { isAllowedExternalLink } from '../../../../shared/contract/bridge';
import type { Channel } from '../../../../shared/domain/status';
import { openExternal } from '../../api/client';
import { navigate } from '../../state/router';
import { usePublishChannels } from './actions';

export interface RowActions {
  publish(itemIds: readonly number[], channels: readonly Channel[]): void;
  retry(listing: ListingRow['listings'][number], reference: string): void;
  buy(itemId: number, reference: string): void;
}

const PUBLISHABLE_STATUSES = new Set(['approved', 'listed']);

/**
 * One row's actions: publish it to one channel, retry, open the live listing, the practice buyer.
 * Ending a listing asks for confirmation, so it lives on the item page's channels panel.
 */
export const RowMenu = memo(function RowMenu({
  row,
  mayPublish,
  actions,
}: {
  row: ListingRow;
  mayPublish: boolean;
  actions: RowActions;
}) {
  const { t } = useTranslation();
  const channels = usePublishChannels([row.merchantId]);
  const byChannel = new Map(row.listings.map((l) => [l.channel, l]));
  const publishable = PUBLISHABLE_STATUSES.has(row.status) && row.grade !== 'defective';
  const practice = byChannel.get('practice');
  const listingItems = row.listings.flatMap((listing) => {
    const channel = t(`channels.${listing.channel}`);
    if (listing.status === 'failed' && mayPublish) {
      return [
        <Menu.Item
          key={`retry-${listing.id}`}
          leftSection={<IconRefresh size={14} />}
          onClick={() => actions.retry(listing, row.reference)}
        >
          {t('publishing.retryHint', { channel })}
        </Menu.Item>,
      ];
    }
    if (listing.status === 'live' && listing.url && isAllowedExternalLink(listing.url)) {
      const url = listing.url;
      return [
        <Menu.Item
          key={`open-${listing.id}`}
          leftSection={<IconExternalLink size={14} />}
          onClick={() => openExternal(url)}
        >
          {t('publishing.openOn', { channel })}
        </Menu.Item>,
      ];
    }
    return [];
  });
  if (practice?.status === 'live') {
    listingItems.push(
      <Menu.Item
        key="simulate-buyer"
        color="grape"
        leftSection={<IconShoppingCart size={14} />}
        data-testid="simulate-buyer"
        onClick={() => actions.buy(row.id, row.reference)}
      >
        {t('publishing.simulateBuyer')}
      </Menu.Item>,
    );
  }
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={290}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('publishing.rowActions', { reference: row.reference })}
          data-testid="row-menu"
          onClick={(event) => event.stopPropagation()}
        >
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
        <Menu.Item
          leftSection={<IconFileDescription size={14} />}
          onClick={() => navigate({ page: 'item', itemId: row.id })}
        >
          {t('publishing.openItem')}
        </Menu.Item>
        {mayPublish && publishable ? (
          <>
            <Menu.Divider />
            {channels.map((channel) => {
              const listing = byChannel.get(channel);
              const busy = listing && listing.status !== 'failed' && listing.status !== 'ended';
              return (
                <Menu.Item
                  key={channel}
                  leftSection={<IconUpload size={14} />}
                  disabled={Boolean(busy)}
                  data-testid={`row-publish-${channel}`}
                  onClick={() => actions.publish([row.id], [channel])}
                >
                  {t('publishing.publishTo', { channel: t(`channels.${channel}`) })}
                </Menu.Item>
              );
            })}
          </>
        ) : null}
        {listingItems.length > 0 ? <Menu.Divider /> : null}
        {listingItems}
      </Menu.Dropdown>
    </Menu>
  );
});
