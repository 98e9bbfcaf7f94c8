import { describe, expect, it } from 'vitest';
import { deadlinesPath } from './api/deadlines';
import { formatDue } from './components/DeadlineTable';

describe('deadlines', () => {
  it('shows a deadline in Paris time, in the reader’s language', () => {
    // the last second of 4 May 2026 in Paris (UTC+2 in summer)
    expect(formatDue('2026-05-04T21:59:59Z', 'fr')).toBe('lundi 4 mai 2026 à 23:59');
    expect(formatDue('2026-05-04T21:59:59Z', 'en')).toBe('Monday, 4 May 2026 at 23:59');
    // an appointment is a day, without time
    expect(formatDue('2026-12-07T23:00:00Z', 'fr', true)).toBe('mardi 8 décembre 2026');
    // winter: UTC+1
    expect(formatDue('2026-03-04T09:00:00Z', 'fr')).toBe('mercredi 4 mars 2026 à 10:00');
  });

  it('asks for one scope and one period', () => {
    expect(deadlinesPath('association', 30)).toBe('/api/deadlines?scope=association&days=30');
  });
});
