// A SELECT that yields the member contact ids of one segment expression in a column named contact_id, and what
// the compiler needs to know to combine it with others.

import type { SegmentExpression, SetOperator } from '../../../shared/query/ast';
import type { Dialect } from '../db/connect';
import { identifier, sql, type SqlFragment } from './sql-fragment';

export interface MemberQuery {
  sql: SqlFragment;
  /**
   * `select`: one plain SELECT, usable as an operand of UNION, INTERSECT or EXCEPT as it is.
   * `compound`: operands joined by `operator`, usable flat only as the left operand of the same operator.
   * `ordered`: has ORDER BY or LIMIT, so it must be wrapped before it can be an operand.
   */
  shape: 'select' | 'compound' | 'ordered';
  operator?: SetOperator;
}

/** Everything the compilation of one statement shares. */
export interface CompileState {
  dialect: Dialect;
  /** Epoch milliseconds that windows and DATETIMEUTCNOW() measure from. */
  now: number;
  /** The logic of every segment the expression refers to, by name. */
  segments: ReadonlyMap<string, SegmentExpression>;
  /** When set, the statement only has to decide about this contact, so every leaf filters on it. */
  contactId?: string;
  /** Names of the segments being compiled, outermost first, to detect reference cycles. */
  segmentStack: string[];
  aliasCount: number;
}

/** Returns a fresh table alias, unique within the statement. */
export function nextAlias(state: CompileState, prefix: string): string {
  state.aliasCount += 1;
  return `${prefix}${state.aliasCount}`;
}

/** Wraps a member query into a plain SELECT over it, so it can be an operand anywhere. */
export function wrapMemberQuery(query: MemberQuery, state: CompileState): MemberQuery {
  const alias = identifier(nextAlias(state, 's'));
  return { sql: sql`SELECT ${alias}."contact_id" FROM (${query.sql}) AS ${alias}`, shape: 'select' };
}
