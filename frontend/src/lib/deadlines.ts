/** How close a deadline is, as a tired reader takes it in at a glance. */
export type Urgency = 'overdue' | 'today' | 'week' | 'later' | 'none';

const PARIS = 'Europe/Paris';

/** The calendar day of an instant in Paris, as yyyy-mm-dd (deadlines end at midnight, Paris time). */
export function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: PARIS,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);
}

/**
 * A task's due instant is the end of its last day to act (the backend's deadlines): passed is
 * overdue; its last day today (Paris) is today; within the next 7 days, this week.
 */
export function urgency(due: string | null | undefined, now: Date): Urgency {
  if (!due) return 'none';
  const dueAt = new Date(due);
  if (Number.isNaN(dueAt.getTime())) return 'none';
  if (dueAt.getTime() <= now.getTime()) return 'overdue';
  // The last day to act is the day of the instant just before the due instant (a midnight end).
  const lastDay = parisDay(new Date(dueAt.getTime() - 1));
  const days = daysBetween(parisDay(now), lastDay);
  if (days <= 0) return 'today';
  if (days <= 7) return 'week';
  return 'later';
}

/** The last day to act, for display: the day before a midnight end. */
export function lastDayToAct(due: string): Date {
  return new Date(new Date(due).getTime() - 1);
}

/**
 * The legal rule behind the deadlines of a step of the procedure (docs/deadlines.md), shown next
 * to a task's deadline. Steps whose deadlines are the prefecture's or the association's own have none.
 */
export const STEP_RULES: Record<string, { rule: string; source: string } | undefined> = {
  appointment: { rule: 'FOLLOW_UP_WEEKLY', source: 'pratique : relance hebdomadaire' },
  receipt: { rule: 'RECEIPT_RENEWAL', source: 'R431-12 CESEDA' },
  decision: { rule: 'IMPLICIT_REFUSAL', source: 'R432-1, R432-2 CESEDA ; R421-1 CJA' },
  'commission-hearing': { rule: 'COMMISSION_CONVOCATION', source: 'L432-15 CESEDA' },
  'appeal-gracious': { rule: 'ADMINISTRATIVE_APPEAL', source: 'L411-2 CRPA ; L231-4 CRPA' },
  'appeal-hierarchical': { rule: 'ADMINISTRATIVE_APPEAL', source: 'L411-2 CRPA ; L231-4 CRPA' },
  'appeal-contentious': { rule: 'CONTENTIOUS_APPEAL', source: 'R421-1 CJA ; L911-1, L921-1, L921-2 CESEDA' },
};
