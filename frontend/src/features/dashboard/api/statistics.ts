import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';
import { saveFile } from '@/lib/api/saveFile';
import { statisticsQuery } from './query';
import type { ExportJob, Filters, Statistics } from './types';

/** GET /api/statistics for the filters; the last figures stay shown while new ones load. */
export function useStatistics(filters: Filters) {
  const api = useApi();
  return useQuery({
    queryKey: ['statistics', filters],
    queryFn: () => api.get<Statistics>(`/api/statistics${statisticsQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
}

const FINISHED = ['DONE', 'FAILED', 'EXPIRED'];

/** An Excel export: started with the filters, followed every second until finished, then downloaded. */
export function useExport(filters: Filters, withNames: boolean, jobId: string | null, onStarted: (id: string) => void) {
  const api = useApi();
  const start = useMutation({
    mutationFn: () =>
      api.post<ExportJob>('/api/exports', {
        from: filters.from || undefined,
        to: filters.to || undefined,
        prefecture: filters.prefecture || undefined,
        ground: filters.ground || undefined,
        caseworker: filters.caseworker || undefined,
        withNames,
      }),
    onSuccess: (job) => onStarted(job.id),
  });
  const job = useQuery({
    queryKey: ['export', jobId],
    enabled: jobId !== null,
    queryFn: () => api.get<ExportJob>(`/api/exports/${jobId}`),
    refetchInterval: (query) => (FINISHED.includes(query.state.data?.status ?? '') ? false : 1000),
  });
  const download = useMutation({
    mutationFn: async (current: ExportJob) => {
      const blob = await api.getBlob(current.download ?? `/api/exports/${current.id}/file`);
      saveFile(blob, `passerelle-statistiques-${current.createdAt.slice(0, 10)}.xlsx`);
    },
  });
  return { start, job, download };
}
