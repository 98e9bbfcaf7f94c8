import type { Filters } from './types';

/** The statistics' query string: empty filters are left out. */
export function statisticsQuery(filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value.trim() !== '') params.set(key, value.trim());
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** One row per month with a column per outcome, for a grouped bar chart; missing counts are 0. */
export function outcomesByMonth(
  rows: { key: string; outcome: string; count?: number }[],
): Record<string, string | number>[] {
  const months = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const line = months.get(row.key) ?? { month: row.key };
    line[row.outcome] = row.count ?? 0;
    months.set(row.key, line);
  }
  return [...months.values()].sort((a, b) => String(a.month).localeCompare(String(b.month)));
}

/** The default period: the last 12 months to today, as the API takes it. */
export function defaultFilters(today: Date): Filters {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1))
    .toISOString()
    .slice(0, 10);
  return { from, to, prefecture: '', ground: '', caseworker: '' };
}
