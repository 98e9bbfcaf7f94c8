import { Alert, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorPage, PageLoader } from '@/components/QueryState';
import { currentRoles } from '@/lib/session/Me';
import { useMe } from '@/lib/session/useMe';
import { useDeadlines, useFailedReminders } from './api/deadlines';
import { CalendarCard } from './components/CalendarCard';
import { DeadlineTable, formatDue } from './components/DeadlineTable';

/** Deadlines: overdue, then the next 7 or 30 days, soonest first; mine or (coordinators) the association's. */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const coordinator = currentRoles(me.data).includes('coordinator');
  const scope = coordinator && search.get('scope') === 'association' ? 'association' : 'mine';
  const days = search.get('days') === '30' ? 30 : 7;
  const deadlines = useDeadlines(scope, days, !!me.data?.currentAssociation);
  const failed = useFailedReminders(coordinator);
  const change = (next: { scope?: string; days?: string }) => {
    const params = new URLSearchParams(search);
    Object.entries(next).forEach(([key, value]) => value && params.set(key, value));
    setSearch(params);
  };

  return (
    <Stack>
      <Title order={2}>{t('deadlines.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('deadlines.intro')}
      </Text>
      <Group>
        {coordinator && (
          <SegmentedControl
            aria-label={t('deadlines.scope')}
            value={scope}
            onChange={(value) => change({ scope: value })}
            data={[
              { value: 'mine', label: t('deadlines.mine') },
              { value: 'association', label: t('deadlines.association') },
            ]}
          />
        )}
        <SegmentedControl
          aria-label={t('deadlines.period')}
          value={String(days)}
          onChange={(value) => change({ days: value })}
          data={[
            { value: '7', label: t('deadlines.days7') },
            { value: '30', label: t('deadlines.days30') },
          ]}
        />
      </Group>
      {deadlines.isPending && deadlines.fetchStatus !== 'idle' && <PageLoader />}
      {deadlines.isError && <ErrorPage error={deadlines.error} onRetry={() => deadlines.refetch()} />}
      {deadlines.data && (
        <>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={4} c={deadlines.data.overdue.length ? 'red.9' : undefined}>
                {t('deadlines.overdue', { count: deadlines.data.overdue.length })}
              </Title>
              {deadlines.data.overdue.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('deadlines.noneOverdue')}
                </Text>
              ) : (
                <DeadlineTable items={deadlines.data.overdue} label={t('deadlines.overdueLabel')} />
              )}
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={4}>{t('deadlines.coming', { days, count: deadlines.data.coming.length })}</Title>
              {deadlines.data.coming.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('deadlines.noneComing', { days })}
                </Text>
              ) : (
                <DeadlineTable items={deadlines.data.coming} label={t('deadlines.comingLabel', { days })} />
              )}
            </Stack>
          </Card>
        </>
      )}
      {me.data?.currentAssociation && <CalendarCard enabled />}
      {coordinator && failed.data && failed.data.length > 0 && (
        <Alert color="red" title={t('deadlines.failedTitle', { count: failed.data.length })}>
          <Table>
            <Table.Tbody>
              {failed.data.map((reminder) => (
                <Table.Tr key={reminder.id}>
                  <Table.Td>
                    {i18n.language.startsWith('en') && reminder.taskNameEn ? reminder.taskNameEn : reminder.taskName}
                  </Table.Td>
                  <Table.Td>{formatDue(reminder.due, i18n.language)}</Table.Td>
                  <Table.Td>{reminder.lastError}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
    </Stack>
  );
}
