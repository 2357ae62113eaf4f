// The targeting API over HTTP: the live segments on offer, keyset pages of members with contact details, the
// change feed and its cursors, the CSV download, and the 409 for segments that are not live.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentChangePage, SegmentMemberPage, TargetingSegment } from '../../../shared/api/segments';
import { saveContacts } from '../../../backend/src/contacts/repository';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';
import { bouncedLogic, clickedLogic, interaction, openedLogic, seedLifecycleData, SegmentClient } from '../lifecycle/segment-client';

describe.each(testDialects)('targeting API on %s', (dialect) => {
  let backend: TestBackend;
  let client: SegmentClient;

  const members = (segmentId: string, query = '') => client.call<SegmentMemberPage>('GET', `/api/segments/${segmentId}/members${query}`);
  const changes = (segmentId: string, query = '') => client.call<SegmentChangePage>('GET', `/api/segments/${segmentId}/changes${query}`);

  beforeAll(async () => {
    backend = await startTestBackend({ dialect });
    client = new SegmentClient(backend);
    await seedLifecycleData(backend, client);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('offers live segments only, with counts', async () => {
    const live = await client.live('Offered live', clickedLogic);
    const editable = await client.live('Offered editable', openedLogic);
    await client.act(editable.segmentId, 'edit');
    const draft = await client.create('Not offered draft', clickedLogic);
    const stopped = await client.live('Not offered stopped', clickedLogic);
    await client.act(stopped.segmentId, 'stop');

    const reply = await client.call<{ segments: TargetingSegment[] }>('GET', '/api/targeting/segments');
    const offered = new Map(reply.body.segments.map((segment) => [segment.segmentId, segment]));
    expect(offered.get(live.segmentId)).toMatchObject({ name: 'Offered live', status: 'live', memberCount: 2 });
    expect(offered.get(live.segmentId)!.countedAt).not.toBeNull();
    expect(offered.get(editable.segmentId)).toMatchObject({ status: 'liveEditable', memberCount: 4 });
    expect(offered.has(draft.segmentId)).toBe(false);
    expect(offered.has(stopped.segmentId)).toBe(false);
  });

  it('pages members by contact id with contact details', async () => {
    await client.ingest([interaction('EmailOpened', 'ghost')]);
    const live = await client.live('Paged', openedLogic);

    const seen: SegmentMemberPage['members'] = [];
    let cursor = '';
    let pages = 0;
    for (;;) {
      const reply = await members(live.segmentId, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(reply.status).toBe(200);
      expect(reply.body.source).toBe('live');
      seen.push(...reply.body.members);
      pages += 1;
      if (!reply.body.nextCursor) {
        break;
      }
      cursor = reply.body.nextCursor;
    }

    expect(pages).toBe(3);
    expect(seen.map((member) => member.contactId)).toEqual(['ghost', 'k1', 'k2', 'k3', 'k4']);
    expect(seen[1]).toMatchObject({ contactId: 'k1', fullName: 'Contact k1', email: 'k1@example.com' });
    expect(seen[0]).toMatchObject({ contactId: 'ghost', fullName: null, email: null });
    expect(seen.every((member) => member.since !== null && !Number.isNaN(Date.parse(member.since)))).toBe(true);
  });

  it('feeds added and removed members after a cursor', async () => {
    // Its own journey, so other tests' interactions do not reach this feed.
    const journey = { CustomerJourneyId: 'journey-feed' };
    await client.ingest(['k1', 'k2', 'k3'].map((contactId) => interaction('EmailOpened', contactId, 1, journey)));
    const logic = `INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == 'journey-feed') EXCEPT ${bouncedLogic}.FILTER(CustomerJourneyId == 'journey-feed')`;
    const live = await client.live('Feed', logic);
    const start = await changes(live.segmentId);
    expect(start.body.changes.map((change) => `${change.change} ${change.contactId}`)).toEqual(['added k1', 'added k2', 'added k3']);

    await client.ingest([interaction('EmailHardBounced', 'k2', 1, journey), interaction('EmailOpened', 'k5', 1, journey)]);
    await client.until(async () => (await changes(live.segmentId, `?cursor=${start.body.nextCursor}`)).body.changes.length === 2, 'the feed to show two changes');

    const next = await changes(live.segmentId, `?cursor=${start.body.nextCursor}`);
    expect(next.body.changes.map((change) => `${change.change} ${change.contactId}`)).toEqual(['removed k2', 'added k5']);
    const quiet = await changes(live.segmentId, `?cursor=${next.body.nextCursor}`);
    expect(quiet.body.changes).toEqual([]);
    expect(quiet.body.nextCursor).toBe(next.body.nextCursor);
    expect(quiet.body.hasMore).toBe(false);
  });

  it('pages the feed with limit', async () => {
    const live = await client.live('Feed pages', openedLogic);
    const first = await changes(live.segmentId, '?limit=3');
    expect(first.body.changes).toHaveLength(3);
    expect(first.body.hasMore).toBe(true);

    const rest = await changes(live.segmentId, `?limit=3&cursor=${first.body.nextCursor}`);
    expect([...first.body.changes, ...rest.body.changes].map((change) => change.contactId)).toEqual(await client.memberIds(live.segmentId));
  });

  it('member page carries the feed position read before it', async () => {
    const live = await client.live('Change cursor', clickedLogic);
    const page = await members(live.segmentId);
    await client.ingest([interaction('EmailClicked', 'k6')]);
    await client.until(async () => (await client.memberIds(live.segmentId)).includes('k6'), 'k6 to join');

    const after = await changes(live.segmentId, `?cursor=${page.body.changeCursor}`);
    expect(after.body.changes.map((change) => `${change.change} ${change.contactId}`)).toEqual(['added k6']);
  });

  it('downloads members as quoted CSV', async () => {
    await saveContacts(backend.database, [{ contactId: 'q1', fullName: 'Doe, "Jim"\nJunior', email: 'jim@example.com' }]);
    await client.ingest([interaction('EmailSent', 'q1'), interaction('EmailSent', 'k1')]);
    const live = await client.live('CSV export', 'INTERACTION(EmailSent, EmailSent_Contact)');

    const reply = await client.call('GET', `/api/segments/${live.segmentId}/members.csv`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="CSV-export-members.csv"');
    expect(reply.headers.get('x-change-cursor')).toMatch(/^\d+$/);

    const lines = (reply.body as string).split('\r\n');
    expect(lines[0]).toBe('contact_id,full_name,email,since');
    expect(lines[1]).toMatch(/^k1,Contact k1,k1@example\.com,\d{4}-\d\d-\d\dT/);
    expect(lines[2]).toMatch(/^q1,"Doe, ""Jim""\nJunior",jim@example\.com,\d{4}-/);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('evaluates members of a draft for the request', async () => {
    const draft = await client.create('Draft members', clickedLogic);
    const reply = await members(draft.segmentId, '?limit=1');

    expect(reply.status).toBe(200);
    expect(reply.body.source).toBe('evaluated');
    expect(reply.body.changeCursor).toBeNull();
    expect(reply.body.members).toEqual([{ contactId: 'k1', fullName: 'Contact k1', email: 'k1@example.com', since: null }]);
    const next = await members(draft.segmentId, `?limit=1&cursor=${reply.body.nextCursor}`);
    expect(next.body.members.map((member) => member.contactId)).toEqual(['k2']);
  });

  it.each(['changes', 'members.csv'])('refuses %s of segments that are not live', async (endpoint) => {
    const draft = await client.create(`Not live ${endpoint}`, clickedLogic);
    const stopped = await client.live(`Stopped ${endpoint}`, clickedLogic);
    await client.act(stopped.segmentId, 'stop');

    for (const [segment, label] of [
      [draft, 'Draft'],
      [stopped, 'Stopped'],
    ] as const) {
      const reply = await client.call('GET', `/api/segments/${segment.segmentId}/${endpoint}`);
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('segment-not-live');
      expect(reply.body.message).toContain(`is ${label}, so it is not offered for targeting`);
      expect(reply.body.message).toContain('/go-live');
    }
  });

  it.each([
    ['members', '?cursor=not%20base64'],
    ['members', '?limit=0'],
    ['members', '?limit=1001'],
    ['changes', '?cursor=-1'],
    ['changes', '?limit=abc'],
  ])('rejects %s%s', async (endpoint, query) => {
    const live = await client.live(`Bad query ${endpoint}${query}`, clickedLogic);
    const reply = await client.call('GET', `/api/segments/${live.segmentId}/${endpoint}${query}`);

    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/cursor|limit/);
  });
});
