// The error stored on a segment (last_error) and on a failed transition: which action failed, a stable code, a
// message and, for a problem in the logic, its line and column.

import type { SegmentError } from '../../../shared/api/segments';
import type { QueryError } from '../../../shared/query/ast';
import { QueryCompileError } from '../query/query-compile-error';

export interface StoredSegmentError {
  action: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
  /** Epoch milliseconds. */
  at: number;
}

/** Describes a failure of `action` at `at`; errors other than problems in the logic get the code evaluation-failed. */
export function describeFailure(action: string, error: unknown, at: number): StoredSegmentError {
  if (error instanceof QueryCompileError) {
    const { code, message, line, column } = error.toQueryError();
    return { action, code, message, line, column, at };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { action, code: 'evaluation-failed', message: `The evaluation failed: ${message}`, at };
}

/** Describes the first of the logic's validation errors. */
export function describeInvalidLogic(action: string, errors: readonly QueryError[], at: number): StoredSegmentError {
  const [first] = errors;
  const more = errors.length > 1 ? ` (${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  return { action, code: first.code, message: `${first.message}${more}`, line: first.line, column: first.column, at };
}

export function toSegmentError(text: string | null): SegmentError | null {
  if (text === null) {
    return null;
  }
  const stored = JSON.parse(text) as StoredSegmentError;
  return { ...stored, at: new Date(stored.at).toISOString() };
}
