import { Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalculator } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../../shared/contract';
import type { ItemStatus } from '../../../../shared/domain/status';
import { errorMessage } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { useFormat } from '../../format';
import { useMay } from '../../state/me';
import { ShortcutTooltip } from '../common';

/** Statuses in which the desk may ask for a (new) proposal; the service checks the same. */
const PRICEABLE: ReadonlySet<ItemStatus> = new Set(['graded', 'photographed', 'priced', 'awaiting_approval']);

/**
 * "Propose price" on the item page: runs the merchant's policy on the recorded facts. Shown to
 * the roles that handle items (not to a bookkeeper), and only while a proposal makes sense.
 */
export function ProposePrice({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mayPropose = useMay('pricing.propose');
  const propose = useCallMutation('pricing.propose');
  const visible =
    PRICEABLE.has(item.status) && item.grade !== null && item.grade !== 'defective' && mayPropose;
  // A regrade after the proposal (or no proposal yet) is what makes proposing useful.
  const stale = !item.price || (item.gradedAt !== null && item.gradedAt > item.price.createdAt);
  const run = () => {
    if (!visible || propose.isPending) return;
    propose.mutate(
      { itemId: item.id },
      {
        onSuccess: (view) => {
          const price = view.price;
          if (!price) return;
          notifications.show({
            color: 'green',
            message: t(
              price.decision === 'auto_approved' ? 'pricing.proposedAuto' : 'pricing.proposedWaiting',
              {
                price: f.money(price.proposedCents, view.currency),
              },
            ),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  };
  useHotkeys([['p', run]]);
  if (!visible) return null;
  return (
    <Group gap="sm" wrap="nowrap" data-testid="propose-price">
      <ShortcutTooltip label={t('pricing.propose')} keys={['P']}>
        <Button
          size="xs"
          variant={stale ? 'filled' : 'default'}
          leftSection={<IconCalculator size={14} />}
          loading={propose.isPending}
          onClick={run}
        >
          {item.price ? t('pricing.proposeAgain') : t('pricing.propose')}
        </Button>
      </ShortcutTooltip>
      {item.price && stale ? (
        <Text fz="xs" c="orange.8">
          {t('pricing.stale')}
        </Text>
      ) : null}
    </Group>
  );
}
