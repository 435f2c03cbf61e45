import { Box, Group, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, ItemSummary } from '../../../shared/contract';
import { ITEM_LIST_COUNT_LIMIT } from '../../../shared/contract/items';
import { call } from '../api/client';
import { callKey } from '../api/hooks';
import { useFormat } from '../format';
import { GradeBadge, StatusBadge } from './badges';
import { ErrorAlert } from './common';
import { Photo } from './Photo';

/** Rows fetched per request: about three screens, so scrolling rarely waits. */
const PAGE_SIZE = 100;
const ROW_HEIGHT = 64;

export type ItemFilters = Omit<Input<'items.list'>, 'limit' | 'offset'>;

/**
 * A virtualised list over `items.list` that only ever holds the pages on screen: it asks for
 * the total with the first page, then fetches each page of 100 as it scrolls into view (by
 * offset), so 100,000 items scroll as smoothly as 40. Rows not yet loaded show a skeleton.
 * The service counts up to ITEM_LIST_COUNT_LIMIT; past it the list ends with a line that says
 * so and asks for a narrower search.
 */
export function ItemList({
  filters,
  selectedId,
  onSelect,
  empty,
  label,
  onTotal,
}: {
  filters: ItemFilters;
  selectedId: number | null;
  onSelect: (item: ItemSummary) => void;
  /** What to show when nothing matches. */
  empty: ReactNode;
  label: string;
  onTotal?: (total: number | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const firstPage = useQueries({
    queries: [
      {
        queryKey: callKey('items.list', { ...filters, limit: PAGE_SIZE, offset: 0 }),
        queryFn: () => call('items.list', { ...filters, limit: PAGE_SIZE, offset: 0 }),
      },
    ],
  })[0]!;
  const total = firstPage.data?.total ?? 0;
  const capped = firstPage.data?.totalCapped ?? false;

  // TanStack Virtual hands back functions that React Compiler must not memoise; this component
  // reads them during render only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: capped ? total + 1 : total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const firstIndex = virtualItems[0]?.index ?? 0;
  const lastIndex = virtualItems.at(-1)?.index ?? 0;
  const pageNumbers: number[] = [];
  const lastRow = Math.min(lastIndex, Math.max(0, total - 1));
  for (let page = Math.floor(firstIndex / PAGE_SIZE); page <= Math.floor(lastRow / PAGE_SIZE); page++) {
    if (page > 0) pageNumbers.push(page);
  }
  const pages = useQueries({
    queries: pageNumbers.map((page) => {
      const input = { ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
      return { queryKey: callKey('items.list', input), queryFn: () => call('items.list', input) };
    }),
  });
  const rowAt = (index: number): ItemSummary | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const data = page === 0 ? firstPage.data : pages[pageNumbers.indexOf(page)]?.data;
    return data?.rows[index - page * PAGE_SIZE];
  };

  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    // New filters start at the top of the new result.
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filterKey]);
  const knownTotal = firstPage.data ? firstPage.data.total : null;
  useEffect(() => onTotal?.(knownTotal), [knownTotal, onTotal]);

  if (firstPage.error) return <ErrorAlert error={firstPage.error} onRetry={() => void firstPage.refetch()} />;
  if (firstPage.isPending) {
    return (
      <Stack gap={6} p={4} aria-busy="true">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} h={ROW_HEIGHT - 8} />
        ))}
      </Stack>
    );
  }
  if (total === 0) return <>{empty}</>;

  return (
    <Box
      ref={scrollRef}
      role="listbox"
      aria-label={label}
      data-testid="item-list"
      data-total={total}
      data-total-capped={capped}
      style={{ height: '100%', overflowY: 'auto', contain: 'strict' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualItems.map((virtualRow) => {
          const item = rowAt(virtualRow.index);
          return (
            <div
              key={virtualRow.key}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${virtualRow.start}px)`,
              }}
            >
              {virtualRow.index === total ? (
                <Text px="sm" py="xs" fz="sm" c="dimmed" data-testid="item-list-capped">
                  {t('intake.moreThanListed', { limit: f.number(ITEM_LIST_COUNT_LIMIT) })}
                </Text>
              ) : item ? (
                <ItemRow item={item} selected={item.id === selectedId} onSelect={onSelect} />
              ) : (
                <Box px="sm" py={6}>
                  <Skeleton h={ROW_HEIGHT - 12} />
                </Box>
              )}
            </div>
          );
        })}
      </div>
    </Box>
  );
}

function ItemRow({
  item,
  selected,
  onSelect,
}: {
  item: ItemSummary;
  selected: boolean;
  onSelect: (item: ItemSummary) => void;
}) {
  const f = useFormat();
  return (
    <UnstyledButton
      role="option"
      aria-selected={selected}
      data-reference={item.reference}
      onClick={() => onSelect(item)}
      className="rb-row"
      h={ROW_HEIGHT}
      w="100%"
      px="sm"
    >
      <Group gap="sm" wrap="nowrap" h="100%">
        <Photo hash={item.mainPhotoHash} size={42} />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text ff="monospace" fz="xs" fw={600} c="dimmed">
              {item.reference}
            </Text>
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {f.relative(item.receivedAt)}
            </Text>
          </Group>
          <Text fz="sm" truncate="end" fw={500}>
            {item.title}
          </Text>
          <Group gap={4} wrap="nowrap">
            <GradeBadge grade={item.grade} size="xs" />
            <StatusBadge status={item.status} size="xs" />
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
