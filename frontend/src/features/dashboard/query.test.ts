import { describe, expect, it } from 'vitest';
import { defaultFilters, outcomesByMonth, statisticsQuery } from './api/query';

describe('dashboard query', () => {
  it('leaves empty filters out', () => {
    expect(
      statisticsQuery({ from: '2025-01-01', to: '2025-12-31', prefecture: ' ', ground: 'L435-1', caseworker: '' }),
    ).toBe('?from=2025-01-01&to=2025-12-31&ground=L435-1');
    expect(statisticsQuery({ from: '', to: '', prefecture: '', ground: '', caseworker: '' })).toBe('');
  });

  it('pivots outcomes per month, months in order, a left-out count as 0', () => {
    expect(
      outcomesByMonth([
        { key: '2025-03', outcome: 'GRANTED', count: 2 },
        { key: '2025-02', outcome: 'REFUSED', count: 1 },
        { key: '2025-03', outcome: 'REFUSED' },
      ]),
    ).toEqual([
      { month: '2025-02', REFUSED: 1 },
      { month: '2025-03', GRANTED: 2, REFUSED: 0 },
    ]);
  });

  it('defaults to the last 12 months', () => {
    expect(defaultFilters(new Date('2026-12-03T10:00:00Z'))).toMatchObject({ from: '2025-12-04', to: '2026-12-03' });
  });
});
