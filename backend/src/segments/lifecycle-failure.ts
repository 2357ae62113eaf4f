// The reply to a lifecycle action whose evaluation failed, after the segment was returned to its earlier status.

import type { SegmentStatus } from '../../../shared/api/segments';
import { HttpError } from '../http-error';
import { QueryCompileError } from '../query/query-compile-error';
import { statusLabels } from './lifecycle';
import type { StoredSegmentError } from './segment-error';

/**
 * Builds the reply: a 422 with line and column for a problem in the logic, such as a segment it refers to that
 * no longer exists, and a 500 whose message keeps the cause for any other failure.
 */
export function evaluationFailed(
  segment: { segment_id: string; name: string },
  actionLabel: string,
  status: SegmentStatus,
  failure: StoredSegmentError,
  error: unknown,
): HttpError {
  const position = failure.line === undefined ? '' : ` at line ${failure.line}, column ${failure.column}`;
  const message = `${actionLabel} failed for segment "${segment.name}"${position}: ${failure.message} The segment is now ${statusLabels[status]}.`;
  if (error instanceof QueryCompileError) {
    const errors = [{ code: failure.code, message: failure.message, line: failure.line, column: failure.column }];
    return new HttpError(422, 'invalid-logic', `${message} Correct the logic and try again.`, { segmentId: segment.segment_id, status, errors });
  }
  return new HttpError(500, 'evaluation-failed', `${message} Try again; if it fails again, the backend log has the details.`, {
    segmentId: segment.segment_id,
    status,
  });
}
