// Every lifecycle action a status does not allow returns 409 with the status and the allowed actions, and
// changes nothing. Also the refusals with their own codes: changing a live segment's logic or name, renaming a
// referenced segment, invalid logic, a duplicate name, a malformed body and an unknown segment.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord, SegmentStatus } from '../../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';
import { clickedLogic, openedLogic, seedLifecycleData, SegmentClient } from './segment-client';

type Request = { method: 'POST' | 'PATCH'; path: string; body?: unknown };

const requests: Record<string, Request> = {
  'go-live': { method: 'POST', path: 'go-live' },
  stop: { method: 'POST', path: 'stop' },
  edit: { method: 'POST', path: 'edit' },
  publish: { method: 'POST', path: 'publish' },
  'cancel-edit': { method: 'POST', path: 'cancel-edit' },
  rebuild: { method: 'POST', path: 'rebuild' },
  update: { method: 'PATCH', path: '', body: { description: 'changed' } },
};

/** The requests each status refuses, and the allowed actions the 409 must list. */
const refusals: Array<{ status: SegmentStatus; label: string; refused: string[]; allowed: string[] }> = [
  { status: 'draft', label: 'Draft', refused: ['stop', 'edit', 'publish', 'cancel-edit', 'rebuild'], allowed: ['goLive', 'update'] },
  { status: 'live', label: 'Live', refused: ['go-live', 'publish', 'cancel-edit'], allowed: ['stop', 'edit', 'update', 'rebuild'] },
  { status: 'liveEditable', label: 'Live-editable', refused: ['go-live', 'stop', 'edit'], allowed: ['publish', 'cancelEdit', 'update', 'rebuild'] },
  { status: 'stopped', label: 'Stopped', refused: ['stop', 'edit', 'publish', 'cancel-edit', 'rebuild'], allowed: ['goLive', 'update'] },
  { status: 'goingLive', label: 'Going live', refused: Object.keys(requests), allowed: [] },
  { status: 'stopping', label: 'Stopping', refused: Object.keys(requests), allowed: [] },
];

describe.each(testDialects)('refused lifecycle actions on %s', (dialect) => {
  let backend: TestBackend;
  let client: SegmentClient;
  let counter = 0;

  /** Creates a segment in `status`. The transient statuses are set directly, as an action in progress leaves them. */
  async function segmentIn(status: SegmentStatus): Promise<SegmentRecord> {
    counter += 1;
    const segment = await client.create(`Refused ${status} ${counter}`, clickedLogic);
    if (status === 'draft') {
      return segment;
    }
    if (status === 'goingLive' || status === 'stopping') {
      await backend.database.db.updateTable('segment').set({ status }).where('segment_id', '=', segment.segmentId).execute();
      return client.get(segment.segmentId);
    }
    await client.act(segment.segmentId, 'go-live');
    if (status === 'liveEditable') {
      return client.act(segment.segmentId, 'edit');
    }
    if (status === 'stopped') {
      return client.act(segment.segmentId, 'stop');
    }
    return client.get(segment.segmentId);
  }

  const send = (segmentId: string, request: Request) =>
    client.call(request.method, `/api/segments/${segmentId}${request.path ? `/${request.path}` : ''}`, request.body ?? {});

  beforeAll(async () => {
    backend = await startTestBackend({ dialect });
    client = new SegmentClient(backend);
    await seedLifecycleData(backend, client);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  describe.each(refusals)('$label segment', ({ status, label, refused, allowed }) => {
    it.each(refused)('refuses %s', async (name) => {
      const segment = await segmentIn(status);
      const reply = await send(segment.segmentId, requests[name]);

      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('action-not-allowed');
      expect(reply.body.error).toBe('Conflict');
      expect(reply.body.message).toContain(`is ${label}`);
      expect(reply.body.message).toContain(allowed.length > 0 ? 'Allowed now:' : 'No action is possible');
      expect(reply.body.details.allowedActions).toEqual(allowed);
      expect(await client.get(segment.segmentId)).toEqual(segment);
    });
  });

  it('refuses logic changes of a live segment', async () => {
    const segment = await segmentIn('live');
    const reply = await client.call('PATCH', `/api/segments/${segment.segmentId}`, { logic: openedLogic });

    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('live-logic-locked');
    expect(reply.body.message).toContain('Edit it as Live-editable');
    expect((await client.get(segment.segmentId)).logic).toBe(segment.logic);
  });

  it.each(['live', 'liveEditable'] as const)('refuses renaming a %s segment', async (status) => {
    const segment = await segmentIn(status);
    const reply = await client.call('PATCH', `/api/segments/${segment.segmentId}`, { name: 'Another name' });

    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('live-name-locked');
    expect(reply.body.message).toContain('Stop it first');
    expect((await client.get(segment.segmentId)).name).toBe(segment.name);
  });

  it('refuses renaming a segment that a live segment refers to', async () => {
    const referenced = await client.create('RenameTarget', clickedLogic);
    await client.live('RenameUser', 'SEGMENT(RenameTarget)');
    const reply = await client.call('PATCH', `/api/segments/${referenced.segmentId}`, { name: 'RenameTarget2' });

    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('segment-referenced');
    expect(reply.body.message).toContain('"RenameUser"');
  });

  it('refuses a name another segment has', async () => {
    await client.create('Taken name', clickedLogic);
    const segment = await segmentIn('draft');
    const reply = await client.call('PATCH', `/api/segments/${segment.segmentId}`, { name: 'Taken name' });

    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('duplicate-segment-name');
  });

  it.each(['draft', 'liveEditable'] as const)('refuses invalid logic for a %s segment with its position', async (status) => {
    const segment = await segmentIn(status);
    const reply = await client.call('PATCH', `/api/segments/${segment.segmentId}`, { logic: 'INTERACTION(EmailClicked, EmailClicked_Contact)\n.HAVING(COUNT() >= 2)' });

    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('invalid-logic');
    expect(reply.body.details.errors[0]).toMatchObject({ code: 'count-comparison-not-allowed', line: 2 });
    expect(await client.get(segment.segmentId)).toEqual(segment);
  });

  it('refuses an update without fields', async () => {
    const segment = await segmentIn('draft');
    const reply = await client.call('PATCH', `/api/segments/${segment.segmentId}`, {});

    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('at least one of name, description and logic');
  });

  it('refuses an update with an unknown field', async () => {
    const segment = await segmentIn('draft');
    const reply = await client.call('PATCH', `/api/segments/${segment.segmentId}`, { status: 'live' });

    expect(reply.status).toBe(400);
    expect((await client.get(segment.segmentId)).status).toBe('draft');
  });

  it.each(Object.keys(requests))('answers 404 to %s of an unknown segment', async (name) => {
    const reply = await send('no-such-segment', requests[name]);

    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('segment-not-found');
    expect(reply.body.message).toContain('no-such-segment');
  });
});
