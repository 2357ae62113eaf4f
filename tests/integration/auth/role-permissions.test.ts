// Each role against each entry of the permission table, over real HTTP: the roles the table allows get past
// authentication, the lower ones get 403 naming the role needed, and requests without a token get 401.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { permissions, type Access } from '../../../backend/src/auth/permissions';
import { roles, roleSatisfies, type Role } from '../../../backend/src/auth/roles';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';

/** Values for the route parameters; none of them exists, so an allowed request ends in a 4xx, never a change. */
const parameterValues: Record<string, string> = {
  segmentId: 'no-such-segment',
  journeyId: 'no-such-journey',
  reasonId: 'consent',
  tokenId: 'no-such-token',
};

function requestOf(key: string): { method: string; path: string; init: RequestInit } {
  const [method, pattern] = key.split(' ');
  const path = pattern.replace(/:(\w+)/g, (_match, name: string) => parameterValues[name] ?? 'x');
  if (method === 'GET' || method === 'DELETE') {
    return { method, path, init: { method } };
  }
  if (path === '/api/interactions') {
    return { method, path, init: { method, headers: { 'content-type': 'application/x-ndjson' }, body: '' } };
  }
  return { method, path, init: { method, headers: { 'content-type': 'application/json' }, body: '{}' } };
}

const neededRole = (access: Access): Role => (access === 'designer' ? 'marketer' : access);
const entries = Object.entries(permissions);

describe.each(testDialects)('role permissions on %s', (dialect) => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect, auth: 'required', demoDesigner: false });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  describe.each(entries)('%s', (key, access) => {
    const { path, init } = requestOf(key);
    const needed = neededRole(access);

    it.each(roles)('as %s', async (role) => {
      const response = await backend.fetch(path, init, role);
      const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };

      if (roleSatisfies(role, needed)) {
        expect(response.status, body.message).not.toBe(401);
        expect(response.status, body.message).not.toBe(403);
        expect(response.status, body.message).toBeLessThan(500);
      } else {
        expect(response.status).toBe(403);
        expect(body.code).toBe('role-too-low');
        expect(body.message).toContain(`needs the ${needed} role`);
      }
    });

    it('without a token', async () => {
      const response = await fetch(`${backend.url}${path}`, init);
      const body = (await response.json()) as { code?: string; message?: string };
      expect(response.status).toBe(401);
      expect(body.code).toBe('token-missing');
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
    });
  });
});

describe('demo designer reads', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ auth: 'required', demoDesigner: true, demoContacts: 20 });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const designerEntries = entries.filter(([, access]) => access === 'designer');

  it.each(designerEntries)('%s needs no token while the designer is served', async (key) => {
    const { path, init } = requestOf(key);
    const response = await fetch(`${backend.url}${path}`, init);
    expect(response.status).not.toBe(401);
    expect(response.status).not.toBe(403);
  });

  it('other routes still need a token', async () => {
    const response = await fetch(`${backend.url}/api/segments`);
    expect(response.status).toBe(401);
  });

  it('designer page needs no token', async () => {
    const response = await fetch(`${backend.url}/designer`, { redirect: 'manual' });
    expect(response.status).toBe(302);
  });
});
