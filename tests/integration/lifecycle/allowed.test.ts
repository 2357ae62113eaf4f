// Every allowed lifecycle transition over HTTP: go live, edit as Live-editable, update the pending logic,
// publish, cancel, stop, go live again, updates of drafts and stopped segments, rebuild, and the transition
// history with its actors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord, SegmentTransition } from '../../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';
import { bouncedLogic, clickedLogic, interaction, openedLogic, seedLifecycleData, SegmentClient } from './segment-client';

describe.each(testDialects)('allowed lifecycle transitions on %s', (dialect) => {
  let backend: TestBackend;
  let client: SegmentClient;

  const transitions = async (segmentId: string) =>
    (await client.call<{ transitions: SegmentTransition[] }>('GET', `/api/segments/${segmentId}/transitions`)).body.transitions;
  const steps = async (segmentId: string) => (await transitions(segmentId)).map((transition) => `${transition.action}: ${transition.from} -> ${transition.to}`);
  const changes = async (segmentId: string, cursor = '') =>
    (await client.call('GET', `/api/segments/${segmentId}/changes?limit=10000${cursor ? `&cursor=${cursor}` : ''}`)).body;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect, auth: 'required' });
    client = new SegmentClient(backend);
    await seedLifecycleData(backend, client);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('go live stores the members and records two steps', async () => {
    const draft = await client.create('Go live', clickedLogic);
    const live = await client.act(draft.segmentId, 'go-live');

    expect(live.status).toBe('live');
    expect(live.memberCount).toBe(2);
    expect(live.lastEvaluatedAt).not.toBeNull();
    expect(live.countedAt).not.toBeNull();
    expect(live.lastError).toBeNull();
    expect(live.allowedActions).toEqual(['stop', 'edit', 'update', 'rebuild']);
    expect(await client.memberIds(live.segmentId)).toEqual(['k1', 'k2']);

    const history = await transitions(live.segmentId);
    expect(history.map((transition) => [transition.from, transition.to])).toEqual([
      ['draft', 'goingLive'],
      ['goingLive', 'live'],
    ]);
    expect(history.map((transition) => transition.actor)).toEqual([backend.tokenNames.admin, backend.tokenNames.admin]);
    expect(history.every((transition) => transition.error === null && !Number.isNaN(Date.parse(transition.at)))).toBe(true);
  });

  it('edit keeps the live logic serving', async () => {
    // Its own journey, so the click ingested below changes no other test's members.
    const journey = 'journey-edit-serving';
    const logic = `INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == '${journey}')`;
    await client.ingest([interaction('EmailClicked', 'k1', 1, { CustomerJourneyId: journey })]);
    const live = await client.live('Edit serving', logic);
    const editable = await client.act(live.segmentId, 'edit');
    expect(editable.status).toBe('liveEditable');
    expect(editable.pendingLogic).toBe(live.logic);

    const patched = await client.call<SegmentRecord>('PATCH', `/api/segments/${live.segmentId}`, { logic: openedLogic });
    expect(patched.status).toBe(200);
    expect(patched.body.pendingLogic).toContain('EmailOpened');
    expect(patched.body.logic).toBe(live.logic);
    expect(await client.memberIds(live.segmentId)).toEqual(['k1']);

    await client.ingest([interaction('EmailClicked', 'k5', 1, { CustomerJourneyId: journey })]);
    await client.until(async () => (await client.memberIds(live.segmentId)).includes('k5'), 'k5 to join the live logic while it is edited');
  });

  it('publish swaps in the edit and rebuilds the members', async () => {
    const live = await client.live('Publish', clickedLogic);
    await client.act(live.segmentId, 'edit');
    await client.call('PATCH', `/api/segments/${live.segmentId}`, { logic: `${openedLogic} EXCEPT ${bouncedLogic}` });
    const { nextCursor } = await changes(live.segmentId);

    const published = await client.act(live.segmentId, 'publish');
    expect(published.status).toBe('live');
    expect(published.logic).toContain('EXCEPT');
    expect(published.pendingLogic).toBeNull();
    expect(published.memberCount).toBe(3);
    expect(await client.memberIds(live.segmentId)).toEqual(['k1', 'k2', 'k3']);
    expect((await changes(live.segmentId, nextCursor)).changes.map((change: { contactId: string; change: string }) => `${change.change} ${change.contactId}`)).toEqual([
      'added k3',
    ]);
    expect((await steps(live.segmentId)).at(-1)).toBe('publish: liveEditable -> live');
  });

  it('cancel edit drops the pending logic', async () => {
    const live = await client.live('Cancel edit', clickedLogic);
    await client.act(live.segmentId, 'edit');
    await client.call('PATCH', `/api/segments/${live.segmentId}`, { logic: openedLogic });

    const cancelled = await client.act(live.segmentId, 'cancel-edit');
    expect(cancelled.status).toBe('live');
    expect(cancelled.logic).toBe(live.logic);
    expect(cancelled.pendingLogic).toBeNull();
    expect(await steps(live.segmentId)).toEqual([
      'goLive: draft -> goingLive',
      'goLive: goingLive -> live',
      'edit: live -> liveEditable',
      'cancelEdit: liveEditable -> live',
    ]);
  });

  it('stop records two steps and keeps the members', async () => {
    const live = await client.live('Stop', clickedLogic);
    const stopped = await client.act(live.segmentId, 'stop');

    expect(stopped.status).toBe('stopped');
    expect(stopped.nextEvaluationAt).toBeNull();
    expect(stopped.allowedActions).toEqual(['goLive', 'update']);
    expect((await steps(live.segmentId)).slice(-2)).toEqual(['stop: live -> stopping', 'stop: stopping -> stopped']);
    const stored = await backend.database.db.selectFrom('segment_member').select('contact_id').where('segment_id', '=', live.segmentId).execute();
    expect(stored.map((row) => row.contact_id).sort()).toEqual(['k1', 'k2']);
  });

  it('stopped segment is updated and goes live again', async () => {
    const live = await client.live('Restart', clickedLogic);
    const { nextCursor } = await changes(live.segmentId);
    await client.act(live.segmentId, 'stop');

    const updated = await client.call<SegmentRecord>('PATCH', `/api/segments/${live.segmentId}`, { name: 'Restart (opened)', description: 'Now opens', logic: openedLogic });
    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe('Restart (opened)');
    expect(updated.body.description).toBe('Now opens');
    expect(updated.body.status).toBe('stopped');

    const again = await client.act(live.segmentId, 'go-live');
    expect(again.status).toBe('live');
    expect(await client.memberIds(live.segmentId)).toEqual(['k1', 'k2', 'k3', 'k4']);
    // Only the difference to the members kept while stopped reaches the change feed.
    expect((await changes(live.segmentId, nextCursor)).changes.map((change: { contactId: string }) => change.contactId)).toEqual(['k3', 'k4']);
    expect((await steps(live.segmentId)).slice(-2)).toEqual(['goLive: stopped -> goingLive', 'goLive: goingLive -> live']);
  });

  it('draft update changes name, description and logic', async () => {
    const draft = await client.create('Draft update', clickedLogic);
    const reply = await client.call<SegmentRecord>('PATCH', `/api/segments/${draft.segmentId}`, { name: 'Draft renamed', description: 'Edited', logic: openedLogic });

    expect(reply.status).toBe(200);
    expect(reply.body.name).toBe('Draft renamed');
    expect(reply.body.description).toBe('Edited');
    expect(reply.body.logic).toContain('EmailOpened');
    expect(reply.body.memberCount).toBe(4);
    expect(reply.body.status).toBe('draft');
  });

  it('live update changes the description', async () => {
    const live = await client.live('Live description', clickedLogic);
    const reply = await client.call<SegmentRecord>('PATCH', `/api/segments/${live.segmentId}`, { description: 'For the follow-up journey' });
    expect(reply.status).toBe(200);
    expect(reply.body.description).toBe('For the follow-up journey');
    expect(reply.body.status).toBe('live');
  });

  it('rebuild now evaluates live and live-editable segments', async () => {
    const live = await client.live('Rebuild', clickedLogic);
    await backend.database.db.deleteFrom('segment_member').where('segment_id', '=', live.segmentId).where('contact_id', '=', 'k1').execute();

    const rebuilt = await client.act(live.segmentId, 'rebuild');
    expect(rebuilt.status).toBe('live');
    expect(rebuilt.memberCount).toBe(2);
    expect(Date.parse(rebuilt.lastEvaluatedAt!)).toBeGreaterThanOrEqual(Date.parse(live.lastEvaluatedAt!));
    expect(await client.memberIds(live.segmentId)).toEqual(['k1', 'k2']);

    await client.act(live.segmentId, 'edit');
    const editable = await client.act(live.segmentId, 'rebuild');
    expect(editable.status).toBe('liveEditable');
    expect(editable.memberCount).toBe(2);
  });

  it('stop of a referenced segment needs confirmation', async () => {
    const referenced = await client.live('Referenced', clickedLogic);
    const referencing = await client.live('Referencing', `SEGMENT(Referenced) UNION ${bouncedLogic}`);

    const warned = await client.call('POST', `/api/segments/${referenced.segmentId}/stop`, {});
    expect(warned.status).toBe(409);
    expect(warned.body.code).toBe('segment-referenced');
    expect(warned.body.message).toContain('"Referencing"');
    expect(warned.body.message).toContain('"confirm": true');
    expect(warned.body.details.referencingSegments).toEqual([{ segmentId: referencing.segmentId, name: 'Referencing' }]);
    expect((await client.get(referenced.segmentId)).status).toBe('live');

    const stopped = await client.act(referenced.segmentId, 'stop', { confirm: true });
    expect(stopped.status).toBe('stopped');
    expect(await client.memberIds(referencing.segmentId)).toEqual(['k1', 'k2', 'k4']);
  });

  it('publish rebuilds the segments that refer to it', async () => {
    const base = await client.live('PublishBase', clickedLogic);
    const top = await client.live('PublishTop', "SEGMENT('PublishBase')");
    await client.act(base.segmentId, 'edit');
    await client.call('PATCH', `/api/segments/${base.segmentId}`, { logic: openedLogic });
    await client.act(base.segmentId, 'publish');

    expect(await client.memberIds(top.segmentId)).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect((await client.get(top.segmentId)).memberCount).toBe(4);
  });

  it('transitions name the token of the request', async () => {
    const draft = await client.create('Actors', clickedLogic);
    await client.act(draft.segmentId, 'go-live', undefined, backend.authorization('publisher'));
    await client.act(draft.segmentId, 'stop');

    const actors = (await transitions(draft.segmentId)).map((transition) => transition.actor);
    expect(actors).toEqual([backend.tokenNames.publisher, backend.tokenNames.publisher, backend.tokenNames.admin, backend.tokenNames.admin]);
  });
});
