// Starts the real backend on a throwaway database and a random local port, for integration and e2e tests.

import { buildApp, type App } from '../../backend/src/app';
import { seedDemo } from '../../backend/src/demo/seed';
import { createTestDatabase, type TestDialect } from './databases';

export interface TestBackend extends App {
  /** Base URL such as http://127.0.0.1:41234. */
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface TestBackendOptions {
  dialect?: TestDialect;
  /** Contacts to move through each demo journey; 0 seeds nothing. */
  demoContacts?: number;
  seed?: number;
}

export async function startTestBackend(options: TestBackendOptions = {}): Promise<TestBackend> {
  const database = await createTestDatabase(options.dialect ?? 'sqlite');
  const built = await buildApp({ databaseUrl: database.url, logLevel: 'warn' });
  if (options.demoContacts) {
    await seedDemo(built.database, { seed: options.seed ?? 7, contacts: options.demoContacts });
  }
  const url = await built.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    ...built,
    url,
    databaseUrl: database.url,
    stop: async () => {
      await built.app.close();
      await database.drop();
    },
  };
}
