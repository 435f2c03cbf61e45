import {
  Alert,
  Badge,
  Box,
  Button,
  EmptyState,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconBarcode,
  IconCamera,
  IconExternalLink,
  IconInfoCircle,
  IconMoodEmpty,
  IconScan,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemStatus } from '../../../shared/domain/status';
import { GRADES, type Grade } from '../../../shared/domain/grades';
import { AppError } from '../../../shared/errors';
import { call } from '../api/client';
import { useCall } from '../api/hooks';
import { ErrorAlert, LoadingBlock, PageHeader } from '../components/common';
import { DefectsTable, GradingFacts, HistoryTimeline, ProductHeader, ReturnFacts } from '../components/item';
import { ItemList, type ItemFilters } from '../components/ItemList';
import { useFormat } from '../format';
import { navigate, routeHref } from '../state/router';

type StatusMode = 'queue' | 'received' | 'graded' | 'all';
const QUEUE: readonly ItemStatus[] = ['received', 'graded'];

function isEditable(element: Element | null): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/**
 * The desk's first screen. The scan field keeps the focus: a scanner (or a person) types a code
 * and Enter; an exact reference opens the item on the right, anything else filters the queue.
 */
export function IntakePage({ itemId }: { itemId?: number | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const scanRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [typed] = useDebouncedValue(text.trim(), 200);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mode, setMode] = useState<StatusMode>('queue');
  const [grade, setGrade] = useState<Grade | null>(null);
  const counts = useCall('items.counts', {});
  const search = submitted ?? typed;

  const filters: ItemFilters = {
    search: search || undefined,
    statuses: mode === 'queue' ? [...QUEUE] : mode === 'all' ? undefined : [mode],
    grades: grade ? [grade] : undefined,
    sort: 'received_desc',
  };

  const focusScan = useCallback(() => scanRef.current?.focus(), []);
  // After a filter changes, the control that changed it lets go of the focus first; then the
  // scan field takes it back, so the next scan never lands in a dropdown.
  const refocusScan = () => requestAnimationFrame(focusScan);
  useEffect(() => {
    focusScan();
    // Typing anywhere on the page goes to the scan field, so a scan never gets lost.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
      if (isEditable(document.activeElement) || document.querySelector('[role="dialog"]')) return;
      focusScan();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [focusScan]);

  const select = (id: number) => {
    navigate({ page: 'intake', itemId: id });
    focusScan();
  };

  const onEnter = async () => {
    const value = text.trim();
    if (!value) return;
    try {
      const item = await call('items.getByReference', { reference: value });
      setText('');
      setSubmitted(null);
      setNotice(null);
      select(item.id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      setSubmitted(value);
      setNotice(t('intake.notFoundFiltered', { reference: value }));
    }
  };

  const by = counts.data?.byStatus ?? {};
  const queueCount = (by.received ?? 0) + (by.graded ?? 0);
  const filtered = Boolean(search) || grade !== null;
  const clearFilters = () => {
    setText('');
    setSubmitted(null);
    setNotice(null);
    setGrade(null);
    setMode('queue');
    focusScan();
  };

  return (
    <div className="rb-page" data-testid="page-intake">
      <PageHeader title={t('nav.intake')} subtitle={t('intake.scanHint')}>
        {counts.data ? (
          <Badge size="lg" variant="light" data-testid="graded-today">
            {t('intake.gradedToday', { count: counts.data.gradedToday })}
          </Badge>
        ) : null}
      </PageHeader>

      <TextInput
        ref={scanRef}
        size="md"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setSubmitted(null);
          setNotice(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void onEnter();
          } else if (event.key === 'Escape') {
            clearFilters();
          }
        }}
        placeholder={t('intake.scanPlaceholder')}
        aria-label={t('intake.scanPlaceholder')}
        data-testid="scan-field"
        leftSection={<IconBarcode size={20} stroke={1.5} />}
        rightSection={<Kbd size="xs">{t('keys.enter')}</Kbd>}
        rightSectionWidth={72}
        autoComplete="off"
        spellCheck={false}
      />
      {notice ? (
        <Alert mt="xs" py={6} color="yellow" icon={<IconInfoCircle size={16} />} data-testid="scan-notice">
          {notice}
        </Alert>
      ) : null}

      <Group align="stretch" gap="md" mt="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper w={420} miw={340} style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
          <Stack gap={8} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <SegmentedControl
              fullWidth
              value={mode}
              onChange={(value) => {
                setMode(value as StatusMode);
                refocusScan();
              }}
              aria-label={t('common.status')}
              data-testid="status-filter"
              data={[
                { value: 'queue', label: `${t('intake.queue')} · ${f.number(queueCount)}` },
                { value: 'received', label: `${t('statuses.received')} · ${f.number(by.received ?? 0)}` },
                { value: 'graded', label: `${t('statuses.graded')} · ${f.number(by.graded ?? 0)}` },
                { value: 'all', label: `${t('intake.allStatuses')} · ${f.number(counts.data?.total ?? 0)}` },
              ]}
            />
            <Select
              size="xs"
              placeholder={t('common.anyGrade')}
              aria-label={t('intake.filterGrade')}
              data-testid="grade-filter"
              clearable
              allowDeselect
              value={grade}
              onChange={(value) => {
                setGrade((value as Grade | null) ?? null);
                refocusScan();
              }}
              data={GRADES.map((g) => ({ value: g, label: t(`grades.${g}`) }))}
              comboboxProps={{ withinPortal: true }}
            />
          </Stack>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <ItemList
              filters={filters}
              selectedId={itemId ?? null}
              onSelect={(item) => select(item.id)}
              label={t('intake.queue')}
              empty={
                filtered || mode !== 'queue' ? (
                  <EmptyState
                    mt="xl"
                    size="sm"
                    icon={<IconMoodEmpty size={22} />}
                    withIndicatorBackground
                    title={t('intake.noMatch')}
                    description={t('intake.noMatchHint')}
                    data-testid="list-empty"
                  >
                    <EmptyState.Actions>
                      <Button size="xs" variant="default" onClick={clearFilters}>
                        {t('intake.clearFilters')}
                      </Button>
                    </EmptyState.Actions>
                  </EmptyState>
                ) : (
                  <EmptyState
                    mt="xl"
                    size="sm"
                    icon={<IconScan size={22} />}
                    withIndicatorBackground
                    title={t('intake.emptyQueue')}
                    description={t('intake.emptyQueueHint')}
                    data-testid="list-empty"
                  />
                )
              }
            />
          </Box>
        </Paper>

        <Box className="rb-pane" style={{ flex: 1 }} pr={4}>
          {itemId !== undefined ? (
            <ItemPanel itemId={itemId} />
          ) : (
            <EmptyState
              mt={80}
              icon={<IconBarcode size={26} />}
              variant="light"
              title={t('intake.selectTitle')}
              description={t('intake.selectHint')}
              data-testid="intake-placeholder"
            />
          )}
        </Box>
      </Group>
    </div>
  );
}

function ItemPanel({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const item = useCall('items.get', { id: itemId }, { placeholderData: undefined });
  if (item.error) return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <LoadingBlock />;
  const data = item.data;
  return (
    <Stack gap="sm" data-testid="item-panel" data-item-reference={data.reference}>
      <Paper p="md">
        <ProductHeader item={data} />
        <Group gap="xs" mt="sm">
          <Button
            size="xs"
            variant="default"
            component="a"
            href={routeHref({ page: 'item', itemId: data.id })}
            leftSection={<IconExternalLink size={14} />}
          >
            {t('common.openItem')}
          </Button>
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
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <ReturnFacts item={data} />
        <GradingFacts item={data} />
      </SimpleGrid>
      <DefectsTable item={data} />
      <HistoryTimeline item={data} />
    </Stack>
  );
}
