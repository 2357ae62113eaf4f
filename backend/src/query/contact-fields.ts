// Contact fields in SQL. The name and email address are columns of the contact table. Every other field is an
// attribute in its `attributes` JSON object, whose values may be of any JSON type.

import type { FieldReference } from '../../../shared/query/ast';
import type { Dialect } from '../db/connect';
import type { CompiledValue, FieldScope, ValueType } from './compiled-value';
import { QueryCompileError } from './query-compile-error';
import { column, nameLiteral, sql, type SqlFragment } from './sql-fragment';

/** Contact field names (Dataverse logical names and our column names) stored in columns of the contact table. */
export const contactColumns: Readonly<Record<string, string>> = {
  contactid: 'contact_id',
  fullname: 'full_name',
  full_name: 'full_name',
  emailaddress1: 'email',
  email: 'email',
};

// The JSON type names each database reports for the values a type accepts.
const sqliteJsonTypes: Record<ValueType, SqlFragment> = {
  string: sql`'text'`,
  number: sql`'integer', 'real'`,
  date: sql`'integer', 'real'`,
  boolean: sql`'true', 'false'`,
};

const postgresJsonTypes: Record<ValueType, SqlFragment> = {
  string: sql`'string'`,
  number: sql`'number'`,
  date: sql`'number'`,
  boolean: sql`'boolean'`,
};

const postgresCasts: Record<ValueType, SqlFragment> = {
  string: sql`text`,
  number: sql`double precision`,
  date: sql`double precision`,
  boolean: sql`boolean`,
};

/**
 * Reads one attribute as a given type. A value of another JSON type reads as NULL, so `score > 3` is false for
 * a contact whose score is the text '7', on both databases alike.
 */
function attributeAs(attributes: SqlFragment, name: string, type: ValueType, dialect: Dialect): SqlFragment {
  if (dialect === 'sqlite') {
    const path = nameLiteral(name, '$.');
    const accepted = sqliteJsonTypes[type];
    return sql`(CASE WHEN json_type(${attributes}, ${path}) IN (${accepted}) THEN json_extract(${attributes}, ${path}) END)`;
  }

  const key = nameLiteral(name);
  const accepted = postgresJsonTypes[type];
  const cast = postgresCasts[type];
  return sql`(CASE WHEN jsonb_typeof(${attributes}::jsonb -> ${key}) = ${accepted} THEN CAST(${attributes}::jsonb ->> ${key} AS ${cast}) END)`;
}

/** Reads the attribute's value, which is NULL exactly when the attribute is missing or JSON null. */
function attributePresence(attributes: SqlFragment, name: string, dialect: Dialect): SqlFragment {
  return dialect === 'sqlite'
    ? sql`json_extract(${attributes}, ${nameLiteral(name, '$.')})`
    : sql`(${attributes}::jsonb ->> ${nameLiteral(name)})`;
}

/** Resolves one contact field of the row aliased `tableAlias` to SQL. */
export function contactField(name: string, tableAlias: string, dialect: Dialect, field?: FieldReference): CompiledValue {
  const columnName = contactColumns[name];
  if (columnName) {
    return { type: 'string', sql: column(tableAlias, columnName) };
  }

  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new QueryCompileError('unknown-field', `The contact field "${name}" is not a valid field name. Use letters, digits and underscores.`, field?.span);
  }
  const attributes = column(tableAlias, 'attributes');
  return {
    type: 'untyped',
    sql: attributePresence(attributes, name, dialect),
    readAs: (type) => attributeAs(attributes, name, type, dialect),
  };
}

/**
 * Names under which a PROFILE query's fields may be written: bare, or prefixed with the alias the query gave
 * the entity, or with the entity name itself.
 */
export function contactFieldScope(qualifiers: readonly string[], tableAlias: string, dialect: Dialect): FieldScope {
  return {
    resolve(field) {
      if (field.path.length === 1) {
        return contactField(field.path[0], tableAlias, dialect, field);
      }
      if (field.path.length === 2 && qualifiers.includes(field.path[0])) {
        return contactField(field.path[1], tableAlias, dialect, field);
      }
      throw new QueryCompileError(
        'unknown-alias',
        `The field ${field.path.join('.')} has an unknown prefix. Write ${qualifiers.map((qualifier) => `${qualifier}.`).join(' or ')}field, or the field name alone.`,
        field.span,
      );
    },
  };
}
