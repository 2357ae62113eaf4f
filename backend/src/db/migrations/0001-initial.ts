import type { Kysely } from 'kysely';

import type { Dialect } from '../connect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('journey')
    .addColumn('journey_id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('start_date', 'bigint', (column) => column.notNull())
    .addColumn('recurring', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('tile')
    .addColumn('journey_id', 'text', (column) => column.notNull().references('journey.journey_id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('email_id', 'text')
    .addColumn('parent_activity_id', 'text')
    .addColumn('path', 'text')
    .addColumn('position', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('tile_pk', ['journey_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('contact')
    .addColumn('contact_id', 'text', (column) => column.primaryKey())
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .execute();

  await db.schema
    .createTable('interaction')
    .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigserial', (column) =>
      dialect === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey(),
    )
    .addColumn('interaction_id', 'text', (column) => column.notNull().unique())
    .addColumn('interaction_type', 'text', (column) => column.notNull())
    .addColumn('occurred_at', 'bigint', (column) => column.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('customer_journey_id', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('fields', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createIndex('interaction_by_journey')
    .on('interaction')
    .columns(['interaction_type', 'customer_journey_id', 'activity_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('interaction_by_contact').on('interaction').columns(['contact_id', 'interaction_type']).execute();

  await db.schema
    .createTable('segment')
    .addColumn('segment_id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('logic', 'text', (column) => column.notNull())
    .addColumn('logic_ast', 'text', (column) => column.notNull())
    .addColumn('origin', 'text')
    .addColumn('journey_id', 'text')
    .addColumn('member_count', 'bigint')
    .addColumn('counted_at', 'bigint')
    .addColumn('idempotency_key', 'text', (column) => column.unique())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('segment_by_journey').on('segment').column('journey_id').execute();

}
