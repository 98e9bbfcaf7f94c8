import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api/client';
import { useApi } from '@/lib/api/ApiContext';
import { FRESH_MS } from '@/lib/api/queryClient';
import type { FormSchema } from '@/components/form/schema';
import type { RunningProcess } from '../standing';
import type {
  CaseEventName,
  CaseTask,
  CaseView,
  Checklist,
  DocumentView,
  NoteView,
  RecordedEvent,
  SpringPage,
  TimelineEntry,
} from './types';

export interface CaseListFilter {
  /** Words each found in the applicant's name or the reference (the server ignores accents and case). */
  text: string;
  status?: string;
  ground?: string | null;
}

/** The association's cases matching the filter, most recently changed first, 50 at a time. */
export function useCaseList({ text, status, ground }: CaseListFilter) {
  const api = useApi();
  const query = new URLSearchParams({ size: '50', sort: 'updatedAt,desc' });
  if (text.trim()) query.set('q', text.trim());
  if (status) query.set('status', status);
  if (ground) query.set('ground', ground);
  return useInfiniteQuery({
    queryKey: ['cases', 'list', query.toString()],
    queryFn: ({ pageParam }) => api.get<SpringPage<CaseView>>(`/api/cases?${query.toString()}&page=${pageParam}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.page.number + 1 < last.page.totalPages ? last.page.number + 1 : undefined),
    placeholderData: keepPreviousData,
  });
}

function caseQuery(caseId: string, part: string) {
  return { queryKey: ['cases', caseId, part], path: `/api/cases/${caseId}${part ? `/${part}` : ''}` } as const;
}

function useCasePart<T>(caseId: string, part: string, enabled = true) {
  const api = useApi();
  const { queryKey, path } = caseQuery(caseId, part);
  return useQuery({ queryKey, queryFn: () => api.get<T>(path), enabled, staleTime: FRESH_MS });
}

/** What the case page shows first (the case, its tasks and steps for the header), asked for while it loads. */
export function prefetchCase(client: QueryClient, api: ApiClient, caseId: string) {
  for (const part of ['', 'tasks', 'procedure']) {
    const { queryKey, path } = caseQuery(caseId, part);
    void client.prefetchQuery({ queryKey, queryFn: () => api.get(path), staleTime: FRESH_MS });
  }
}

export const useCase = (id: string) => useCasePart<CaseView>(id, '');
export const useChecklist = (id: string, enabled: boolean) => useCasePart<Checklist>(id, 'checklist', enabled);
export const useDocuments = (id: string, enabled: boolean) => useCasePart<DocumentView[]>(id, 'documents', enabled);
export const useNotes = (id: string, enabled: boolean) => useCasePart<NoteView[]>(id, 'notes', enabled);
export const useTimeline = (id: string, enabled: boolean) => useCasePart<TimelineEntry[]>(id, 'timeline', enabled);
export const useCaseTasks = (id: string, enabled: boolean) => useCasePart<CaseTask[]>(id, 'tasks', enabled);
/** The processes running for the case: which step each open task belongs to (the header's deadline rule). */
export const useCaseProcesses = (id: string, enabled: boolean) =>
  useCasePart<{ processes: RunningProcess[] }>(id, 'procedure', enabled);

export function useEventForm(event: CaseEventName | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['case-events', event],
    queryFn: () => api.get<FormSchema>(`/api/case-events/${event}/form`),
    enabled: !!event,
    staleTime: Infinity,
  });
}

/** Every change to a case refreshes what is shown of it (and the task lists: steps may move). */
export function useCaseActions(caseId: string) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['cases', caseId] }),
      client.invalidateQueries({ queryKey: ['tasks'] }),
      client.invalidateQueries({ queryKey: ['procedure', caseId] }),
    ]);
  const base = `/api/cases/${caseId}`;
  return {
    updatePiece: useMutation({
      mutationFn: ({ piece, update }: { piece: string; update: Record<string, unknown> }) =>
        api.put(`${base}/checklist/${encodeURIComponent(piece)}`, update),
      onSuccess: refresh,
    }),
    upload: useMutation({
      mutationFn: ({ piece, file }: { piece: string; file: File }) =>
        api.upload(`${base}/checklist/${encodeURIComponent(piece)}/documents`, file),
      onSuccess: refresh,
    }),
    removeDocument: useMutation({
      mutationFn: (documentId: string) => api.delete(`${base}/documents/${documentId}`),
      onSuccess: refresh,
    }),
    addNote: useMutation({ mutationFn: (text: string) => api.post(`${base}/notes`, { text }), onSuccess: refresh }),
    override: useMutation({
      mutationFn: (reason: string | null) =>
        reason === null ? api.delete(`${base}/filing-override`) : api.put(`${base}/filing-override`, { reason }),
      onSuccess: refresh,
    }),
    recordEvent: useMutation({
      mutationFn: ({ event, data }: { event: CaseEventName; data: Record<string, unknown> }) =>
        api.post<RecordedEvent>(`${base}/events/${event}`, data),
      onSuccess: refresh,
    }),
    download: (documentId: string) => api.getBlob(`${base}/documents/${documentId}`),
  };
}

export function useOpenCase() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<CaseView>('/api/cases', body),
    onSuccess: () => client.invalidateQueries(),
  });
}
