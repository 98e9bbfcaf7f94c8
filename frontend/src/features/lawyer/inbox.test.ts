import { describe, expect, it } from 'vitest';
import type { InboxOffer } from './api/types';
import { sortedOffers } from './inbox';

const offer = (id: string, status: 'OPEN' | 'TAKEN', due: string | null, associationName = 'A'): InboxOffer => ({
  id,
  association: associationName.toLowerCase(),
  associationName,
  status,
  due,
  offeredAt: '2026-01-01T00:00:00Z',
  summary: {
    ground: 'L435-1',
    prefecture: null,
    department: null,
    decisionType: null,
    decisionNotifiedOn: null,
    deadlineRule: null,
    deadlineFrom: null,
    deadline: due,
    languages: [],
    interpreterNeeded: false,
  },
});

describe('the inbox', () => {
  it('puts the offers to answer first, soonest deadline first, taken ones last', () => {
    const sorted = sortedOffers([
      offer('taken', 'TAKEN', '2026-01-02T00:00:00Z'),
      offer('late', 'OPEN', '2026-03-01T00:00:00Z'),
      offer('none', 'OPEN', null),
      offer('soon', 'OPEN', '2026-02-01T00:00:00Z'),
    ]);
    expect(sorted.map((o) => o.id)).toEqual(['soon', 'late', 'none', 'taken']);
  });
});
