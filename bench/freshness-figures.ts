// Freshness under sustained ingest: the time from an interaction being stored to the contact being visible as a
// member of a live segment. bench/freshness.ts measures it. This file runs that script when it exists, and
// turns the p50 and p99 it prints into figures: it reads every JSON line with fields named like p50Ms and p99Ms.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { notMeasured, valueTarget, type Figure } from './figure';
import type { BenchSettings } from './settings';

const group = 'Freshness';
const script = resolve('bench/freshness.ts');

interface FreshnessLine {
  p50: number;
  p99: number;
  database: string;
  /** The line's other fields, such as samples and missed, for the report. */
  context: string;
}

/** Finds every JSON object line with a p50 and a p99 field, one per database measured. */
function linesWithPercentiles(output: string): FreshnessLine[] {
  const found: FreshnessLine[] = [];
  for (const line of output.split('\n')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.trim());
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed !== 'object') {
      continue;
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    const p50 = entries.find(([key, value]) => /p50/i.test(key) && typeof value === 'number')?.[1] as number | undefined;
    const p99 = entries.find(([key, value]) => /p99/i.test(key) && typeof value === 'number')?.[1] as number | undefined;
    if (p50 === undefined || p99 === undefined) {
      continue;
    }
    const database = String((parsed as Record<string, unknown>).database ?? (parsed as Record<string, unknown>).name ?? 'database');
    const context = entries
      .filter(([key, value]) => !/p50|p99|^name$|^database$/i.test(key) && (typeof value === 'number' || typeof value === 'string'))
      .map(([key, value]) => `${key}=${value}`)
      .join(', ');
    found.push({ p50, p99, database, context });
  }
  return found;
}

export async function measureFreshness(settings: BenchSettings): Promise<Figure[]> {
  if (!existsSync(script)) {
    return [notMeasured(group, 'p50 and p99, stored to member visible', 'reported', 'bench/freshness.ts does not exist yet')];
  }

  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    encoding: 'utf8',
    // The full run measures both databases; the smoke run only SQLite, to stay short.
    env: { ...process.env, BENCH_QUICK: settings.quick ? '1' : '0', FRESHNESS_DATABASES: settings.quick ? 'sqlite' : 'sqlite,postgres', BENCH_POSTGRES_URL: settings.postgresUrl },
    timeout: 10 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    const reason = (run.stderr || run.error?.message || '').trim().split('\n').slice(-3).join(' ');
    return [notMeasured(group, 'p50 and p99, stored to member visible', 'reported', `bench/freshness.ts failed (exit ${run.status}): ${reason}`)];
  }

  const found = linesWithPercentiles(run.stdout);
  if (found.length === 0) {
    const last = run.stdout.trim().split('\n').at(-1) ?? '';
    return [notMeasured(group, 'p50 and p99, stored to member visible', 'reported', `bench/freshness.ts printed no JSON line with p50 and p99; its last line: ${last}`)];
  }

  return found.flatMap((line): Figure[] => [
    {
      group,
      name: `${line.database}, p50, stored to member visible`,
      value: line.p50,
      unit: 'ms',
      direction: 'lower',
      target: { text: 'reported; the target is on p99', met: () => true },
      note: line.context || undefined,
    },
    {
      group,
      name: `${line.database}, p99, stored to member visible`,
      value: line.p99,
      unit: 'ms',
      direction: 'lower',
      target: line.database === 'sqlite' ? valueTarget('p99 < 1 s (bench/freshness.ts)', (value) => value < 1000) : { text: 'reported', met: () => true },
    },
  ]);
}
