// The item conditions eBay allows in the configured category, as badges.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function AllowedConditions({ conditions }: { conditions: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="ebay-conditions">
      <Text fz="sm" fw={500}>
        {t('ebay.choose.allowedConditions')}
      </Text>
      {conditions.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('ebay.choose.noConditions')}
        </Text>
      ) : (
        <Group gap={6}>
          {conditions.map((condition) => (
            <Badge key={condition} variant="light" color="gray" tt="none" fw={500}>
              {condition}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
