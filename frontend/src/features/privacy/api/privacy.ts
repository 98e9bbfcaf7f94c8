import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';

/** When an applicant's data will be anonymised (docs/personal-data.md). */
export interface RetentionPlan {
  months: number;
  openCases: number;
  lastContact?: string;
  /** Absent while one of the applicant's cases is open. */
  anonymiseOn?: string;
  anonymisedAt?: string;
}

export function useRetention() {
  const api = useApi();
  return useQuery({
    queryKey: ['retention'],
    queryFn: () => api.get<{ months: number }>('/api/association/retention'),
  });
}

export function useSetRetention() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (months: number) => api.put<{ months: number }>('/api/association/retention', { months }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['retention'] }),
  });
}

export function useRetentionPlan(applicantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['retention', applicantId],
    queryFn: () => api.get<RetentionPlan>(`/api/applicants/${applicantId}/retention`),
  });
}

/** The applicant's copy of their data (a zip) and their erasure; an erasure forgets every cached case. */
export function usePersonalDataActions(applicantId: string) {
  const api = useApi();
  const client = useQueryClient();
  return {
    copy: useMutation({ mutationFn: () => api.getBlob(`/api/applicants/${applicantId}/personal-data`) }),
    erase: useMutation({
      mutationFn: () => api.post<{ cases: number }>(`/api/applicants/${applicantId}/erasure`),
      onSuccess: () => client.removeQueries(),
    }),
  };
}
