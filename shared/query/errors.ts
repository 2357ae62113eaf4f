// Error codes of the segment query language. Codes are stable: the extension and the backend match on them,
// while messages may be reworded.

import type { QueryError, Span } from './ast';

/** Errors beyond this many are dropped, because later ones are mostly echoes of earlier ones. */
export const maxErrors = 50;

/** Problems the lexer and parser find in the text. */
export const syntaxErrorCodes = [
  'empty-query',
  'invalid-character',
  'invalid-number',
  'unterminated-string',
  'unexpected-token',
  'unexpected-end',
  'unknown-function',
  'unknown-date-part',
  'wrong-argument-count',
  'missing-link-name',
  'duplicate-call',
  'misplaced-call',
  'too-deep',
  'internal-error',
] as const;

/** Problems the validator finds in a well-formed query. */
export const validationErrorCodes = [
  'missing-link-name',
  'invalid-link-name',
  'unsupported-entity',
  'unknown-interaction-type',
  'unknown-field',
  'unknown-alias',
  'unknown-segment',
  'segment-cycle',
  'count-comparison-not-allowed',
  'count-value-not-allowed',
  'count-equals-zero',
  'not-allowed-in-interaction-filter',
  'type-mismatch',
  'wrong-argument-count',
  'invalid-argument',
  'invalid-number',
  'invalid-window',
  'invalid-paging',
  'invalid-name',
] as const;

export type SyntaxErrorCode = (typeof syntaxErrorCodes)[number];
export type ValidationErrorCode = (typeof validationErrorCodes)[number];
export type QueryErrorCode = SyntaxErrorCode | ValidationErrorCode;

/** Builds an error positioned at a span; nodes built in code have no span and are reported at line 1, column 1. */
export function errorAtSpan(code: QueryErrorCode, message: string, span: Span | undefined): QueryError {
  if (!span) {
    return { code, message, line: 1, column: 1, length: 1 };
  }
  return {
    code,
    message,
    line: span.start.line,
    column: span.start.column,
    length: Math.max(1, span.end.offset - span.start.offset),
  };
}
