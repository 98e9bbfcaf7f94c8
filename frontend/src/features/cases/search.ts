import type { CaseView } from './api/types';

/** Lower case, without accents: "Hélène" is found by "helene". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** A case matches a search by its applicant's name or its reference, and the ground if one is chosen. */
export function matches(item: CaseView, text: string, ground: string | null): boolean {
  if (ground && item.ground !== ground) return false;
  const wanted = fold(text);
  if (!wanted) return true;
  return fold(item.applicantName).includes(wanted) || fold(item.reference).includes(wanted);
}
