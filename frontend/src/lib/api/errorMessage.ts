import type { TFunction } from 'i18next';
import { ApiError } from './ApiError';

/** What to tell the user about a failed call: the backend's own words, or that it could not be reached. */
export function errorMessage(error: unknown, t: TFunction): string {
  return error instanceof ApiError ? error.message : t('errors.network');
}
