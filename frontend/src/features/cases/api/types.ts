import type { Commission } from '@/components/CommissionNote';

export interface CaseView {
  id: string;
  reference: string;
  /** The case this one renews (R431-5 CESEDA), when opened by a filed renewal. */
  renewalOf?: string;
  applicantId: string;
  applicantName: string;
  ground: string;
  department: string;
  prefecture: string | null;
  status: string;
  onlineFiling: boolean;
  groundConditionsMet: boolean | null;
  assignee: { userId: string; name: string } | null;
  entryDate: string | null;
  appointmentOn: string | null;
  filedOn: string | null;
  receiptExpiresOn: string | null;
  commissionOn: string | null;
  decidedOn: string | null;
  notifiedOn: string | null;
  yearsInFrance: number | null;
  commission: Commission | null;
  createdAt: string;
  updatedAt: string;
  /** Where the procedure has the case (written by the engine). */
  progress?: {
    step?: string;
    stepSince?: string;
    outcome?: string;
    outcomeOn?: string;
    closedOn?: string;
    closedReason?: string;
  };
}

export interface SpringPage<T> {
  content: T[];
  page: { size: number; number: number; totalElements: number; totalPages: number };
}

export interface ChecklistPiece {
  piece: string;
  label: string;
  labelFr: string;
  required: boolean;
  when: string | null;
  whenFr: string | null;
  stage: 'FILING' | 'DELIVERY';
  status: 'MISSING' | 'RECEIVED' | 'VERIFIED';
  variants: { code: string; label: string; validMonths: number | null }[];
  variant: string | null;
  issuedOn: string | null;
  validMonths: number | null;
  validUntil: string | null;
  expired: boolean;
  translationNeeded: boolean;
  translated: boolean;
  note: string | null;
  documents: number;
  problems: string[];
  problemsFr: string[];
  updatedAt: string | null;
  updatedBy: string | null;
  /** Sent by the doctor under seal to the OFII's medical board, never to the prefecture (R425-11 CESEDA). */
  sealedForOfii: boolean;
  /** A foreign civil-status document: legalised or apostilled unless a convention exempts it. */
  legalisationToCheck: boolean;
  /** The prefecture's kit (of the case's department) adds this piece. */
  addedByKit: boolean;
  /** The kit removed it: shown only because something was recorded for it; never required. */
  removedByKit: boolean;
  /** The kit's local note, in French, and in English when the kit gives it. */
  localNote: string | null;
  localNoteEn: string | null;
}

export interface Checklist {
  caseId: string;
  ground: string;
  source: string;
  asOf: string;
  readyToFile: boolean;
  filingOverride: { reason: string; byId: string; byName: string; at: string } | null;
  pieces: ChecklistPiece[];
}

export interface DocumentView {
  id: string;
  piece: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  /** Sent by the applicant from their status page (received, to check). */
  fromApplicant: boolean;
}

export interface NoteView {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface TimelineEntry {
  at: string;
  kind: 'CHANGE' | 'ACTIVITY_STARTED' | 'ACTIVITY_ENDED' | 'ACTIVITY_CANCELLED';
  what: string;
  actor: string | null;
  detail: string | null;
  activityType: string | null;
}

export interface CaseTask {
  id: string;
  name: string;
  nameEn: string;
  taskKey: string;
  assignee: string | null;
  candidateGroups: string[];
  due: string | null;
}

export const CASE_EVENTS = [
  'decision-notified',
  'convocation-received',
  'administrative-appeal-answered',
  'judgment-notified',
  'documents-requested',
  'liberty-restricted',
  'legal-aid-requested',
] as const;
export type CaseEventName = (typeof CASE_EVENTS)[number];

/** The contentious deadline a refusal starts, as the backend counts it, beside the one printed on the decision. */
export interface EventDeadline {
  rule: string;
  date: string;
  endsAt: string;
  explanation: string;
  source: string;
  printedDeadline: string | null;
  printedDeadlineDiffers: boolean;
}

/** What recording an event did: the message delivered, and for a refusal its deadline. */
export interface RecordedEvent {
  event: string;
  delivered: number;
  deadline: EventDeadline | null;
}

export const CASE_STATUSES = [
  'PREPARATION',
  'APPOINTMENT',
  'FILED',
  'UNDER_REVIEW',
  'COMMISSION',
  'GRANTED',
  'REFUSED',
  'APPEAL',
  'CLOSED',
];
