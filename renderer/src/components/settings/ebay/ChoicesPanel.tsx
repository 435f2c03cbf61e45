// The choices panel: the business policies, inventory location and category the account publishes with.
import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMapPinPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EbayCheck, EbayCheckKey, EbayOption } from '../../../../../shared/contract/ebay';
import { call, errorMessage } from '../../../api/client';
import { FormError } from '../people/shared';
import { AllowedConditions } from './AllowedConditions';
import { CategoryField } from './CategoryField';
import { ChoiceSelect } from './ChoiceSelect';
import { PanelTitle } from './PanelTitle';
import { useRefreshEbay } from './useRefreshEbay';

type ChoiceField = 'fulfillmentPolicyId' | 'paymentPolicyId' | 'returnPolicyId' | 'merchantLocationKey';

interface Choice {
  readonly field: ChoiceField;
  readonly key: EbayCheckKey;
  readonly options: keyof EbayCheck['options'];
  readonly label: 'fulfillmentPolicy' | 'paymentPolicy' | 'returnPolicy' | 'location';
}

const POLICIES: readonly Choice[] = [
  {
    field: 'fulfillmentPolicyId',
    key: 'fulfillmentPolicy',
    options: 'fulfillmentPolicies',
    label: 'fulfillmentPolicy',
  },
  { field: 'paymentPolicyId', key: 'paymentPolicy', options: 'paymentPolicies', label: 'paymentPolicy' },
  { field: 'returnPolicyId', key: 'returnPolicy', options: 'returnPolicies', label: 'returnPolicy' },
];

/** Unlike a policy, a location can be created from here, so an empty list offers that instead of a note. */
const LOCATION: Choice = {
  field: 'merchantLocationKey',
  key: 'location',
  options: 'locations',
  label: 'location',
};

/** The stored choice, when it is one of the options eBay offers (an unknown id is shown as none). */
function inUse(check: EbayCheck, field: ChoiceField, options: readonly EbayOption[]): string | null {
  const id = check.chosen[field];
  return id !== null && options.some((o) => o.id === id) ? id : null;
}

export function ChoicesPanel({
  check,
  merchantId,
  onCheck,
}: {
  check: EbayCheck;
  merchantId: number;
  onCheck: (check: EbayCheck) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshEbay();
  const [picked, setPicked] = useState<Partial<Record<ChoiceField, string>>>({});
  const [busy, setBusy] = useState<ChoiceField | 'category' | 'location' | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Every write answers with a fresh pre-flight, which replaces the shown one.
  const run = async (what: NonNullable<typeof busy>, action: () => Promise<EbayCheck>, done?: string) => {
    setBusy(what);
    setError(null);
    try {
      onCheck(await action());
      if (done) notifications.show({ color: 'green', message: done });
      refresh();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const choose = (field: ChoiceField, value: string) => {
    setPicked((p) => ({ ...p, [field]: value }));
    void run(field, () => call('ebay.choose', { merchantId, [field]: value }));
  };

  const select = (choice: Choice, below: ReactNode) => {
    const options = check.options[choice.options];
    return (
      <ChoiceSelect
        key={choice.field}
        label={t(`ebay.choose.${choice.label}`)}
        options={options}
        value={picked[choice.field] ?? inUse(check, choice.field, options)}
        saving={busy === choice.field}
        locked={busy !== null}
        onChoose={(id) => choose(choice.field, id)}
        testId={`ebay-choose-${choice.key}`}
      >
        {below}
      </ChoiceSelect>
    );
  };

  return (
    <Stack gap="sm" data-testid="ebay-choices">
      <PanelTitle>{t('ebay.choose.title')}</PanelTitle>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {POLICIES.map((choice) =>
          select(
            choice,
            check.options[choice.options].length === 0 ? (
              <Text fz="xs" c="dimmed" data-testid={`ebay-none-${choice.key}`}>
                {t('ebay.choose.noneOnEbay')}
              </Text>
            ) : null,
          ),
        )}
        {select(
          LOCATION,
          <Button
            size="xs"
            variant="light"
            w="fit-content"
            leftSection={<IconMapPinPlus size={14} />}
            loading={busy === 'location'}
            disabled={busy !== null && busy !== 'location'}
            onClick={() =>
              void run(
                'location',
                () => call('ebay.createLocation', { merchantId }),
                t('ebay.choose.locationCreated'),
              )
            }
            data-testid="ebay-create-location"
          >
            {t('ebay.choose.createLocation')}
          </Button>,
        )}
        <CategoryField
          chosen={check.chosen.categoryId}
          saving={busy === 'category'}
          locked={busy !== null && busy !== 'category'}
          onSave={(categoryId) =>
            run('category', () => call('ebay.choose', { merchantId, categoryId }), t('ebay.choose.saved'))
          }
        />
        <AllowedConditions conditions={check.allowedConditions} />
      </SimpleGrid>
      <FormError message={error} testId="ebay-choose-error" />
    </Stack>
  );
}
