// The typed SQL of one value in a condition, and where field references get theirs.

import type { FieldReference } from '../../../shared/query/ast';
import type { SqlFragment } from './sql-fragment';

/** `date` values are epoch milliseconds in UTC and compare and add like numbers. */
export type ValueType = 'string' | 'number' | 'date' | 'boolean';

export interface CompiledValue {
  /** `untyped` is a contact attribute, whose JSON value can be of any type; the context picks one. */
  type: ValueType | 'untyped';
  /** SQL that is NULL when the value is missing. For an untyped value: NULL exactly when the attribute is missing or null. */
  sql: SqlFragment;
  /** For untyped values: the value read as the given type, NULL when it is missing or of another JSON type. */
  readAs?: (type: ValueType) => SqlFragment;
  /** The value, when it is known while compiling: a literal or a folded constant expression. */
  constant?: { value: string | number | boolean | null };
}

/** Resolves the field references of a condition to SQL; throws a QueryCompileError for an unknown field. */
export interface FieldScope {
  resolve(field: FieldReference): CompiledValue;
}
