// The pre-flight's findings, one row each: passed, failed (blocks publishing) or a warning, with the fix.
import { Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheckFilled, IconCircleXFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EBAY_CHECK_KEYS, type EbayCheck, type EbayCheckItem } from '../../../../../shared/contract/ebay';
import { renderMessage } from '../../../../../shared/messages/render';
import { currentLanguage } from '../../../i18n';

/** An item passed, fails and blocks publishing, or only warns: its icon, colour and spoken name. */
const CHECK_ICONS = {
  passed: { Icon: IconCircleCheckFilled, color: 'var(--mantine-color-green-filled)' },
  failed: { Icon: IconCircleXFilled, color: 'var(--mantine-color-red-filled)' },
  warning: { Icon: IconAlertTriangle, color: 'var(--mantine-color-orange-filled)' },
} as const;

function CheckIcon({ item }: { item: EbayCheckItem }) {
  const { t } = useTranslation();
  const verdict = item.ok ? 'passed' : item.blocking ? 'failed' : 'warning';
  const { Icon, color } = CHECK_ICONS[verdict];
  return <Icon size={20} color={color} aria-label={t(`ebay.check.${verdict}`)} style={{ flex: 'none' }} />;
}

export function CheckItems({ check }: { check: EbayCheck }) {
  const { t } = useTranslation();
  // In the contract's order, whatever order the answer has.
  const items = [...check.items].sort(
    (a, b) => EBAY_CHECK_KEYS.indexOf(a.key) - EBAY_CHECK_KEYS.indexOf(b.key),
  );
  return (
    <Stack gap={0} data-testid="ebay-check-items">
      {items.map((item, index) => (
        <Group
          key={item.key}
          gap="sm"
          wrap="nowrap"
          align="flex-start"
          py={8}
          style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
          data-testid="ebay-check-item"
          data-key={item.key}
          data-ok={item.ok}
          data-blocking={item.blocking}
        >
          <CheckIcon item={item} />
          <Text fz="sm" fw={600} w={170} style={{ flex: 'none' }}>
            {t(`ebay.check.keys.${item.key}`)}
          </Text>
          <Stack gap={2} miw={0} style={{ flex: 1 }}>
            <Text fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid="ebay-check-message">
              {item.text ? renderMessage(item.text, currentLanguage(), item.message) : item.message}
            </Text>
            {!item.ok && item.fix ? (
              <Text fz="xs" c={item.blocking ? 'red' : 'orange'} style={{ overflowWrap: 'anywhere' }}>
                <Text span fw={600} fz="xs" inherit>
                  {t('ebay.check.fix')}
                </Text>{' '}
                {item.fixText ? renderMessage(item.fixText, currentLanguage(), item.fix) : item.fix}
              </Text>
            ) : null}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
