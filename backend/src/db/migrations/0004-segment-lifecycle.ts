// Lifecycle and live membership of segments: the pending edit of a live segment, evaluation times, the stored
// members of live segments with their change log, the transition history, and the position up to which
// membership maintenance has read the interactions.

import { sql, type Kysely } from 'kysely';

import type { Dialect } from '../connect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const autoIncrementKey = dialect === 'sqlite' ? 'integer' : 'bigserial';
  // Member pages are ordered by contact id in code point order on both databases; a "C" collation lets the
  // PostgreSQL primary key index serve that order.
  const contactIdType = dialect === 'sqlite' ? sql`text` : sql`text COLLATE "C"`;

  for (const [name, type] of [
    ['pending_logic', 'text'],
    ['pending_logic_ast', 'text'],
    ['last_error', 'text'],
    ['last_evaluated_at', 'bigint'],
    ['next_evaluation_at', 'bigint'],
    ['swept_at', 'bigint'],
  ] as const) {
    // SQLite adds one column per ALTER TABLE statement.
    await db.schema.alterTable('segment').addColumn(name, type).execute();
  }

  await db.schema
    .createTable('segment_member')
    .addColumn('segment_id', 'text', (column) => column.notNull().references('segment.segment_id').onDelete('cascade'))
    .addColumn('contact_id', contactIdType, (column) => column.notNull())
    .addColumn('since', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('segment_member_pk', ['segment_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('segment_member_change')
    .addColumn('seq', autoIncrementKey, (column) => (dialect === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey()))
    .addColumn('segment_id', 'text', (column) => column.notNull().references('segment.segment_id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (column) => column.notNull())
    .addColumn('change', 'text', (column) => column.notNull())
    .addColumn('at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('segment_member_change_by_segment').on('segment_member_change').columns(['segment_id', 'seq']).execute();

  await db.schema
    .createTable('segment_transition')
    .addColumn('seq', autoIncrementKey, (column) => (dialect === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey()))
    .addColumn('segment_id', 'text', (column) => column.notNull().references('segment.segment_id').onDelete('cascade'))
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('from_status', 'text', (column) => column.notNull())
    .addColumn('to_status', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('at', 'bigint', (column) => column.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('segment_transition_by_segment').on('segment_transition').columns(['segment_id', 'seq']).execute();

  await db.schema
    .createTable('membership_maintenance')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('interaction_seq', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .execute();

  // Window sweeps look up the interactions of one type that left a window between two times.
  await db.schema.createIndex('interaction_by_time').on('interaction').columns(['interaction_type', 'occurred_at']).execute();
  await db.schema.createIndex('segment_by_status').on('segment').column('status').execute();
}
