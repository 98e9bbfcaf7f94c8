import type { Commission } from '@/components/CommissionNote';

/** A row of GET /api/tasks. */
export interface TaskItem {
  id: string;
  name: string;
  nameEn: string;
  step: string;
  taskKey: string;
  caseId: string;
  caseReference: string;
  applicantName: string;
  ground: string;
  prefecture?: string;
  department?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee?: string;
  due?: string;
  created: string;
  overdue: boolean;
}

export interface TaskPage {
  items: TaskItem[];
  page: number;
  size: number;
  hasMore: boolean;
}

/** GET /api/tasks/{id}: a task with its form. */
export interface TaskDetail {
  id: string;
  name: string;
  nameEn: string;
  caseId: string;
  taskKey: string;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  due: string | null;
  created: string;
  form: import('@/components/form/schema').FormSchema | null;
}

/** GET /api/association/members (coordinators). */
export interface Member {
  userId: string;
  username: string;
  name: string;
  roles: string[];
}

/** The case's facts shown beside a task's form (GET /api/cases/{id}, a few fields). */
export interface CaseFacts {
  id: string;
  reference: string;
  applicantName: string;
  ground: string;
  department: string;
  prefecture: string | null;
  status: string;
  entryDate: string | null;
  appointmentOn: string | null;
  filedOn: string | null;
  receiptExpiresOn: string | null;
  yearsInFrance: number | null;
  commission: Commission | null;
}
