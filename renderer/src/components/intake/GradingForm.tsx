import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Chip,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../../shared/contract';
import type { Disposition } from '../../../../shared/contract/intake';
import {
  DEFECT_KINDS,
  DEFECT_SEVERITIES,
  FUNCTIONAL_TESTS,
  GRADES,
  PACKAGING_STATES,
  type DefectKind,
  type DefectSeverity,
  type FunctionalTest,
  type Grade,
  type PackagingState,
} from '../../../../shared/domain/grades';
import { AppError } from '../../../../shared/errors';
import { call, errorMessage } from '../../api/client';
import { GRADE_COLORS } from '../badges';
import { continuesScan, keystrokeOf, pressedDigit, SCANNER_GAP_MS, type Keystroke } from '../../keys';
import { Keys, SectionTitle, ShortcutTooltip } from '../common';

/** Statuses in which the desk grades (the server also allows re-grading a priced item, elsewhere). */
export const DESK_GRADABLE = new Set(['received', 'graded', 'photographed']);

interface DefectDraft {
  /** Local key for React: defects have no id until saved, and the server replaces the list. */
  readonly key: number;
  kind: DefectKind;
  location: string;
  sizeMm: number | null;
  severity: DefectSeverity;
  note: string;
  photoId: number | null;
}

interface Draft {
  grade: Grade | null;
  packaging: PackagingState;
  missing: readonly string[];
  functionalTest: FunctionalTest;
  factoryReset: boolean;
  cleaned: boolean;
  repackaged: boolean;
  defects: DefectDraft[];
  disposition: Disposition | 'pending';
}

let nextKey = 1;

function draftFrom(item: ItemDetail): Draft {
  return {
    grade: item.grade,
    packaging: item.packaging ?? 'opened_intact',
    missing: item.accessoriesMissing,
    functionalTest: item.functionalTest,
    factoryReset: item.factoryReset,
    cleaned: item.cleaned,
    repackaged: item.repackaged,
    defects: item.defects.map((d) => ({ ...d, key: nextKey++ })),
    disposition: 'pending',
  };
}

function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  // Radios and checkboxes (segmented controls, switches) do not take text: keys stay shortcuts.
  return target.type !== 'radio' && target.type !== 'checkbox';
}

export interface GradingFormHandle {
  focus(): void;
}

/**
 * The grading form of one item. Keys 1–6 choose the grade, D adds a defect, Ctrl+Enter saves.
 * Any other key, or a burst of keys as fast as a scanner's, goes back to the scan field, so the
 * next parcel can be scanned without clicking first.
 */
export const GradingForm = forwardRef<
  GradingFormHandle,
  {
    item: ItemDetail;
    /**
     * Sends typed keys to the scan field (and the focus with them): the keys themselves, not only
     * their characters, so the field can read a US-layout scanner's burst on an AZERTY desk.
     */
    onTypeToScan: (keys: readonly Keystroke[]) => void;
    /** Reads the item again from the server. */
    onReload: () => Promise<ItemDetail | undefined>;
    onSaved: (item: ItemDetail) => void;
  }
