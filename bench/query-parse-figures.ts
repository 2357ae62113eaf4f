// Parse plus validate time of a 10 KB segment query. bench/query-parse.ts measures it in a process of its own,
// so that no other benchmark's heap or JIT state skews it. This file runs that script and turns its JSON line
// into a figure.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import { notMeasured, valueTarget, type Figure } from './figure';

const group = 'Query language';
const script = resolve('bench/query-parse.ts');
const name = 'parse and validate a 10 KB query, median';

export async function measureQueryParse(): Promise<Figure[]> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 5 * 60_000 });
  if (run.status !== 0) {
    const reason = (run.stderr || run.error?.message || '').trim().split('\n').slice(-3).join(' ');
    return [notMeasured(group, name, '< 5 ms', `bench/query-parse.ts failed (exit ${run.status}): ${reason}`)];
  }

  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  let result: { medianMs?: unknown; runs?: unknown; bytes?: unknown };
  try {
    result = JSON.parse(line);
  } catch {
    return [notMeasured(group, name, '< 5 ms', `bench/query-parse.ts printed no JSON line; its last line: ${line}`)];
  }
  if (typeof result.medianMs !== 'number') {
    return [notMeasured(group, name, '< 5 ms', `bench/query-parse.ts printed no medianMs; its line: ${line}`)];
  }

  return [
    {
      group,
      name,
      value: result.medianMs,
      unit: 'ms',
      direction: 'lower',
      target: valueTarget('< 5 ms', (value) => value < 5),
      note: `${result.bytes} bytes, ${result.runs} runs`,
    },
  ];
}
