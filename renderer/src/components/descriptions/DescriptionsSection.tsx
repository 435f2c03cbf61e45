import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconEdit, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../../shared/contract';
import type { DescriptionView, ItemDescriptions } from '../../../../shared/contract/descriptions';
import type { FactKey } from '../../../../shared/descriptions';
import { LANGUAGES, type Language } from '../../../../shared/domain/status';
import { errorMessage } from '../../api/client';
import { callKey, useCall, useCallMutation } from '../../api/hooks';
import { useFormat } from '../../format';
import { ErrorAlert, Fact, LoadingBlock, SectionTitle } from '../common';
import { SafeHtml } from './SafeHtml';

/** Characters as eBay counts them (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

function Counter({ value, max, testId }: { value: string; max: number; testId?: string }) {
  const n = length(value);
  return (
    <Text span fz="xs" c={n > max ? 'red' : 'dimmed'} className="rb-num" data-testid={testId}>
      {n}/{max}
    </Text>
  );
}

/** A fact key as a short tag, and the recorded fact it stands for (shown on hover). */
function useFactLabel(item: ItemDetail) {
  const { t } = useTranslation();
  const defects = new Map(item.defects.map((d, index) => [d.id, { ...d, n: index + 1 }]));
  const missing = new Set(item.accessoriesMissing);
  return (fact: FactKey): { tag: string; detail: string } => {
    if (fact.startsWith('defect:')) {
      const defect = defects.get(Number(fact.slice('defect:'.length)));
      if (!defect) return { tag: t('descriptions.facts.defect', { n: '?' }), detail: fact };
      const parts = [
        t(`defectKinds.${defect.kind}`),
        defect.location,
        defect.sizeMm !== null ? t('item.sizeMm', { size: defect.sizeMm }) : '',
        t(`severities.${defect.severity}`),
        defect.note,
      ].filter((part) => part !== '');
      return { tag: t('descriptions.facts.defect', { n: defect.n }), detail: parts.join(' · ') };
    }
    if (fact.startsWith('accessory:')) {
      const name = fact.slice('accessory:'.length);
      // The accessory's own name says more than "Accessory" three times in a row.
      return {
        tag: name.length > 24 ? `${name.slice(0, 23)}…` : name,
        detail: `${t('descriptions.facts.accessory')}: ${name} · ${missing.has(name) ? t('item.missing') : t('item.present')}`,
      };
    }
    switch (fact) {
      case 'grade':
        return {
          tag: t('descriptions.facts.grade'),
          detail: item.grade ? t(`grades.${item.grade}`) : t('common.notRecorded'),
        };
      case 'packaging':
        return {
          tag: t('item.packaging'),
          detail: item.packaging ? t(`packaging.${item.packaging}`) : t('common.notRecorded'),
        };
      case 'functionalTest':
        return { tag: t('item.functionalTest'), detail: t(`functionalTests.${item.functionalTest}`) };
      case 'factoryReset':
        return { tag: t('item.factoryReset'), detail: item.factoryReset ? '✓' : '✗' };
      case 'cleaned':
        return { tag: t('item.cleaned'), detail: item.cleaned ? '✓' : '✗' };
      case 'repackaged':
        return { tag: t('item.repackaged'), detail: item.repackaged ? '✓' : '✗' };
      default:
        return { tag: fact, detail: fact };
    }
  };
}

