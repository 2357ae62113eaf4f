// A schema of its own on the benchmark PostgreSQL server, so a run never touches other data, dropped at the end.

import { randomBytes } from 'node:crypto';

import pg from 'pg';

export interface BenchSchema {
  name: string;
  /** The server URL with search_path set to the schema, as DATABASE_URL takes it. */
  url: string;
  drop(): Promise<void>;
}

export async function createBenchSchema(serverUrl: string): Promise<BenchSchema> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }

  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
