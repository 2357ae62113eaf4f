// API tokens over real HTTP: creating, listing and revoking them, and the 401 replies for a missing, invalid or
// revoked token.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';

interface TokenReply {
  tokenId: string;
  name: string;
  role: string;
  prefix: string;
  token?: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

describe.each(testDialects)('API tokens on %s', (dialect) => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect, auth: 'required' });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const createToken = async (body: unknown) => {
    const response = await backend.fetch('/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as TokenReply & { code?: string; message?: string } };
  };

  describe('create', () => {
    it('returns the secret once', async () => {
      const { status, body } = await createToken({ name: 'Anna Berger', role: 'marketer' });
      expect(status).toBe(201);
      expect(body.token).toMatch(/^jsk_[A-Za-z0-9_-]{43}$/);
      expect(body.prefix).toBe(body.token!.slice(0, 12));
      expect(body.role).toBe('marketer');
    });

    it('makes a token that works', async () => {
      const { body } = await createToken({ name: 'Ben Hofer', role: 'publisher' });
      const response = await fetch(`${backend.url}/api/segments`, { headers: { authorization: `Bearer ${body.token}` } });
      expect(response.status).toBe(200);
    });

    it('stores only the hash', async () => {
      const { body } = await createToken({ name: 'Cara Lund', role: 'marketer' });
      const row = await backend.database.db.selectFrom('api_token').selectAll().where('token_id', '=', body.tokenId).executeTakeFirstOrThrow();
      expect(Object.values(row)).not.toContain(body.token);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('rejects a taken name', async () => {
      await createToken({ name: 'Dana Roth', role: 'marketer' });
      const { status, body } = await createToken({ name: 'Dana Roth', role: 'admin' });
      expect(status).toBe(422);
      expect(body.code).toBe('duplicate-token-name');
    });

    it('rejects an unknown role', async () => {
      const { status, body } = await createToken({ name: 'Eli Stern', role: 'owner' });
      expect(status).toBe(400);
      expect(body.message).toContain('marketer, publisher, admin');
    });
  });

  describe('list', () => {
    it('shows no secret and no hash', async () => {
      const response = await backend.fetch('/api/tokens');
      const text = await response.text();
      const { tokens } = JSON.parse(text) as { tokens: Array<Record<string, unknown>> };
      expect(tokens.length).toBeGreaterThanOrEqual(3);
      expect(text).not.toContain(backend.tokens.marketer);
      expect(tokens.every((token) => !('token' in token) && !('token_hash' in token) && !('tokenHash' in token))).toBe(true);
    });
  });

  describe('refusals', () => {
    it('401 without a token', async () => {
      const response = await fetch(`${backend.url}/api/segments`);
      const body = (await response.json()) as { code: string; message: string };
      expect(response.status).toBe(401);
      expect(body.code).toBe('token-missing');
      expect(body.message).toContain('Send Authorization: Bearer <token>');
      expect(body.message).toContain('npm run token -- create --role marketer');
    });

    it('401 for an unknown token', async () => {
      const response = await fetch(`${backend.url}/api/segments`, { headers: { authorization: `Bearer jsk_${'A'.repeat(43)}` } });
      const body = (await response.json()) as { code: string; message: string };
      expect(response.status).toBe(401);
      expect(body.code).toBe('token-invalid');
      expect(body.message).toContain('not valid');
    });

    it('401 for a malformed header', async () => {
      const response = await fetch(`${backend.url}/api/segments`, { headers: { authorization: backend.tokens.admin } });
      expect(response.status).toBe(401);
    });

    it('401 for a revoked token', async () => {
      const { body: created } = await createToken({ name: 'Finn Weber', role: 'admin' });
      const withToken = { headers: { authorization: `Bearer ${created.token}` } };
      expect((await fetch(`${backend.url}/api/segments`, withToken)).status).toBe(200);

      const revoked = await backend.fetch(`/api/tokens/${created.tokenId}`, { method: 'DELETE' });
      expect(revoked.status).toBe(200);
      expect(((await revoked.json()) as TokenReply).revokedAt).not.toBeNull();

      const response = await fetch(`${backend.url}/api/segments`, withToken);
      const body = (await response.json()) as { code: string; message: string };
      expect(response.status).toBe(401);
      expect(body.code).toBe('token-revoked');
      expect(body.message).toContain(created.prefix);
    });

    it('404 when revoking an unknown token', async () => {
      const response = await backend.fetch('/api/tokens/no-such-token', { method: 'DELETE' });
      expect(response.status).toBe(404);
    });
  });

  it('records the last use', async () => {
    const { body: created } = await createToken({ name: 'Gita Maier', role: 'marketer' });
    expect(created.lastUsedAt).toBeNull();
    await fetch(`${backend.url}/api/segments`, { headers: { authorization: `Bearer ${created.token}` } });
    const { tokens } = (await (await backend.fetch('/api/tokens')).json()) as { tokens: TokenReply[] };
    expect(tokens.find((token) => token.tokenId === created.tokenId)?.lastUsedAt).not.toBeNull();
  });
});

describe('authentication off', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ auth: 'off' });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('allows requests without a token', async () => {
    const response = await fetch(`${backend.url}/api/tokens`);
    expect(response.status).toBe(200);
  });
});
