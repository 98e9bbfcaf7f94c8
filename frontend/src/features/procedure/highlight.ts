import type { Standing } from './api/procedure';

/** One diagram to draw: a process of the case, with the elements to mark as where it stands. */
export interface DiagramPlan {
  definitionId: string;
  key: string;
  title: string;
  /** The activities running now (in the main process: the call activity of the step running). */
  current: string[];
  /** How deep in the calls: 0 for the main process. */
  depth: number;
  ended: boolean;
}

/**
 * What to draw: the main process first, then each process it called that runs now, in call order;
 * each with its active activities marked. A process that runs twice (two appeals of the same kind
 * cannot, but a step may repeat) is drawn once with the union of its active activities.
 */
export function diagramPlan(processes: Standing[]): DiagramPlan[] {
  const byId = new Map(processes.map((process) => [process.instanceId, process]));
  const depth = (process: Standing): number => {
    let level = 0;
    let parent = process.parentId ? byId.get(process.parentId) : undefined;
    while (parent && level < processes.length) {
      level++;
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return level;
  };
  const plans = new Map<string, DiagramPlan>();
  for (const process of [...processes].sort((a, b) => depth(a) - depth(b))) {
    const known = plans.get(process.definitionId);
    if (known) {
      known.current = [...new Set([...known.current, ...process.activeActivityIds])];
      continue;
    }
    plans.set(process.definitionId, {
      definitionId: process.definitionId,
      key: process.key,
      title: process.name ?? process.key,
      current: [...process.activeActivityIds],
      depth: depth(process),
      ended: process.ended,
    });
  }
  return [...plans.values()];
}
