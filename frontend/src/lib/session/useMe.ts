import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/ApiError';
import type { ApiClient } from '@/lib/api/client';
import { useApi } from '@/lib/api/ApiContext';
import { FRESH_MS } from '@/lib/api/queryClient';
import { useAssociationChoice } from '@/lib/association/AssociationChoiceContext';
import type { Me } from './Me';

/** GET /api/me for the chosen association (null: the backend picks the user's only one). */
export function meQuery(api: ApiClient, chosen: string | null, choose: (slug: string | null) => void) {
  return queryOptions({
    queryKey: ['me', chosen],
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/me');
      } catch (error) {
        // A remembered association the user no longer belongs to: forget it, which asks again without it.
        if (chosen && error instanceof ApiError && error.status === 403) choose(null);
        throw error;
      }
    },
    staleTime: FRESH_MS,
  });
}

export function useMe() {
  const api = useApi();
  const [chosen, choose] = useAssociationChoice();
  return useQuery({
    ...meQuery(api, chosen, choose),
    placeholderData: keepPreviousData, // keep the page on screen while switching association
  });
}
