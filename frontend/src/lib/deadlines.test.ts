import { describe, expect, it } from 'vitest';
import { urgency } from './deadlines';

// 2 December 2026, 10:00 in Paris (UTC+1).
const NOW = new Date('2026-12-02T09:00:00Z');

describe('deadline badges', () => {
  it('says overdue once the end of the last day has passed', () => {
    expect(urgency('2026-12-01T23:00:00Z', NOW)).toBe('overdue'); // end of 1 December, Paris
    expect(urgency('2026-12-02T08:59:59Z', NOW)).toBe('overdue');
  });

  it('says today when the last day to act is today in Paris', () => {
    expect(urgency('2026-12-02T23:00:00Z', NOW)).toBe('today'); // end of 2 December, Paris
  });

  it('says this week for a last day within seven days', () => {
    expect(urgency('2026-12-03T23:00:00Z', NOW)).toBe('week');
    expect(urgency('2026-12-09T23:00:00Z', NOW)).toBe('week');
  });

  it('says later beyond, and nothing without a deadline', () => {
    expect(urgency('2026-12-10T23:00:00Z', NOW)).toBe('later');
    expect(urgency(undefined, NOW)).toBe('none');
    expect(urgency('not a date', NOW)).toBe('none');
  });

  it('counts days in Paris, not in UTC: late evening is still the same day', () => {
    const lateEvening = new Date('2026-12-02T22:30:00Z'); // 23:30 in Paris
    expect(urgency('2026-12-02T23:00:00Z', lateEvening)).toBe('today');
    expect(urgency('2026-12-03T23:00:00Z', lateEvening)).toBe('week');
  });
});
