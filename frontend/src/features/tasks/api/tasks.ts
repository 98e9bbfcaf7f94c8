import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api/client';
import { useApi } from '@/lib/api/ApiContext';
import { FRESH_MS } from '@/lib/api/queryClient';
import { apiPath, filtersFromSearch, type TaskFilters } from '../filters';
import type { CaseFacts, Member, TaskDetail, TaskPage } from './types';

function taskListQuery(api: ApiClient, filters: TaskFilters) {
  const path = apiPath(filters);
  return queryOptions({
    queryKey: ['tasks', 'list', path],
    queryFn: () => api.get<TaskPage>(path),
    staleTime: FRESH_MS,
  });
}

export function useTaskList(filters: TaskFilters, enabled: boolean) {
  const api = useApi();
  return useQuery({ ...taskListQuery(api, filters), placeholderData: keepPreviousData, enabled });
}

/** The task list of the page's query string, asked for while the page loads. */
export function prefetchTaskList(client: QueryClient, api: ApiClient, search: URLSearchParams) {
  void client.prefetchQuery(taskListQuery(api, filtersFromSearch(search)));
}

export function useTask(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['tasks', 'one', id],
    queryFn: () => api.get<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`),
    // A form being filled in is not replaced under the user's fingers.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export function useCaseFacts(caseId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['cases', caseId],
    queryFn: () => api.get<CaseFacts>(`/api/cases/${caseId}`),
    enabled: !!caseId,
  });
}

export function useMembers(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['association', 'members'],
    queryFn: () => api.get<Member[]>('/api/association/members'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Claim, unclaim, assign: each refreshes the lists. */
export function useTaskActions() {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['tasks'] });
  return {
    claim: useMutation({ mutationFn: (id: string) => api.post(`/api/tasks/${id}/claim`), onSettled: refresh }),
    unclaim: useMutation({ mutationFn: (id: string) => api.post(`/api/tasks/${id}/unclaim`), onSettled: refresh }),
    assign: useMutation({
      mutationFn: ({ id, assignee }: { id: string; assignee: string | null }) =>
        api.put(`/api/tasks/${id}/assignee`, { assignee }),
      onSettled: refresh,
    }),
  };
}

export function useCompleteTask(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: Record<string, unknown>) => api.post(`/api/tasks/${id}/complete`, data),
    onSuccess: () => client.invalidateQueries(),
  });
}
