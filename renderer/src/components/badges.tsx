import { Badge, Group, Text, Tooltip, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../../shared/messages/render';
import { useLanguage } from '../i18n';
import type { Listing } from '../../../shared/contract';
import type { Grade } from '../../../shared/domain/grades';
import type { ItemStatus, ListingStatus, WindowResult } from '../../../shared/domain/status';

/** Grades read best to worst in colour too: green for sealed through red for defective. */
export const GRADE_COLORS: Readonly<Record<Grade, MantineColor>> = {
  new_sealed: 'green',
  opened_packaging: 'cyan',
  used: 'indigo',
  lightly_damaged: 'yellow',
  heavily_damaged: 'orange',
  defective: 'red',
};

const STATUS_COLORS: Readonly<Record<ItemStatus, MantineColor>> = {
  received: 'gray',
  graded: 'blue',
  photographed: 'blue',
  priced: 'violet',
  awaiting_approval: 'orange',
  approved: 'brand',
  listed: 'cyan',
  sold: 'green',
  restocked: 'gray',
  returned_to_merchant: 'gray',
  destroyed: 'dark',
  rejected: 'red',
};

const WINDOW_COLORS: Readonly<Record<WindowResult, MantineColor>> = {
  within_legal: 'green',
  within_merchant: 'yellow',
  outside: 'red',
  unknown: 'gray',
};

const LISTING_COLORS: Readonly<Record<ListingStatus, MantineColor>> = {
  queued: 'gray',
  working: 'blue',
  live: 'green',
  failed: 'red',
  ended: 'gray',
};

export function GradeBadge({
  grade,
  size = 'sm',
}: {
  grade: Grade | null;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  if (!grade) {
    return (
      <Badge size={size} color="gray" variant="outline" data-grade="none">
        {t('common.ungraded')}
      </Badge>
    );
  }
  return (
    <Badge size={size} color={GRADE_COLORS[grade]} data-grade={grade}>
      {t(`grades.${grade}`)}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: ItemStatus; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="dot" color={STATUS_COLORS[status]} data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function WindowBadge({ result }: { result: WindowResult }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`windowHints.${result}`)} multiline w={260}>
      <Badge color={WINDOW_COLORS[result]} variant="light" data-window={result}>
        {t(`windows.${result}`)}
      </Badge>
    </Tooltip>
  );
}

/**
 * One channel's listing state as a compact pill; a failure explains itself on hover. Where the
 * channel is already named beside it (the item page's channels panel), `showChannel={false}`.
 */
export function ListingPill({ listing, showChannel = true }: { listing: Listing; showChannel?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // An ended listing that sold there says so: that is where the money came from.
  const state =
    listing.status === 'ended' && listing.endReason === 'sold'
      ? t('listingStatuses.soldHere')
      : t(`listingStatuses.${listing.status}`);
  const pill = (
    <Badge
      color={LISTING_COLORS[listing.status]}
      variant={listing.status === 'live' || listing.status === 'failed' ? 'light' : 'outline'}
      data-channel={listing.channel}
      data-listing-status={listing.status}
      title={t(`channels.${listing.channel}`)}
    >
      {showChannel ? `${t(`channelsShort.${listing.channel}`)} · ${state}` : state}
    </Badge>
  );
  if (!listing.lastError) return pill;
  return (
    <Tooltip
      label={
        <>
          <Text fz="xs" fw={600}>
            {t('item.lastError')}
          </Text>
          <Text fz="xs">
            {listing.lastErrorText
              ? renderMessage(listing.lastErrorText, language, listing.lastError)
              : listing.lastError}
          </Text>
        </>
      }
      multiline
      w={280}
    >
      {pill}
    </Tooltip>
  );
}

export function ListingPills({ listings }: { listings: readonly Listing[] }) {
  const { t } = useTranslation();
  if (listings.length === 0) {
    return (
      <Text fz="xs" c="dimmed">
        {t('listings.notPublished')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      {listings.map((listing) => (
        <ListingPill key={listing.id} listing={listing} />
      ))}
    </Group>
  );
}
