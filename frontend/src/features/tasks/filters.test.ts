import { describe, expect, it } from 'vitest';
import { apiPath, filtersFromSearch, searchFromFilters, withFilter } from './filters';

describe('task list filters and the query string', () => {
  it('reads every filter the API has from the URL, and writes them back the same', () => {
    const url =
      'scope=association&step=receipt&ground=L435-1&prefecture=Pr%C3%A9fecture+du+Rh%C3%B4ne&dueWithinDays=7&overdue=false&assignee=u-1&page=2';
    const filters = filtersFromSearch(new URLSearchParams(url));
    expect(filters).toEqual({
      scope: 'association',
      step: 'receipt',
      ground: 'L435-1',
      prefecture: 'Préfecture du Rhône',
      dueWithinDays: 7,
      overdue: false,
      assignee: 'u-1',
      page: 2,
    });
    expect(searchFromFilters(filters).toString()).toBe(url);
  });

  it('leaves the defaults out, so the plain list is /', () => {
    expect(searchFromFilters(filtersFromSearch(new URLSearchParams(''))).toString()).toBe('');
  });

  it('drops what it cannot read instead of sending it', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('scope=everyone&step=nope&dueWithinDays=-3&overdue=maybe&page=x&assignee=u-1'),
    );
    expect(filters).toEqual({ scope: 'mine-and-groups', page: 0 });
  });

  it('asks the API for the scope and a page size always', () => {
    expect(apiPath(filtersFromSearch(new URLSearchParams('overdue=true')))).toBe(
      '/api/tasks?overdue=true&scope=mine-and-groups&size=20',
    );
  });

  it('goes back to the first page on a change, and forgets the assignee outside the association scope', () => {
    const filters = filtersFromSearch(new URLSearchParams('scope=association&assignee=u-1&page=3'));
    expect(withFilter(filters, { step: 'filing' })).toEqual({
      scope: 'association',
      assignee: 'u-1',
      step: 'filing',
      page: 0,
    });
    expect(withFilter(filters, { scope: 'mine' })).toEqual({ scope: 'mine', page: 0 });
    expect(withFilter(filters, { assignee: undefined })).toEqual({ scope: 'association', page: 0 });
  });
});
