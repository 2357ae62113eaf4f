// Compiles a segment expression to one SQL statement that returns its distinct member contact ids.
//
// Each INTERACTION and PROFILE operand becomes one SELECT. Set operators become SQL's UNION, INTERSECT and
// EXCEPT, and SEGMENT(name) is replaced by the referenced segment's logic. The UNION of INTERACTION blocks that
// generated logic consists of stays one flat UNION of simple SELECTs, which both planners serve from the
// interaction_by_journey index.
//
// Semantics, the same on SQLite and PostgreSQL:
// - Members are contact ids. INTERACTION blocks yield ids from interactions, so a contact without a contact
//   record can be a member. PROFILE queries yield ids from the contact table.
// - Text comparisons are case-sensitive and order by code point. A comparison with a missing value is false
//   (see expression-sql.ts).
// - A HAVING window starts `amount` days, calendar months or years before `now` and includes its start. It has
//   no upper bound, so interactions stamped after `now` count.

import type { SegmentExpression, SetOperation } from '../../../shared/query/ast';
import type { Dialect } from '../db/connect';
import { compileInteractionBlock } from './interaction-block';
import { wrapMemberQuery, type CompileState, type MemberQuery } from './member-query';
import { compileProfileQuery } from './profile-query';
import { QueryCompileError } from './query-compile-error';
import { renderSql, sql, type CompiledSql } from './sql-fragment';

export interface MembershipOptions {
  dialect: Dialect;
  /** Epoch milliseconds that HAVING windows and DATETIMEUTCNOW() measure from. */
  now: number;
  /** The logic of the segments that SEGMENT(name) refers to, by name (see resolveSegmentReferences). */
  segments?: ReadonlyMap<string, SegmentExpression>;
  /** When set, the statement returns only this contact, and only if it is a member. */
  contactId?: string;
}

const setOperatorSql = { UNION: sql`UNION`, INTERSECT: sql`INTERSECT`, EXCEPT: sql`EXCEPT` } as const;

function compileSetOperation(operation: SetOperation, state: CompileState): MemberQuery {
  const left = compileMemberQuery(operation.left, state);
  const right = compileMemberQuery(operation.right, state);

  // SQL evaluates a flat chain left to right, except that PostgreSQL binds INTERSECT tighter than UNION and
  // EXCEPT. So only a left operand with the same operator stays flat.
  const leftIsFlat = left.shape === 'select' || (left.shape === 'compound' && left.operator === operation.operator);
  const leftOperand = leftIsFlat ? left : wrapMemberQuery(left, state);
  const rightOperand = right.shape === 'select' ? right : wrapMemberQuery(right, state);

  return {
    sql: sql`${leftOperand.sql} ${setOperatorSql[operation.operator]} ${rightOperand.sql}`,
    shape: 'compound',
    operator: operation.operator,
  };
}

function compileSegmentReference(name: string, expression: SegmentExpression, state: CompileState): MemberQuery {
  const logic = state.segments.get(name);
  if (!logic) {
    throw new QueryCompileError('unknown-segment', `The segment ${name} does not exist. Check the name in SEGMENT(${name}), or create that segment first.`, expression.span);
  }
  if (state.segmentStack.includes(name)) {
    const path = [...state.segmentStack.slice(state.segmentStack.indexOf(name)), name].join(' → ');
    throw new QueryCompileError('segment-cycle', `SEGMENT(${name}) refers back to itself: ${path}. Remove one of these references.`, expression.span);
  }

  state.segmentStack.push(name);
  try {
    return compileMemberQuery(logic, state);
  } catch (error) {
    // Positions inside the referenced logic point into that segment's text, so report at the reference.
    if (error instanceof QueryCompileError) {
      const message = error.code === 'segment-cycle' ? error.message : `In segment ${name}: ${error.message}`;
      throw new QueryCompileError(error.code, message, expression.span);
    }
    throw error;
  } finally {
    state.segmentStack.pop();
  }
}

/** Compiles one segment expression within a statement under construction. */
export function compileMemberQuery(expression: SegmentExpression, state: CompileState): MemberQuery {
  switch (expression.kind) {
    case 'interaction':
      return compileInteractionBlock(expression, state);
    case 'profile':
      return compileProfileQuery(expression, state);
    case 'segment':
      return compileSegmentReference(expression.name, expression, state);
    case 'set':
      return compileSetOperation(expression, state);
  }
}

export function newCompileState(options: MembershipOptions, segmentStack: string[] = []): CompileState {
  return {
    dialect: options.dialect,
    now: options.now,
    segments: options.segments ?? new Map(),
    contactId: options.contactId,
    segmentStack,
    aliasCount: 0,
  };
}

/**
 * Compiles a segment expression to one parameterized statement returning the distinct member contact ids in a
 * column named contact_id. Throws a QueryCompileError for logic it cannot evaluate.
 */
export function compileMembership(expression: SegmentExpression, options: MembershipOptions): CompiledSql {
  const query = compileMemberQuery(expression, newCompileState(options));
  return renderSql(query.sql, options.dialect);
}
