import {
  Alert,
  Badge,
  Box,
  Button,
  EmptyState,
  Group,
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
  IconFileImport,
  IconInfoCircle,
  IconMoodEmpty,
  IconScan,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../shared/contract';
import type { ItemStatus } from '../../../shared/domain/status';
import { GRADES, type Grade } from '../../../shared/domain/grades';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/hooks';
import { ErrorAlert, Keys, LoadingBlock, PageHeader } from '../components/common';
import { DESK_GRADABLE, GradingForm, type GradingFormHandle } from '../components/intake/GradingForm';
import { ImportReturnsModal } from '../components/intake/ImportReturns';
import { LabelButton } from '../components/intake/LabelButton';
import { ScanResultPanel, type PendingScan } from '../components/intake/ScanResultPanel';
import { DefectsTable, GradingFacts, HistoryTimeline, ProductHeader, ReturnFacts } from '../components/item';
import { ItemList, type ItemFilters } from '../components/ItemList';
import { useFormat } from '../format';
import { azertyDigits, keystrokeOf, readScan, type Keystroke } from '../keys';
import { isScannerPace } from '../shell/scanner';
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
 * and Enter; a reference or a return notice opens its item on the right, a known product starts
 * a new item, an unknown code offers to create the product. While an item is being graded the
 * form holds the focus for its keys (1–6, D, Ctrl+Enter) and hands any other typing back here.
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
  const [pending, setPending] = useState<PendingScan | null>(null);
  const [importing, setImporting] = useState(false);
  const [scanning, setScanning] = useState(false);
  const counts = useCall('items.counts', {});
  const search = submitted ?? typed;
  // The keys that typed the scan field's text, so a scanner's burst can be read by its physical
  // keys (a US-layout scanner on an AZERTY desk): see `scannedText`.
  const strokes = useRef<Keystroke[]>([]);
  // A scan answered after the person has left the desk (opened an item meanwhile) must not pull
  // them back to it.
  const onDesk = useRef(true);
  useEffect(() => {
    onDesk.current = true;
    return () => {
      onDesk.current = false;
    };
  }, []);

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
      // The grading form answers its own keys and forwards the rest (and scanner bursts) here.
      if (document.activeElement?.closest('[data-grading-form]')) return;
      focusScan();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [focusScan]);

  const select = (id: number) => {
    setPending(null);
    navigate({ page: 'intake', itemId: id });
    focusScan();
  };

  const typeToScan = useCallback(
    (keys: readonly Keystroke[]) => {
      if (keys.length > 0) {
        strokes.current = [...keys];
        setText(keys.map((key) => key.key).join(''));
        setSubmitted(null);
        setNotice(null);
      }
      focusScan();
    },
    [focusScan],
  );

  /**
   * What the entry stands for. A burst typed at a scanner's pace is read by its keys (`readScan`);
   * otherwise an entry made only of AZERTY digit-row characters is a US-layout scanner's digits
   * (`azertyDigits`); anything else, a typed search among them, is taken as typed.
   */
  const scannedText = (entry: string): string => {
    const keys = strokes.current;
    const typedByKeys = keys.map((key) => key.key).join('');
    const scanner = typedByKeys.trim() === entry && isScannerPace(keys.map((key) => key.at));
    return scanner ? readScan(keys).trim() : (azertyDigits(entry) ?? entry);
  };

  const onEnter = async () => {
    const value = scannedText(text.trim());
    strokes.current = [];
    if (!value || scanning) return;
    setScanning(true);
    try {
      const result = await call('intake.scan', { text: value });
      if (!onDesk.current) return;
      setNotice(null);
      if (result.kind === 'unknown') {
        // Perhaps a word typed to search: the list shows what matches, and the text stays
        // selected so the next scan replaces it instead of adding to it. A scan read as digits
        // shows its digits, selected once drawn.
        setText(value);
        setSubmitted(value);
        scanRef.current?.select();
        requestAnimationFrame(() => scanRef.current?.select());
      } else {
        setText('');
        setSubmitted(null);
      }
      if (result.kind === 'item') select(result.itemId);
      else if (result.kind === 'notice' && result.items.length === 1) select(result.items[0]!.itemId);
      else {
        navigate({ page: 'intake' });
        setPending(result);
      }
    } catch (error) {
      if (onDesk.current) setNotice(errorMessage(error));
    } finally {
      if (onDesk.current) setScanning(false);
    }
  };

  const onReceived = (item: ItemDetail) => {
    setPending(null);
    navigate({ page: 'intake', itemId: item.id });
  };

  const by = counts.data?.byStatus ?? {};
  const queueCount = (by.received ?? 0) + (by.graded ?? 0);
  const filtered = Boolean(search) || grade !== null;
  const clearFilters = () => {
    strokes.current = [];
    setText('');
    setSubmitted(null);
    setNotice(null);
    setGrade(null);
    setMode('queue');
    setPending(null);
    focusScan();
  };

  return (
    <div className="rb-page" data-testid="page-intake">
      <PageHeader title={t('nav.intake')} subtitle={t('intake.scanHint')}>
        {/* The subtitle wraps first: the counter keeps its full width. */}
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {counts.data ? (
            <Badge size="lg" variant="light" data-testid="graded-today" data-count={counts.data.gradedToday}>
              {t('intake.gradedToday', { count: counts.data.gradedToday })}
            </Badge>
          ) : null}
        </Group>
      </PageHeader>

      <TextInput
        ref={scanRef}
        size="md"
        value={text}
        onChange={(event) => {
          const value = event.currentTarget.value;
          // A first key into an empty (or replaced) entry starts the keys afresh.
          const last = strokes.current.at(-1);
          if (last && value === last.key) strokes.current = [last];
          setText(value);
          setSubmitted(null);
          setNotice(null);
        }}
        onKeyDown={(event) => {
          if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
            strokes.current.push(keystrokeOf(event));
          }
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
        rightSection={<Keys keys={['Enter']} />}
        aria-busy={scanning}
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
            <Group gap={8} wrap="nowrap">
              <Select
                size="xs"
                style={{ flex: 1 }}
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
              {/* Imported notices land in this queue, so the import starts from here. */}
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
                data-testid="import-open"
              >
                {t('desk.importButton')}
              </Button>
            </Group>
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
          {pending ? (
            <ScanResultPanel
              key={JSON.stringify(pending)}
              scan={pending}
              onOpen={select}
              onReceived={onReceived}
              onCancel={clearFilters}
            />
          ) : itemId !== undefined ? (
            <ItemPanel itemId={itemId} onTypeToScan={typeToScan} onSaved={focusScan} />
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
      <ImportReturnsModal
        opened={importing}
        onClose={() => {
          setImporting(false);
          refocusScan();
        }}
      />
    </div>
  );
}

function ItemPanel({
  itemId,
  onTypeToScan,
  onSaved,
}: {
  itemId: number;
  onTypeToScan: (keys: readonly Keystroke[]) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const item = useCall('items.get', { id: itemId }, { placeholderData: undefined });
  const form = useRef<GradingFormHandle>(null);
  const data = item.data;
  const gradable = data !== undefined && DESK_GRADABLE.has(data.status);
  // An item ready to grade takes the focus, so the grade keys work at once; typing anything
  // else goes back to the scan field.
  useEffect(() => {
    if (gradable) form.current?.focus();
  }, [gradable, itemId]);
  if (item.error) return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  if (!data) return <LoadingBlock />;
  return (
    <Stack gap="sm" data-testid="item-panel" data-item-reference={data.reference} data-version={data.version}>
      <Paper p="md">
        <ProductHeader item={data} />
        <Group gap="xs" mt="sm" justify="space-between">
          <Group gap="xs">
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
          <LabelButton key={data.id} itemId={data.id} />
        </Group>
      </Paper>
      {gradable ? (
        <>
          <ReturnFacts item={data} />
          <GradingForm
            ref={form}
            item={data}
            onTypeToScan={onTypeToScan}
            onReload={async () => (await item.refetch()).data}
            onSaved={onSaved}
          />
        </>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <ReturnFacts item={data} />
            <GradingFacts item={data} />
          </SimpleGrid>
          <DefectsTable item={data} />
        </>
      )}
      <HistoryTimeline item={data} />
    </Stack>
  );
}
