// Compiles FILTER conditions and the values in them to SQL.
//
// Missing values: a field that is absent (or JSON null) is missing, and so is arithmetic on a missing value and
// a division by zero. A comparison or string match with a missing value is false, also under NOT, so
// `NOT(BlockedReason == 'x')` matches interactions without a BlockedReason. In SQL terms: conditions may yield
// NULL where they are false, which AND, OR and WHERE already treat as false, and NOT and every use of a
// condition as a value turn NULL into false first.

import type { BinaryExpression, ComparisonOperator, Expression, FunctionCall } from '../../../shared/query/ast';
import type { Dialect } from '../db/connect';
import type { CompiledValue, FieldScope, ValueType } from './compiled-value';
import { addToDate, dateDifference, parseIsoDate, utcDate } from './date-math';
import { dateAddSql, dateDifferenceSql } from './date-function-sql';
import { describeExpression } from './describe-expression';
import { QueryCompileError } from './query-compile-error';
import { parameter, sql, type ParameterType, type SqlFragment } from './sql-fragment';
import { matchComputed, matchLiteral } from './string-match-sql';

export interface ExpressionContext {
  dialect: Dialect;
  /** The time DATETIMEUTCNOW() returns, in epoch milliseconds. */
  now: number;
  scope: FieldScope;
}

const comparisonOperators = new Set(['==', '!=', '>', '>=', '<', '<=']);
const arithmeticOperators = new Set(['+', '-', '*', '/']);
const stringOperators = new Set(['CONTAINS', 'STARTSWITH', 'ENDSWITH']);

const comparisonSql: Record<ComparisonOperator, SqlFragment> = {
  '==': sql`=`,
  '!=': sql`<>`,
  '>': sql`>`,
  '>=': sql`>=`,
  '<': sql`<`,
  '<=': sql`<=`,
};

const arithmeticSql: Record<string, SqlFragment> = { '+': sql`+`, '-': sql`-`, '*': sql`*` };

const typeNames: Record<ValueType | 'untyped', string> = {
  string: 'text',
  number: 'a number',
  date: 'a date',
  boolean: 'a condition',
  untyped: 'a contact attribute',
};

const parameterTypes: Record<ValueType, ParameterType> = { string: 'text', number: 'double', date: 'double', boolean: 'boolean' };

const isNumeric = (type: ValueType | 'untyped') => type === 'number' || type === 'date';

function typeMismatch(expression: Expression, message: string): QueryCompileError {
  return new QueryCompileError('type-mismatch', `${describeExpression(expression)}: ${message}`, expression.span);
}

function constantValue(value: string | number | boolean | null, type: ValueType): CompiledValue {
  return { type, sql: parameter(value, parameterTypes[type]), constant: { value } };
}

/** Gives an untyped value (a contact attribute) the type its context needs; typed values pass unchanged. */
function readAs(value: CompiledValue, type: ValueType): CompiledValue {
  if (value.type !== 'untyped' || !value.readAs) {
    return value;
  }
  return { type, sql: value.readAs(type) };
}

const falseSql = (dialect: Dialect) => (dialect === 'sqlite' ? sql`0` : sql`FALSE`);

/** Compiles a condition used as a value, which must never be NULL. */
function conditionValue(expression: Expression, context: ExpressionContext): CompiledValue {
  return { type: 'boolean', sql: sql`COALESCE(${compileCondition(expression, context)}, ${falseSql(context.dialect)})` };
}

function compileComparison(expression: BinaryExpression, context: ExpressionContext): SqlFragment {
  const operator = expression.operator as ComparisonOperator;
  let left = compileValue(expression.left, context);
  let right = compileValue(expression.right, context);

  // An attribute compared with an attribute compares as text; otherwise it takes the other side's type.
  if (left.type === 'untyped' && right.type === 'untyped') {
    left = readAs(left, 'string');
    right = readAs(right, 'string');
  } else if (left.type === 'untyped') {
    left = readAs(left, right.type as ValueType);
  } else if (right.type === 'untyped') {
    right = readAs(right, left.type);
  }

  // A date compared with a text constant reads the text as an ISO 8601 date.
  left = textAsDate(left, right, expression.left);
  right = textAsDate(right, left, expression.right);

  const bothNumeric = isNumeric(left.type) && isNumeric(right.type);
  if (!bothNumeric && left.type !== right.type) {
    throw typeMismatch(expression, `cannot compare ${typeNames[left.type]} with ${typeNames[right.type]}.`);
  }
  if (left.type === 'boolean' && operator !== '==' && operator !== '!=') {
    throw typeMismatch(expression, `conditions can only be compared with == or !=.`);
  }

  // PostgreSQL orders text by the database's collation; "C" orders by code point, as SQLite does.
  const rightSql = left.type === 'string' && context.dialect === 'postgres' && operator !== '==' && operator !== '!=' ? sql`${right.sql} COLLATE "C"` : right.sql;
  return sql`(${left.sql} ${comparisonSql[operator]} ${rightSql})`;
}

