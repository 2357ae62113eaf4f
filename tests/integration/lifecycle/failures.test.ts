// Failed go-live and publish return the segment to its earlier status with the error recorded, and a restart
// finishes the actions a stop of the backend interrupted.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord, SegmentTransition } from '../../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';
import { clickedLogic, openedLogic, seedLifecycleData, SegmentClient } from './segment-client';

describe.each(testDialects)('lifecycle failures on %s', (dialect) => {
  let backend: TestBackend;
  let client: SegmentClient;

  const transitions = async (segmentId: string) =>
    (await client.call<{ transitions: SegmentTransition[] }>('GET', `/api/segments/${segmentId}/transitions`)).body.transitions;
  const rename = (segment: SegmentRecord, name: string) => client.call('PATCH', `/api/segments/${segment.segmentId}`, { name });

  beforeAll(async () => {
    backend = await startTestBackend({ dialect });
    client = new SegmentClient(backend);
    await seedLifecycleData(backend, client);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('go live with invalid logic answers 422 with its position', async () => {
    const target = await client.create('InvalidTarget', clickedLogic);
    const draft = await client.create('Invalid logic', `${openedLogic}\nUNION SEGMENT(InvalidTarget)`);
    await rename(target, 'InvalidTargetRenamed');

    const reply = await client.call('POST', `/api/segments/${draft.segmentId}/go-live`);
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('invalid-logic');
    expect(reply.body.details.errors[0]).toMatchObject({ code: 'unknown-segment', line: 3, column: 9 });

    const after = await client.get(draft.segmentId);
    expect(after.status).toBe('draft');
    expect(after.lastError).toMatchObject({ action: 'goLive', code: 'unknown-segment', line: 3, column: 9 });
    expect(await transitions(draft.segmentId)).toEqual([]);
  });

  it('failed evaluation returns to the earlier status with the error', async () => {
    const leaf = await client.create('FailLeaf', clickedLogic);
    await client.create('FailMiddle', 'SEGMENT(FailLeaf)');
    const draft = await client.create('Fail top', 'SEGMENT(FailMiddle)');
    // The validator checks the references of the top segment only; the one behind FailMiddle fails evaluation.
    await rename(leaf, 'FailLeafRenamed');

    const reply = await client.call('POST', `/api/segments/${draft.segmentId}/go-live`);
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('invalid-logic');
    expect(reply.body.message).toContain('FailLeaf');
    expect(reply.body.message).toContain('is now Draft');

    const after = await client.get(draft.segmentId);
    expect(after.status).toBe('draft');
    expect(after.lastError).toMatchObject({ action: 'goLive', code: 'unknown-segment' });
    const history = await transitions(draft.segmentId);
    expect(history.map((transition) => `${transition.from} -> ${transition.to}`)).toEqual(['draft -> goingLive', 'goingLive -> draft']);
    expect(history[1].error).toMatchObject({ action: 'goLive', code: 'unknown-segment' });
    const stored = await backend.database.db.selectFrom('segment_member').select('contact_id').where('segment_id', '=', draft.segmentId).execute();
    expect(stored).toEqual([]);
  });

  it('failed publish keeps the live logic serving', async () => {
    const target = await client.create('PublishTarget', openedLogic);
    const live = await client.live('Publish failure', clickedLogic);
    await client.act(live.segmentId, 'edit');
    await client.call('PATCH', `/api/segments/${live.segmentId}`, { logic: 'SEGMENT(PublishTarget)' });
    await rename(target, 'PublishTargetRenamed');

    const reply = await client.call('POST', `/api/segments/${live.segmentId}/publish`);
    expect(reply.status).toBe(422);
    expect(reply.body.details.errors[0]).toMatchObject({ code: 'unknown-segment', line: 1, column: 9 });

    const after = await client.get(live.segmentId);
    expect(after.status).toBe('liveEditable');
    expect(after.logic).toBe(live.logic);
    expect(after.lastError).toMatchObject({ action: 'publish', code: 'unknown-segment' });
    expect(await client.memberIds(live.segmentId)).toEqual(['k1', 'k2']);
  });

  it('restart finishes interrupted go-live and stop', async () => {
    const goingLive = await client.live('Interrupted go live', clickedLogic);
    await client.act(goingLive.segmentId, 'stop');
    const stopping = await client.live('Interrupted stop', clickedLogic);
    // What a crash in the middle of each action leaves behind.
    const db = backend.database.db;
    await db.updateTable('segment').set({ status: 'goingLive' }).where('segment_id', '=', goingLive.segmentId).execute();
    await db
      .insertInto('segment_transition')
      .values({ segment_id: goingLive.segmentId, action: 'goLive', from_status: 'stopped', to_status: 'goingLive', actor: 'test', at: Date.now(), error: null })
      .execute();
    await db.updateTable('segment').set({ status: 'stopping' }).where('segment_id', '=', stopping.segmentId).execute();

    await backend.close();
    backend = await startTestBackend({ testDatabase: backend.testDatabase });
    client = new SegmentClient(backend);

    const recovered = await client.get(goingLive.segmentId);
    expect(recovered.status).toBe('stopped');
    expect(recovered.lastError).toMatchObject({ action: 'goLive', code: 'interrupted' });
    expect((await transitions(goingLive.segmentId)).at(-1)).toMatchObject({ action: 'recover', from: 'goingLive', to: 'stopped', actor: 'system' });

    expect((await client.get(stopping.segmentId)).status).toBe('stopped');
    expect((await transitions(stopping.segmentId)).at(-1)).toMatchObject({ action: 'recover', from: 'stopping', to: 'stopped' });
  });
});
