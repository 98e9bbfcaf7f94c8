import { Alert, Button, Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExport } from '../api/statistics';
import type { Filters } from '../api/types';
import { errorMessage } from '@/lib/api/errorMessage';

/** Starts an Excel export in the background, follows its progress, downloads it when done. */
export function ExportPanel({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const [withNames, setWithNames] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const { start, job, download } = useExport(filters, withNames, jobId, setJobId);
  const current = job.data;
  const running =
    start.isPending || (current !== undefined && (current.status === 'QUEUED' || current.status === 'RUNNING'));
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('dashboard.export.withNames')}
        description={t('dashboard.export.withNamesHint')}
        checked={withNames}
        onChange={(event) => setWithNames(event.currentTarget.checked)}
      />
      <Group>
        <Button onClick={() => start.mutate()} loading={running} data-testid="export-start">
          {t('dashboard.export.start')}
        </Button>
        {current?.status === 'DONE' && (
          <Button variant="default" onClick={() => download.mutate(current)} loading={download.isPending}>
            {t('dashboard.export.download')}
          </Button>
        )}
      </Group>
      {start.isError && <Alert color="red">{errorMessage(start.error, t)}</Alert>}
      {current && (
        <Stack gap={4} role="status" aria-live="polite">
          <Progress
            value={current.percent ?? 0}
            animated={current.status !== 'DONE'}
            aria-label={t('dashboard.export.progress')}
          />
          <Text size="sm" data-testid="export-status">
            {t(`dashboard.export.status.${current.status}`)}
            {current.rowsTotal != null &&
              ` — ${t('dashboard.export.rows', { done: current.rowsDone, total: current.rowsTotal })}`}
            {current.percent != null && ` (${current.percent} %)`}
          </Text>
          {current.status === 'DONE' && current.expiresAt && (
            <Text size="xs" c="dimmed">
              {t('dashboard.export.keptUntil', { at: new Date(current.expiresAt).toLocaleString() })}
            </Text>
          )}
        </Stack>
      )}
      {download.isError && <Alert color="red">{errorMessage(download.error, t)}</Alert>}
    </Stack>
  );
}
