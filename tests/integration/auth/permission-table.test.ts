// The permission table against the routes the backend registers: every API route is listed, and the table
// lists no route that does not exist.

import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isApiPath, permissionKey, permissions } from '../../../backend/src/auth/permissions';
import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/connect';
import { migrateToLatest } from '../../../backend/src/db/migrate';
import journeySegments from '../../../backend/src/plugin';
import { createTestDatabase, type TestDatabase } from '../../support/databases';

let testDatabase: TestDatabase;
let database: DatabaseHandle;
const apiRoutes: string[] = [];

beforeAll(async () => {
  testDatabase = await createTestDatabase('sqlite');
  database = openDatabase(testDatabase.url);
  await migrateToLatest(database);

  const app = Fastify({ logger: false });
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds a HEAD route for every GET; the table covers it through the GET.
      if (isApiPath(route.url) && method !== 'HEAD') {
        apiRoutes.push(permissionKey(method, route.url));
      }
    }
  });
  await app.register(journeySegments, { database, demoDesigner: true });
  await app.ready();
  await app.close();
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

describe('permission table', () => {
  it('finds the API routes', () => {
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(apiRoutes).toContain('POST /api/segments/captures');
  });

  it('lists every registered API route', () => {
    const missing = apiRoutes.filter((route) => !(route in permissions));
    expect(missing, 'routes missing from backend/src/auth/permissions.ts').toEqual([]);
  });

  it('lists no route that does not exist', () => {
    const stale = Object.keys(permissions).filter((route) => !apiRoutes.includes(route));
    expect(stale, 'permission table entries without a route').toEqual([]);
  });
});
