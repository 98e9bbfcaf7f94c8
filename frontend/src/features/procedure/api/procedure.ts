import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';

/** GET /api/cases/{id}/procedure: the process instances running for the case, main one first. */
export interface Standing {
  instanceId: string;
  parentId?: string | null;
  key: string;
  name: string | null;
  definitionId: string;
  activeActivityIds: string[];
  ended: boolean;
}

export interface Procedure {
  caseId: string;
  processes: Standing[];
}

export function useProcedure(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['procedure', caseId],
    queryFn: () => api.get<Procedure>(`/api/cases/${caseId}/procedure`),
  });
}

export function useModelXml(definitionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['process-model', definitionId],
    queryFn: () => api.getText(`/api/process-models/${encodeURIComponent(definitionId)}/xml`),
    staleTime: Infinity,
  });
}
