import { Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconArrowRight, IconBarcode, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/hooks';
import { GradeBadge } from '../components/badges';
import { Keys } from '../components/common';
import { Photo } from '../components/Photo';
import { navigate, type Route } from '../state/router';
import { navFor } from './nav';
import { useMe } from '../state/me';
import { openReference } from './actions';

/** Looks like a reference or a scanned code: letters, digits and dashes with at least one digit. */
const CODE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9-]{2,}$/;

/**
 * Ctrl+K: jump to a page, open an item by its exact reference, or pick one of the items whose
 * reference, SKU, EAN, order or title matches what is typed.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const me = useMe();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const items = useCall(
    'items.list',
    { search: debounced, limit: 8 },
    { enabled: debounced.length >= 2, placeholderData: undefined },
  );
  const q = query.trim().toLowerCase();
  const pages = navFor(me).filter((entry) => !q || t(entry.labelKey).toLowerCase().includes(q));
  const exact = CODE.test(query.trim()) ? query.trim().toUpperCase() : null;
  const results = debounced.length >= 2 ? (items.data?.rows ?? []) : [];
  const nothing = pages.length === 0 && results.length === 0 && !exact;

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      scrollable
      maxHeight={460}
      size={560}
    >
      <Spotlight.Search
        placeholder={t('shell.searchPlaceholder')}
        leftSection={<IconSearch size={18} stroke={1.6} />}
        aria-label={t('shell.commandPalette')}
      />
      <Spotlight.ActionsList>
        {exact ? (
          <Spotlight.Action
            leftSection={<IconBarcode size={18} />}
            label={t('shell.openReference', { reference: exact })}
            onClick={() => void openReference(exact)}
          />
        ) : null}
        {results.length > 0 ? (
          <Spotlight.ActionsGroup label={t('shell.itemsGroup')}>
            {results.map((item) => (
              <Spotlight.Action key={item.id} onClick={() => navigate({ page: 'item', itemId: item.id })}>
                {/* Children replace the action's own sections, so the whole row is laid out here. */}
                <Group gap="sm" wrap="nowrap" w="100%">
                  <Photo hash={item.mainPhotoHash} size={34} />
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Text fz="sm" truncate="end">
                      {item.title}
                    </Text>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {item.reference} · {item.sku}
                    </Text>
                  </div>
                  <GradeBadge grade={item.grade} size="xs" />
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {pages.length > 0 ? (
          <Spotlight.ActionsGroup label={t('shell.pagesGroup')}>
            {pages.map((entry) => (
              <Spotlight.Action
                key={entry.page}
                leftSection={<entry.icon size={18} stroke={1.6} />}
                label={t(entry.labelKey)}
                rightSection={
                  <Group gap={6} wrap="nowrap">
                    <Keys keys={['Alt', entry.hotkey]} />
                    <IconArrowRight size={14} />
                  </Group>
                }
                onClick={() => navigate({ page: entry.page } as Route)}
              />
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {nothing ? <Spotlight.Empty>{t('shell.nothingFound')}</Spotlight.Empty> : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
