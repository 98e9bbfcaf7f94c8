/** What a lawyer sees of an offer before accepting: never the applicant's identity nor documents. */
export interface OfferSummary {
  ground: string | null;
  prefecture: string | null;
  department: string | null;
  decisionType: string | null;
  decisionNotifiedOn: string | null;
  oqtfKind?: string | null;
  oqtfNotifiedAt?: string | null;
  deadlineRule: string | null;
  deadlineFrom: string | null;
  deadline: string | null;
  languages: string[];
  interpreterNeeded: boolean;
  interpreterLanguage?: string | null;
  message?: string | null;
}

export interface InboxOffer {
  id: string;
  association: string;
  associationName: string;
  /** OPEN: to answer; TAKEN: another lawyer accepted it. */
  status: 'OPEN' | 'TAKEN';
  summary: OfferSummary;
  due: string | null;
  offeredAt: string;
}

export interface InboxTask {
  id: string;
  name: string;
  nameEn: string;
  taskKey: string;
  caseId: string;
  association: string;
  associationName: string;
  reference: string;
  due: string | null;
  overdue: boolean;
}

export interface InboxAppeal {
  caseId: string;
  association: string;
  associationName: string;
  reference: string;
  applicantName: string;
  acceptedAt: string;
  due: string | null;
  tasks: InboxTask[];
}

export interface Inbox {
  offers: InboxOffer[];
  appeals: InboxAppeal[];
  tasks: InboxTask[];
}

export interface Consent {
  id: string;
  kind: 'CONSENT' | 'OVERRIDE';
  documentNote?: string | null;
  documentId?: string | null;
  reason?: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface OfferView {
  id: string;
  caseId: string;
  status: 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED';
  pool: boolean;
  offeredTo: { userId: string }[];
  summary: OfferSummary;
  due?: string | null;
  offeredBy: string;
  offeredAt: string;
  acceptedBy?: string | null;
  acceptedAt?: string | null;
  endedAt?: string | null;
  endReason?: string | null;
  declines: { lawyer: string; reason: string; at: string }[];
}

export interface HandoffStanding {
  consent?: Consent | null;
  waitingForOffer: boolean;
  offers: OfferView[];
}

export interface Lawyer {
  userId: string;
  username: string;
  name: string;
}
