/** GET /api/statistics (docs/api-reporting.md); a count left out (platform, under 5) is absent. */
export interface Cell {
  key: string;
  count?: number;
}

export interface OutcomeRow {
  key: string;
  outcome: string;
  count?: number;
}

export interface Duration {
  cases?: number;
  medianDays?: number;
  p90Days?: number;
}

export interface WorkloadRow {
  assigneeId?: string;
  name?: string;
  openCases: number;
  openTasks: number;
  overdueTasks: number;
}

export interface Statistics {
  scope: 'association' | 'platform';
  association?: string;
  generatedAt: string;
  filters: { from: string; to: string; prefecture?: string; ground?: string; caseworker?: string };
  openCases: { total?: number; byStep: Cell[]; byGround: Cell[] };
  deadlines: { overdue?: number; next7Days?: number; next30Days?: number };
  outcomes: { byMonth: OutcomeRow[]; byPrefecture: OutcomeRow[] };
  durations: { filingToDecision: Duration; refusalToAppealOutcome: Duration };
  workload?: WorkloadRow[];
  receipts: { expired?: number; next7Days?: number; next30Days?: number };
  failedAttemptsByPrefecture: Cell[];
}

export interface Filters {
  from: string;
  to: string;
  prefecture: string;
  ground: string;
  caseworker: string;
}

/** POST /api/exports and GET /api/exports/{id}. */
export interface ExportJob {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'EXPIRED';
  withNames: boolean;
  rowsTotal?: number;
  rowsDone: number;
  percent?: number;
  fileSize?: number;
  createdAt: string;
  finishedAt?: string;
  expiresAt?: string;
  download?: string;
}

export const OUTCOMES = [
  'GRANTED',
  'REFUSED',
  'REFUSED_WITH_OQTF',
  'IMPLICIT_REFUSAL',
  'APPEAL_WON',
  'APPEAL_LOST',
  'WITHDRAWN',
] as const;
