#!/usr/bin/env node
// npm test: the whole suite. Installs what is missing (npm dependencies; Debian's chromium when run as root on
// Debian), checks that PostgreSQL accepts connections, type-checks, builds the extension, then runs the unit, integration
// and e2e projects and prints one "N passed, N failed" line.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

import { ensureChromium } from './lib/chromium.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';

const step = (title) => console.log(`\n== ${title}`);

function postgresAnswers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

ensureDependencies();
process.env.CHROME_PATH = ensureChromium();

const dialects = (process.env.TEST_DIALECTS ?? 'sqlite,postgres').split(',');
if (dialects.includes('postgres')) {
  const url = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  if (!(await postgresAnswers(url.hostname, Number(url.port || 5432)))) {
    console.error(
      `PostgreSQL does not answer at ${url.hostname}:${url.port || 5432}. Start it (Debian: pg_ctlcluster 15 main start), point TEST_POSTGRES_URL at a server with trust auth, or run only the SQLite suite with TEST_DIALECTS=sqlite npm test.`,
    );
    process.exit(1);
  }
}

step('Type check');
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit'], { stdio: 'inherit' });

step('Build the extension');
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

step('Unit, integration and e2e tests');
mkdirSync('.tmp', { recursive: true });
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest-report.json', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let summary = '';
try {
  const report = JSON.parse(readFileSync('.tmp/vitest-report.json', 'utf8'));
  // A file that fails while loading or in a setup hook has no failed test of its own, so it counts as one.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  summary = `${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed, ${report.numPendingTests + report.numTodoTests} skipped`;
} catch {
  summary = 'The test report .tmp/vitest-report.json could not be read.';
}
console.log(`\nTests: ${summary}`);
process.exit(run.status ?? 1);