function EditForm({
  item,
  view,
  limits,
  onDone,
}: {
  item: ItemDetail;
  view: DescriptionView;
  limits: ItemDescriptions['limits'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useCallMutation('descriptions.save');
  const [title, setTitle] = useState(view.title);
  const [condition, setCondition] = useState(view.conditionDescription);
  const tooLong = length(title.trim()) > limits.title || length(condition) > limits.conditionDescription;
  const submit = () => {
    save.mutate(
      {
        itemId: item.id,
        lang: view.language,
        title,
        conditionDescription: condition,
        basedOn: view.updatedAt,
      },
      {
        onSuccess: (result) => {
          client.setQueryData(callKey('descriptions.get', { itemId: item.id }), result);
          notifications.show({ color: 'green', message: t('descriptions.saved') });
          onDone();
        },
      },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="description-edit-form"
    >
      <Stack gap="xs">
        <TextInput
          label={t('descriptions.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          rightSection={<Counter value={title.trim()} max={limits.title} />}
          rightSectionWidth={56}
          error={
            length(title.trim()) > limits.title ? t('descriptions.titleTooLong', { max: limits.title }) : null
          }
          data-testid="description-title-input"
          data-autofocus
        />
        <Textarea
          label={
            <Group gap={6} component="span">
              <span>{t('descriptions.conditionDescription')}</span>
              <Counter value={condition} max={limits.conditionDescription} />
            </Group>
          }
          value={condition}
          onChange={(event) => setCondition(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          error={
            length(condition) > limits.conditionDescription
              ? t('descriptions.conditionTooLong', { max: limits.conditionDescription })
              : null
          }
          data-testid="description-condition-input"
        />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group gap="xs">
          <Button
            type="submit"
            size="xs"
            loading={save.isPending}
            disabled={tooLong}
            data-testid="description-save"
          >
            {t('descriptions.saveKeep')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('descriptions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LanguagePanel({
  item,
  view,
  limits,
}: {
  item: ItemDetail;
  view: DescriptionView;
  limits: ItemDescriptions['limits'];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const factLabel = useFactLabel(item);
  const [editing, setEditing] = useState(false);
  const reset = useCallMutation('descriptions.reset');
  const save = useCallMutation('descriptions.save');

  const doReset = () => {
    const previous = view;
    reset.mutate(
      { itemId: item.id, lang: view.language },
      {
        onSuccess: (result) => {
          client.setQueryData(callKey('descriptions.get', { itemId: item.id }), result);
          // Reset throws staff's wording away: offer it back for a moment.
          const id = notifications.show({
            color: 'blue',
            message: (
              <Group justify="space-between" wrap="nowrap">
                <span>{t('descriptions.resetDone')}</span>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => {
                    notifications.hide(id);
                    save.mutate(
                      {
                        itemId: item.id,
                        lang: previous.language,
                        title: previous.title,
                        conditionDescription: previous.conditionDescription,
                        html: previous.html,
                        basedOn: null,
                      },
                      {
                        onSuccess: (restored) =>
                          client.setQueryData(callKey('descriptions.get', { itemId: item.id }), restored),
                        onError: (error) =>
                          notifications.show({ color: 'red', message: errorMessage(error) }),
                      },
                    );
                  }}
                >
                  {t('descriptions.undo')}
                </Button>
              </Group>
            ),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  };

  return (
    <Stack
      gap="sm"
      pt="sm"
      data-testid={`description-${view.language}`}
      data-kept={view.kept ? 'true' : 'false'}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fz="xs" c="dimmed" data-testid="description-state">
          {view.kept
            ? t('descriptions.keptBy', {
                name: view.editedBy ?? t('descriptions.someone'),
                date: view.updatedAt ? f.dateTime(view.updatedAt) : '',
              })
            : t('descriptions.generated')}
        </Text>
        {editing ? null : (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEdit size={14} />}
              onClick={() => setEditing(true)}
              data-testid="description-edit"
            >
              {t('descriptions.edit')}
            </Button>
            {view.kept ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRestore size={14} />}
                onClick={doReset}
                loading={reset.isPending}
                data-testid="description-reset"
              >
                {t('descriptions.reset')}
              </Button>
            ) : null}
          </Group>
        )}
      </Group>
      {view.stale ? (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="description-stale">
          <Text fz="sm">{t('descriptions.stale')}</Text>
        </Alert>
      ) : null}

      {editing ? (
        <EditForm item={item} view={view} limits={limits} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Fact
            label={
              <Group gap={6} component="span">
                <span>{t('descriptions.title')}</span>
                <Counter value={view.title} max={limits.title} testId="description-title-count" />
              </Group>
            }
          >
            <Text fz="sm" fw={500} lang={view.language} data-testid="description-title">
              {view.title}
            </Text>
          </Fact>
          <Fact label={t('descriptions.ebayCondition')}>
            <Group gap={6}>
              <Badge variant="light" color="gray" radius="sm" data-testid="description-condition-enum">
                {view.conditionEnum}
              </Badge>
              <Text span fz="xs" c="dimmed" className="rb-num">
                {view.conditionId}
              </Text>
            </Group>
          </Fact>
          <Fact
            label={
              <Group gap={6} component="span">
                <span>{t('descriptions.conditionDescription')}</span>
                <Counter value={view.conditionDescription} max={limits.conditionDescription} />
              </Group>
            }
          >
            {view.conditionDescription === '' ? (
              <Text span fz="sm" c="dimmed">
                {t('descriptions.noConditionText')}
              </Text>
            ) : (
              <Text fz="sm" lang={view.language} style={{ whiteSpace: 'pre-wrap' }}>
                {view.conditionDescription}
              </Text>
            )}
          </Fact>
        </>
      )}

      <Fact label={t('descriptions.why')}>
        <Stack gap={4} mt={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {view.sentences.map((sentence) => (
            <Group key={sentence.text} gap={6} component="li" wrap="wrap" data-testid="description-sentence">
              <Text span fz="sm" lang={view.language}>
                {sentence.text}
              </Text>
              {sentence.facts.map((fact) => {
                const label = factLabel(fact);
                return (
                  <Tooltip key={fact} label={label.detail} withArrow multiline maw={320}>
                    <Badge size="xs" variant="outline" color="gray" radius="sm" tt="none" data-fact={fact}>
                      {label.tag}
                    </Badge>
                  </Tooltip>
                );
              })}
            </Group>
          ))}
        </Stack>
      </Fact>

      <Fact label={t('descriptions.preview')}>
        <Paper withBorder p="sm" mt={4} lang={view.language}>
          <SafeHtml html={view.html} testId="description-html" />
        </Paper>
      </Fact>
    </Stack>
  );
}

/** The item page's "Descriptions": per language the title, eBay condition and "why", with edit and reset. */
export function DescriptionsSection({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const descriptions = useCall('descriptions.get', { itemId: item.id });
  const [tab, setTab] = useState<Language | null>(null);
  const data = descriptions.data;
  return (
    <Paper p="sm" data-testid="descriptions">
      <SectionTitle>{t('descriptions.heading')}</SectionTitle>
      {descriptions.error ? (
        <ErrorAlert error={descriptions.error} onRetry={() => void descriptions.refetch()} />
      ) : !data ? (
        <LoadingBlock h={120} />
      ) : data.refusal ? (
        <Text fz="sm" c="dimmed" data-testid="descriptions-refusal">
          {t(`descriptions.refusals.${data.refusal.reason}`)}
        </Text>
      ) : (
        <Tabs
          value={tab ?? data.merchantLanguage}
          onChange={(value) => setTab(LANGUAGES.find((l) => l === value) ?? null)}
          keepMounted={false}
        >
          <Tabs.List>
            {data.descriptions.map((view) => (
              <Tabs.Tab
                key={view.language}
                value={view.language}
                data-testid={`description-tab-${view.language}`}
                rightSection={
                  view.stale ? (
                    <Badge size="xs" color="orange" variant="light">
                      {t('descriptions.staleBadge')}
                    </Badge>
                  ) : view.kept ? (
                    <Badge size="xs" color="blue" variant="light">
                      {t('descriptions.keptBadge')}
                    </Badge>
                  ) : null
                }
              >
                {t(`languages.${view.language}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {data.descriptions.map((view) => (
            <Tabs.Panel key={view.language} value={view.language}>
              <LanguagePanel item={item} view={view} limits={data.limits} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Paper>
  );
}
