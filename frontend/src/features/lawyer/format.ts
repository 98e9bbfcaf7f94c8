export function formatDay(value: string | null | undefined, language: string): string {
  return value
    ? new Date(`${value.substring(0, 10)}T12:00:00`).toLocaleDateString(language, { dateStyle: 'medium' })
    : '—';
}

export function formatInstant(value: string, language: string): string {
  return new Date(value).toLocaleString(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
}
