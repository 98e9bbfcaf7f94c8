import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';
import type { KitChange, KitList, KitPieceChange, Kits, NewKitPiece, SharedKit } from './types';

const BASE = '/api/prefecture-kits';

export function useKits() {
  const api = useApi();
  return useQuery({ queryKey: ['kits'], queryFn: () => api.get<Kits>(BASE) });
}

export function useKitList(department: string, list: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['kits', department, 'list', list],
    queryFn: () => api.get<KitList>(`${BASE}/${encodeURIComponent(department)}/lists/${encodeURIComponent(list)}`),
    enabled: department !== '',
  });
}

export function useKitHistory(department: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['kits', department, 'history'],
    queryFn: () => api.get<KitChange[]>(`${BASE}/${encodeURIComponent(department)}/history?limit=50`),
    enabled: department !== '',
  });
}

export function useSharedKits(department: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['kits', department, 'shared'],
    queryFn: () => api.get<SharedKit[]>(`${BASE}/${encodeURIComponent(department)}/shared`),
    enabled: department !== '',
  });
}

/** A coordinator's changes to a department's kit; each refreshes the kit, its history and the cases' checklists. */
export function useKitActions(department: string, list: string) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([client.invalidateQueries({ queryKey: ['kits'] }), client.invalidateQueries({ queryKey: ['cases'] })]);
  const kit = `${BASE}/${encodeURIComponent(department)}`;
  const pieces = `${kit}/lists/${encodeURIComponent(list)}/pieces`;
  return {
    add: useMutation({
      mutationFn: (piece: NewKitPiece) => api.post<KitList>(pieces, piece),
      onSuccess: refresh,
    }),
    change: useMutation({
      mutationFn: ({ piece, change }: { piece: string; change: KitPieceChange }) =>
        api.put<KitList>(`${pieces}/${encodeURIComponent(piece)}`, change),
      onSuccess: refresh,
    }),
    publish: useMutation({ mutationFn: () => api.put(`${kit}/publication`, {}), onSettled: refresh }),
    unpublish: useMutation({ mutationFn: () => api.delete(`${kit}/publication`), onSettled: refresh }),
    copy: useMutation({
      mutationFn: (from: string) => api.post<KitList>(`${kit}/copy`, { from }),
      onSettled: refresh,
    }),
  };
}
