// Starts the real backend on a throwaway database and a random local port, for integration and e2e tests. It
// runs with authentication required, as in production, and creates one API token per role for the tests.

import { randomBytes } from 'node:crypto';

import { buildApp, type App } from '../../backend/src/app';
import { createToken } from '../../backend/src/auth/token-repository';
import { roles, type Role } from '../../backend/src/auth/roles';
import type { DatabaseHandle } from '../../backend/src/db/connect';
import { seedDemo } from '../../backend/src/demo/seed';
import type { ProtectionOptions } from '../../backend/src/security/request-protection';
import { createTestDatabase, type TestDatabase, type TestDialect } from './databases';

export interface TestBackend extends App {
  /** Base URL such as http://127.0.0.1:41234. */
  url: string;
  databaseUrl: string;
  /** The throwaway database; pass it to another startTestBackend to restart on the same data. */
  testDatabase: TestDatabase;
  /** The admin token, which may call every route. */
  token: string;
  /** One token per role. */
  tokens: Record<Role, string>;
  /** The names of those tokens, which the audit log and the transition history record as the actor. */
  tokenNames: Record<Role, string>;
  /** `Authorization` header of the token of `role` (admin unless given). */
  authorization(role?: Role): { authorization: string };
  /**
   * fetch() against this backend with the token of `role` (admin unless given). `path` is a path such as
   * /api/segments or a whole URL; headers in `init` are kept and may override the Authorization header.
   */
  fetch(path: string, init?: RequestInit, role?: Role): Promise<Response>;
  /** Closes the app but keeps the database, for a restart on the same data. */
  close(): Promise<void>;
  /** Closes the app and drops the database. */
  stop(): Promise<void>;
}

export interface TestBackendOptions extends ProtectionOptions {
  dialect?: TestDialect;
  /** An existing test database to start on, such as the one of a backend stopped with close(). */
  testDatabase?: TestDatabase;
  /** Port to listen on; a random free one unless given. */
  port?: number;
  /** Contacts to move through each demo journey; 0 seeds nothing. */
  demoContacts?: number;
  seed?: number;
  demoDesigner?: boolean;
}

/** Creates one token per role, with names unique to this call so a restart on the same database can add more. */
export async function createRoleTokens(database: DatabaseHandle): Promise<{ tokens: Record<Role, string>; names: Record<Role, string> }> {
  const suffix = randomBytes(3).toString('hex');
  const tokens = {} as Record<Role, string>;
  const names = {} as Record<Role, string>;
  for (const role of roles) {
    const name = `test ${role} ${suffix}`;
    tokens[role] = (await createToken(database, { name, role, createdBy: 'test support' })).token;
    names[role] = name;
  }
  return { tokens, names };
}

export async function startTestBackend(options: TestBackendOptions = {}): Promise<TestBackend> {
  const testDatabase = options.testDatabase ?? (await createTestDatabase(options.dialect ?? 'sqlite'));
  const built = await buildApp({
    databaseUrl: testDatabase.url,
    logLevel: 'warn',
    demoDesigner: options.demoDesigner,
    auth: options.auth,
    extensionOrigins: options.extensionOrigins,
    rateLimit: options.rateLimit,
  });
  if (options.demoContacts) {
    await seedDemo(built.database, { seed: options.seed ?? 7, contacts: options.demoContacts });
  }
  const { tokens, names } = await createRoleTokens(built.database);
  const url = await built.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });

  const authorization = (role: Role = 'admin') => ({ authorization: `Bearer ${tokens[role]}` });

  return {
    ...built,
    url,
    databaseUrl: testDatabase.url,
    testDatabase,
    token: tokens.admin,
    tokens,
    tokenNames: names,
    authorization,
    fetch: (path, init = {}, role = 'admin') => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) {
        headers.set('authorization', authorization(role).authorization);
      }
      return fetch(path.startsWith('http') ? path : `${url}${path}`, { ...init, headers });
    },
    close: async () => {
      await built.app.close();
    },
    stop: async () => {
      await built.app.close();
      await testDatabase.drop();
    },
  };
}
