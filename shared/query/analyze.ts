// One call for editors and the backend: parse the text, then validate the tree when parsing succeeded.

import type { QueryError, SegmentExpression } from './ast';
import { parseQuery } from './parser';
import { validateQuery, type ValidationContext } from './validator';

export interface AnalysisResult {
  /** The parsed tree, or null when the text has syntax errors. A tree may still come with validation errors. */
  ast: SegmentExpression | null;
  /** Syntax errors, or else validation errors; empty when the query is valid. */
  errors: QueryError[];
}

/** Parses and validates query text. Never throws for any input text; errors thrown by `context` propagate. */
export function analyzeQuery(text: string, context: ValidationContext): AnalysisResult {
  const parsed = parseQuery(text);
  if (!parsed.ast) {
    return parsed;
  }
  return { ast: parsed.ast, errors: validateQuery(parsed.ast, context) };
}
