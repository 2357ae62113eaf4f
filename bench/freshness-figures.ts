// Freshness under sustained ingest: the time from an interaction being stored to the contact being visible as a
// member of a live segment. bench/freshness.ts measures it. This file runs that script when it exists, and
// turns the p50 and p99 it prints into figures: it reads the last JSON line with fields named like p50Ms and p99Ms.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { notMeasured, type Figure } from './figure';
import type { BenchSettings } from './settings';

const group = 'Freshness';
const script = resolve('bench/freshness.ts');

/** Finds the last JSON object line that has a p50 and a p99 field. */
function percentilesIn(output: string): { p50: number; p99: number; line: Record<string, unknown> } | null {
  const lines = output.split('\n').reverse();
  for (const line of lines) {
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
    if (p50 !== undefined && p99 !== undefined) {
      return { p50, p99, line: parsed as Record<string, unknown> };
    }
  }
  return null;
}

export async function measureFreshness(settings: BenchSettings): Promise<Figure[]> {
  if (!existsSync(script)) {
    return [notMeasured(group, 'p50 and p99, stored to member visible', 'reported', 'bench/freshness.ts does not exist yet')];
  }

  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_QUICK: settings.quick ? '1' : '0' },
    timeout: 10 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    const reason = (run.stderr || run.error?.message || '').trim().split('\n').slice(-3).join(' ');
    return [notMeasured(group, 'p50 and p99, stored to member visible', 'reported', `bench/freshness.ts failed (exit ${run.status}): ${reason}`)];
  }

  const found = percentilesIn(run.stdout);
  if (!found) {
    const last = run.stdout.trim().split('\n').at(-1) ?? '';
    return [notMeasured(group, 'p50 and p99, stored to member visible', 'reported', `bench/freshness.ts printed no JSON line with p50 and p99; its last line: ${last}`)];
  }

  const context = Object.entries(found.line)
    .filter(([key, value]) => !/p50|p99/i.test(key) && (typeof value === 'number' || typeof value === 'string'))
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const figure = (name: string, value: number): Figure => ({
    group,
    name: `${name}, stored to member visible`,
    value,
    unit: 'ms',
    direction: 'lower',
    target: { text: 'reported', met: () => true },
    note: context || undefined,
  });
  return [figure('p50', found.p50), figure('p99', found.p99)];
}
