// Compiles an INTERACTION block: the contacts whose interactions of one type, after FILTER and inside the
// HAVING window, satisfy the HAVING aggregate. A contact needs at least one such interaction to be a member, so
// `COUNT() < 3` means one or two, and interactions without a contact id never count.

import type { Having, InteractionQuery } from '../../../shared/query/ast';
import { fieldDataType, isInteractionType } from '../../../shared/interactions';
import type { Dialect } from '../db/connect';
import { windowStart } from './date-math';
import { compileCondition } from './expression-sql';
import { interactionField, interactionFieldScope } from './interaction-fields';
import { nextAlias, type CompileState, type MemberQuery } from './member-query';
import { QueryCompileError } from './query-compile-error';
import { column, identifier, joinSql, parameter, sql, type SqlFragment } from './sql-fragment';

/** The WHERE conditions of a block, for the row aliased `tableAlias`, and the start of its window if it has one. */
export interface InteractionSelection {
  conditions: SqlFragment[];
  windowStart?: number;
}

function checkBlock(block: InteractionQuery): void {
  if (!isInteractionType(block.interactionType)) {
    throw new QueryCompileError(
      'unknown-interaction-type',
      `The interaction type ${block.interactionType} does not exist. Use a type of the interaction export model, such as EmailClicked.`,
      block.interactionTypeSpan ?? block.span,
    );
  }

  const expectedLink = `${block.interactionType}_Contact`;
  if (block.linkName !== expectedLink) {
    throw new QueryCompileError(
      'invalid-link-name',
      `The link name ${block.linkName} does not link ${block.interactionType} interactions to contacts. Write ${expectedLink}.`,
      block.linkNameSpan ?? block.span,
    );
  }

  if (block.paging) {
    throw new QueryCompileError(
      'unsupported-paging',
      'ORDERBY, SKIP, TAKE and SELECT apply to PROFILE queries only. Remove them from the INTERACTION block; member lists are paged by contact id.',
      block.paging.span,
    );
  }
}

function checkWindow(having: Having): void {
  const window = having.window;
  if (window && (!Number.isInteger(window.amount) || window.amount < 0)) {
    throw new QueryCompileError('invalid-window', `${window.unit}(${window.amount}) needs a whole number of 0 or more.`, window.span);
  }
}

/** WHERE conditions shared by membership and explanations: type, contact, FILTER and window. */
export function interactionSelection(block: InteractionQuery, tableAlias: string, state: Pick<CompileState, 'dialect' | 'now'>): InteractionSelection {
  checkBlock(block);

  const conditions = [
    sql`${column(tableAlias, 'interaction_type')} = ${parameter(block.interactionType, 'text')}`,
    sql`${column(tableAlias, 'contact_id')} IS NOT NULL`,
  ];

  if (block.filter) {
    const scope = interactionFieldScope(block.interactionType, tableAlias, state.dialect);
    conditions.push(compileCondition(block.filter, { dialect: state.dialect, now: state.now, scope }));
  }

  let start: number | undefined;
  if (block.having) {
    checkWindow(block.having);
    if (block.having.window) {
      // occurred_at contains whole milliseconds, so rounding up keeps the same rows. A BIGINT parameter lets
      // PostgreSQL compare without casting the column, which would rule out its indexes.
      start = Math.ceil(windowStart(state.now, block.having.window));
      conditions.push(sql`${column(tableAlias, 'occurred_at')} >= ${parameter(start, 'bigint')}`);
    }
  }

  return { conditions, windowStart: start };
}

/**
 * Checks whether `COUNT() <operator> value` is true for every count of 1 or more, as `COUNT() > 0` is. Then the
 * block only tests whether a matching interaction exists.
 */
function holdsForEveryCount(having: Having): boolean {
  switch (having.operator) {
    case '>':
      return having.value < 1;
    case '>=':
      return having.value <= 1;
    case '!=':
      return !(Number.isInteger(having.value) && having.value >= 1);
    default:
      return false;
  }
}

export function isExistenceTest(having: Having | undefined): boolean {
  return !having || (having.aggregate === 'COUNT' && holdsForEveryCount(having));
}

/** Builds the SQL of the HAVING aggregate over the rows aliased `tableAlias`. */
export function aggregateSql(block: InteractionQuery, having: Having, tableAlias: string, dialect: Dialect): SqlFragment {
  if (having.aggregate === 'COUNT') {
    return sql`COUNT(*)`;
  }

  const field = having.field;
  if (!field || field.path.length !== 1) {
    throw new QueryCompileError('invalid-argument', `${having.aggregate} needs the name of a numeric field of ${block.interactionType}, such as ${having.aggregate}(Version).`, having.span);
  }
  const dataType = fieldDataType(block.interactionType, field.path[0]);
  if (dataType === 'string') {
    throw new QueryCompileError(
      'type-mismatch',
      `${having.aggregate}(${field.path[0]}) needs a numeric or date field, but ${field.path[0]} of ${block.interactionType} is text. Use COUNT() or a numeric field.`,
      field.span,
    );
  }

  const value = interactionField(block.interactionType, field.path[0], tableAlias, dialect, field).sql;
  // SQLite sums integers as integers and fails on overflow. Summing as REAL matches PostgreSQL's double precision.
  const number = dialect === 'sqlite' ? sql`CAST(${value} AS REAL)` : sql`CAST(${value} AS double precision)`;
  switch (having.aggregate) {
    case 'SUM':
      return sql`SUM(${number})`;
    case 'AVG':
      return sql`AVG(${number})`;
    case 'MIN':
      return sql`MIN(${number})`;
    case 'MAX':
      return sql`MAX(${number})`;
  }
}

const comparisonSql = { '==': sql`=`, '!=': sql`<>`, '>': sql`>`, '>=': sql`>=`, '<': sql`<`, '<=': sql`<=` } as const;

/** `aggregate <operator> value` of a HAVING clause. An aggregate over missing values only is NULL, so false. */
export function havingComparisonSql(block: InteractionQuery, having: Having, tableAlias: string, dialect: Dialect): SqlFragment {
  if (!Number.isFinite(having.value)) {
    throw new QueryCompileError('invalid-argument', `HAVING needs a finite number to compare with, not ${having.value}.`, having.comparisonSpan ?? having.span);
  }
  return sql`${aggregateSql(block, having, tableAlias, dialect)} ${comparisonSql[having.operator]} ${parameter(having.value, 'double')}`;
}

export function compileInteractionBlock(block: InteractionQuery, state: CompileState): MemberQuery {
  const tableAlias = nextAlias(state, 'i');
  const { conditions } = interactionSelection(block, tableAlias, state);
  if (state.contactId !== undefined) {
    conditions.push(sql`${column(tableAlias, 'contact_id')} = ${parameter(state.contactId, 'text')}`);
  }

  const contactId = column(tableAlias, 'contact_id');
  const from = sql`FROM "interaction" AS ${identifier(tableAlias)} WHERE ${joinSql(conditions, ' AND ')}`;

  if (isExistenceTest(block.having)) {
    return { sql: sql`SELECT DISTINCT ${contactId} ${from}`, shape: 'select' };
  }

  const having = havingComparisonSql(block, block.having as Having, tableAlias, state.dialect);
  return { sql: sql`SELECT ${contactId} ${from} GROUP BY ${contactId} HAVING ${having}`, shape: 'select' };
}
