import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './ApiError';

/**
 * How long what was just read is shown without asking again when another part of the page starts
 * to use it: the page opened at start finds what was read while it loaded (src/app/App.tsx).
 */
export const FRESH_MS = 10_000;

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
