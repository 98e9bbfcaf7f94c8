import { describe, expect, it } from 'vitest';
import type { CaseView } from './api/types';
import { matches } from './search';

const amina = { applicantName: 'Amina Diallo', reference: '2026-0042', ground: 'L435-1' } as CaseView;

describe('searching the case list', () => {
  it('finds a case by part of the name, without case or accents, or by reference', () => {
    expect(matches(amina, 'diallo', null)).toBe(true);
    expect(matches({ ...amina, applicantName: 'Hélène Dupré' }, 'helene dupre', null)).toBe(true);
    expect(matches(amina, '0042', null)).toBe(true);
    expect(matches(amina, 'okafor', null)).toBe(false);
  });

  it('filters by ground', () => {
    expect(matches(amina, '', 'L435-1')).toBe(true);
    expect(matches(amina, '', 'L423-23')).toBe(false);
  });
});
