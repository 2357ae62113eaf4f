// Backend settings from environment variables, with the embedded defaults `npm start` uses.

import { resolve } from 'node:path';

export interface BackendConfig {
  host: string;
  port: number;
  databaseUrl: string;
  demo: boolean;
  demoContacts: number;
  demoSeed: number;
  logLevel: string;
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}="${text}" is invalid: expected a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function readConfig(): BackendConfig {
  return {
    host: process.env.HOST || '127.0.0.1',
    port: integer('PORT', 8420, 0, 65535),
    databaseUrl: process.env.DATABASE_URL || resolve('data/journey-segments.sqlite'),
    demo: process.env.DEMO !== '0',
    demoContacts: integer('DEMO_CONTACTS', 5000, 1, 10_000_000),
    demoSeed: integer('DEMO_SEED', 20261102, 0, 2 ** 31),
    logLevel: process.env.LOG_LEVEL || 'info',
  };
}
