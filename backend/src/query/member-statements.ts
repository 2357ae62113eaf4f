// The statements the evaluator runs over a segment's members: count them, list a page of them, and check one.

import type { SegmentExpression } from '../../../shared/query/ast';
import { compileMemberQuery, newCompileState, type MembershipOptions } from './compile-membership';
import { parameter, renderSql, sql, type CompiledSql, type SqlFragment } from './sql-fragment';

export interface MemberPage {
  /** Return only members whose contact id sorts after this one. */
  afterContactId?: string;
  limit: number;
}

function membersOf(expression: SegmentExpression, options: MembershipOptions): SqlFragment {
  return compileMemberQuery(expression, newCompileState(options)).sql;
}

/** Compiles `SELECT member_count`, the number of members. */
export function compileMemberCount(expression: SegmentExpression, options: Omit<MembershipOptions, 'contactId'>): CompiledSql {
  const statement = sql`SELECT COUNT(*) AS "member_count" FROM (${membersOf(expression, options)}) AS "members"`;
  return renderSql(statement, options.dialect);
}

/**
 * Compiles the query for one page of member contact ids in ascending order (by code point on both databases),
 * starting after `afterContactId`. This is keyset paging, so members that join or leave between pages do not
 * shift the later pages.
 */
export function compileMemberPage(expression: SegmentExpression, options: Omit<MembershipOptions, 'contactId'>, page: MemberPage): CompiledSql {
  const postgres = options.dialect === 'postgres';
  const contactId = postgres ? sql`"members"."contact_id" COLLATE "C"` : sql`"members"."contact_id"`;
  const after = page.afterContactId === undefined ? sql`` : sql` WHERE ${contactId} > ${parameter(page.afterContactId, 'text')}`;

  const statement = sql`SELECT "members"."contact_id" FROM (${membersOf(expression, options)}) AS "members"${after} ORDER BY ${contactId} LIMIT ${parameter(page.limit, 'bigint')}`;
  return renderSql(statement, options.dialect);
}

/** Compiles `SELECT member_count`: 1 when the contact is a member, 0 when not. Every operand filters on the contact. */
export function compileMemberCheck(expression: SegmentExpression, options: MembershipOptions & { contactId: string }): CompiledSql {
  const statement = sql`SELECT COUNT(*) AS "member_count" FROM (${membersOf(expression, options)}) AS "members"`;
  return renderSql(statement, options.dialect);
}