function textAsDate(value: CompiledValue, other: CompiledValue, expression: Expression): CompiledValue {
  if (other.type !== 'date' || value.type !== 'string' || !value.constant || typeof value.constant.value !== 'string') {
    return value;
  }
  const epochMs = parseIsoDate(value.constant.value);
  if (epochMs === undefined) {
    throw new QueryCompileError(
      'invalid-argument',
      `'${value.constant.value}' is not a date. Write an ISO 8601 date such as '2026-07-14' or '2026-07-14T15:05:09Z', or use DATE(2026, 7, 14).`,
      expression.span,
    );
  }
  return constantValue(epochMs, 'date');
}

function compileStringMatch(expression: BinaryExpression, context: ExpressionContext): SqlFragment {
  const operator = expression.operator as 'CONTAINS' | 'STARTSWITH' | 'ENDSWITH';
  const subject = readAs(compileValue(expression.left, context), 'string');
  const other = readAs(compileValue(expression.right, context), 'string');
  if (subject.type !== 'string' || other.type !== 'string') {
    throw typeMismatch(expression, `${operator} needs text on both sides.`);
  }

  if (other.constant && typeof other.constant.value === 'string') {
    return matchLiteral(operator, subject.sql, other.constant.value, context.dialect);
  }
  return matchComputed(operator, subject.sql, other.sql, context.dialect);
}

function compileArithmetic(expression: BinaryExpression, context: ExpressionContext): CompiledValue {
  const operator = expression.operator;
  const left = readAs(compileValue(expression.left, context), 'number');
  const right = readAs(compileValue(expression.right, context), 'number');
  if (!isNumeric(left.type) || !isNumeric(right.type)) {
    throw typeMismatch(expression, `${operator} needs numbers or dates on both sides.`);
  }

  // A date moved by a number of milliseconds stays a date; the difference of two dates is a number.
  const resultType: ValueType =
    (operator === '+' && (left.type === 'date') !== (right.type === 'date')) || (operator === '-' && left.type === 'date' && right.type !== 'date')
      ? 'date'
      : 'number';

  if (left.constant && right.constant) {
    return constantValue(foldArithmetic(operator, left.constant.value as number | null, right.constant.value as number | null), resultType);
  }

  const dialect = context.dialect;
  if (operator === '/') {
    // Both databases would divide integers as integers; PostgreSQL would also fail on a division by zero.
    return dialect === 'sqlite'
      ? { type: resultType, sql: sql`(CAST(${left.sql} AS REAL) / ${right.sql})` }
      : { type: resultType, sql: sql`(CAST(${left.sql} AS double precision) / NULLIF(${right.sql}, 0))` };
  }
  // PostgreSQL would compute BIGINT columns as integers, which overflow where SQLite switches to floating point.
  const leftSql = dialect === 'postgres' ? sql`CAST(${left.sql} AS double precision)` : left.sql;
  return { type: resultType, sql: sql`(${leftSql} ${arithmeticSql[operator]} ${right.sql})` };
}

function foldArithmetic(operator: string, left: number | null, right: number | null): number | null {
  if (left === null || right === null) {
    return null;
  }
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    default:
      return right === 0 ? null : left / right;
  }
}

function expectArgumentCount(call: FunctionCall, minimum: number, maximum = minimum): void {
  if (call.args.length < minimum || call.args.length > maximum) {
    const expected = minimum === maximum ? `${minimum}` : `${minimum} to ${maximum}`;
    throw new QueryCompileError('invalid-argument', `${call.name} takes ${expected} arguments, not ${call.args.length}.`, call.span);
  }
}

function numericArgument(call: FunctionCall, index: number, type: 'number' | 'date', context: ExpressionContext): CompiledValue {
  const value = readAs(compileValue(call.args[index], context), type);
  if (!isNumeric(value.type)) {
    throw typeMismatch(call.args[index], `argument ${index + 1} of ${call.name} must be ${typeNames[type]}, not ${typeNames[value.type]}.`);
  }
  return value;
}

function datePartArgument(call: FunctionCall) {
  const part = call.args[0];
  if (part.kind !== 'datePart') {
    throw new QueryCompileError(
      'invalid-argument',
      `The first argument of ${call.name} must be a date part: YEAR, MONTH, DAY, HOUR, MINUTE, SECOND or MILLISECOND.`,
      part.span,
    );
  }
  return part.part;
}

