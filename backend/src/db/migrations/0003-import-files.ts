// Remembers how far each blob file of an interaction export folder was imported, so a re-run skips unchanged
// files and reads only the rows appended to a blob since the last run.

import type { Kysely } from 'kysely';

import type { Dialect } from '../connect';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('import_file')
    .addColumn('folder', 'text', (column) => column.notNull())
    .addColumn('path', 'text', (column) => column.notNull())
    .addColumn('size', 'bigint', (column) => column.notNull())
    .addColumn('imported_bytes', 'bigint', (column) => column.notNull())
    .addColumn('imported_lines', 'bigint', (column) => column.notNull())
    .addColumn('imported_rows', 'bigint', (column) => column.notNull())
    .addColumn('rejected_rows', 'bigint', (column) => column.notNull())
    .addColumn('fingerprint', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('import_file_pk', ['folder', 'path'])
    .execute();
}
