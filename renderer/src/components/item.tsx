import { renderMessage } from '../../../shared/messages/render';
import {
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { IconCheck, IconExternalLink, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail, PriceProposal, PriceStep } from '../../../shared/contract';
import type { ItemStatus, Language } from '../../../shared/domain/status';
import type { StepDetail } from '../../../shared/pricing/engine';
import { labelFor } from '../../../shared/pricing/labels';
import { isAllowedExternalLink } from '../../../shared/contract/bridge';
import { openExternal } from '../api/client';
import { useFormat } from '../format';
import { useLanguage } from '../i18n';
import { GradeBadge, ListingPill, StatusBadge, WindowBadge } from './badges';
import { Fact, SectionTitle } from './common';
import { Photo } from './Photo';

const DAY_MS = 86_400_000;

/**
 * A trace step's label in the UI language. Steps store their code and params beside the label
 * they were written with, so the label can be rebuilt in French or German; a step this version
 * does not know keeps its stored label.
 */
export function stepLabel(step: PriceStep, language: Language): string {
  const params = (step as { params?: unknown }).params;
  if (typeof params !== 'object' || params === null) return step.label;
  try {
    const label = labelFor({ code: step.code, params } as StepDetail, language) as string | undefined;
    return label && !label.includes('undefined') ? label : step.label;
  } catch {
    return step.label;
  }
}

/** Title, photo and the product's identity: what the person at the desk checks first. */
export function ProductHeader({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const subtitle = [item.brand, item.model].filter(Boolean).join(' · ');
  return (
    <Group align="flex-start" wrap="nowrap" gap="md">
      <Photo hash={item.mainPhotoHash} variant="listing" size={104} radius={6} alt={item.title} />
      <Stack gap={6} miw={0} style={{ flex: 1 }}>
        <Group gap="xs" wrap="nowrap">
          <Text ff="monospace" fz="sm" fw={600} data-testid="item-reference">
            {item.reference}
          </Text>
          <StatusBadge status={item.status} />
          <GradeBadge grade={item.grade} />
        </Group>
        <Title order={2} lineClamp={2} data-testid="item-title">
          {item.title}
        </Title>
        {subtitle ? (
          <Text fz="sm" c="dimmed">
            {subtitle}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" verticalSpacing={6} mt={2}>
          <Fact label={t('item.sku')}>
            <Text ff="monospace" fz="sm" span>
              {item.sku}
            </Text>
          </Fact>
          <Fact label={t('item.ean')}>
            <Text ff="monospace" fz="sm" span>
              {item.ean ?? '—'}
            </Text>
          </Fact>
          <Fact label={t('item.originalPrice')}>{f.money(item.originalCents, item.currency)}</Fact>
          <Fact label={t('common.merchant')}>{item.merchantName}</Fact>
        </SimpleGrid>
      </Stack>
    </Group>
  );
}

export function ReturnFacts({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const days =
    item.deliveredAt !== null
      ? Math.max(0, Math.round((Date.parse(item.receivedAt) - Date.parse(item.deliveredAt)) / DAY_MS))
      : null;
  return (
    <Paper p="sm">
      <SectionTitle right={<WindowBadge result={item.windowResult} />}>{t('item.returnFacts')}</SectionTitle>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Fact label={t('item.order')}>
          {item.orderReference ? (
            <Text span ff="monospace" fz="sm">
              {item.orderReference}
              {item.orderLine !== null ? (
                <Text span c="dimmed" fz="xs" ff="body">
                  {' '}
                  · {t('item.orderLine', { line: item.orderLine })}
                </Text>
              ) : null}
            </Text>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label={t('item.reason')}>
          {item.returnReason ? t(`reasons.${item.returnReason}`) : t('common.notRecorded')}
        </Fact>
        <Fact label={t('item.delivered')}>{item.deliveredAt ? f.date(item.deliveredAt) : '—'}</Fact>
        <Fact label={t('item.received')}>
          {f.dateTime(item.receivedAt)}
          {days !== null ? (
            <Text span c="dimmed" fz="xs" display="block">
              {t('item.daysAfterDelivery', { count: days })}
            </Text>
          ) : null}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

function Check({ value, label }: { value: boolean; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" data-check={label} data-value={value}>
      <ThemeIcon size={18} radius="xl" variant="light" color={value ? 'green' : 'gray'}>
        {value ? <IconCheck size={12} /> : <IconMinus size={12} />}
      </ThemeIcon>
      <Text fz="sm" c={value ? undefined : 'dimmed'}>
        {label}
      </Text>
    </Group>
  );
}

/** What was recorded when the item was graded, read-only. */
export function GradingFacts({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const missing = new Set(item.accessoriesMissing);
  const accessories = [
    ...item.accessoriesExpected.map((name) => ({ name, present: !missing.has(name) })),
    ...item.accessoriesMissing
      .filter((name) => !item.accessoriesExpected.includes(name))
      .map((name) => ({ name, present: false })),
  ];
  return (
    <Paper p="sm">
      <SectionTitle right={<GradeBadge grade={item.grade} size="md" />}>{t('item.grading')}</SectionTitle>
      {item.grade === null ? (
        <Text fz="sm" c="dimmed">
          {t('item.notGradedYet')}
        </Text>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <Fact label={t('item.packaging')}>
              {item.packaging ? t(`packaging.${item.packaging}`) : t('common.notRecorded')}
            </Fact>
            <Fact label={t('item.functionalTest')}>
              <Text
                span
                fz="sm"
                c={item.functionalTest === 'failed' ? 'red' : undefined}
                fw={item.functionalTest === 'failed' ? 600 : undefined}
              >
                {t(`functionalTests.${item.functionalTest}`)}
              </Text>
            </Fact>
          </SimpleGrid>
          <Group gap="lg">
            <Check value={item.factoryReset} label={t('item.factoryReset')} />
            <Check value={item.cleaned} label={t('item.cleaned')} />
            <Check value={item.repackaged} label={t('item.repackaged')} />
          </Group>
          <Fact label={t('item.accessories')}>
            {accessories.length === 0 ? (
              <Text span c="dimmed" fz="sm">
                {t('item.noAccessoriesExpected')}
              </Text>
            ) : (
              <Group gap={4} mt={2}>
                {accessories.map(({ name, present }) => (
                  <Badge
                    key={name}
                    variant={present ? 'light' : 'outline'}
                    color={present ? 'green' : 'red'}
                    leftSection={present ? <IconCheck size={11} /> : <IconX size={11} />}
                    data-accessory={present ? 'present' : 'missing'}
                    aria-label={`${name}: ${present ? t('item.present') : t('item.missing')}`}
                  >
                    {name}
                  </Badge>
                ))}
              </Group>
            )}
          </Fact>
          {item.gradedAt ? (
            <Text fz="xs" c="dimmed">
              {t('item.gradedAt', { date: f.dateTime(item.gradedAt) })}
            </Text>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

export function DefectsTable({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const photoNumber = new Map(item.photos.map((p, index) => [p.id, index + 1]));
  return (
    <Paper p="sm">
      <SectionTitle
        right={
          item.defects.length > 0 ? (
            <Badge color="gray" variant="light">
              {item.defects.length}
            </Badge>
          ) : null
        }
      >
        {t('item.defects')}
      </SectionTitle>
      {item.defects.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('item.noDefects')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="defects-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('item.defectKind')}</Table.Th>
                <Table.Th>{t('item.defectWhere')}</Table.Th>
                <Table.Th ta="right">{t('item.defectSize')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('item.defectSeverity')}</Table.Th>
                <Table.Th>{t('item.defectNote')}</Table.Th>
                <Table.Th>{t('item.defectPhoto')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.defects.map((defect) => (
                <Table.Tr key={defect.id}>
                  <Table.Td>{t(`defectKinds.${defect.kind}`)}</Table.Td>
                  <Table.Td>{defect.location || '—'}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {defect.sizeMm !== null ? t('item.sizeMm', { size: defect.sizeMm }) : '—'}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text
                      span
                      fz="sm"
                      fw={defect.severity === 'minor' ? 400 : 600}
                      c={
                        defect.severity === 'major'
                          ? 'red.7'
                          : defect.severity === 'moderate'
                            ? 'orange.8'
                            : 'dimmed'
                      }
                      data-severity={defect.severity}
                    >
                      {t(`severities.${defect.severity}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td c={defect.note ? undefined : 'dimmed'}>{defect.note || '—'}</Table.Td>
                  <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {defect.photoId !== null && photoNumber.has(defect.photoId)
                      ? t('item.photoNumber', { n: photoNumber.get(defect.photoId) })
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/**
 * Rebound's own work is stored under fixed English actor names (the services' system actors);
 * a person's name is shown as written.
 */
const SYSTEM_ACTORS = {
  'Rebound (channel jobs)': 'item.actors.jobs',
  'Rebound (first start)': 'item.actors.firstStart',
  'Rebound (pricing policy)': 'item.actors.pricingPolicy',
} as const;

export function HistoryTimeline({ item, limit }: { item: ItemDetail; limit?: number }) {
  const { t } = useTranslation();
  const actorName = (actor: string): string =>
    actor in SYSTEM_ACTORS ? t(SYSTEM_ACTORS[actor as keyof typeof SYSTEM_ACTORS]) : actor;
  const language = useLanguage();
  const f = useFormat();
  const events = limit ? item.events.slice(0, limit) : item.events;
  return (
    <Paper p="sm">
      <SectionTitle>{t('item.history')}</SectionTitle>
      {events.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('item.noHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={0} data-testid="history">
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              title={
                <Text fz="sm">
                  {event.text ? renderMessage(event.text, language, event.summary) : event.summary}
                </Text>
              }
            >
              <Text fz="xs" c="dimmed">
                {f.dateTime(event.at)} · {actorName(event.actor)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

/**
 * The price trace as a small table: every step with its signed amount, ending on the proposed
 * price. Traces that start from the original price as their first step are shown as they are;
 * traces of pure adjustments get the original price as their first line, so both sum up.
 */
export function PriceTrace({ price, currency }: { price: PriceProposal; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const language = useLanguage();
  const sum = price.steps.reduce((total, step) => total + step.deltaCents, 0);
  const rows =
    sum === price.proposedCents
      ? price.steps
      : [
          { code: 'original', label: t('item.originalPrice'), deltaCents: price.originalCents },
          ...price.steps,
        ];
  return (
    <Table data-testid="price-trace" withRowBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('item.traceStep')}</Table.Th>
          <Table.Th ta="right">{t('item.traceAmount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((step, index) => (
          <Table.Tr key={`${step.code}-${index}`} data-step={step.code}>
            <Table.Td>
              {index === 0 && step.code === 'original' ? step.label : stepLabel(step, language)}
            </Table.Td>
            <Table.Td
              ta="right"
              ff="monospace"
              c={index > 0 && step.deltaCents < 0 ? 'red.7' : undefined}
              style={{ whiteSpace: 'nowrap' }}
            >
              {index > 0 && step.deltaCents > 0 ? '+' : ''}
              {f.signedMoney(step.deltaCents, currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('item.traceResult')}</Table.Th>
          <Table.Th
            ta="right"
            ff="monospace"
            fz="md"
            data-testid="trace-total"
            style={{ whiteSpace: 'nowrap' }}
          >
            {f.money(price.proposedCents, currency)}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

export function PriceSection({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const price = item.price;
  return (
    <Paper p="sm">
      <SectionTitle
        right={
          price ? (
            <Badge
              variant="light"
              color={
                price.decision === 'pending' ? 'orange' : price.decision === 'rejected' ? 'red' : 'green'
              }
            >
              {t(`decisions.${price.decision}`)}
              {price.decidedBy ? ` ${t('item.decidedBy', { name: price.decidedBy })}` : ''}
            </Badge>
          ) : null
        }
      >
        {t('item.price')}
      </SectionTitle>
      {price ? <PriceSummary item={item} price={price} /> : null}
      {price ? (
        <>
          <Text fz="xs" c="dimmed" mt="sm" mb={2} fw={600} tt="uppercase" lts={0.3}>
            {t('item.trace')}
          </Text>
          <PriceTrace price={price} currency={item.currency} />
          <Group gap="lg" mt="xs">
            <Text fz="xs" c="dimmed">
              {t('item.floor')}: {f.money(price.floorCents, item.currency)}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('item.net')}: {f.money(price.netCents, item.currency)}
            </Text>
          </Group>
        </>
      ) : (
        <Text fz="sm" c="dimmed">
          {NOT_FOR_SALE.has(item.status) || item.grade === 'defective'
            ? t('item.notForSale', { status: t(`statuses.${item.status}`) })
            : t('item.noPrice')}
        </Text>
      )}
    </Paper>
  );
}

/** Statuses in which an item is not sold by Rebound, so the absence of a price is expected. */
const NOT_FOR_SALE: ReadonlySet<ItemStatus> = new Set(['restocked', 'returned_to_merchant', 'destroyed']);

/** Original price struck through, the proposal, and the discount: the approval line. */
export function PriceSummary({ item, price }: { item: { currency: string }; price: PriceProposal }) {
  const { t } = useTranslation();
  const f = useFormat();
  const discount = f.discountPercent(price.originalCents, price.proposedCents);
  return (
    <Group gap="sm" align="baseline" wrap="nowrap">
      <Text td="line-through" c="dimmed" fz="md">
        {f.money(price.originalCents, item.currency)}
      </Text>
      <Text fz="xl" fw={700} data-testid="proposed-price">
        {f.money(price.proposedCents, item.currency)}
      </Text>
      {discount > 0 ? (
        <Badge color="orange" variant="light">
          {t('approvals.discountOf', { percent: f.decimal(discount) })}
        </Badge>
      ) : null}
    </Group>
  );
}

export function ChannelsSection({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = useFormat();
  return (
    <Paper p="sm">
      <SectionTitle>{t('item.listings')}</SectionTitle>
      {item.listings.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('item.noListings')}
        </Text>
      ) : (
        <Stack gap={6}>
          {item.listings.map((listing) => (
            <Group key={listing.id} justify="space-between" wrap="nowrap" gap="sm">
              <ListingPill listing={listing} />
              <Group gap="sm" wrap="nowrap">
                {listing.priceCents !== null ? (
                  <Text fz="sm">{f.money(listing.priceCents, item.currency)}</Text>
                ) : null}
                {listing.url && isAllowedExternalLink(listing.url) ? (
                  <Anchor
                    fz="sm"
                    href={listing.url}
                    onClick={(event) => {
                      event.preventDefault();
                      openExternal(listing.url!);
                    }}
                  >
                    <Group gap={4} wrap="nowrap">
                      {t('item.openListing')}
                      <IconExternalLink size={13} />
                    </Group>
                  </Anchor>
                ) : null}
              </Group>
            </Group>
          ))}
          {item.listings
            .filter((listing) => listing.lastError)
            .map((listing) => (
              <Text key={`e${listing.id}`} fz="xs" c="red.7">
                {t(`channels.${listing.channel}`)}:{' '}
                {listing.lastErrorText
                  ? renderMessage(listing.lastErrorText, language, listing.lastError ?? undefined)
                  : listing.lastError}
              </Text>
            ))}
        </Stack>
      )}
    </Paper>
  );
}
