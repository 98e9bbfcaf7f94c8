import type { CaseTask, ChecklistPiece } from './api/types';

/** A process running for the case, as GET /api/cases/{id}/procedure gives it: its key is the step. */
export interface RunningProcess {
  key: string;
  activeActivityIds: string[];
  ended: boolean;
}

/** The case's soonest deadline: the open task due first, and the step (process) it belongs to. */
export function nextDeadline(
  tasks: CaseTask[],
  processes: RunningProcess[] = [],
): { task: CaseTask; step?: string } | null {
  const due = tasks.filter((task) => task.due).sort((a, b) => a.due!.localeCompare(b.due!));
  const task = due[0];
  if (!task) return null;
  const process = processes.find((p) => !p.ended && p.activeActivityIds.includes(task.taskKey));
  return { task, step: process?.key };
}

export const PIECE_GROUPS = ['MISSING', 'RECEIVED', 'VERIFIED'] as const;

/** The checklist by status, missing pieces first; required pieces before optional ones in each group. */
export function piecesByStatus(pieces: ChecklistPiece[]): Record<(typeof PIECE_GROUPS)[number], ChecklistPiece[]> {
  const groups = { MISSING: [], RECEIVED: [], VERIFIED: [] } as Record<(typeof PIECE_GROUPS)[number], ChecklistPiece[]>;
  for (const piece of pieces) groups[piece.status].push(piece);
  for (const group of PIECE_GROUPS) groups[group].sort((a, b) => Number(b.required) - Number(a.required));
  return groups;
}
