import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/ApiError';

export const RULES = [
  'CONTENTIOUS_APPEAL',
  'ADMINISTRATIVE_APPEAL',
  'ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION',
  'OQTF_ORDINARY',
  'OQTF_HOUSE_ARREST',
  'OQTF_RETENTION',
  'IMPLICIT_REFUSAL',
  'RECEIPT_RENEWAL',
  'COMMISSION_CONVOCATION',
  'FOLLOW_UP_WEEKLY',
] as const;

/** Rules counted in hours take a date and time (an OQTF notified in retention). */
export const HOURLY_RULES = ['OQTF_RETENTION'];

export interface LegalDeadline {
  rule: string;
  kind: string;
  from: string;
  department: string;
  deadline: string;
  endsAt: string;
  source: string;
  explanation: string;
}

export interface DeadlineQuestion {
  rule: string;
  from: string;
  department: string;
}

/**
 * GET /api/legal-deadlines, without signing in: the public pages have no API client (no token to
 * send), so this calls fetch itself, in the page's language.
 */
async function computeDeadline({ rule, from, department }: DeadlineQuestion, language: string) {
  const query = new URLSearchParams({ rule, from });
  if (department.trim()) query.set('department', department.trim());
  const response = await fetch(`/api/legal-deadlines?${query.toString()}`, {
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': language },
  });
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as LegalDeadline;
}

export function useLegalDeadline(language: string) {
  return useMutation({ mutationFn: (question: DeadlineQuestion) => computeDeadline(question, language) });
}
