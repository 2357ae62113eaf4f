// Applies the versioned migrations in order. Each migration takes the dialect, because the two databases
// spell a few column types differently.

import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

import type { DatabaseHandle, Dialect } from './connect';
import * as initial from './migrations/0001-initial';
import * as contactAttributes from './migrations/0002-contact-attributes';

type VersionedMigration = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const migrations: Record<string, VersionedMigration> = {
  '0001-initial': initial,
  '0002-contact-attributes': contactAttributes,
};

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, migration]) => [name, { up: (db: Kysely<unknown>) => migration.up(db, this.dialect) }]),
    );
  }
}

/** Brings the schema up to date. Throws with the failing migration's name and error. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: new InCodeMigrations(handle.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed on ${handle.location}: ${cause}`, { cause: error });
  }
}
