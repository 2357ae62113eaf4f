// Gives contacts an `attributes` column: a JSON object of the contact's fields beyond name and email address
// (address1_city, birthdate, ...), which PROFILE filters read. Values keep their JSON types; dates are epoch
// milliseconds, as in interactions.

import { sql, type Kysely } from 'kysely';

import type { Dialect } from '../connect';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('contact')
    .addColumn('attributes', 'text', (column) => column.notNull().defaultTo(sql`'{}'`))
    .execute();
}
