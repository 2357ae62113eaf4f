// Finds the live segments whose logic refers to a segment, directly or through other segments.

import type { SegmentExpression } from '../../../shared/query/ast';
import { segmentReferences } from '../../../shared/query/segment-references';
import type { DatabaseHandle } from '../db/connect';
import { liveStatuses } from '../membership/live-segments';

export interface ReferencingSegment {
  segmentId: string;
  name: string;
}

/**
 * Returns the live segments, other than `target` itself, whose SEGMENT references reach `target`. A segment
 * that shares its name with an older one is never referenced, so nothing refers to it.
 */
export async function liveSegmentsReferencing(handle: DatabaseHandle, target: { segmentId: string; name: string }): Promise<ReferencingSegment[]> {
  const { name } = target;
  const rows = await handle.db.selectFrom('segment').select(['segment_id', 'name', 'status', 'logic_ast']).orderBy('created_at').orderBy('segment_id').execute();

  // SEGMENT(name) resolves to the oldest segment of that name.
  const referencesByName = new Map<string, string[]>();
  for (const row of rows) {
    if (!referencesByName.has(row.name)) {
      referencesByName.set(row.name, referencedNames(row.logic_ast));
      if (row.name === name && row.segment_id !== target.segmentId) {
        return [];
      }
    }
  }

  const reaches = (start: string[]): boolean => {
    const seen = new Set<string>();
    const pending = [...start];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (next === name) {
        return true;
      }
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(...(referencesByName.get(next) ?? []));
      }
    }
    return false;
  };

  return rows
    .filter((row) => (liveStatuses as readonly string[]).includes(row.status) && row.segment_id !== target.segmentId && reaches(referencedNames(row.logic_ast)))
    .map((row) => ({ segmentId: row.segment_id, name: row.name }));
}

function referencedNames(logicAst: string): string[] {
  return segmentReferences(JSON.parse(logicAst) as SegmentExpression).map((reference) => reference.name);
}
