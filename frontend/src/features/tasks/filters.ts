/** The task list's view, as the page's URL holds it (so a filtered list can be bookmarked and shared). */
export interface TaskFilters {
  scope: 'mine-and-groups' | 'mine' | 'groups' | 'association';
  step?: string;
  ground?: string;
  prefecture?: string;
  dueWithinDays?: number;
  overdue?: boolean;
  assignee?: string;
  page: number;
}

export const SCOPES = ['mine-and-groups', 'mine', 'groups', 'association'] as const;
export const STEPS = [
  'regularisation',
  'appointment',
  'filing',
  'receipt',
  'decision',
  'commission-hearing',
  'appeal-gracious',
  'appeal-hierarchical',
  'appeal-contentious',
] as const;
export { GROUNDS } from '@/lib/grounds';

export const PAGE_SIZE = 20;

/** Reads the filters from the page's query string; what it cannot read is left out, never sent. */
export function filtersFromSearch(search: URLSearchParams): TaskFilters {
  const scope = SCOPES.find((known) => known === search.get('scope')) ?? 'mine-and-groups';
  const filters: TaskFilters = { scope, page: 0 };
  const step = search.get('step');
  if (step && (STEPS as readonly string[]).includes(step)) filters.step = step;
  const ground = search.get('ground')?.trim();
  if (ground) filters.ground = ground;
  const prefecture = search.get('prefecture')?.trim();
  if (prefecture) filters.prefecture = prefecture;
  const days = search.get('dueWithinDays');
  if (days && /^\d{1,4}$/.test(days)) filters.dueWithinDays = Number(days);
  const overdue = search.get('overdue');
  if (overdue === 'true' || overdue === 'false') filters.overdue = overdue === 'true';
  const assignee = search.get('assignee');
  if (assignee && scope === 'association') filters.assignee = assignee;
  const page = search.get('page');
  if (page && /^\d{1,3}$/.test(page)) filters.page = Number(page);
  return filters;
}

/** The page's query string for these filters: defaults left out, so the plain list is just "/". */
export function searchFromFilters(filters: TaskFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.scope !== 'mine-and-groups') search.set('scope', filters.scope);
  if (filters.step) search.set('step', filters.step);
  if (filters.ground) search.set('ground', filters.ground);
  if (filters.prefecture) search.set('prefecture', filters.prefecture);
  if (filters.dueWithinDays !== undefined) search.set('dueWithinDays', String(filters.dueWithinDays));
  if (filters.overdue !== undefined) search.set('overdue', String(filters.overdue));
  if (filters.assignee && filters.scope === 'association') search.set('assignee', filters.assignee);
  if (filters.page > 0) search.set('page', String(filters.page));
  return search;
}

/** The API call for these filters: GET /api/tasks with every parameter it takes. */
export function apiPath(filters: TaskFilters): string {
  const search = searchFromFilters(filters);
  search.set('scope', filters.scope);
  search.set('size', String(PAGE_SIZE));
  return `/api/tasks?${search.toString()}`;
}

/** A change of filter goes back to the first page. */
export function withFilter(filters: TaskFilters, change: Partial<TaskFilters>): TaskFilters {
  const next = { ...filters, page: 0, ...change };
  if (next.scope !== 'association') delete next.assignee;
  for (const key of Object.keys(next) as (keyof TaskFilters)[]) {
    if (next[key] === undefined || next[key] === '') delete next[key];
  }
  return next;
}
