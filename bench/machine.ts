// Describes the machine and the software versions a benchmark run measured.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

import SQLite from 'better-sqlite3';
import pg from 'pg';

import { findChromium } from '../scripts/lib/chromium.mjs';

export interface MachineDescription {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  sqlite: string;
  postgres: string;
  chromium: string;
}

function operatingSystem(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const name = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1];
    if (name) {
      return `${name}, ${os.type()} ${os.release()}`;
    }
  } catch {
    // Not Linux, or no os-release: the kernel name and version are reported instead.
  }
  return `${os.type()} ${os.release()}`;
}

function chromiumVersion(): string {
  const path = findChromium();
  if (!path) {
    return 'not found';
  }
  try {
    // Debian's wrapper script prints a harmless shell warning on stderr before the version.
    const output = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return output.trim();
  } catch (error) {
    return `unknown (${path} --version failed: ${(error as Error).message})`;
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0].server_version;
  } catch (error) {
    return `unreachable at ${new URL(url).host} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function describeMachine(postgresUrl: string): Promise<MachineDescription> {
  const sqlite = new SQLite(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as version').get() as { version: string }).version;
  sqlite.close();

  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: operatingSystem(),
    node: process.version,
    sqlite: sqliteVersion,
    postgres: await postgresVersion(postgresUrl),
    chromium: chromiumVersion(),
  };
}
