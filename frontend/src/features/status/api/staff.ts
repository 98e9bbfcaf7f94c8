import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';

/** A case's status link as staff see it (url and code null when it can no longer be shown). */
export interface StatusLink {
  url?: string;
  code?: string;
  language: string;
  created: string;
  createdBy: string;
  lastViewed?: string;
  failedAttempts: number;
  locked: boolean;
}

export function useStatusLink(caseId: string) {
  const api = useApi();
  const client = useQueryClient();
  const queryKey = ['cases', caseId, 'status-link'];
  const path = `/api/cases/${caseId}/status-link`;
  const refresh = () => client.invalidateQueries({ queryKey: ['cases', caseId] });
  return {
    state: useQuery({ queryKey, queryFn: () => api.get<{ link?: StatusLink; contact?: string }>(path) }),
    give: useMutation({
      mutationFn: (language: string) => api.post<StatusLink>(path, { language }),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: () => api.delete(path), onSuccess: refresh }),
    saveContact: useMutation({
      mutationFn: (contact: string) => api.put('/api/status-contact', { contact }),
      onSuccess: refresh,
    }),
  };
}
