import { Anchor, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PublishResult } from '../../../../shared/contract/channels';
import type { EbayStatus } from '../../../../shared/contract/ebay';
import { isAllowedExternalLink } from '../../../../shared/contract/bridge';
import type { Listing } from '../../../../shared/contract';
import type { Channel, Role } from '../../../../shared/domain/status';
import { call, errorMessage, openExternal, runtime } from '../../api/client';
import { callKey, useCall, useCallMutation } from '../../api/hooks';
import { useMay, useMe } from '../../state/me';
import { useDeferredAction, usePendingKeys } from '../UndoNotice';
import { renderMessage } from '../../../../shared/messages/render';
import { currentLanguage } from '../../i18n';

/** The channels every merchant can publish to, in the order the choice offers them. */
export const PUBLISH_CHANNELS = ['practice', 'ebay'] as const satisfies readonly Channel[];
/** The merchants' own shops, offered when a merchant has connected one. */
const SHOP_CHANNELS = ['shopify', 'woocommerce', 'vendure'] as const satisfies readonly Channel[];
export type PublishChannel = Channel;

/** Whether `channel` is one of the merchants' own shops (their hint reads the same). */
export function isShopChannel(channel: Channel): boolean {
  return (SHOP_CHANNELS as readonly Channel[]).includes(channel);
}

/**
 * Where items of these merchants can go: the practice marketplace, eBay, and each shop one of
 * them has connected (Settings › Shops).
 */
export function usePublishChannels(merchantIds: readonly number[]): readonly Channel[] {
  const shops = useCall('shops.status', {});
  const key = [...new Set(merchantIds)].sort((a, b) => a - b).join(',');
  return useMemo(() => {
    const wanted = new Set(key.split(',').map(Number));
    const connected = new Set<Channel>();
    for (const merchant of shops.data ?? []) {
      if (!wanted.has(merchant.merchantId)) continue;
      for (const shop of merchant.shops) connected.add(shop.platform);
    }
    return [...PUBLISH_CHANNELS, ...SHOP_CHANNELS.filter((c) => connected.has(c))];
  }, [shops.data, key]);
}

/** The practice marketplace's listing addresses are its own scheme: `rebound-practice://listing/12`. */
const PRACTICE_URL = /^rebound-practice:\/\/listing\/(\d+)$/;

export function practiceListingId(url: string | null): string | null {
  return url ? (PRACTICE_URL.exec(url)?.[1] ?? null) : null;
}

/** The access rule's answer, so the buttons say "no" before the server has to. */
export function usePublishPermission(): { allowed: boolean; role: Role | null } {
  const allowed = useMay('channels.publish');
  return { allowed, role: useMe()?.role ?? null };
}

/** Whether a listing on a channel can still take an End: anything not ended yet. */
export function canEnd(listing: Listing): boolean {
  return listing.status !== 'ended';
}

/** Where eBay stands for each merchant: configured, connected, ready to publish. */
export function useEbayStatuses(merchantIds: readonly number[]): ReadonlyMap<number, EbayStatus> {
  const ids = [...new Set(merchantIds)].sort((a, b) => a - b);
  const results = useQueries({
    queries: ids.map((merchantId) => ({
      queryKey: callKey('ebay.status', { merchantId }),
      queryFn: () => call('ebay.status', { merchantId }),
    })),
  });
  const out = new Map<number, EbayStatus>();
  results.forEach((result, index) => {
    if (result.data) out.set(ids[index]!, result.data);
  });
  return out;
}

/** One notification that sums up what a publish did: queued, already there, and every refusal. */
function notifyResults(results: readonly PublishResult[], t: TFunction): void {
  const queued = results.filter((r) => r.outcome === 'queued').length;
  const already = results.filter((r) => r.outcome === 'already').length;
  const refused = results.filter((r) => r.outcome === 'refused');
  notifications.show({
    color: refused.length > 0 ? (queued > 0 ? 'orange' : 'red') : 'green',
    title: t('publishing.summaryTitle'),
    autoClose: refused.length > 0 ? 15_000 : 5_000,
    message: (
      <Stack gap={2} data-testid="publish-summary">
        {queued > 0 ? <Text fz="sm">{t('publishing.queued', { count: queued })}</Text> : null}
        {already > 0 ? <Text fz="sm">{t('publishing.already', { count: already })}</Text> : null}
        {refused.length > 0 ? (
          <>
            <Text fz="sm" fw={600}>
              {t('publishing.refused', { count: refused.length })}
            </Text>
            <List size="xs" spacing={2} withPadding>
              {refused.slice(0, 8).map((r) => (
                <List.Item key={`${r.itemId}-${r.channel}`}>
                  {t(`channelsShort.${r.channel}`)}:{' '}
                  {r.text ? renderMessage(r.text, currentLanguage(), r.message ?? undefined) : r.message}
                </List.Item>
              ))}
              {refused.length > 8 ? <List.Item>…</List.Item> : null}
            </List>
          </>
        ) : null}
      </Stack>
    ),
  });
}

