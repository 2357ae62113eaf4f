// Interaction fields in SQL. A handful are columns of the interaction table, covered by its indexes. Every other
// field is read from the `fields` JSON, whose values the ingest stores typed.

import type { FieldReference } from '../../../shared/query/ast';
import { fieldDataType, type FieldDataType } from '../../../shared/interactions';
import type { Dialect } from '../db/connect';
import type { CompiledValue, FieldScope, ValueType } from './compiled-value';
import { QueryCompileError } from './query-compile-error';
import { column, nameLiteral, sql, type SqlFragment } from './sql-fragment';

/** Export model fields copied into columns of the interaction table by the ingest. */
export const interactionColumns: Readonly<Record<string, string>> = {
  InteractionType: 'interaction_type',
  InternalMarketingInteractionId: 'interaction_id',
  Timestamp: 'occurred_at',
  ContactId: 'contact_id',
  CustomerJourneyId: 'customer_journey_id',
  ActivityId: 'activity_id',
};

const valueTypes: Record<FieldDataType, ValueType> = {
  string: 'string',
  int64: 'number',
  double: 'number',
  dateTimeOffset: 'date',
};

// NOTE: values are trusted to have their declared JSON type, as the ingest converts them. A numeric field
// holding text would fail the PostgreSQL cast and merely compare unequal in SQLite. int64 values beyond 2^53
// lose precision as double precision.
function jsonField(tableAlias: string, name: string, type: ValueType, dialect: Dialect): SqlFragment {
  const fields = column(tableAlias, 'fields');
  if (dialect === 'sqlite') {
    return sql`json_extract(${fields}, ${nameLiteral(name, '$.')})`;
  }
  const text = sql`(${fields}::jsonb ->> ${nameLiteral(name)})`;
  return type === 'string' ? text : sql`CAST(${text} AS double precision)`;
}

/** Resolves one field of an interaction type, read from the row aliased `tableAlias`, to typed SQL. */
export function interactionField(interactionType: string, name: string, tableAlias: string, dialect: Dialect, field?: FieldReference): CompiledValue {
  const dataType = fieldDataType(interactionType, name);
  if (!dataType) {
    throw new QueryCompileError(
      'unknown-field',
      `The field ${name} does not exist on ${interactionType} interactions. Check its spelling against the interaction export model.`,
      field?.span,
    );
  }

  const type = valueTypes[dataType];
  const columnName = interactionColumns[name];
  if (columnName) {
    return { type, sql: column(tableAlias, columnName) };
  }
  return { type, sql: jsonField(tableAlias, name, type, dialect) };
}

/**
 * Fields of the interactions of one INTERACTION block: bare names only, since the block has no alias. Inside a
 * TRAVERSE, `alias.Field` also names the traversed interaction when the traverse gave one.
 */
export function interactionFieldScope(interactionType: string, tableAlias: string, dialect: Dialect, alias?: string): FieldScope {
  return {
    resolve(field) {
      if (field.path.length === 1) {
        return interactionField(interactionType, field.path[0], tableAlias, dialect, field);
      }
      if (field.path.length === 2 && alias !== undefined && field.path[0] === alias) {
        return interactionField(interactionType, field.path[1], tableAlias, dialect, field);
      }
      throw new QueryCompileError(
        'unknown-alias',
        `The field ${field.path.join('.')} cannot be read from ${interactionType} interactions: write the field name without a prefix${alias ? ` or with ${alias}.` : ''}.`,
        field.span,
      );
    },
  };
}
