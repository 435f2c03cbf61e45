import { Checkbox, Group, Select, Switch, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LabelRoutingStatus } from '../../../../shared/contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';

/**
 * The photo desk's switch for shooting by label, with its two choices: keep the photo of each
 * label on its item, and a session for one merchant (another merchant's label then stops it).
 * Changing either starts a new session.
 */
export function RoutingControls({ status }: { status: LabelRoutingStatus }) {
  const { t } = useTranslation();
  const merchants = useCall('merchants.list', {});
  const set = (change: Partial<Pick<LabelRoutingStatus, 'on' | 'keepLabelShots' | 'merchantId'>>) =>
    void call('photos.setRouting', {
      on: change.on ?? status.on,
      keepLabelShots: change.keepLabelShots ?? status.keepLabelShots,
      merchantId: change.merchantId === undefined ? status.merchantId : change.merchantId,
    }).catch((error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }));

  return (
    <Group gap="md" wrap="wrap" data-testid="routing-controls">
      <Tooltip label={t('photoDesk.routing.modeHint')} multiline w={280}>
        <Switch
          checked={status.on}
          onChange={(event) => set({ on: event.currentTarget.checked })}
          label={t('photoDesk.routing.mode')}
          data-testid="shoot-by-label"
        />
      </Tooltip>
      {status.on ? (
        <>
          <Checkbox
            size="sm"
            checked={status.keepLabelShots}
            onChange={(event) => set({ keepLabelShots: event.currentTarget.checked })}
            label={t('photoDesk.routing.keepLabelShots')}
            data-testid="keep-label-shots"
          />
          <Select
            size="xs"
            w={200}
            aria-label={t('photoDesk.routing.merchant')}
            value={status.merchantId === null ? 'any' : String(status.merchantId)}
            data={[
              { value: 'any', label: t('photoDesk.routing.anyMerchant') },
              ...(merchants.data ?? []).map((merchant) => ({
                value: String(merchant.id),
                label: merchant.name,
              })),
            ]}
            onChange={(value) =>
              set({ merchantId: value === null || value === 'any' ? null : Number(value) })
            }
            allowDeselect={false}
            data-testid="routing-merchant"
          />
        </>
      ) : null}
    </Group>
  );
}
