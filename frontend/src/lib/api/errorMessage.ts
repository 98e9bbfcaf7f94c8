import type { TFunction } from 'i18next';
import { ApiError } from './ApiError';

/** What to tell the user about a failed call: the backend's own words, or that it could not be reached. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status >= 500 && !error.problem?.detail) return t('errors.server');
  return error.message;
}

/**
 * Splits a refusal between the fields of a form: each field the backend names gets its message;
 * what names no field of the form (or a problem without fields) is said once above it.
 */
export function problemToFields(
  error: unknown,
  fields: readonly string[],
): { fields: Record<string, string>; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: null };
  const named = error.fieldErrors;
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [field, message] of Object.entries(named)) {
    const target = fields.find(
      (known) => field === known || field.startsWith(`${known}.`) || field.startsWith(`${known}[`),
    );
    if (target) onFields[target] = onFields[target] ? `${onFields[target]} ; ${message}` : message;
    else elsewhere.push(`${field} : ${message}`);
  }
  const general = elsewhere.length > 0 ? elsewhere.join('\n') : Object.keys(named).length === 0 ? error.message : null;
  return { fields: onFields, general };
}
