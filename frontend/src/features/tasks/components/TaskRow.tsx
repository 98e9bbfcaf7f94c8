import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineBadge } from '@/components/DeadlineBadge';
import type { Member, TaskItem } from '../api/types';

export function taskName(task: { name: string; nameEn: string }, language: string): string {
  return language.startsWith('en') && task.nameEn ? task.nameEn : task.name;
}

export function TaskRow({
  task,
  me,
  coordinator,
  members,
  onClaim,
  onUnclaim,
  onAssign,
  busy,
}: {
  task: TaskItem;
  me: string;
  coordinator: boolean;
  members: Member[];
  onClaim: () => void;
  onUnclaim: () => void;
  onAssign: (userId: string | null) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const name = taskName(task, i18n.language);
  const assigneeName =
    task.assignee === me ? t('tasks.you') : members.find((member) => member.userId === task.assignee)?.name;
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }} aria-label={`${name}, ${task.applicantName}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/tasks/${task.id}`} fw={600}>
            {name}
          </Anchor>
          <DeadlineBadge due={task.due} step={task.step} />
        </Group>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm">
            {task.applicantName} · {task.caseReference}
          </Anchor>
          <Badge variant="outline" color="gray.8">
            {task.ground}
          </Badge>
          <Text size="sm" c="dimmed">
            {t(`steps.${task.step}`, { defaultValue: task.step })}
            {task.prefecture ? ` · ${task.prefecture}` : ''}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {task.assignee
              ? t('tasks.assignedTo', { name: assigneeName ?? t('tasks.someone') })
              : t('tasks.unassigned', {
                  groups: task.candidateGroups.map((g) => t(`roles.${g}`, { defaultValue: g })).join(', '),
                })}
          </Text>
          {!task.assignee && (
            <Button size="xs" variant="light" onClick={onClaim} loading={busy}>
              {t('tasks.claim')}
            </Button>
          )}
          {task.assignee && (task.assignee === me || coordinator) && (
            <Button size="xs" variant="default" onClick={onUnclaim} loading={busy}>
              {t('tasks.unclaim')}
            </Button>
          )}
          {coordinator && (
            <Select
              size="xs"
              aria-label={t('tasks.assignLabel', { task: name, applicant: task.applicantName })}
              placeholder={t('tasks.assign')}
              data={members.map((member) => ({ value: member.userId, label: member.name }))}
              value={task.assignee ?? null}
              onChange={(userId) => userId !== (task.assignee ?? null) && onAssign(userId)}
              searchable
              w={200}
              disabled={busy}
            />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
