// Makes sure npm dependencies are installed before a script uses them.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies({ log = console.log } = {}) {
  const marker = 'node_modules/.package-lock.json';
  if (existsSync(marker)) {
    return;
  }
  log('Dependencies are not installed: running npm ci (about a minute; better-sqlite3 compiles from source)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
