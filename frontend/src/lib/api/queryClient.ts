import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './ApiError';

/** Server state: a refused request (4xx) is not retried; a failing server or network is, twice. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}
