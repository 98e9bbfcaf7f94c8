import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';
import { apiPath, type TaskFilters } from '../filters';
import type { CaseFacts, Member, TaskDetail, TaskPage } from './types';

export function useTaskList(filters: TaskFilters, enabled: boolean) {
  const api = useApi();
  const path = apiPath(filters);
  return useQuery({
    queryKey: ['tasks', 'list', path],
    queryFn: () => api.get<TaskPage>(path),
    placeholderData: keepPreviousData,
    enabled,
  });
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
