// Runs a compiled statement through the database handle's query builder, on either dialect.

import { CompiledQuery } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { CompiledSql } from './sql-fragment';

export async function runStatement<Row>(handle: DatabaseHandle, statement: CompiledSql): Promise<Row[]> {
  const result = await handle.db.executeQuery<Row>(CompiledQuery.raw(statement.sql, statement.parameters));
  return result.rows;
}
