// Freshness of live segments under sustained ingest: the time from an ingest response (the batch is stored) to
// each newly matching contact being visible in the change feed of its live segment.
//
// The backend runs as its own process (backend/src/server.ts) on 127.0.0.1 with a demo-seeded database. Four
// segments over the launch journey are live: its email clicks, its opens within 30 days, its deliveries except
// hard bounces, and the UNION of the first two through SEGMENT references. Batches of interactions are posted
// at a fixed rate. Each batch contains noise for existing contacts and one click, one open and one delivery of
// a new contact. One poller per segment follows the change feed and times each new contact from the
// response of the batch that stored it. Prints one JSON line per database:
// {name, database, p50Ms, p99Ms, maxMs, samples, missed, interactionsPerSecond, durationS}. Target: p99 under
// 1 s on SQLite.
//
// Run: npx tsx bench/freshness.ts
// Environment: BENCH_QUICK=1 for a 5 s smoke run; FRESHNESS_DATABASES=postgres,sqlite to measure PostgreSQL too
// (the line printed last is SQLite's); BENCH_POSTGRES_URL or TEST_POSTGRES_URL for the server.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createToken } from '../backend/src/auth/token-repository';
import { openDatabase } from '../backend/src/db/connect';
import { migrateToLatest } from '../backend/src/db/migrate';
import { launchJourney } from '../backend/src/demo/journeys';
import { seedDemo } from '../backend/src/demo/seed';
import { createBenchSchema } from './postgres-schema';
import { benchSettings } from './settings';
import { percentile } from './statistics';

type Database = 'sqlite' | 'postgres';

const settings = benchSettings();
const durationMs = settings.quick ? 5_000 : 20_000;
const batchIntervalMs = 100;
const noisePerBatch = 47;
const demoContacts = settings.quick ? 200 : 2_000;
/** A probe not visible this long after its batch's response counts as missed. */
const missedAfterMs = 10_000;
const pollPauseMs = 5;

const journeyId = launchJourney.journeyId;
const segmentLogic: Array<{ name: string; logic: string; probe: string }> = [
  {
    name: 'FreshClicks',
    logic: `INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == '${journeyId}' && ActivityId == '02')`,
    probe: 'EmailClicked',
  },
  {
    name: 'FreshOpens',
    logic: `INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == '${journeyId}').HAVING(COUNT() > 0, UTCDAYS(30))`,
    probe: 'EmailOpened',
  },
  {
    name: 'FreshDelivered',
    logic:
      `INTERACTION(EmailDelivered, EmailDelivered_Contact).FILTER(CustomerJourneyId == '${journeyId}') ` +
      `EXCEPT INTERACTION(EmailHardBounced, EmailHardBounced_Contact).FILTER(CustomerJourneyId == '${journeyId}')`,
    probe: 'EmailDelivered',
  },
  { name: 'FreshEngaged', logic: 'SEGMENT(FreshClicks) UNION SEGMENT(FreshOpens)', probe: 'EmailClicked' },
];

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Seeds the demo journeys and an admin token into a fresh database; returns the token and some contact ids. */
async function prepareDatabase(url: string): Promise<{ token: string; contactIds: string[] }> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle);
    await seedDemo(handle, { seed: 11, contacts: demoContacts });
    const { token } = await createToken(handle, { name: 'freshness benchmark', role: 'admin', createdBy: 'bench/freshness.ts' });
    const contacts = await handle.db.selectFrom('contact').select('contact_id').limit(1_000).execute();
    return { token, contactIds: contacts.map((row) => row.contact_id) };
  } finally {
    await handle.close();
  }
}

