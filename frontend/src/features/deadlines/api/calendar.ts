import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';

/** GET/POST /api/me/calendar-feed: the URL only in the answer to its creation. */
export interface CalendarFeed {
  active: boolean;
  created?: string;
  url?: string;
}

export interface AlertSettings {
  digest: boolean;
}

export function useCalendarFeed(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['calendar-feed'],
    queryFn: () => api.get<CalendarFeed>('/api/me/calendar-feed'),
    enabled,
  });
}

export function useCalendarFeedActions() {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar-feed'] });
  return {
    create: useMutation({
      mutationFn: () => api.post<CalendarFeed>('/api/me/calendar-feed'),
      onSettled: refresh,
    }),
    revoke: useMutation({ mutationFn: () => api.delete('/api/me/calendar-feed'), onSettled: refresh }),
  };
}

export function useAlertSettings(enabled: boolean) {
  const api = useApi();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['alert-settings'],
    queryFn: () => api.get<AlertSettings>('/api/me/alert-settings'),
    enabled,
  });
  const save = useMutation({
    mutationFn: (digest: boolean) => api.put<AlertSettings>('/api/me/alert-settings', { digest }),
    onSettled: () => client.invalidateQueries({ queryKey: ['alert-settings'] }),
  });
  return { settings, save };
}
