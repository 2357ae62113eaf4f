// Throwaway databases for tests: a SQLite file in a temporary folder, or a fresh schema on the local PostgreSQL.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

/** The PostgreSQL server the tests use; override with TEST_POSTGRES_URL. */
export const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  /** Removes the file or drops the schema. */
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'journey-segments-'));
    return { url: join(folder, 'test.sqlite'), drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }

  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();

  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** The dialects the integration suite runs on; TEST_DIALECTS=sqlite limits it. */
export const testDialects: TestDialect[] = (process.env.TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((name) => name.trim() as TestDialect);
