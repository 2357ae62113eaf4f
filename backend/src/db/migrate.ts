// Applies the versioned migrations in order. Each migration takes the dialect, because the two databases
// spell a few column types differently.

import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

import type { DatabaseHandle, Dialect } from './connect';
import * as initial from './migrations/0001-initial';
import * as contactAttributes from './migrations/0002-contact-attributes';
import * as importFiles from './migrations/0003-import-files';
import * as segmentLifecycle from './migrations/0004-segment-lifecycle';
import * as tokensAndAudit from './migrations/0005-tokens-and-audit';

type VersionedMigration = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const migrations: Record<string, VersionedMigration> = {
  '0001-initial': initial,
  '0002-contact-attributes': contactAttributes,
  '0003-import-files': importFiles,
  '0004-segment-lifecycle': segmentLifecycle,
  '0005-tokens-and-audit': tokensAndAudit,
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
  // Kysely looks for its migration tables in every schema it can see unless given one, so on a server with
  // several schemas it would take another schema's tables for its own. Pin them to the current schema.
  const migrationTableSchema =
    handle.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db: handle.db, provider: new InCodeMigrations(handle.dialect), migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed on ${handle.location}: ${cause}`, { cause: error });
  }
}
