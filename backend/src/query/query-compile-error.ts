// The error the SQL compiler throws for logic it cannot evaluate. Codes match the query validator's codes where
// the problem is the same, so callers can treat both alike.

import type { QueryError, Span } from '../../../shared/query/ast';

export type QueryCompileErrorCode =
  | 'invalid-link-name'
  | 'unsupported-entity'
  | 'unknown-interaction-type'
  | 'unknown-field'
  | 'unknown-alias'
  | 'unknown-segment'
  | 'segment-cycle'
  | 'type-mismatch'
  | 'invalid-argument'
  | 'invalid-window'
  | 'invalid-paging'
  | 'unsupported-relationship'
  | 'unsupported-paging';

export class QueryCompileError extends Error {
  constructor(
    readonly code: QueryCompileErrorCode,
    message: string,
    /** The position of the offending part in the query text; absent for logic built in code. */
    readonly span?: Span,
  ) {
    super(message);
    this.name = 'QueryCompileError';
  }

  /** Converts the error to the shape the query validator reports. Logic built in code is placed at line 1, column 1. */
  toQueryError(): QueryError {
    if (!this.span) {
      return { code: this.code, message: this.message, line: 1, column: 1, length: 1 };
    }
    return {
      code: this.code,
      message: this.message,
      line: this.span.start.line,
      column: this.span.start.column,
      length: Math.max(1, this.span.end.offset - this.span.start.offset),
    };
  }
}
