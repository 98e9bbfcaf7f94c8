import type { ReactNode } from 'react';
import { Alert, Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DeadlineBadge } from '@/components/DeadlineBadge';
import { FormJsForm, type FormRefusal } from '@/components/form/FormJsForm';
import { QueryState } from '@/components/QueryState';
import { ApiError } from '@/lib/api/ApiError';
import { errorMessage } from '@/lib/api/errorMessage';
import { useCaseFacts, useCompleteTask, useTask } from './api/tasks';
import { CaseFactsCard } from './components/CaseFactsCard';
import { taskName } from './components/TaskRow';

/** What to show when the backend refuses a completion, the form keeping what was typed. */
export function refusalOf(error: unknown, t: (key: string) => string): FormRefusal {
  if (error instanceof ApiError && error.status === 409) return { fields: {}, message: t('task.gone') };
  if (error instanceof ApiError) {
    const fields = error.fieldErrors;
    return { fields, message: Object.keys(fields).length ? null : error.message };
  }
  return { fields: {}, message: t('errors.network') };
}

/** A task: its form, from the process's Camunda Form, and the case's key facts beside it. */
export default function TaskPage({
  letters,
}: {
  /** The appeal letters' drafts for this task (the lawyer feature), composed by the app. */
  letters?: (task: { caseId: string; taskKey: string; reference: string }) => ReactNode;
}) {
  const { taskId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const task = useTask(taskId);
  const facts = useCaseFacts(task.data?.caseId);
  const complete = useCompleteTask(taskId);
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);

  return (
    <QueryState query={task} page>
      {(data) => (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack>
              <Anchor component={Link} to="/" size="sm">
                ← {t('nav.myTasks')}
              </Anchor>
              <Title order={2}>{taskName(data, i18n.language)}</Title>
              <Group gap="xs">
                <DeadlineBadge due={data.due} />
                {!data.due && (
                  <Text size="sm" c="dimmed">
                    {t('task.noDeadline')}
                  </Text>
                )}
              </Group>
              {data.form ? (
                <FormJsForm
                  schema={data.form}
                  submitLabel={t('task.complete')}
                  busy={complete.isPending}
                  refusal={refusal}
                  onSubmit={(values) => {
                    setRefusal(null);
                    complete.mutate(values, {
                      onSuccess: () => void navigate(`/cases/${data.caseId}`, { state: { completed: data.name } }),
                      onError: (error) => setRefusal(refusalOf(error, t)),
                    });
                  }}
                />
              ) : (
                <Alert color="yellow">{t('task.noForm')}</Alert>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            {facts.data && <CaseFactsCard facts={facts.data} />}
            {facts.data && letters?.({ caseId: data.caseId, taskKey: data.taskKey, reference: facts.data.reference })}
            {facts.isError && <Alert color="red">{errorMessage(facts.error, t)}</Alert>}
          </Grid.Col>
        </Grid>
      )}
    </QueryState>
  );
}
