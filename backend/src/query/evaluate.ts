// Evaluates segment logic against the stored interactions and contacts: count, list and check members, and
// explain why a contact is one.

import type { SegmentExpression } from '../../../shared/query/ast';
import type { DatabaseHandle } from '../db/connect';
import { compileMemberCheck, compileMemberCount, compileMemberPage, type MemberPage } from './member-statements';
import { resolveSegmentReferences, type ResolveSegment } from './segment-references';
import { runStatement } from './run-statement';

export { explainMember, type MemberExplanation } from './explain-member';

export interface EvaluationContext {
  /** Epoch milliseconds that HAVING windows and DATETIMEUTCNOW() measure from. */
  now: number;
  /** The stored logic of the segment with this name, or null when there is none. */
  resolveSegment: ResolveSegment;
}

async function optionsFor(handle: DatabaseHandle, ast: SegmentExpression, ctx: EvaluationContext) {
  const segments = await resolveSegmentReferences(ast, ctx.resolveSegment);
  return { dialect: handle.dialect, now: ctx.now, segments };
}

/** Counts the members. Throws a QueryCompileError for logic that cannot be evaluated. */
export async function countMembers(handle: DatabaseHandle, ast: SegmentExpression, ctx: EvaluationContext): Promise<number> {
  const statement = compileMemberCount(ast, await optionsFor(handle, ast, ctx));
  const [row] = await runStatement<{ member_count: number | string }>(handle, statement);
  return Number(row.member_count);
}

/**
 * Returns up to `limit` member contact ids in ascending order, after `afterContactId` when given. Pass the last
 * id of a page as `afterContactId` to get the next page; a page shorter than `limit` is the last one.
 */
export async function listMembers(handle: DatabaseHandle, ast: SegmentExpression, ctx: EvaluationContext, page: MemberPage): Promise<string[]> {
  if (!Number.isInteger(page.limit) || page.limit < 1) {
    throw new RangeError(`The page limit ${page.limit} is invalid: pass a whole number of 1 or more.`);
  }
  const statement = compileMemberPage(ast, await optionsFor(handle, ast, ctx), page);
  const rows = await runStatement<{ contact_id: string }>(handle, statement);
  return rows.map((row) => row.contact_id);
}

/** Checks whether the contact is a member; every operand of the logic filters on that contact. */
export async function isMember(handle: DatabaseHandle, ast: SegmentExpression, contactId: string, ctx: EvaluationContext): Promise<boolean> {
  const statement = compileMemberCheck(ast, { ...(await optionsFor(handle, ast, ctx)), contactId });
  const [row] = await runStatement<{ member_count: number | string }>(handle, statement);
  return Number(row.member_count) > 0;
}
