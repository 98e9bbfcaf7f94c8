import type { InboxOffer } from './api/types';

/** Offers to answer first, soonest deadline first; those another lawyer took after them. */
export function sortedOffers(offers: InboxOffer[]): InboxOffer[] {
  const time = (value: string | null) => (value ? Date.parse(value) : Number.POSITIVE_INFINITY);
  return [...offers].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'OPEN' ? -1 : 1;
    return time(a.due) - time(b.due);
  });
}

/** Task keys whose page offers the letters' drafts: the appeals' drafting and filing steps. */
export const LETTER_TASKS = new Set([
  'sendGraciousAppeal',
  'sendHierarchicalAppeal',
  'chooseContentiousStrategy',
  'fileRequest',
  'fileRequestByAssociation',
  'requestLegalAid',
]);
