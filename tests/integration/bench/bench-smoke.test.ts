// The benchmark script still runs end to end: a smoke run (BENCH_QUICK=1, small sizes) of npm run bench that
// writes its page into a temporary file, whose shape is checked here. The numbers themselves are not checked:
// speed targets belong to the benchmark, not to tests.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureExtensionBuilt } from '../../e2e/support/browser';

const folder = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
const output = join(folder, 'benchmarks.md');
let run: ReturnType<typeof spawnSync>;
let page = '';

beforeAll(() => {
  ensureExtensionBuilt();
  run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_QUICK: '1', BENCH_OUTPUT: output, BENCH_CACHE: join(folder, 'cache'), BENCH_BUILD: '0' },
    timeout: 280_000,
  });
  page = readFileSync(output, 'utf8');
}, 300_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const rowsOf = (section: string) => {
  const start = page.indexOf(`## ${section}\n`);
  const end = page.indexOf('\n## ', start + 1);
  return page
    .slice(start, end === -1 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Figure') && !line.startsWith('| ---'));
};

describe('npm run bench in quick mode', () => {
  it('exits with status 0', () => {
    expect(run.status, String(run.stderr).split('\n').slice(-20).join('\n')).toBe(0);
  });

  it('marks the page as a smoke run', () => {
    expect(page).toContain('Smoke run (BENCH_QUICK=1)');
  });

  it('describes the machine', () => {
    for (const field of ['Date', 'CPU', 'Memory', 'OS', 'Node.js', 'SQLite', 'PostgreSQL', 'Chromium']) {
      expect(page).toMatch(new RegExp(`^\\| ${field.replace('.', '\\.')} \\| \\S`, 'm'));
    }
  });

  it.each([
    ['Extension bundle sizes', 1],
    ['Ingest throughput', 4],
    ['Query language', 1],
    ['Go-live evaluation', 4],
    ['Freshness', 1],
    ['Capture round trip', 2],
    ['Content script on a busy page', 3],
  ])('has a table for %s', (section, minimumRows) => {
    expect(page).toContain(`## ${section}\n\n| Figure | Value | Floor | Ratio | Target | Result |`);
    expect(rowsOf(section).length).toBeGreaterThanOrEqual(minimumRows);
  });

  it.each(['Ingest throughput', 'Go-live evaluation', 'Capture round trip'])('gives %s a floor and a ratio', (section) => {
    for (const row of rowsOf(section)) {
      const cells = row.split(' | ');
      expect(cells[2], row).not.toBe('-');
      expect(cells[3], row).toMatch(/^\d+\.\d\dx$/);
    }
  });
});
