// Reserved words and built-in names of the segment query language. Keywords match case-insensitively, so every
// set here contains the uppercase spelling and callers compare against `token.upper`.

import type { AggregateFunction, DatePart, FunctionName, SetOperator, WindowUnit } from './ast';

export const setOperators: ReadonlySet<string> = new Set<SetOperator>(['UNION', 'INTERSECT', 'EXCEPT']);

export const aggregateFunctions: ReadonlySet<string> = new Set<AggregateFunction>([
  'COUNT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
]);

export const windowUnits: ReadonlySet<string> = new Set<WindowUnit>(['UTCDAYS', 'UTCMONTHS', 'UTCYEARS']);

export const datePartNames: readonly DatePart[] = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND'];

export const datePartSet: ReadonlySet<string> = new Set<string>(datePartNames);

/** Minimum and maximum argument count of each function that may appear in a condition. */
export const functionArity: Readonly<Record<FunctionName, readonly [number, number]>> = {
  ISNULL: [1, 1],
  ISNOTNULL: [1, 1],
  DATETIMEUTCNOW: [0, 0],
  DATE: [3, 7],
  DATEDIFF: [3, 3],
  DATEADD: [3, 3],
};

export function isFunctionName(upper: string): upper is FunctionName {
  return Object.prototype.hasOwnProperty.call(functionArity, upper);
}

/** Functions whose first argument is a date part such as DAY. */
export const datePartFunctions: ReadonlySet<string> = new Set<FunctionName>(['DATEDIFF', 'DATEADD']);

/** Calls that may follow a segment operand after a dot. */
export const chainCalls: ReadonlySet<string> = new Set([
  'FILTER',
  'TRAVERSE',
  'HAVING',
  'ORDERBY',
  'SKIP',
  'TAKE',
  'SELECT',
]);

/**
 * Words that cannot name a field inside a condition, because the parser reads them as operators or literals
 * there. A field with one of these names cannot be written in the language.
 */
export const conditionReservedWords: ReadonlySet<string> = new Set([
  'TRUE',
  'FALSE',
  'NOT',
  'OR',
  'CONTAINS',
  'STARTSWITH',
  'ENDSWITH',
]);

/** Identifiers: a letter or underscore, then letters, digits or underscores. Letters include non-ASCII ones. */
const identifierPattern = /^[\p{L}_][\p{L}\p{N}_]*$/u;

export function isIdentifier(text: string): boolean {
  return identifierPattern.test(text);
}
