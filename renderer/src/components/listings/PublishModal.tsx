import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EbayStatus } from '../../../../shared/contract/ebay';
import { isShopChannel, useEbayStatuses, usePublishChannels, type PublishChannel } from './actions';

export interface PublishTarget {
  readonly itemIds: readonly number[];
  /** The merchants of those items, to say where eBay is not ready. */
  readonly merchants: readonly { readonly id: number; readonly name: string }[];
}

function ebayProblem(
  status: EbayStatus | undefined,
): 'ebayNotConfigured' | 'ebayNotConnected' | 'ebayNotReady' | null {
  if (!status) return null;
  if (!status.configured) return 'ebayNotConfigured';
  if (!status.connected) return 'ebayNotConnected';
  if (!status.readyToPublish) return 'ebayNotReady';
  return null;
}

/**
 * The channel choice for a publish. eBay is offered when it can work: where this profile can see
 * the merchants' eBay accounts (admins), an account that is not ready is named and eBay is not
 * pre-selected; otherwise the server's refusals and the listing's failure reason tell.
 */
export function PublishModal({
  target,
  busy,
  onClose,
  onPublish,
}: {
  target: PublishTarget | null;
  busy: boolean;
  onClose: () => void;
  onPublish: (itemIds: readonly number[], channels: readonly PublishChannel[]) => void;
}) {
  const { t } = useTranslation();
  const statuses = useEbayStatuses(target?.merchants.map((m) => m.id) ?? []);
  const offered = usePublishChannels(target?.merchants.map((m) => m.id) ?? []);
  const problems = (target?.merchants ?? [])
    .map((m) => ({ merchant: m.name, problem: ebayProblem(statuses.get(m.id)) }))
    .filter((p): p is { merchant: string; problem: NonNullable<typeof p.problem> } => p.problem !== null);
  const ebayBlocked = target !== null && problems.length === target.merchants.length && problems.length > 0;
  const [chosen, setChosen] = useState<readonly PublishChannel[] | null>(null);
  // eBay first where it is known to be ready; otherwise the practice marketplace, which always is.
  const ebayReady = [...statuses.values()].some((s) => s.readyToPublish);
  const value: readonly PublishChannel[] = chosen ?? (ebayReady ? ['ebay'] : ['practice']);
  const count = target?.itemIds.length ?? 0;

  const close = () => {
    setChosen(null);
    onClose();
  };

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={t('publishing.modalTitle', { count })}
      size="md"
      data-testid="publish-modal"
    >
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {t('publishing.modalHint')}
        </Text>
        <Checkbox.Group
          value={[...value]}
          onChange={(next) => setChosen(offered.filter((c) => next.includes(c)))}
        >
          <Stack gap="xs">
            {offered.map((channel) => (
              <Checkbox.Card
                key={channel}
                value={channel}
                radius="sm"
                p="sm"
                disabled={channel === 'ebay' && ebayBlocked}
                data-testid={`publish-channel-${channel}`}
                style={
                  channel === 'ebay' && ebayBlocked ? { opacity: 0.6, cursor: 'not-allowed' } : undefined
                }
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Checkbox.Indicator disabled={channel === 'ebay' && ebayBlocked} mt={2} />
                  <Stack gap={2} miw={0}>
                    <Group gap={6}>
                      <Text fz="sm" fw={600}>
                        {t(`channels.${channel}`)}
                      </Text>
                      {channel === 'practice' ? (
                        <Badge size="xs" color="grape" variant="light">
                          {t('publishing.practiceTag')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text fz="xs" c="dimmed">
                      {isShopChannel(channel)
                        ? t('publishing.channelHints.shop')
                        : t(`publishing.channelHints.${channel as 'practice' | 'ebay'}`)}
                    </Text>
                  </Stack>
                </Group>
              </Checkbox.Card>
            ))}
          </Stack>
        </Checkbox.Group>
        {problems.length > 0 ? (
          <Alert
            color="orange"
            variant="light"
            p="xs"
            icon={<IconAlertTriangle size={16} />}
            data-testid="ebay-not-ready"
          >
            <Stack gap={2}>
              {problems.map((p) => (
                <Text key={p.merchant} fz="xs">
                  {t(`publishing.${p.problem}`, { merchant: p.merchant })}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {value.length === 0 ? (
          <Text fz="xs" c="red.7">
            {t('publishing.chooseChannel')}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" onClick={close}>
            {t('publishing.cancel')}
          </Button>
          <Button
            size="sm"
            disabled={value.length === 0 || count === 0}
            loading={busy}
            data-testid="publish-submit"
            onClick={() => {
              if (!target) return;
              const channels = value.filter((c) => !(c === 'ebay' && ebayBlocked));
              onPublish(target.itemIds, channels);
              setChosen(null);
            }}
          >
            {t('publishing.modalTitle', { count })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
