import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DescriptionTemplateView } from '../../../../shared/contract/descriptions';
import { resolveTemplate, TITLE_CONDITION_KEYS, type TemplateIssue } from '../../../../shared/descriptions';
import { placeholderRule } from '../../../../shared/descriptions/templates';
import { LANGUAGES, type Language } from '../../../../shared/domain/status';
import { callKey, useCall, useCallMutation } from '../../api/hooks';
import { useFormat } from '../../format';
import { ErrorAlert, Fact, LoadingBlock, SectionTitle } from '../common';
import { SafeHtml } from './SafeHtml';

/**
 * The merchant's description template for one language, with a live preview on the sample item.
 * Only the pieces that shape every listing are offered here (heading, paragraphs, price lines,
 * the title's condition words); the defect phrases keep their carefully translated defaults.
 */

const TEXT_FIELDS = ['heading', 'intro', 'closing', 'priceLine', 'priceLineNoDiscount'] as const;
const LONG_FIELDS: ReadonlySet<string> = new Set(['intro', 'closing']);

type Values = Readonly<Record<string, string>>;

function valuesOf(view: DescriptionTemplateView): Values {
  const resolved = resolveTemplate(view.language, view.overrides);
  const values: Record<string, string> = { titleSeparator: resolved.titleSeparator };
  for (const field of TEXT_FIELDS) values[field] = resolved[field];
  for (const key of TITLE_CONDITION_KEYS) values[`titleCondition.${key}`] = resolved.titleCondition[key];
  return values;
}

/** The flat editor values as the nested overrides the API takes (the server drops unchanged ones). */
function templateOf(values: Values): Record<string, unknown> {
  const titleCondition: Record<string, string> = {};
  const out: Record<string, unknown> = { titleCondition };
  for (const [path, value] of Object.entries(values)) {
    if (path.startsWith('titleCondition.')) titleCondition[path.slice('titleCondition.'.length)] = value;
    else out[path] = value;
  }
  return out;
}

/** Issues per field, in the editor's language (the server's messages are English, for logs and the CLI). */
function issuesByPath(issues: readonly TemplateIssue[], t: TFunction): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) {
    const allowed = placeholderRule(issue.path.split('.'))
      .allowed.map((n) => `{${n}}`)
      .join(' ');
    const name = `{${issue.placeholder ?? ''}}`;
    const message =
      issue.code === 'unknown_placeholder'
        ? t(
            allowed === ''
              ? 'descriptions.templates.issues.noPlaceholders'
              : 'descriptions.templates.issues.unknown',
            {
              name,
              allowed,
            },
          )
        : issue.code === 'missing_placeholder'
          ? t('descriptions.templates.issues.missing', { name })
          : issue.code === 'stray_brace'
            ? t('descriptions.templates.issues.strayBrace')
            : t('descriptions.templates.issues.invalid', { detail: issue.message });
    map.set(issue.path, [map.get(issue.path), message].filter(Boolean).join(' '));
  }
  return map;
}

