import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';

/** A dated open task of GET /api/deadlines, with the rule its date comes from. */
export interface DeadlineItem {
  taskId: string;
  caseId: string;
  caseReference: string;
  applicantName: string;
  step: string;
  taskKey: string;
  name: string;
  nameEn: string;
  assignee?: string;
  due: string;
  overdue: boolean;
  rule?: string;
  ruleName: string;
  ruleNameEn: string;
  source: string;
  appointment: boolean;
}

export interface Deadlines {
  scope: 'mine' | 'association';
  days: number;
  overdue: DeadlineItem[];
  coming: DeadlineItem[];
}

export interface FailedReminder {
  id: number;
  taskId: string;
  caseId: string;
  taskName: string;
  taskNameEn: string;
  due: string;
  threshold: string;
  attempts: number;
  lastError?: string;
}

export function deadlinesPath(scope: string, days: number): string {
  return `/api/deadlines?scope=${scope}&days=${days}`;
}

export function useDeadlines(scope: 'mine' | 'association', days: 7 | 30, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['deadlines', scope, days],
    queryFn: () => api.get<Deadlines>(deadlinesPath(scope, days)),
    enabled,
  });
}

export function useFailedReminders(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['deadlines', 'failed'],
    queryFn: () => api.get<FailedReminder[]>('/api/alerts/failed'),
    enabled,
  });
}
