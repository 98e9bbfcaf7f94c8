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

/**
 * The applicant's consent to e-mail reminders (the channel leaves room for text messages later) and the
 * address of their record they go to (absent when it has none).
 */
export interface ReminderConsent {
  channel: string;
  address?: string;
  active: boolean;
  consented?: string;
  consentedBy?: string;
  withdrawn?: string;
  withdrawnBy?: string;
}

export function useStatusLink(caseId: string) {
  const api = useApi();
  const client = useQueryClient();
  const queryKey = ['cases', caseId, 'status-link'];
  const path = `/api/cases/${caseId}/status-link`;
  const refresh = () => client.invalidateQueries({ queryKey: ['cases', caseId] });
  return {
    state: useQuery({
      queryKey,
      queryFn: () => api.get<{ link?: StatusLink; contact?: string; reminders?: ReminderConsent }>(path),
    }),
    give: useMutation({
      mutationFn: (language: string) => api.post<StatusLink>(path, { language }),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: () => api.delete(path), onSuccess: refresh }),
    reminders: useMutation({
      mutationFn: async (consent: boolean) => {
        if (consent) await api.put<ReminderConsent>(`/api/cases/${caseId}/status-reminders`);
        else await api.delete(`/api/cases/${caseId}/status-reminders`);
      },
      onSuccess: refresh,
    }),
    saveContact: useMutation({
      mutationFn: (contact: string) => api.put('/api/status-contact', { contact }),
      onSuccess: refresh,
    }),
  };
}
