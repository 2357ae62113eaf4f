// Helpers for the SQL compiler tests: parse query text and compile it for one dialect.

import type { SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { compileMembership, type MembershipOptions } from '../../../backend/src/query/compile-membership';
import type { CompiledSql } from '../../../backend/src/query/sql-fragment';

export const dialects = ['sqlite', 'postgres'] as const;

/** 2026-03-31T12:00:00Z, a month end, so calendar windows have a day to clamp. */
export const now = Date.UTC(2026, 2, 31, 12);

export function parse(text: string): SegmentExpression {
  const { ast, errors } = parseQuery(text);
  if (!ast) {
    throw new Error(`The test query does not parse: ${errors.map((error) => error.message).join(' ')}`);
  }
  return ast;
}

export function compileText(text: string, dialect: MembershipOptions['dialect'], options: Partial<MembershipOptions> = {}): CompiledSql {
  return compileMembership(parse(text), { dialect, now, ...options });
}

/** Counts the placeholders of a statement: `?` in SQLite, distinct `$n` in PostgreSQL. */
export function placeholderCount(statement: CompiledSql, dialect: MembershipOptions['dialect']): number {
  if (dialect === 'sqlite') {
    return (statement.sql.match(/\?/g) ?? []).length;
  }
  return new Set(statement.sql.match(/\$\d+/g) ?? []).size;
}
