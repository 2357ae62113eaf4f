// Finds the segments a query refers to and the reference cycles among them. A segment whose logic refers back
// to itself, directly or through other segments, has no defined membership.

import type { SegmentExpression, SegmentReference } from './ast';

/** Lists every SEGMENT(name) in an expression, in text order. */
export function segmentReferences(expression: SegmentExpression): SegmentReference[] {
  const references: SegmentReference[] = [];
  const pending: SegmentExpression[] = [expression];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === 'segment') {
      references.push(node);
    } else if (node.kind === 'set') {
      pending.push(node.right, node.left);
    }
  }
  return references;
}

export interface SegmentGraph {
  segmentExists(name: string): boolean;
  segmentLogic(name: string): SegmentExpression | null;
}

/**
 * Searches the references reachable from `start` for a cycle. Returns the segment names along the cycle,
 * beginning at `start` and ending at the repeated name, or null when there is none. A reference to `self` (the
 * segment being validated, whose stored logic may be outdated) counts as closing a cycle.
 * `acyclic` caches names already proven free of cycles across calls.
 */
export function findCycle(
  start: string,
  graph: SegmentGraph,
  self: string | undefined,
  acyclic: Set<string>,
): string[] | null {
  const path: string[] = [];
  const onPath = new Set<string>();

  const visit = (name: string): string[] | null => {
    if (name === self || onPath.has(name)) {
      return [...path, name];
    }
    if (acyclic.has(name) || !graph.segmentExists(name)) {
      return null;
    }

    path.push(name);
    onPath.add(name);
    const logic = graph.segmentLogic(name);
    const children = logic ? segmentReferences(logic).map((reference) => reference.name) : [];
    for (const child of new Set(children)) {
      const cycle = visit(child);
      if (cycle) {
        return cycle;
      }
    }
    path.pop();
    onPath.delete(name);
    acyclic.add(name);
    return null;
  };

  return visit(start);
}
