import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/QueryState';
import { ErrorPage } from '@/components/QueryState';
import { errorMessage } from '@/lib/api/errorMessage';
import { useAuth } from '@/lib/auth/AuthContext';
import { currentRoles } from '@/lib/session/Me';
import { useMe } from '@/lib/session/useMe';
import { useMembers, useTaskActions, useTaskList } from './api/tasks';
import { TaskFiltersBar } from './components/TaskFiltersBar';
import { TaskRow } from './components/TaskRow';
import { filtersFromSearch, searchFromFilters, type TaskFilters } from './filters';

/** The home page: the tasks to do, soonest deadline first. */
export function TaskListPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const roles = currentRoles(me.data);
  const coordinator = roles.includes('coordinator');
  const list = useTaskList(filters, !!me.data?.currentAssociation);
  const members = useMembers(coordinator);
  const waiting = me.isPending || (list.isPending && list.fetchStatus !== 'idle');
  const actions = useTaskActions();
  const change = (next: TaskFilters) => setSearch(searchFromFilters(next));
  const pending = actions.claim.isPending || actions.unclaim.isPending || actions.assign.isPending;
  const actionError = actions.claim.error ?? actions.unclaim.error ?? actions.assign.error;

  if (me.data && !me.data.currentAssociation) {
    return (
      <Stack>
        <Title order={2}>{t('tasks.title')}</Title>
        <Alert color="blue">
          {t('tasks.chooseAssociation')} <Link to="/me">{t('nav.me')}</Link>
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack>
      <Title order={2}>{filters.scope === 'association' ? t('nav.associationTasks') : t('tasks.title')}</Title>
      <TaskFiltersBar filters={filters} onChange={change} coordinator={coordinator} members={members.data ?? []} />
      {actionError && (
        <Alert color="red" title={t('errors.title')} role="alert">
          {errorMessage(actionError, t)}
        </Alert>
      )}
      {waiting && <PageLoader />}
      {list.isError && <ErrorPage error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <Alert color="gray" title={t('tasks.empty.title')}>
          <Text size="sm">{t(filters.page > 0 ? 'tasks.empty.page' : `tasks.empty.${filters.scope}`)}</Text>
          <Group mt="sm">
            <Button component={Link} to="/cases" size="xs" variant="default">
              {t('nav.cases')}
            </Button>
            {filters.scope !== 'groups' && (
              <Button component={Link} to="/?scope=groups" size="xs" variant="default">
                {t('tasks.scope.groups')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {list.data && list.data.items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('tasks.listLabel')} data-testid="task-list">
          {list.data.items.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              me={auth.userId}
              coordinator={coordinator}
              members={members.data ?? []}
              busy={pending}
              onClaim={() => actions.claim.mutate(task.id)}
              onUnclaim={() => actions.unclaim.mutate(task.id)}
              onAssign={(assignee) => actions.assign.mutate({ id: task.id, assignee })}
            />
          ))}
        </Stack>
      )}
      {list.data && (filters.page > 0 || list.data.hasMore) && (
        <Group justify="center" aria-label={t('tasks.pages')}>
          <Button
            variant="default"
            disabled={filters.page === 0}
            onClick={() => change({ ...filters, page: filters.page - 1 })}
          >
            {t('tasks.previous')}
          </Button>
          <Text size="sm">{t('tasks.page', { page: filters.page + 1 })}</Text>
          <Button
            variant="default"
            disabled={!list.data.hasMore}
            onClick={() => change({ ...filters, page: filters.page + 1 })}
          >
            {t('tasks.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
