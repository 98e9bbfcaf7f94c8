import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, Duration, Filters, Statistics } from './api/types';
import { defaultFilters } from './api/query';
import { useStatistics } from './api/statistics';
import { OutcomesChart, StepsChart } from './components/Charts';
import { ExportPanel } from './components/ExportPanel';
import { QueryState } from '@/components/QueryState';
import { GROUNDS } from '@/lib/grounds';

function Figure({ label, value, testId }: { label: string; value: number | undefined; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value ?? t('dashboard.fewerThan5')}
      </Text>
    </Paper>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function CellTable({ cells, keyLabel, label }: { cells: Cell[]; keyLabel: string; label: (key: string) => string }) {
  const { t } = useTranslation();
  if (cells.length === 0) return <Text size="sm">{t('dashboard.none')}</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{keyLabel}</Table.Th>
          <Table.Th ta="right">{t('dashboard.cases')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.map((cell) => (
          <Table.Tr key={cell.key}>
            <Table.Td>{label(cell.key)}</Table.Td>
            <Table.Td ta="right">{cell.count ?? t('dashboard.fewerThan5')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DurationRow({ label, duration }: { label: string; duration: Duration }) {
  const { t } = useTranslation();
  const days = (value: number | undefined) =>
    value == null ? '—' : t('dashboard.days', { count: Math.round(value * 10) / 10 });
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{duration.cases ?? t('dashboard.fewerThan5')}</Table.Td>
      <Table.Td ta="right">{days(duration.medianDays)}</Table.Td>
      <Table.Td ta="right">{days(duration.p90Days)}</Table.Td>
    </Table.Tr>
  );
}

function StatisticsView({ s }: { s: Statistics }) {
  const { t } = useTranslation();
  const prefecture = (key: string) => (key === '' ? t('dashboard.noPrefecture') : key);
  const byPrefecture = new Map<string, Record<string, number | undefined>>();
  for (const row of s.outcomes.byPrefecture) {
    const line = byPrefecture.get(row.key) ?? {};
    line[row.outcome] = row.count;
    byPrefecture.set(row.key, line);
  }
  const refusals = (line: Record<string, number | undefined>) =>
    (line.REFUSED ?? 0) + (line.REFUSED_WITH_OQTF ?? 0) + (line.IMPLICIT_REFUSAL ?? 0);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Figure label={t('dashboard.openCases')} value={s.openCases.total} testId="open-cases" />
        <Figure label={t('dashboard.overdue')} value={s.deadlines.overdue} />
        <Figure label={t('dashboard.next7Days')} value={s.deadlines.next7Days} />
        <Figure label={t('dashboard.next30Days')} value={s.deadlines.next30Days} />
        <Figure label={t('dashboard.receiptsExpired')} value={s.receipts.expired} />
        <Figure label={t('dashboard.receipts30Days')} value={s.receipts.next30Days} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title={t('dashboard.openByStep')}>
          {s.openCases.byStep.length === 0 ? (
            <Text size="sm">{t('dashboard.none')}</Text>
          ) : (
            <StepsChart cells={s.openCases.byStep} />
          )}
        </Panel>
        <Panel title={t('dashboard.outcomesByMonth')}>
          {s.outcomes.byMonth.length === 0 ? (
            <Text size="sm">{t('dashboard.none')}</Text>
          ) : (
            <OutcomesChart rows={s.outcomes.byMonth} />
          )}
        </Panel>
        <Panel title={t('dashboard.openByGround')}>
          <CellTable cells={s.openCases.byGround} keyLabel={t('dashboard.ground')} label={(key) => key} />
        </Panel>
        <Panel title={t('dashboard.durations')}>
          <Table.ScrollContainer minWidth={360}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th ta="right">{t('dashboard.cases')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.median')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.p90')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <DurationRow label={t('dashboard.filingToDecision')} duration={s.durations.filingToDecision} />
                <DurationRow label={t('dashboard.refusalToAppeal')} duration={s.durations.refusalToAppealOutcome} />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Panel>
        <Panel title={t('dashboard.outcomesByPrefecture')}>
          {byPrefecture.size === 0 ? (
            <Text size="sm">{t('dashboard.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={360}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.prefecture')}</Table.Th>
                    <Table.Th ta="right">{t('dashboard.outcome.GRANTED')}</Table.Th>
                    <Table.Th ta="right">{t('dashboard.refusals')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...byPrefecture.entries()].map(([key, line]) => (
                    <Table.Tr key={key}>
                      <Table.Td>{prefecture(key)}</Table.Td>
                      <Table.Td ta="right">{line.GRANTED ?? 0}</Table.Td>
                      <Table.Td ta="right">{refusals(line)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Panel>
        <Panel title={t('dashboard.failedAttempts')}>
          <CellTable cells={s.failedAttemptsByPrefecture} keyLabel={t('dashboard.prefecture')} label={prefecture} />
        </Panel>
        {s.workload && (
          <Panel title={t('dashboard.workload')}>
            <Table.ScrollContainer minWidth={360}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.caseworker')}</Table.Th>
                    <Table.Th ta="right">{t('dashboard.openCases')}</Table.Th>
                    <Table.Th ta="right">{t('dashboard.openTasks')}</Table.Th>
                    <Table.Th ta="right">{t('dashboard.overdueTasks')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.workload.map((row) => (
                    <Table.Tr key={row.assigneeId ?? '-'}>
                      <Table.Td>{row.name ?? row.assigneeId ?? t('dashboard.unassigned')}</Table.Td>
                      <Table.Td ta="right">{row.openCases}</Table.Td>
                      <Table.Td ta="right">{row.openTasks}</Table.Td>
                      <Table.Td ta="right">{row.overdueTasks}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Panel>
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** The coordinator's dashboard: the association's statistics as figures, charts and tables, and the Excel export. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(() => defaultFilters(new Date()));
  const [filters, setFilters] = useState<Filters>(draft);
  const statistics = useStatistics(filters);
  const caseworkers =
    statistics.data?.workload
      ?.filter((row) => row.assigneeId)
      .map((row) => ({ value: row.assigneeId ?? '', label: row.name ?? row.assigneeId ?? '' })) ?? [];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const set = (key: keyof Filters) => (value: string | null) => setDraft({ ...draft, [key]: value ?? '' });
  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      <Paper withBorder p="md" radius="md" component="form" onSubmit={apply} aria-label={t('dashboard.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          <TextInput
            type="date"
            label={t('dashboard.from')}
            value={draft.from}
            onChange={(event) => set('from')(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('dashboard.to')}
            value={draft.to}
            onChange={(event) => set('to')(event.currentTarget.value)}
          />
          <TextInput
            label={t('dashboard.prefecture')}
            value={draft.prefecture}
            onChange={(event) => set('prefecture')(event.currentTarget.value)}
          />
          <Select
            label={t('dashboard.ground')}
            data={GROUNDS}
            value={draft.ground || null}
            onChange={set('ground')}
            clearable
            placeholder={t('dashboard.all')}
          />
          <Select
            label={t('dashboard.caseworker')}
            data={caseworkers}
            value={draft.caseworker || null}
            onChange={set('caseworker')}
            clearable
            placeholder={t('dashboard.all')}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('dashboard.apply')}</Button>
        </Group>
      </Paper>
      <QueryState query={statistics} page>
        {(s) => <StatisticsView s={s} />}
      </QueryState>
      <Panel title={t('dashboard.export.title')}>
        <ExportPanel filters={filters} />
      </Panel>
    </Stack>
  );
}
