import { Badge, Drawer, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobRowView } from '../../../shared/contract';
import { renderMessage } from '../../../shared/messages/render';
import { useCall } from '../api/hooks';
import { ErrorAlert, LoadingBlock } from '../components/common';
import { useFormat } from '../format';
import { useLanguage } from '../i18n';
import { useMay } from '../state/me';
import { navigate } from '../state/router';

/**
 * The top bar's count of background jobs that gave up (a publish a marketplace refused, a price
 * update that never got through), for the people who run the warehouse side. It opens the list,
 * each job with its item, channel and reason; the item page is where Retry lives.
 */
export function FailedJobs() {
  const { t } = useTranslation();
  const allowed = useMay('jobs.summary');
  const summary = useCall('jobs.summary', {}, { enabled: allowed });
  const [opened, setOpened] = useState(false);
  const failed = summary.data?.failed ?? 0;
  if (!allowed || (failed === 0 && !opened)) return null;
  return (
    <>
      <Tooltip
        label={t('jobs.failedHint', {
          queued: summary.data?.queued ?? 0,
          running: summary.data?.running ?? 0,
          failed,
        })}
        multiline
        maw={300}
      >
        <UnstyledButton
          onClick={() => setOpened(true)}
          aria-label={t('jobs.drawerTitle')}
          data-testid="failed-jobs"
          data-count={failed}
        >
          <Badge
            color="red"
            variant="light"
            leftSection={<IconAlertTriangle size={12} />}
            style={{ cursor: 'pointer' }}
          >
            {t('jobs.failedBadge', { count: failed })}
          </Badge>
        </UnstyledButton>
      </Tooltip>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        size="md"
        title={<Text fw={600}>{t('jobs.drawerTitle')}</Text>}
        data-testid="failed-jobs-drawer"
      >
        {opened ? <FailedJobList onOpenItem={() => setOpened(false)} /> : null}
      </Drawer>
    </>
  );
}

function FailedJobList({ onOpenItem }: { onOpenItem: () => void }) {
  const { t } = useTranslation();
  const jobs = useCall('jobs.list', { status: 'failed', limit: 200 });
  if (jobs.error) return <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />;
  if (!jobs.data) return <LoadingBlock />;
  if (jobs.data.length === 0) {
    return (
      <Text fz="sm" c="dimmed" data-testid="failed-jobs-empty">
        {t('jobs.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text fz="xs" c="dimmed">
        {t('jobs.drawerHint')}
      </Text>
      {jobs.data.map((job) => (
        <FailedJob key={job.id} job={job} onOpenItem={onOpenItem} />
      ))}
    </Stack>
  );
}

function FailedJob({ job, onOpenItem }: { job: JobRowView; onOpenItem: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const itemId = job.itemId;
  const language = useLanguage();
  // Drawn in the reader's language when the service stored it as a message; a remote service's
  // own words inside it stay as they were.
  const reason = job.lastErrorText
    ? renderMessage(job.lastErrorText, language, job.lastError ?? undefined)
    : job.lastError;
  const body = (
    <Stack
      gap={2}
      p="xs"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz="sm" fw={600} truncate="end">
          {t(`jobs.kinds.${job.kind}`)}
          {job.channel ? ` · ${t(`channels.${job.channel}`)}` : ''}
        </Text>
        <Text fz="xs" c="dimmed" className="rb-num" style={{ whiteSpace: 'nowrap' }}>
          {f.dateTime(job.updatedAt)}
        </Text>
      </Group>
      <Text fz="xs" c="dimmed">
        {job.reference ? (
          <Text span ff="monospace" fz="xs">
            {job.reference}
          </Text>
        ) : null}
        {job.reference ? ' · ' : ''}
        {t('jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}
      </Text>
      <Text fz="xs" c="red.7" style={{ overflowWrap: 'anywhere' }}>
        {reason ?? t('jobs.noReason')}
      </Text>
    </Stack>
  );
  if (itemId === null) {
    return (
      <div data-testid="failed-job" data-kind={job.kind}>
        {body}
      </div>
    );
  }
  return (
    <UnstyledButton
      data-testid="failed-job"
      data-kind={job.kind}
      data-reference={job.reference ?? undefined}
      onClick={() => {
        onOpenItem();
        navigate({ page: 'item', itemId });
      }}
    >
      {body}
    </UnstyledButton>
  );
}