>(function GradingForm({ item, onTypeToScan, onReload, onSaved }, ref) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(item));
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The keys of a fast run so far, and how to undo what each did should the run turn out a scan.
  const burst = useRef<{ at: number; keys: Keystroke[]; undos: (() => void)[] } | null>(null);
  const loadedVersion = useRef(item.version);

  // A new item, or our own save coming back: start from what the server has. A change
  // made elsewhere while this form is being filled does not wipe it: saving then reports the
  // conflict, and Reload takes the other version.
  const loadedId = useRef(item.id);
  useEffect(() => {
    if (item.id === loadedId.current && item.version !== loadedVersion.current) return;
    loadedId.current = item.id;
    loadedVersion.current = item.version;
    setDraft(draftFrom(item));
    setConflict(null);
    setError(null);
    // `item` itself changes on every refetch; only its identity and version matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.id, item.version]);

  useImperativeHandle(ref, () => ({ focus: () => rootRef.current?.focus() }), []);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  // `focusAfterMs`: from the D key, the new row's field takes the focus only once a scanner's next
  // key would have arrived, so a burst that goes on still reaches this form and is read as a scan.
  const addDefect = useCallback((focusAfterMs = 0) => {
    const key = nextKey++;
    setDraft((d) => ({
      ...d,
      defects: [
        ...d.defects,
        { key, kind: 'scratch', location: '', sizeMm: null, severity: 'minor', note: '', photoId: null },
      ],
    }));
    // The new row's first field takes the focus, so the defect can be described at once.
    window.setTimeout(
      () =>
        requestAnimationFrame(() =>
          rootRef.current?.querySelector<HTMLInputElement>(`[data-defect-key="${key}"] input`)?.focus(),
        ),
      focusAfterMs,
    );
    return key;
  }, []);

  const save = useCallback(async () => {
    if (saving) return;
    if (draft.grade === null) {
      setError(t('desk.chooseGrade'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      let saved = await call('intake.grade', {
        itemId: item.id,
        // The version the form was loaded from, not the latest: a change made meanwhile conflicts.
        version: loadedVersion.current,
        grade: draft.grade,
        packaging: draft.packaging,
        accessoriesMissing: [...draft.missing],
        functionalTest: draft.functionalTest,
        factoryReset: draft.factoryReset,
        cleaned: draft.cleaned,
        repackaged: draft.repackaged,
        defects: draft.defects.map((d) => ({
          kind: d.kind,
          location: d.location.trim(),
          sizeMm: d.sizeMm,
          severity: d.severity,
          note: d.note.trim(),
          photoId: d.photoId,
        })),
      });
      // A defective item is never priced: the disposition, if already known, is recorded now.
      if (draft.grade === 'defective' && draft.disposition !== 'pending') {
        saved = await call('intake.setDisposition', {
          itemId: saved.id,
          version: saved.version,
          disposition: draft.disposition,
        });
      }
      loadedVersion.current = saved.version;
      notifications.show({ color: 'green', message: t('desk.saved', { reference: saved.reference }) });
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof AppError && failure.code === 'conflict') setConflict(errorMessage(failure));
      else setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }, [draft, item.id, onSaved, saving, t]);

  // Takes the other person's version: the form starts again from what the server has now.
  const reload = async () => {
    const fresh = await onReload();
    if (!fresh) return;
    loadedVersion.current = fresh.version;
    setDraft(draftFrom(fresh));
    setConflict(null);
    setError(null);
  };

  // Ctrl+Enter saves from anywhere on the page, even from inside a defect's note.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog on top (the import, the command palette) keeps its own keys.
      if (document.querySelector('[role="dialog"]')) return;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (isTextEntry(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const previous = burst.current;
    if (event.key === 'Enter' || event.key.length !== 1) {
      burst.current = null;
      return;
    }
    event.preventDefault();
    const stroke = keystrokeOf(event);
    const run = previous && event.timeStamp - previous.at < SCANNER_GAP_MS ? previous : null;
    const digit = pressedDigit(event);
    const isGrade = digit !== null && digit >= 1 && digit <= GRADES.length;
    const isDefect = event.key === 'd' || event.key === 'D';
    if (run && continuesScan(run.keys.length, isGrade || isDefect)) {
      // A scanner: what its first keys did is undone, last first, and every key goes to the scan field.
      for (const undo of [...run.undos].reverse()) undo();
      burst.current = null;
      onTypeToScan([...run.keys, stroke]);
      return;
    }
    const keys = [...(run?.keys ?? []), stroke];
    const undos = [...(run?.undos ?? [])];
    if (isGrade) {
      const before = draft.grade;
      set('grade', GRADES[digit - 1] ?? null);
      burst.current = { at: event.timeStamp, keys, undos: [...undos, () => set('grade', before)] };
    } else if (isDefect) {
      const key = addDefect(SCANNER_GAP_MS);
      const undo = () => {
        setDraft((d) => ({ ...d, defects: d.defects.filter((x) => x.key !== key) }));
        // The scan field must keep the focus the new row's field would have taken.
        window.setTimeout(() => requestAnimationFrame(() => onTypeToScan([])), SCANNER_GAP_MS);
      };
      burst.current = { at: event.timeStamp, keys, undos: [...undos, undo] };
    } else {
      burst.current = null;
      onTypeToScan([stroke]);
    }
  };

  const updateDefect = (key: number, patch: Partial<DefectDraft>) =>
    setDraft((d) => ({ ...d, defects: d.defects.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));

  const expected = item.accessoriesExpected;
  const missing = new Set(draft.missing);

  return (
    <Paper
      p="sm"
      ref={rootRef}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      // A click between two keys is a person, never a scanner: the next key starts afresh.
      onPointerDown={() => (burst.current = null)}
      data-grading-form
      data-testid="grading-form"
      style={{ outline: 'none' }}
    >
      <SectionTitle
        right={
          <Text fz="xs" c="dimmed">
            {t('desk.gradeKeys')}
          </Text>
        }
      >
        {t('desk.gradingTitle')}
      </SectionTitle>
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          value={draft.grade ?? ''}
          onChange={(value) => set('grade', value as Grade)}
          aria-label={t('common.grade')}
          data-testid="grade-control"
          data-value={draft.grade ?? ''}
          color={draft.grade ? GRADE_COLORS[draft.grade] : undefined}
          styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25, paddingBlock: 6 } }}
          data={GRADES.map((g, index) => ({
            value: g,
            label: (
              <Stack gap={2} align="center">
                <Keys keys={[String(index + 1)]} />
                <Text span fz="xs" fw={500}>
                  {t(`grades.${g}`)}
                </Text>
              </Stack>
            ),
          }))}
        />

        {/* One per line: side by side, German labels ("Nicht durchgeführt") no longer fit. */}
        <Stack gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Text fz="xs" fw={500} c="dimmed" w={130} style={{ flexShrink: 0 }}>
              {t('desk.packaging')}
            </Text>
            <SegmentedControl
              size="xs"
              style={{ flex: 1 }}
              value={draft.packaging}
              onChange={(value) => set('packaging', value as PackagingState)}
              aria-label={t('desk.packaging')}
              data-testid="packaging-control"
              data={PACKAGING_STATES.map((p) => ({ value: p, label: t(`packaging.${p}`) }))}
            />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text fz="xs" fw={500} c="dimmed" w={130} style={{ flexShrink: 0 }}>
              {t('desk.functionalTest')}
            </Text>
            <SegmentedControl
              size="xs"
              style={{ flex: 1 }}
              value={draft.functionalTest}
              onChange={(value) => set('functionalTest', value as FunctionalTest)}
              aria-label={t('desk.functionalTest')}
              data-testid="functional-control"
              color={draft.functionalTest === 'failed' ? 'red' : undefined}
              data={FUNCTIONAL_TESTS.map((f) => ({ value: f, label: t(`functionalTests.${f}`) }))}
            />
          </Group>
        </Stack>

        <Stack gap={4}>
          <Text fz="xs" fw={500} c="dimmed">
            {t('desk.accessoriesChips')}
          </Text>
          {expected.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('desk.noAccessories')}
            </Text>
          ) : (
            <Group gap={6} data-testid="accessory-chips">
              {expected.map((name) => {
                const present = !missing.has(name);
                return (
                  <Chip
                    key={name}
                    size="sm"
                    checked={present}
                    color={present ? 'green' : 'red'}
                    variant={present ? 'light' : 'outline'}
                    // An unchecked chip is grey in Mantine; a missing accessory must stand out.
                    styles={present ? undefined : { label: { color: 'var(--mantine-color-red-text)' } }}
                    onChange={() =>
                      set(
                        'missing',
                        present ? [...draft.missing, name] : draft.missing.filter((m) => m !== name),
                      )
                    }
                    data-accessory={name}
                    data-present={present}
                    aria-label={`${name}: ${present ? t('item.present') : t('item.missing')}`}
                  >
                    {present ? name : `${name} · ${t('item.missing')}`}
                  </Chip>
                );
              })}
            </Group>
          )}
        </Stack>

        <Group gap="lg">
          <Switch
            label={t('desk.factoryReset')}
            checked={draft.factoryReset}
            onChange={(e) => set('factoryReset', e.currentTarget.checked)}
          />
          <Switch
            label={t('desk.cleaned')}
            checked={draft.cleaned}
            onChange={(e) => set('cleaned', e.currentTarget.checked)}
          />
          <Switch
            label={t('desk.repackaged')}
            checked={draft.repackaged}
            onChange={(e) => set('repackaged', e.currentTarget.checked)}
          />
        </Group>

        <Stack gap={6}>
          <Group justify="space-between">
            <Group gap={6}>
              <Text fz="sm" fw={600}>
                {t('desk.defects')}
              </Text>
              {draft.defects.length > 0 ? (
                <Badge color="gray" variant="light" data-testid="defect-count">
                  {draft.defects.length}
                </Badge>
              ) : null}
            </Group>
            <ShortcutTooltip label={t('desk.addDefect')} keys={['D']}>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} />}
                onClick={() => addDefect()}
                data-testid="add-defect"
              >
                {t('desk.addDefect')}
              </Button>
            </ShortcutTooltip>
          </Group>
          {draft.defects.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('desk.noDefects')}
            </Text>
          ) : (
            draft.defects.map((defect, index) => (
              <Group
                key={defect.key}
                gap={6}
                align="flex-end"
                wrap="wrap"
                data-defect-key={defect.key}
                data-testid="defect-row"
              >
                <Select
                  size="xs"
                  w={150}
                  label={index === 0 ? t('desk.defectKind') : undefined}
                  aria-label={t('desk.defectKind')}
                  value={defect.kind}
                  allowDeselect={false}
                  onChange={(value) => value && updateDefect(defect.key, { kind: value as DefectKind })}
                  data={DEFECT_KINDS.map((k) => ({ value: k, label: t(`defectKinds.${k}`) }))}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  miw={120}
                  label={index === 0 ? t('desk.defectWhere') : undefined}
                  aria-label={t('desk.defectWhere')}
                  placeholder={t('desk.defectWherePlaceholder')}
                  value={defect.location}
                  onChange={(e) => updateDefect(defect.key, { location: e.currentTarget.value })}
                />
                <NumberInput
                  size="xs"
                  w={90}
                  label={index === 0 ? t('desk.defectSize') : undefined}
                  aria-label={t('desk.defectSize')}
                  min={0}
                  max={10_000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={defect.sizeMm ?? ''}
                  onChange={(value) =>
                    updateDefect(defect.key, { sizeMm: typeof value === 'number' ? value : null })
                  }
                />
                <SegmentedControl
                  size="xs"
                  aria-label={t('desk.defectSeverity')}
                  value={defect.severity}
                  onChange={(value) => updateDefect(defect.key, { severity: value as DefectSeverity })}
                  data={DEFECT_SEVERITIES.map((s) => ({ value: s, label: t(`severities.${s}`) }))}
                />
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  miw={120}
                  label={index === 0 ? t('desk.defectNote') : undefined}
                  aria-label={t('desk.defectNote')}
                  value={defect.note}
                  onChange={(e) => updateDefect(defect.key, { note: e.currentTarget.value })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="md"
                  aria-label={t('desk.removeDefect')}
                  title={t('desk.removeDefect')}
                  onClick={() =>
                    setDraft((d) => ({ ...d, defects: d.defects.filter((x) => x.key !== defect.key) }))
                  }
                >
                  <IconTrash size={15} />
                </ActionIcon>
              </Group>
            ))
          )}
        </Stack>

        {draft.grade === 'defective' ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('desk.dispositionTitle')}
          >
            <Stack gap={6}>
              <Text fz="sm">{t('desk.dispositionHint')}</Text>
              <SegmentedControl
                size="xs"
                value={draft.disposition}
                onChange={(value) => set('disposition', value as Draft['disposition'])}
                data-testid="disposition-control"
                data={[
                  { value: 'pending', label: t('desk.dispositionPending') },
                  { value: 'destroy', label: t('desk.dispositionDestroy') },
                  { value: 'return_to_merchant', label: t('desk.dispositionReturn') },
                ]}
              />
            </Stack>
          </Alert>
        ) : null}

        {conflict ? (
          <Alert color="orange" title={t('desk.conflictTitle')} data-testid="grade-conflict" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text fz="sm">{conflict}</Text>
              <Button size="xs" variant="default" onClick={() => void reload()}>
                {t('desk.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" data-testid="grade-error" role="alert">
            {error}
          </Alert>
        ) : null}

        <Group justify="flex-end">
          <ShortcutTooltip label={t('desk.save')} keys={['Ctrl', 'Enter']}>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              loading={saving}
              onClick={() => void save()}
              data-testid="grade-save"
            >
              {t('desk.save')}
            </Button>
          </ShortcutTooltip>
        </Group>
      </Stack>
    </Paper>
  );
});
