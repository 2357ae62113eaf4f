// Who the transition history names when authentication is off: the X-Actor header, else the subject of a JWT
// bearer token, else "anonymous". With authentication on it is the token's name (see allowed.test.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentTransition } from '../../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { clickedLogic, seedLifecycleData, SegmentClient } from './segment-client';

describe('transition actor without authentication', () => {
  let backend: TestBackend;
  let client: SegmentClient;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect: 'sqlite', auth: 'off' });
    client = new SegmentClient(backend);
    await seedLifecycleData(backend, client);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it.each([
    ['the X-Actor header', { authorization: '', 'x-actor': 'maria@example.com' }, 'maria@example.com'],
    ['the JWT subject', { authorization: `Bearer e30.${Buffer.from(JSON.stringify({ sub: 'user-42' })).toString('base64url')}.signature` }, 'user-42'],
    ['anonymous', { authorization: '' }, 'anonymous'],
  ])('names %s', async (_case, headers, expected) => {
    const draft = await client.create(`Actor ${expected}`, clickedLogic);
    await client.act(draft.segmentId, 'go-live', undefined, headers);

    const reply = await client.call<{ transitions: SegmentTransition[] }>('GET', `/api/segments/${draft.segmentId}/transitions`);
    expect(reply.body.transitions.map((transition) => transition.actor)).toEqual([expected, expected]);
  });
});
