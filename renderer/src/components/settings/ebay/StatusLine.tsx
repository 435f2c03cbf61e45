// Where the eBay account stands: state, marketplace, sandbox or test server, token expiry.
import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EbayStatus } from '../../../../../shared/contract/ebay';
import { useFormat } from '../../../format';

type StateKey = 'notConfigured' | 'notConnected' | 'connected' | 'ready';

function stateOf(status: EbayStatus): StateKey {
  if (!status.configured) return 'notConfigured';
  if (!status.connected) return 'notConnected';
  return status.readyToPublish ? 'ready' : 'connected';
}

const STATE_COLORS: Readonly<Record<StateKey, string>> = {
  notConfigured: 'gray',
  notConnected: 'yellow',
  connected: 'blue',
  ready: 'green',
};

export function StatusLine({ status }: { status: EbayStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = stateOf(status);
  return (
    <Stack gap={4} data-testid="ebay-status" data-state={state}>
      <Group gap="xs" wrap="wrap">
        <Badge color={STATE_COLORS[state]} variant="light" size="lg" data-testid="ebay-state">
          {t(`ebay.states.${state}`)}
        </Badge>
        {status.marketplace ? (
          <Text fz="sm" data-testid="ebay-marketplace">
            {t('ebay.marketplace')}: {t(`ebay.marketplaces.${status.marketplace}`)}
          </Text>
        ) : null}
        {status.configured && status.sandbox ? (
          <Badge color="orange" variant="outline" data-testid="ebay-sandbox">
            {t('ebay.sandbox')}
          </Badge>
        ) : null}
        {status.baseUrl ? (
          <Group gap={6} wrap="nowrap" miw={0}>
            <Badge color="grape" variant="outline">
              {t('ebay.testServer')}
            </Badge>
            <Code data-testid="ebay-base-url" style={{ overflowWrap: 'anywhere' }}>
              {status.baseUrl}
            </Code>
          </Group>
        ) : null}
      </Group>
      <Text fz="xs" c="dimmed">
        {t(`ebay.stateHints.${state}`)}
        {status.connected && status.accessExpiresAt
          ? ` · ${t('ebay.tokenUntil', { time: f.dateTime(status.accessExpiresAt) })}`
          : ''}
      </Text>
    </Stack>
  );
}
