export function formatDay(value: string | null | undefined, language: string): string {
  return value ? new Date(`${value}T12:00:00`).toLocaleDateString(language, { dateStyle: 'medium' }) : '—';
}

/** The day (in Paris) of an instant, as formatDay writes a date. */
export function formatInstantDay(value: string | null | undefined, language: string): string {
  return value ? new Date(value).toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'Europe/Paris' }) : '—';
}

export function formatInstant(value: string, language: string): string {
  return new Date(value).toLocaleString(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
}
