// CONTAINS, STARTSWITH and ENDSWITH, case-sensitive on both databases. A text written in the query becomes a
// pattern parameter with its wildcards escaped: GLOB in SQLite (its LIKE ignores ASCII case), LIKE in PostgreSQL.
// A text computed at run time uses plain string functions instead, so it needs no escaping.

import type { StringOperator } from '../../../shared/query/ast';
import type { Dialect } from '../db/connect';
import { parameter, sql, type SqlFragment } from './sql-fragment';

/** Escapes GLOB's wildcards by putting each in a one-character class: `*` becomes `[*]`. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[]/g, (character) => `[${character}]`);
}

/** Escapes LIKE's wildcards and the escape character itself with a backslash. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function pattern(operator: StringOperator, escaped: string, wildcard: string): string {
  switch (operator) {
    case 'CONTAINS':
      return `${wildcard}${escaped}${wildcard}`;
    case 'STARTSWITH':
      return `${escaped}${wildcard}`;
    case 'ENDSWITH':
      return `${wildcard}${escaped}`;
  }
}

// E'' keeps the backslash literal whatever the standard_conforming_strings setting is.
const likeEscapeClause = sql`ESCAPE E'\\\\'`;

/** `subject <operator> 'text'` with the text known while compiling. */
export function matchLiteral(operator: StringOperator, subject: SqlFragment, text: string, dialect: Dialect): SqlFragment {
  if (dialect === 'sqlite') {
    return sql`(${subject} GLOB ${parameter(pattern(operator, escapeGlob(text), '*'), 'text')})`;
  }
  return sql`(${subject} LIKE ${parameter(pattern(operator, escapeLike(text), '%'), 'text')} ${likeEscapeClause})`;
}

/** `subject <operator> other` with the other text computed by the database. */
export function matchComputed(operator: StringOperator, subject: SqlFragment, other: SqlFragment, dialect: Dialect): SqlFragment {
  if (dialect === 'sqlite') {
    switch (operator) {
      case 'CONTAINS':
        return sql`(instr(${subject}, ${other}) > 0)`;
      case 'STARTSWITH':
        return sql`(substr(${subject}, 1, length(${other})) = ${other})`;
      case 'ENDSWITH':
        return sql`(length(${subject}) >= length(${other}) AND substr(${subject}, length(${subject}) - length(${other}) + 1) = ${other})`;
    }
  }

  switch (operator) {
    case 'CONTAINS':
      return sql`(strpos(${subject}, ${other}) > 0)`;
    case 'STARTSWITH':
      return sql`(left(${subject}, length(${other})) = ${other})`;
    case 'ENDSWITH':
      return sql`(right(${subject}, length(${other})) = ${other})`;
  }
}
