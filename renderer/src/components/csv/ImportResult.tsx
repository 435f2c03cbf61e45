// The wizard's last step: what the import did, as counted badges, the refused rows by line.
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportErrorsTable } from '../intake/importParts';
import type { CsvImport, CsvReport } from './useCsvImport';

/** One count of the report, as a badge; with a test id, the badge also carries it as `data-count`. */
export interface ResultCount<R> {
  /** The plural message, given the count. */
  readonly key: ParseKeys;
  readonly of: (report: R) => number;
  readonly color: string;
  readonly testId?: string;
  /** Left out while zero (a count only worth showing when something happened). */
  readonly hideZero?: boolean;
}

const refused: ResultCount<CsvReport> = {
  key: 'desk.importErrors',
  of: (report) => report.errors.length,
  color: 'red',
  testId: 'import-error-count',
  hideZero: true,
};

export function ImportResult<F extends string, R extends CsvReport>({
  csv,
  counts,
  actions,
}: {
  csv: CsvImport<F, R>;
  /** The import's own counts, shown before the count of refused rows. */
  counts: readonly ResultCount<R>[];
  /** Buttons after "Import another file". */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { report } = csv;
  if (!report) return null;
  const shown = [...counts, refused]
    .map((entry) => ({ ...entry, count: entry.of(report) }))
    .filter((entry) => !(entry.hideZero && entry.count === 0));
  return (
    <Stack gap="xs" data-testid="import-report">
      <Group gap="xs">
        <IconCircleCheck size={20} color="var(--mantine-color-green-filled)" />
        <Text fw={600}>{t('desk.importDone')}</Text>
      </Group>
      <Group gap="xs">
        {shown.map((entry) => (
          <Badge
            key={entry.key}
            color={entry.color}
            variant="light"
            {...(entry.testId ? { 'data-testid': entry.testId, 'data-count': entry.count } : {})}
          >
            {t(entry.key, { count: entry.count })}
          </Badge>
        ))}
      </Group>
      <ImportErrorsTable errors={report.errors} />
      <Group justify="flex-end">
        <Button variant="default" onClick={csv.reset}>
          {t('desk.importAnother')}
        </Button>
        {actions}
      </Group>
    </Stack>
  );
}
