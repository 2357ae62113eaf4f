// What protects the API besides tokens: the body size limit, the per-token rate limit, CORS for the extension
// origins only, and the security headers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultExtensionOrigins } from '../../../backend/src/security/cors';
import { jsonBodyLimit } from '../../../backend/src/security/body-limit';
import { startTestBackend, type TestBackend } from '../../support/backend';

const extensionOrigin = defaultExtensionOrigins[0];

describe('body size limit', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ auth: 'required' });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('413 for a JSON body over 1 MiB', async () => {
    const body = JSON.stringify({ name: 'big', description: 'd'.repeat(jsonBodyLimit), logic: 'x' });
    const response = await backend.fetch('/api/segments', { method: 'POST', headers: { 'content-type': 'application/json' }, body }, 'marketer');
    const reply = (await response.json()) as { code: string; message: string; details: { maxBytes: number } };
    expect(response.status).toBe(413);
    expect(reply.code).toBe('body-too-large');
    expect(reply.message).toContain(`${jsonBodyLimit} bytes`);
    expect(reply.details.maxBytes).toBe(jsonBodyLimit);
  });

  it('keeps the larger NDJSON ingest limit', async () => {
    const line = JSON.stringify({ InteractionType: 'EmailClicked', note: 'n'.repeat(1000) });
    const body = `${Array.from({ length: 1500 }, () => line).join('\n')}\n`;
    expect(body.length).toBeGreaterThan(jsonBodyLimit);
    const response = await backend.fetch('/api/interactions', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(response.status).toBe(200);
  });
});

describe('rate limit', () => {
  let backend: TestBackend;
  const max = 5;

  beforeAll(async () => {
    backend = await startTestBackend({ auth: 'required', rateLimit: { max, windowMs: 60_000 } });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('429 with Retry-After past the limit', async () => {
    for (let request = 0; request < max; request++) {
      expect((await backend.fetch('/api/segments', {}, 'marketer')).status).toBe(200);
    }
    const response = await backend.fetch('/api/segments', {}, 'marketer');
    const body = (await response.json()) as { code: string; message: string };
    expect(response.status).toBe(429);
    expect(body.code).toBe('rate-limited');
    expect(body.message).toContain(`the limit is ${max} per 60 seconds`);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts each token apart', async () => {
    expect((await backend.fetch('/api/segments', {}, 'publisher')).status).toBe(200);
  });
});

describe('CORS', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ auth: 'required' });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const preflight = (origin: string) =>
    fetch(`${backend.url}/api/segments/captures`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });

  it('allows the extension origin', async () => {
    const response = await preflight(extensionOrigin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(extensionOrigin);
    expect(response.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it("allows the backend's own origin", async () => {
    const response = await preflight(backend.url);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(backend.url);
  });

  it('rejects another origin', async () => {
    const response = await preflight('https://attacker.example');
    const body = (await response.json()) as { code: string; message: string };
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(body.code).toBe('origin-not-allowed');
    expect(body.message).toContain('EXTENSION_ORIGINS');
  });

  it('sends no CORS header to another origin', async () => {
    const response = await backend.fetch('/api/segments', { headers: { origin: 'https://attacker.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the CORS header to the extension', async () => {
    const response = await backend.fetch('/api/segments', { headers: { origin: extensionOrigin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(extensionOrigin);
  });

  it('honours EXTENSION_ORIGINS', async () => {
    const firefox = 'moz-extension://0b0c3ce6-7a51-4b27-8a4f-3c2d1e0f9a8b';
    const custom = await startTestBackend({ auth: 'required', extensionOrigins: [firefox] });
    try {
      const allowed = await fetch(`${custom.url}/api/segments`, { method: 'OPTIONS', headers: { origin: firefox, 'access-control-request-method': 'GET' } });
      const chrome = await fetch(`${custom.url}/api/segments`, { method: 'OPTIONS', headers: { origin: extensionOrigin, 'access-control-request-method': 'GET' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(firefox);
      expect(chrome.status).toBe(403);
    } finally {
      await custom.stop();
    }
  });
});

describe('security headers', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ auth: 'required', demoContacts: 20 });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('sets a CSP on the designer page', async () => {
    const response = await fetch(`${backend.url}/designer`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(response.status).toBe(200);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('forbids MIME sniffing on API replies', async () => {
    const response = await backend.fetch('/api/segments');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
