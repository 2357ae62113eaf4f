// What the query evaluator needs from the segment store: the current time and the logic of named segments.

import type { SegmentExpression } from '../../../shared/query/ast';
import type { DatabaseHandle } from '../db/connect';
import { findSegmentByName } from './repository';

export function evaluationContext(handle: DatabaseHandle, now = Date.now()) {
  return {
    now,
    async resolveSegment(name: string): Promise<SegmentExpression | null> {
      const segment = await findSegmentByName(handle, name);
      return segment ? (JSON.parse(segment.logic_ast) as SegmentExpression) : null;
    },
  };
}
