import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineBadge } from '@/components/DeadlineBadge';
import type { CaseTask } from '../api/types';
import { Section } from '@/components/Section';

/** The case's open tasks, with their deadlines: what is to be done, and by when. */
export function CaseTasksSection({ tasks }: { tasks: CaseTask[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('caseTasks.title')} id="case-tasks">
      {tasks.length === 0 && <Text size="sm">{t('caseTasks.none')}</Text>}
      <Stack component="ul" gap={4} p={0} m={0}>
        {tasks.map((task) => (
          <Group key={task.id} component="li" gap="xs" style={{ listStyle: 'none' }} wrap="wrap">
            <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={500}>
              {i18n.language.startsWith('en') ? task.nameEn : task.name}
            </Anchor>
            <DeadlineBadge due={task.due} />
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
