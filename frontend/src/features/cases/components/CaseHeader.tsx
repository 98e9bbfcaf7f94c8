import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineBadge } from '@/components/DeadlineBadge';
import { STEP_RULES, urgency } from '@/lib/deadlines';
import type { CaseTask, CaseView, Checklist } from '../api/types';
import { nextDeadline, type RunningProcess } from '../standing';
import { formatDay, formatInstantDay } from './format';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * Where the case stands, above everything else: its step, its next deadline with the rule behind it,
 * the latest outcome, the flags, and the actions that fit: the task due first, recording an event,
 * the diagram.
 */
export function CaseHeader({
  item,
  tasks,
  processes,
  checklist,
  onRecordEvent,
}: {
  item: CaseView;
  tasks: CaseTask[];
  processes: RunningProcess[];
  checklist?: Checklist;
  onRecordEvent: () => void;
}) {
  const { t, i18n } = useTranslation();
  const day = (value?: string | null) => formatDay(value ?? null, i18n.language);
  const next = nextDeadline(tasks, processes);
  const first = next?.task ?? tasks[0];
  const rule = next?.step ? STEP_RULES[next.step] : undefined;
  const taskName = (task: CaseTask) => (i18n.language.startsWith('en') ? task.nameEn : task.name);
  const step = item.progress?.step;
  const stepLabel = step ? t(`dashboard.step.${step}`, { defaultValue: step }) : t('caseHeader.noStep');
  const status = t(`caseStatus.${item.status}`, { defaultValue: item.status });
  const missing = checklist?.pieces.filter((piece) => piece.required && piece.status === 'MISSING').length ?? 0;
  const overdue = tasks.some((task) => urgency(task.due, new Date()) === 'overdue');
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('caseHeader.standing')}>
      <Stack gap="xs">
        <div>
          <Title order={2}>{item.applicantName}</Title>
          <Text c="dimmed" size="sm">
            {t('case.caseOf', { reference: item.reference, ground: item.ground })}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" verticalSpacing={4} component="dl" m={0}>
          <Fact label={t('caseHeader.step')} testId="case-step">
            {stepLabel}
            {step && item.progress?.stepSince
              ? ` · ${t('caseHeader.since', { day: formatInstantDay(item.progress.stepSince, i18n.language) })}`
              : ''}
            {status !== stepLabel && ` · ${status}`}
          </Fact>
          <Fact label={t('caseHeader.nextDeadline')} testId="case-next-deadline">
            {next ? (
              <>
                {taskName(next.task)} <DeadlineBadge due={next.task.due} step={next.step} />
                <Text component="span" size="xs" c="dimmed" display="block">
                  {rule ? `${t(`rules.${rule.rule}`)} (${rule.source})` : t('deadline.noRule')}
                </Text>
              </>
            ) : (
              t('caseHeader.noDeadline')
            )}
          </Fact>
          <Fact label={t('caseHeader.outcome')} testId="case-outcome">
            {item.progress?.outcome
              ? `${t(`dashboard.outcome.${item.progress.outcome}`)} (${day(item.progress.outcomeOn)})`
              : t('caseHeader.noOutcome')}
          </Fact>
        </SimpleGrid>
        <Group gap={6} data-testid="case-flags">
          {overdue && <Badge color="#b91c1c">{t('caseHeader.overdue')}</Badge>}
          {checklist &&
            (missing > 0 && !checklist.filingOverride ? (
              <Badge color="#9a3412">{t('caseHeader.missingPieces', { count: missing })}</Badge>
            ) : (
              <Badge color="#166534">
                {checklist.filingOverride ? t('caseHeader.filingOverride') : t('caseHeader.readyToFile')}
              </Badge>
            ))}
          {item.commission?.mandatory && (
            <Badge color="#9a3412" variant="outline">
              {t('case.commissionMandatory')}
            </Badge>
          )}
          {item.onlineFiling && (
            <Badge color="gray.8" variant="outline">
              {t('case.onlineFiling')}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {first && (
            <Button
              component={Link}
              to={`/tasks/${first.id}`}
              size="sm"
              h="auto"
              py={6}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            >
              {t('caseHeader.openTask', { name: taskName(first) })}
            </Button>
          )}
          <Button variant="default" size="sm" onClick={onRecordEvent}>
            {t('caseHeader.recordEvent')}
          </Button>
          <Button component={Link} to={`/cases/${item.id}/procedure`} variant="light" size="sm">
            {t('procedure.link')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
