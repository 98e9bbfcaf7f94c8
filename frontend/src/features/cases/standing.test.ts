import { describe, expect, it } from 'vitest';
import type { CaseTask, ChecklistPiece } from './api/types';
import { nextDeadline, piecesByStatus } from './standing';

const task = (id: string, taskKey: string, due: string | null): CaseTask => ({
  id,
  name: id,
  nameEn: id,
  taskKey,
  assignee: null,
  candidateGroups: [],
  due,
});

describe('nextDeadline', () => {
  it('is the task due first, with the step of the process where it waits', () => {
    const tasks = [
      task('prepare', 'prepareCase', null),
      task('receipt', 'renewReceipt', '2027-02-01T23:00:00Z'),
      task('oqtf', 'decideOqtfAppeal', '2027-01-10T23:00:00Z'),
    ];
    const processes = [
      { key: 'regularisation', activeActivityIds: ['prepareCase'], ended: false },
      { key: 'receipt', activeActivityIds: ['renewReceipt'], ended: false },
      { key: 'decision', activeActivityIds: ['decideOqtfAppeal'], ended: false },
    ];
    expect(nextDeadline(tasks, processes)).toEqual({ task: tasks[2], step: 'decision' });
  });

  it('is none without a dated task, and has no step when no running process holds the task', () => {
    expect(nextDeadline([task('prepare', 'prepareCase', null)], [])).toBeNull();
    expect(nextDeadline([task('a', 'callAppointment', '2027-01-01T23:00:00Z')], [])?.step).toBeUndefined();
  });
});

describe('piecesByStatus', () => {
  const piece = (code: string, status: ChecklistPiece['status'], required = true) =>
    ({ piece: code, status, required }) as ChecklistPiece;

  it('groups the pieces by status, the required ones first in each group', () => {
    const groups = piecesByStatus([
      piece('photo', 'VERIFIED'),
      piece('tax', 'MISSING', false),
      piece('passport', 'MISSING'),
      piece('lease', 'RECEIVED'),
    ]);
    expect(groups.MISSING.map((p) => p.piece)).toEqual(['passport', 'tax']);
    expect(groups.RECEIVED.map((p) => p.piece)).toEqual(['lease']);
    expect(groups.VERIFIED.map((p) => p.piece)).toEqual(['photo']);
  });
});