function endingKey(itemId: number, channel: Channel): string {
  return `listing:${itemId}:${channel}`;
}

function notifyError(error: unknown): void {
  notifications.show({ color: 'red', message: errorMessage(error) });
}

/** Publish, retry, end, the practice buyer and the sales check, each with its notification. */
export function useListingActions() {
  const { t } = useTranslation();
  const publish = useCallMutation('channels.publish');
  const retry = useCallMutation('channels.retry');
  const deferAction = useDeferredAction();
  const pendingKeys = usePendingKeys();
  const buy = useCallMutation('practice.buy');
  const sync = useCallMutation('channels.sync');
  // The mutate functions are stable, so the actions are too: memoised table rows keep them.
  const { mutate: publishMutate } = publish;
  const { mutate: retryMutate } = retry;
  const { mutate: buyMutate } = buy;
  const { mutate: syncMutate } = sync;
  const actions = useMemo(
    () => ({
      publish: (itemIds: readonly number[], channels: readonly Channel[], onDone?: () => void) =>
        publishMutate(
          { itemIds: [...itemIds], channels: [...channels] },
          {
            onSuccess: (results) => {
              notifyResults(results, t);
              onDone?.();
            },
            onError: notifyError,
          },
        ),
      retry: (listing: Listing, reference: string) =>
        retryMutate(
          { listingId: listing.id },
          {
            onSuccess: () =>
              notifications.show({
                color: 'blue',
                message: t('publishing.retried', { channel: t(`channels.${listing.channel}`), reference }),
              }),
            onError: notifyError,
          },
        ),
      // Taking a listing off sale waits for an Undo: a wrong click would cost a live listing.
      end: (itemId: number, channel: Channel, reference: string) =>
        deferAction({
          method: 'channels.end',
          input: { itemId, channel, reason: 'withdrawn' },
          keys: [endingKey(itemId, channel)],
          waiting: (say) => say('undo.ending', { channel: say(`channels.${channel}`), reference }),
          done: (say) => say('publishing.ending', { channel: say(`channels.${channel}`) }),
        }),
      buy: (itemId: number, reference: string) =>
        buyMutate(
          { itemId },
          {
            onSuccess: (order) =>
              notifications.show({
                color: 'grape',
                title: t('publishing.practiceTag'),
                message: t('publishing.bought', { reference, order: order.orderId }),
              }),
            onError: notifyError,
          },
        ),
      sync: () =>
        syncMutate(
          {},
          {
            onSuccess: ({ jobIds }) =>
              notifications.show({
                color: jobIds.length > 0 ? 'blue' : 'gray',
                message:
                  jobIds.length > 0
                    ? t('publishing.checkingSales', { count: jobIds.length })
                    : t('publishing.nothingToCheck'),
              }),
            onError: notifyError,
          },
        ),
    }),
    [publishMutate, retryMutate, deferAction, buyMutate, syncMutate, t],
  );
  return {
    ...actions,
    /** Whether ending this listing waits for its Undo or is being sent. */
    isEnding: (itemId: number, channel: Channel) => pendingKeys.has(endingKey(itemId, channel)),
    pending: publish.isPending || retry.isPending || buy.isPending || sync.isPending,
    publishing: publish.isPending,
    syncing: sync.isPending,
  };
}

/**
 * The listing's address: eBay opens outside the app (the system browser through the bridge in
 * Electron, a new tab in the browser mode); the practice marketplace lives inside Rebound, so it
 * is named, not linked.
 */
export function ListingLink({ listing, compact = false }: { listing: Listing; compact?: boolean }) {
  const { t } = useTranslation();
  const practiceId = practiceListingId(listing.url);
  if (practiceId !== null) {
    return compact ? null : (
      <Text fz="xs" c="dimmed" data-testid="practice-listing-id">
        {t('publishing.practiceListing', { id: practiceId })}
      </Text>
    );
  }
  if (!listing.url || !isAllowedExternalLink(listing.url)) return null;
  const url = listing.url;
  const label = t('publishing.openOn', { channel: t(`channels.${listing.channel}`) });
  const anchor = (
    <Anchor
      fz="xs"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={label}
      data-testid="listing-link"
      data-channel={listing.channel}
      onClick={(event) => {
        event.stopPropagation();
        if (runtime === 'electron') {
          event.preventDefault();
          openExternal(url);
        }
      }}
    >
      <Group gap={3} wrap="nowrap">
        {compact ? null : label}
        <IconExternalLink size={13} />
      </Group>
    </Anchor>
  );
  return compact ? (
    <Tooltip label={label} withArrow>
      {anchor}
    </Tooltip>
  ) : (
    anchor
  );
}
