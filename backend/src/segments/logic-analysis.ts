// Checks segment logic written as text against the language and the segments stored so far, so SEGMENT(name)
// references resolve and reference cycles are found.

import { analyzeQuery, printQuery, type QueryError, type SegmentExpression } from '../../../shared/query';
import type { DatabaseHandle } from '../db/connect';
import { unprocessable } from '../http-error';
import { QueryCompileError } from '../query/query-compile-error';

export interface LogicAnalysis {
  ast: SegmentExpression | null;
  errors: QueryError[];
  /** The logic in canonical form, when it parsed. */
  canonical: string | null;
}

/** Parses and validates `text`; `segmentName` is the name of the segment being edited, so self-references count as cycles. */
export async function analyzeLogic(handle: DatabaseHandle, text: string, segmentName?: string): Promise<LogicAnalysis> {
  const rows = await handle.db.selectFrom('segment').select(['name', 'logic_ast']).execute();
  const logicByName = new Map(rows.map((row) => [row.name, row.logic_ast]));

  const { ast, errors } = analyzeQuery(text, {
    segmentExists: (name) => logicByName.has(name),
    segmentLogic: (name) => {
      const stored = logicByName.get(name);
      return stored ? (JSON.parse(stored) as SegmentExpression) : null;
    },
    segmentName,
  });
  return { ast, errors, canonical: ast ? printQuery(ast) : null };
}

/** Returns the AST of valid logic, or throws a 422 whose details list every error with its line and column. */
export async function requireValidLogic(handle: DatabaseHandle, text: string, segmentName?: string): Promise<SegmentExpression> {
  const analysis = await analyzeLogic(handle, text, segmentName);
  if (!analysis.ast || analysis.errors.length > 0) {
    throw invalidLogic(analysis.errors);
  }
  return analysis.ast;
}

export function invalidLogic(errors: QueryError[]) {
  const first = errors[0];
  const summary = first ? `line ${first.line}, column ${first.column}: ${first.message.replace(/\.$/, '')}` : 'the logic is empty';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return unprocessable('invalid-logic', `The segment logic is invalid: ${summary}${more}. Fix it and save again.`, { errors });
}

/** Turns an evaluation failure of logic the validator accepted into the same 422 shape. */
export function rethrowCompileError(error: unknown): never {
  if (error instanceof QueryCompileError) {
    throw invalidLogic([error.toQueryError()]);
  }
  throw error;
}