function compileDate(call: FunctionCall, context: ExpressionContext): CompiledValue {
  expectArgumentCount(call, 3, 7);
  const components = call.args.map((_, index) => {
    const value = numericArgument(call, index, 'number', context);
    if (!value.constant || typeof value.constant.value !== 'number') {
      throw new QueryCompileError('invalid-argument', `DATE needs numbers written in the query; argument ${index + 1} is computed.`, call.args[index].span);
    }
    return value.constant.value;
  });

  const epochMs = utcDate(components);
  if (epochMs === undefined) {
    throw new QueryCompileError(
      'invalid-argument',
      `${describeExpression(call)} is not a valid date. Give whole numbers: year, month 1-12, a day of that month, hour 0-23, minute and second 0-59, millisecond 0-999.`,
      call.span,
    );
  }
  return constantValue(epochMs, 'date');
}

function compileDateAdd(call: FunctionCall, context: ExpressionContext): CompiledValue {
  expectArgumentCount(call, 3);
  const part = datePartArgument(call);
  const amount = numericArgument(call, 1, 'number', context);
  const date = numericArgument(call, 2, 'date', context);

  if (amount.constant && date.constant) {
    const [amountValue, dateValue] = [amount.constant.value as number | null, date.constant.value as number | null];
    return constantValue(amountValue === null || dateValue === null ? null : addToDate(part, amountValue, dateValue), 'date');
  }
  return { type: 'date', sql: dateAddSql(part, amount.sql, date.sql, context.dialect) };
}

function compileDateDifference(call: FunctionCall, context: ExpressionContext): CompiledValue {
  expectArgumentCount(call, 3);
  const part = datePartArgument(call);
  const start = numericArgument(call, 1, 'date', context);
  const end = numericArgument(call, 2, 'date', context);

  if (start.constant && end.constant) {
    const [startValue, endValue] = [start.constant.value as number | null, end.constant.value as number | null];
    return constantValue(startValue === null || endValue === null ? null : dateDifference(part, startValue, endValue), 'number');
  }
  return { type: 'number', sql: dateDifferenceSql(part, start.sql, end.sql, context.dialect) };
}

function compileNullCheck(call: FunctionCall, context: ExpressionContext): SqlFragment {
  expectArgumentCount(call, 1);
  const value = compileValue(call.args[0], context);
  return call.name === 'ISNULL' ? sql`(${value.sql} IS NULL)` : sql`(${value.sql} IS NOT NULL)`;
}

/** Compiles an expression used as a value: a field, a literal, arithmetic, a date function, or a condition. */
export function compileValue(expression: Expression, context: ExpressionContext): CompiledValue {
  switch (expression.kind) {
    case 'field':
      return context.scope.resolve(expression);
    case 'string':
      return constantValue(expression.value, 'string');
    case 'number':
      return constantValue(expression.value, 'number');
    case 'boolean':
      return constantValue(expression.value, 'boolean');
    case 'datePart':
      throw new QueryCompileError(
        'invalid-argument',
        `The date part ${expression.part} can only be the first argument of DATEADD or DATEDIFF.`,
        expression.span,
      );
    case 'not':
      return conditionValue(expression, context);
    case 'binary':
      return arithmeticOperators.has(expression.operator) ? compileArithmetic(expression, context) : conditionValue(expression, context);
    case 'call':
      switch (expression.name) {
        case 'ISNULL':
        case 'ISNOTNULL':
          return { type: 'boolean', sql: compileNullCheck(expression, context) };
        case 'DATETIMEUTCNOW':
          expectArgumentCount(expression, 0);
          return constantValue(context.now, 'date');
        case 'DATE':
          return compileDate(expression, context);
        case 'DATEADD':
          return compileDateAdd(expression, context);
        case 'DATEDIFF':
          return compileDateDifference(expression, context);
      }
  }
}

/**
 * Compiles a condition. The SQL is true where the condition holds, and false or NULL where it does not (see
 * the top of this file).
 */
export function compileCondition(expression: Expression, context: ExpressionContext): SqlFragment {
  if (expression.kind === 'binary') {
    if (expression.operator === '&&') {
      return sql`(${compileCondition(expression.left, context)} AND ${compileCondition(expression.right, context)})`;
    }
    if (expression.operator === '||') {
      return sql`(${compileCondition(expression.left, context)} OR ${compileCondition(expression.right, context)})`;
    }
    if (comparisonOperators.has(expression.operator)) {
      return compileComparison(expression, context);
    }
    if (stringOperators.has(expression.operator)) {
      return compileStringMatch(expression, context);
    }
  }

  if (expression.kind === 'not') {
    return sql`(NOT COALESCE(${compileCondition(expression.operand, context)}, ${falseSql(context.dialect)}))`;
  }
  if (expression.kind === 'call' && (expression.name === 'ISNULL' || expression.name === 'ISNOTNULL')) {
    return compileNullCheck(expression, context);
  }

  const value = readAs(compileValue(expression, context), 'boolean');
  if (value.type !== 'boolean') {
    throw typeMismatch(expression, `this is ${typeNames[value.type]}, not a condition. Compare it with something, for example with ==.`);
  }
  return value.sql;
}
