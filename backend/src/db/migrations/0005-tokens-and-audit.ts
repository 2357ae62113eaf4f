// API tokens with their roles, and the audit log of segment changes.

import type { Kysely } from 'kysely';

import type { Dialect } from '../connect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const autoIncrementKey = dialect === 'sqlite' ? 'integer' : 'bigserial';

  await db.schema
    .createTable('api_token')
    .addColumn('token_id', 'text', (column) => column.primaryKey())
    // Unique, so the name recorded as the actor of a change identifies one token.
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('prefix', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();

  // No foreign key to segment: the log outlives the segments it describes.
  await db.schema
    .createTable('audit_entry')
    .addColumn('seq', autoIncrementKey, (column) => (dialect === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey()))
    .addColumn('segment_id', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('actor_token_id', 'text')
    .addColumn('at', 'bigint', (column) => column.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_entry_by_segment').on('audit_entry').columns(['segment_id', 'seq']).execute();
}