function startBackend(databaseUrl: string, port: number): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('backend/src/server.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

class Api {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  async request<Body = any>(method: string, path: string, body?: string, contentType = 'application/json'): Promise<Body> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} failed with ${response.status}: ${text.slice(0, 300)}`);
    }
    return JSON.parse(text) as Body;
  }

  async waitUntilUp(backend: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.request('GET', '/api/targeting/segments');
        return;
      } catch (error) {
        if (backend.exitCode !== null) {
          throw new Error(`The backend exited with code ${backend.exitCode} before it responded; its errors are printed above.`);
        }
        if (Date.now() > deadline) {
          throw new Error(`The backend at ${this.url} did not respond within ${timeoutMs} ms: ${(error as Error).message}`);
        }
        await new Promise((wait) => setTimeout(wait, 200));
      }
    }
  }
}

interface Probe {
  segmentId: string;
  contactId: string;
  /** performance.now() when the response of the batch that stored the probe arrived. */
  storedAt: number;
}

async function measure(database: Database): Promise<Record<string, unknown>> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-freshness-'));
  const schema = database === 'postgres' ? await createBenchSchema(settings.postgresUrl) : undefined;
  const databaseUrl = schema?.url ?? join(folder, 'freshness.sqlite');
  let backend: ChildProcess | undefined;

  try {
    const { token, contactIds } = await prepareDatabase(databaseUrl);
    const port = await freePort();
    backend = startBackend(databaseUrl, port);
    const api = new Api(`http://127.0.0.1:${port}`, token);
    await api.waitUntilUp(backend, 120_000);

    const segments: Array<{ segmentId: string; probe: string; name: string }> = [];
    for (const { name, logic, probe } of segmentLogic) {
      const created = await api.request<{ segmentId: string }>('POST', '/api/segments', JSON.stringify({ name, logic }));
      await api.request('POST', `/api/segments/${created.segmentId}/go-live`);
      segments.push({ segmentId: created.segmentId, probe, name });
    }

    // Keyed by segment id and contact id.
    const pending = new Map<string, Probe>();
    const latencies: number[] = [];
    let running = true;

    const pollers = segments.map(async ({ segmentId }) => {
      let cursor = (await api.request<{ nextCursor: string }>('GET', `/api/segments/${segmentId}/changes?limit=10000`)).nextCursor;
      while (running || [...pending.values()].some((probe) => probe.segmentId === segmentId)) {
        const page = await api.request<{ changes: Array<{ contactId: string; change: string }>; nextCursor: string }>(
          'GET',
          `/api/segments/${segmentId}/changes?limit=10000&cursor=${cursor}`,
        );
        const seenAt = performance.now();
        cursor = page.nextCursor;
        for (const change of page.changes) {
          const key = `${segmentId} ${change.contactId}`;
          const probe = pending.get(key);
          if (change.change === 'added' && probe) {
            pending.delete(key);
            // A poll that started before the batch's response arrived may already see the member.
            latencies.push(Math.max(0, seenAt - probe.storedAt));
          }
        }
        const oldest = Math.min(...[...pending.values()].filter((probe) => probe.segmentId === segmentId).map((probe) => probe.storedAt));
        if (!running && performance.now() - oldest > missedAfterMs) {
          return;
        }
        await new Promise((wait) => setTimeout(wait, pollPauseMs));
      }
    });

    let sequence = 0;
    let interactions = 0;
    const started = performance.now();
    for (let batch = 0; performance.now() - started < durationMs; batch++) {
      const due = started + batch * batchIntervalMs;
      if (due > performance.now()) {
        await new Promise((wait) => setTimeout(wait, due - performance.now()));
      }

      const now = new Date().toISOString();
      const record = (type: string, contactId: string, activityId: string) => ({
        InteractionType: type,
        InternalMarketingInteractionId: `freshness-${process.pid}-${++sequence}`,
        Timestamp: now,
        ContactId: contactId,
        CustomerJourneyId: journeyId,
        ActivityId: activityId,
      });
      const noiseTypes = ['EmailSent', 'EmailDelivered', 'EmailOpened', 'EmailClicked'];
      const lines = Array.from({ length: noisePerBatch }, (_, index) =>
        record(noiseTypes[index % noiseTypes.length], contactIds[(sequence + index * 7) % contactIds.length], '02'),
      );
      const probeContacts = new Map<string, string>();
      for (const type of new Set(segments.map((segment) => segment.probe))) {
        const contactId = `probe-${batch}-${type}`;
        probeContacts.set(type, contactId);
        lines.push(record(type, contactId, '02'));
      }

      const summary = await api.request<{ stored: number }>('POST', '/api/interactions', lines.map((line) => JSON.stringify(line)).join('\n'), 'application/x-ndjson');
      const storedAt = performance.now();
      if (summary.stored !== lines.length) {
        throw new Error(`Batch ${batch} stored ${summary.stored} of ${lines.length} interactions; every benchmark interaction must be new and valid.`);
      }
      interactions += lines.length;
      for (const segment of segments) {
        const contactId = probeContacts.get(segment.probe)!;
        pending.set(`${segment.segmentId} ${contactId}`, { segmentId: segment.segmentId, contactId, storedAt });
      }
    }
    const elapsedMs = performance.now() - started;
    running = false;
    await Promise.all(pollers);

    return {
      name: 'freshness',
      database,
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      maxMs: Math.round(Math.max(...latencies)),
      samples: latencies.length,
      missed: pending.size,
      interactionsPerSecond: Math.round((interactions / elapsedMs) * 1000),
      liveSegments: segments.length,
      durationS: Math.round(elapsedMs / 1000),
    };
  } finally {
    if (backend && backend.exitCode === null) {
      const exited = new Promise((done) => backend!.once('exit', done));
      backend.kill('SIGTERM');
      await exited;
    }
    await schema?.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

const requested = (process.env.FRESHNESS_DATABASES ?? 'sqlite').split(',').map((name) => name.trim());
// The bench runner reads the last line, so SQLite, which the target is about, comes last.
const databases = (['postgres', 'sqlite'] as const).filter((database) => requested.includes(database));

let failed = false;
for (const database of databases) {
  const result = await measure(database);
  console.log(JSON.stringify(result));
  if (result.missed !== 0) {
    console.error(`${result.missed} new members on ${database} were not visible within ${missedAfterMs} ms of their ingest response.`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
