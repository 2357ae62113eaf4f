// Builds the standalone backend: a Fastify instance with the Journey Segments plugin on an open database.

import Fastify, { type FastifyInstance } from 'fastify';

import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import journeySegments from './plugin';
import { jsonBodyLimit } from './security/body-limit';
import type { ProtectionOptions } from './security/request-protection';

export interface AppOptions extends ProtectionOptions {
  /** SQLite file path, `:memory:`, or a postgres:// URL. */
  databaseUrl: string;
  demoDesigner?: boolean;
  logLevel?: string;
}

export interface App {
  app: FastifyInstance;
  database: DatabaseHandle;
}

/** Opens and migrates the database, then builds the app; closing the app closes the database. */
export async function buildApp(options: AppOptions): Promise<App> {
  const database = openDatabase(options.databaseUrl);
  await migrateToLatest(database);

  const app = Fastify({ logger: { level: options.logLevel ?? 'info' }, bodyLimit: jsonBodyLimit });
  await app.register(journeySegments, {
    database,
    demoDesigner: options.demoDesigner ?? true,
    auth: options.auth,
    extensionOrigins: options.extensionOrigins,
    rateLimit: options.rateLimit,
  });
  app.addHook('onClose', async () => {
    await database.close();
  });
  return { app, database };
}
