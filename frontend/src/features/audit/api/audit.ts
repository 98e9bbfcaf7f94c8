import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';

export interface AuditEvent {
  id: number;
  caseId: string | null;
  actorId: string;
  actorName: string;
  action: string;
  detail: string | null;
  at: string;
}

/** The association's audit log (coordinators), newest first: the latest 200 entries. */
export function useAuditLog() {
  const api = useApi();
  return useQuery({ queryKey: ['audit'], queryFn: () => api.get<AuditEvent[]>('/api/audit?limit=200') });
}
