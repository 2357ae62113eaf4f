// Crash durability of ingest: the backend runs as a child process and takes NDJSON batches over HTTP until it
// is killed with SIGKILL mid-stream. After a restart on the same database, every interaction whose batch the
// backend had acknowledged must be stored. On SQLite this rests on WAL with synchronous=FULL.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../backend/src/db/connect';
import { createTestDatabase, testDialects, type TestDatabase } from '../../support/databases';

const batchSize = 200;
/** How long batches flow before the kill, in milliseconds. */
const ingestBeforeKillMs = 1_500;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function createAdminToken(databaseUrl: string): string {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'backend/src/cli/token.ts', 'create', '--role', 'admin', '--name', 'durability test', '--json', '--database', databaseUrl],
    { encoding: 'utf8' },
  );
  return (JSON.parse(output) as { token: string }).token;
}

interface RunningBackend {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

async function startBackend(databaseUrl: string, port: number, token: string): Promise<RunningBackend> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO: '0', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) {
      throw new Error(`The backend exited with code ${child.exitCode} before it answered on ${url}.`);
    }
    try {
      const response = await fetch(`${url}/api/segments`, { headers: { authorization: `Bearer ${token}` } });
      if (response.ok) {
        return { child, url, exited };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The backend did not answer on ${url} within 30 seconds.`);
}

let sequence = 0;
function batch(): string {
  const lines = Array.from({ length: batchSize }, () => {
    sequence += 1;
    return JSON.stringify({
      InteractionType: 'EmailClicked',
      InternalMarketingInteractionId: `durability-${process.pid}-${sequence}`,
      Timestamp: '2026-07-14T15:05:09Z',
      Version: 1,
      ContactId: `contact-${sequence % 500}`,
      CustomerJourneyId: 'journey-durability',
      ActivityId: '02',
      LinkId: 'link-1',
    });
  });
  return `${lines.join('\n')}\n`;
}

/** Posts batches one after another until a request fails; returns the interaction ids the backend acknowledged. */
async function ingestUntilFailure(url: string, token: string, acknowledged: Set<string>): Promise<number> {
  let batches = 0;
  for (;;) {
    let reply: { outcomes: Array<{ status: string; interactionId?: string }> };
    try {
      const response = await fetch(`${url}/api/interactions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body: batch(),
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      }
      reply = (await response.json()) as typeof reply;
    } catch {
      return batches;
    }
    for (const outcome of reply.outcomes) {
      if (outcome.status === 'stored' || outcome.status === 'duplicate') {
        acknowledged.add(outcome.interactionId!);
      }
    }
    batches += 1;
  }
}

const running: ChildProcess[] = [];
const databases: TestDatabase[] = [];

afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
});

afterAll(async () => {
  for (const database of databases.splice(0)) {
    await database.drop();
  }
});

describe.each(testDialects)('ingest killed mid-stream on %s', (dialect) => {
  it('keeps every acknowledged interaction', async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    const token = createAdminToken(database.url);
    const port = await freePort();

    const first = await startBackend(database.url, port, token);
    running.push(first.child);
    const acknowledged = new Set<string>();
    const ingest = ingestUntilFailure(first.url, token, acknowledged);
    await new Promise((resolve) => setTimeout(resolve, ingestBeforeKillMs));
    process.kill(first.child.pid!, 'SIGKILL');
    const batches = await ingest;
    await first.exited;

    expect(first.child.signalCode).toBe('SIGKILL');
    expect(batches).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(batches * batchSize);

    const second = await startBackend(database.url, port, token);
    running.push(second.child);
    const handle = openDatabase(database.url);
    try {
      const stored = new Set<string>();
      const rows = await handle.db.selectFrom('interaction').select('interaction_id').where('interaction_id', 'like', `durability-${process.pid}-%`).execute();
      rows.forEach((row) => stored.add(row.interaction_id));
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
    } finally {
      await handle.close();
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
