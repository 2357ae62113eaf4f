// Makes sure npm dependencies are installed before a script uses them.

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies({ log = console.log } = {}) {
  const installed = 'node_modules/.package-lock.json';
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync('package-lock.json').mtimeMs) {
    return;
  }
  log('Dependencies are missing or out of date: running npm ci (about a minute, because better-sqlite3 compiles from source)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
