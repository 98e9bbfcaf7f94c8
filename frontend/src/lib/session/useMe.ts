import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/ApiError';
import { useApi } from '@/lib/api/ApiContext';
import { useAssociationChoice } from '@/lib/association/AssociationChoiceContext';
import type { Me } from './Me';

export function useMe() {
  const api = useApi();
  const [chosen, choose] = useAssociationChoice();
  return useQuery({
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
    placeholderData: keepPreviousData, // keep the page on screen while switching association
  });
}
