// SQL text assembled from fragments. Values only ever enter a fragment as bound parameters, and the template tag
// accepts nothing but other fragments, so a value cannot be spliced into the SQL text by accident.

import type { Dialect } from '../db/connect';

export type SqlValue = string | number | boolean | null;

/** The PostgreSQL type a parameter is cast to; SQLite needs no type. */
export type ParameterType = 'text' | 'double' | 'bigint' | 'boolean';

interface ParameterPart {
  value: SqlValue;
  type: ParameterType;
}

type SqlPart = string | ParameterPart;

export class SqlFragment {
  constructor(readonly parts: readonly SqlPart[]) {}
}

/** A statement ready to run: SQL text with placeholders, and the values bound to them in order. */
export interface CompiledSql {
  sql: string;
  parameters: SqlValue[];
}

/** Builds a fragment from SQL text and nested fragments. */
export function sql(strings: TemplateStringsArray, ...fragments: SqlFragment[]): SqlFragment {
  const parts: SqlPart[] = [];
  strings.forEach((text, index) => {
    parts.push(text);
    if (index < fragments.length) {
      parts.push(...fragments[index].parts);
    }
  });
  return new SqlFragment(parts);
}

export function parameter(value: SqlValue, type: ParameterType): SqlFragment {
  return new SqlFragment([{ value, type }]);
}

export function joinSql(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  const parts: SqlPart[] = [];
  fragments.forEach((fragment, index) => {
    if (index > 0) {
      parts.push(separator);
    }
    parts.push(...fragment.parts);
  });
  return new SqlFragment(parts);
}

// Every table, column, alias and JSON key the compiler writes is one of these: names of our own schema or field
// names of the export model. The pattern is a second line of defence, so a name that slipped through validation
// fails loudly instead of changing the statement.
const safeName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function assertSafeName(name: string, kind: string): void {
  if (!safeName.test(name)) {
    throw new Error(`The ${kind} "${name}" cannot be written into SQL: only letters, digits and underscores are allowed.`);
  }
}

/** Quotes an identifier with double quotes, valid in both dialects. */
export function identifier(name: string): SqlFragment {
  assertSafeName(name, 'identifier');
  return new SqlFragment([`"${name}"`]);
}

/** `"alias"."column"`. */
export function column(alias: string, name: string): SqlFragment {
  return sql`${identifier(alias)}.${identifier(name)}`;
}

/**
 * Writes a string constant into the SQL text: a JSON key or path built from a field name. It is not a bound
 * parameter, so that the planners can match expression indexes on it.
 */
export function nameLiteral(name: string, prefix = ''): SqlFragment {
  assertSafeName(name, 'field name');
  return new SqlFragment([`'${prefix}${name}'`]);
}

const postgresTypes: Record<ParameterType, string> = {
  text: 'text',
  double: 'double precision',
  bigint: 'bigint',
  boolean: 'boolean',
};

/**
 * Renders a fragment for one dialect. PostgreSQL placeholders carry an explicit cast, because a parameter
 * compared with another parameter or used in arithmetic has no type the server could infer. SQLite cannot
 * bind booleans, so they become 1 and 0.
 */
export function renderSql(fragment: SqlFragment, dialect: Dialect): CompiledSql {
  let text = '';
  const parameters: SqlValue[] = [];

  for (const part of fragment.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }

    if (dialect === 'sqlite') {
      const value = typeof part.value === 'boolean' ? Number(part.value) : part.value;
      parameters.push(value);
      text += '?';
    } else {
      parameters.push(part.value);
      text += `CAST($${parameters.length} AS ${postgresTypes[part.type]})`;
    }
  }

  return { sql: text, parameters };
}
