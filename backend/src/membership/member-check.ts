// Evaluates a segment's logic for all contacts, or for a given set of contacts only.

import type { SegmentExpression } from '../../../shared/query/ast';
import type { DatabaseHandle } from '../db/connect';
import { compileMemberQuery, compileMembership, newCompileState } from '../query/compile-membership';
import { runStatement } from '../query/run-statement';
import { resolveSegmentReferences } from '../query/segment-references';
import { identifier, joinSql, renderSql, sql } from '../query/sql-fragment';
import { evaluationContext } from '../segments/evaluation-context';

/** Logic together with the logic of every segment it refers to, ready to compile. */
export interface ResolvedLogic {
  logic: SegmentExpression;
  segments: ReadonlyMap<string, SegmentExpression>;
}

/**
 * Contacts checked per statement. Each becomes one operand of a UNION ALL, and SQLite allows at most 500
 * operands in one compound SELECT.
 */
const contactsPerStatement = 100;

/** Loads the logic of the segments `logic` refers to. Throws a QueryCompileError naming a missing one. */
export async function resolveLogic(handle: DatabaseHandle, logic: SegmentExpression): Promise<ResolvedLogic> {
  const segments = await resolveSegmentReferences(logic, evaluationContext(handle).resolveSegment);
  return { logic, segments };
}

/** Returns every member at `now`. Throws a QueryCompileError for logic that cannot be evaluated. */
export async function evaluateAllMembers(handle: DatabaseHandle, resolved: ResolvedLogic, now: number): Promise<Set<string>> {
  const statement = compileMembership(resolved.logic, { dialect: handle.dialect, now, segments: resolved.segments });
  const rows = await runStatement<{ contact_id: string }>(handle, statement);
  return new Set(rows.map((row) => row.contact_id));
}

/**
 * Returns which of `contactIds` are members at `now`. Each contact is checked by the same statement isMember
 * runs, in which every operand filters on that contact, so the cost grows with the contacts checked and not
 * with the size of the segment.
 */
export async function membersAmong(handle: DatabaseHandle, resolved: ResolvedLogic, contactIds: readonly string[], now: number): Promise<Set<string>> {
  const members = new Set<string>();
  for (let start = 0; start < contactIds.length; start += contactsPerStatement) {
    const operands = contactIds.slice(start, start + contactsPerStatement).map((contactId, index) => {
      const state = newCompileState({ dialect: handle.dialect, now, segments: resolved.segments, contactId });
      const alias = identifier(`m${index}`);
      return sql`SELECT ${alias}."contact_id" FROM (${compileMemberQuery(resolved.logic, state).sql}) AS ${alias}`;
    });
    const statement = renderSql(joinSql(operands, ' UNION ALL '), handle.dialect);
    const rows = await runStatement<{ contact_id: string }>(handle, statement);
    for (const row of rows) {
      members.add(row.contact_id);
    }
  }
  return members;
}
