// Backend settings from environment variables, with the embedded defaults `npm start` uses.

import { resolve } from 'node:path';

import type { AuthMode } from './auth/authentication';
import { defaultExtensionOrigins } from './security/cors';
import { defaultRateLimit } from './security/rate-limit';

export interface BackendConfig {
  host: string;
  port: number;
  databaseUrl: string;
  demo: boolean;
  /** Serve the demo journey designer, whose page reads journey counts without a token. */
  demoDesigner: boolean;
  demoContacts: number;
  demoSeed: number;
  logLevel: string;
  auth: AuthMode;
  extensionOrigins: string[];
  /** API requests allowed per token and minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
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

function authMode(): AuthMode {
  const text = process.env.AUTH || 'required';
  if (text !== 'required' && text !== 'off') {
    throw new Error(`AUTH="${text}" is invalid: expected "required" (the default) or "off" (no tokens, for local experiments only).`);
  }
  return text;
}

/** EXTENSION_ORIGINS: comma-separated origins such as chrome-extension://<id> or moz-extension://<uuid>. */
function extensionOrigins(): string[] {
  const text = process.env.EXTENSION_ORIGINS;
  if (text === undefined || text.trim() === '') {
    return [...defaultExtensionOrigins];
  }
  const origins = text.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  for (const origin of origins) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin)) {
      throw new Error(`EXTENSION_ORIGINS contains "${origin}", which is not an origin. Write scheme://host without a path, such as chrome-extension://lleldoomloonhbonkajngmapagkappob.`);
    }
  }
  return origins;
}

export function readConfig(): BackendConfig {
  const demo = process.env.DEMO !== '0';
  return {
    host: process.env.HOST || '127.0.0.1',
    port: integer('PORT', 8420, 0, 65535),
    databaseUrl: process.env.DATABASE_URL || resolve('data/journey-segments.sqlite'),
    demo,
    demoDesigner: process.env.DEMO_DESIGNER === undefined || process.env.DEMO_DESIGNER === '' ? demo : process.env.DEMO_DESIGNER !== '0',
    demoContacts: integer('DEMO_CONTACTS', 5000, 1, 10_000_000),
    demoSeed: integer('DEMO_SEED', 20261102, 0, 2 ** 31),
    logLevel: process.env.LOG_LEVEL || 'info',
    auth: authMode(),
    extensionOrigins: extensionOrigins(),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', defaultRateLimit.max, 0, 10_000_000),
  };
}