function Editor({ view }: { view: DescriptionTemplateView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const defaults = useMemo(() => valuesOf({ ...view, overrides: {} }), [view]);
  const [values, setValues] = useState<Values>(() => valuesOf(view));
  const template = useMemo(() => templateOf(values), [values]);
  // Typing should not send a preview per keystroke; a short pause is enough.
  const [debounced] = useDebouncedValue(template, 250);
  const preview = useCall('descriptions.preview', {
    merchantId: view.merchantId,
    lang: view.language,
    template: debounced,
  });
  const update = useCallMutation('descriptions.templates.update');
  const issues = issuesByPath(preview.data?.issues ?? update.data?.issues ?? [], t);

  const set = (path: string, value: string) => setValues((current) => ({ ...current, [path]: value }));
  const field = (path: string, label: string) => {
    const rule = placeholderRule(path.split('.'));
    const common = {
      label: (
        <Group gap={6} component="span">
          <span>{label}</span>
          {values[path] !== defaults[path] ? (
            <Badge size="xs" variant="light" color="blue" title={t('descriptions.templates.changed')}>
              ≠
            </Badge>
          ) : null}
        </Group>
      ),
      description:
        rule.allowed.length > 0
          ? t('descriptions.templates.placeholders', { names: rule.allowed.map((n) => `{${n}}`).join(' ') })
          : undefined,
      value: values[path] ?? '',
      error: issues.get(path) ?? null,
      placeholder: defaults[path],
      'data-testid': `template-field-${path}`,
    };
    return LONG_FIELDS.has(path) ? (
      <Textarea
        key={path}
        {...common}
        autosize
        minRows={2}
        maxRows={5}
        onChange={(e) => set(path, e.currentTarget.value)}
      />
    ) : (
      <TextInput key={path} {...common} onChange={(e) => set(path, e.currentTarget.value)} />
    );
  };

  const save = () =>
    update.mutate(
      { merchantId: view.merchantId, lang: view.language, template },
      {
        onSuccess: (result) => {
          if (result.saved) {
            client.setQueryData(
              callKey('descriptions.templates.get', { merchantId: view.merchantId, lang: view.language }),
              result.template,
            );
            notifications.show({ color: 'green', message: t('descriptions.templates.saved') });
          } else {
            notifications.show({ color: 'orange', message: t('descriptions.templates.notSaved') });
          }
        },
      },
    );

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack gap="xs">
        {TEXT_FIELDS.map((name) => field(name, t(`descriptions.templates.fields.${name}`)))}
        {field('titleSeparator', t('descriptions.templates.fields.titleSeparator'))}
        <Text fz="sm" fw={600} mt={4}>
          {t('descriptions.templates.fields.titleCondition')}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          {TITLE_CONDITION_KEYS.map((key) =>
            field(
              `titleCondition.${key}`,
              key === 'not_working' ? t('descriptions.templates.fields.notWorking') : t(`grades.${key}`),
            ),
          )}
        </SimpleGrid>
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <Group gap="xs" mt={4}>
          <Button size="xs" onClick={save} loading={update.isPending} data-testid="template-save">
            {t('descriptions.templates.save')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setValues(defaults)}>
            {t('descriptions.templates.revert')}
          </Button>
        </Group>
        {view.updatedAt ? (
          <Text fz="xs" c="dimmed">
            {t('descriptions.templates.lastSaved', {
              name: view.updatedBy ?? '—',
              date: f.dateTime(view.updatedAt),
            })}
          </Text>
        ) : null}
      </Stack>
      <Stack gap="xs" data-testid="template-preview">
        <Text fz="sm" fw={500}>
          {t('descriptions.templates.previewTitle')}
        </Text>
        {preview.error ? (
          <ErrorAlert error={preview.error} />
        ) : !preview.data ? (
          <LoadingBlock h={120} />
        ) : preview.data.draft === null ? (
          <Alert color="orange" p="xs">
            <Text fz="sm">{t('descriptions.templates.notSaved')}</Text>
          </Alert>
        ) : (
          <>
            <Fact label={t('descriptions.title')}>
              <Text fz="sm" fw={500} lang={view.language} data-testid="template-preview-title">
                {preview.data.draft.title}
              </Text>
            </Fact>
            <Tabs defaultValue="ebay">
              <Tabs.List>
                <Tabs.Tab value="ebay">{t('descriptions.templates.ebay')}</Tabs.Tab>
                <Tabs.Tab value="shop">{t('descriptions.templates.shop')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="ebay" pt="xs">
                <Paper withBorder p="sm" lang={view.language}>
                  <SafeHtml html={preview.data.draft.html} testId="template-preview-html" />
                </Paper>
              </Tabs.Panel>
              <Tabs.Panel value="shop" pt="xs">
                <Paper withBorder p="sm" lang={view.language}>
                  <SafeHtml html={preview.data.shopHtml ?? ''} />
                </Paper>
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </SimpleGrid>
  );
}

/** Settings: per merchant and language, the wording of the drafted titles and descriptions. */
export function TemplateEditor() {
  const { t } = useTranslation();
  const merchants = useCall('merchants.list', {});
  const [merchantId, setMerchantId] = useState<number | null>(null);
  const [lang, setLang] = useState<Language | null>(null);
  const chosen = merchants.data?.find((m) => m.id === merchantId) ?? merchants.data?.[0];
  const language = lang ?? chosen?.language ?? 'en';
  const template = useCall(
    'descriptions.templates.get',
    { merchantId: chosen?.id ?? 0, lang: language },
    { enabled: chosen !== undefined, placeholderData: undefined },
  );

  return (
    <Paper p="md" data-testid="template-editor">
      <SectionTitle>{t('descriptions.templates.heading')}</SectionTitle>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('descriptions.templates.hint')}
      </Text>
      {merchants.error ? (
        <ErrorAlert error={merchants.error} />
      ) : !merchants.data ? (
        <LoadingBlock h={80} />
      ) : !chosen ? (
        <Text fz="sm" c="dimmed">
          {t('descriptions.templates.noMerchants')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="md" align="flex-end">
            <Select
              label={t('descriptions.templates.merchant')}
              data={merchants.data.map((m) => ({ value: String(m.id), label: m.name }))}
              value={String(chosen.id)}
              onChange={(value) => value && setMerchantId(Number(value))}
              allowDeselect={false}
              w={260}
            />
            <Stack gap={4}>
              <Text fz="sm" fw={500}>
                {t('descriptions.templates.language')}
              </Text>
              <SegmentedControl
                value={language}
                onChange={(value) => setLang(LANGUAGES.find((l) => l === value) ?? null)}
                data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                data-testid="template-language"
              />
            </Stack>
          </Group>
          {template.error ? (
            <ErrorAlert error={template.error} />
          ) : !template.data ? (
            <LoadingBlock h={160} />
          ) : (
            <Editor
              key={`${template.data.merchantId}-${template.data.language}-${template.data.updatedAt ?? ''}`}
              view={template.data}
            />
          )}
        </Stack>
      )}
    </Paper>
  );
}
