// The audit log over real HTTP. Captures, segments created from text, edits and lifecycle actions each leave an
// entry with the token name as actor and the changed fields before and after. Publishers and admins read it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord } from '../../../shared/api/segments';
import { launchJourney } from '../../../backend/src/demo/journeys';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';

const journeyId = launchJourney.journeyId;
const clickers = `INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == '${journeyId}' && ActivityId == '02').HAVING(COUNT() > 0)`;

interface AuditEntry {
  seq: number;
  segmentId: string;
  action: string;
  actor: string;
  actorTokenId: string | null;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string;
  hasMore: boolean;
}

describe.each(testDialects)('audit log on %s', (dialect) => {
  let backend: TestBackend;
  let tokenIds: Record<string, string>;

  const send = async (path: string, method: string, body: unknown, role: 'marketer' | 'publisher' | 'admin') => {
    const response = await backend.fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, role);
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as SegmentRecord;
  };
  const audit = async (query: string, role: 'marketer' | 'publisher' | 'admin' = 'publisher') => {
    const response = await backend.fetch(`/api/audit?${query}`, {}, role);
    return { status: response.status, body: (await response.json()) as AuditPage };
  };

  beforeAll(async () => {
    backend = await startTestBackend({ dialect, auth: 'required', demoContacts: 200 });
    const { tokens } = (await (await backend.fetch('/api/tokens')).json()) as { tokens: Array<{ tokenId: string; name: string }> };
    tokenIds = Object.fromEntries(tokens.map((token) => [token.name, token.tokenId]));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('records a capture', async () => {
    const segment = await send('/api/segments/captures', 'POST', { journeyId, activityId: '02', resultId: 'uniqueClicks', name: 'Audited clickers' }, 'marketer');
    const { body } = await audit(`segmentId=${segment.segmentId}`);
    expect(body.entries).toHaveLength(1);
    const [entry] = body.entries;
    expect(entry.action).toBe('capture');
    expect(entry.actor).toBe(backend.tokenNames.marketer);
    expect(entry.actorTokenId).toBe(tokenIds[backend.tokenNames.marketer]);
    expect(entry.before).toBeNull();
    expect(entry.after).toMatchObject({ name: 'Audited clickers', status: 'draft', logic: segment.logic });
  });

  it('records no second entry for a replay', async () => {
    const key = 'audit-replay-0001';
    const body = { journeyId, activityId: '02', resultId: 'processed', name: 'Replayed capture' };
    const first = await backend.fetch('/api/segments/captures', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) }, 'marketer');
    const second = await backend.fetch('/api/segments/captures', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) }, 'marketer');
    const segment = (await first.json()) as SegmentRecord;
    expect(second.status).toBe(200);
    expect((await audit(`segmentId=${segment.segmentId}`)).body.entries).toHaveLength(1);
  });

  it('records a segment created from text', async () => {
    const segment = await send('/api/segments', 'POST', { name: 'Audited text segment', logic: clickers }, 'marketer');
    const { body } = await audit(`segmentId=${segment.segmentId}`);
    expect(body.entries.map((entry) => entry.action)).toEqual(['create']);
    expect(body.entries[0].after).toMatchObject({ name: 'Audited text segment', status: 'draft' });
  });

  it('records only the changed fields of an edit', async () => {
    const segment = await send('/api/segments', 'POST', { name: 'Audited edit', description: 'old text', logic: clickers }, 'marketer');
    await send(`/api/segments/${segment.segmentId}`, 'PATCH', { description: 'new text' }, 'marketer');
    const { body } = await audit(`segmentId=${segment.segmentId}`);
    const update = body.entries.find((entry) => entry.action === 'update');
    expect(update?.actor).toBe(backend.tokenNames.marketer);
    expect(update?.before).toEqual({ description: 'old text' });
    expect(update?.after).toEqual({ description: 'new text' });
  });

  it('records lifecycle transitions', async () => {
    const segment = await send('/api/segments', 'POST', { name: 'Audited go live', logic: clickers }, 'marketer');
    await send(`/api/segments/${segment.segmentId}/go-live`, 'POST', {}, 'publisher');
    await send(`/api/segments/${segment.segmentId}/stop`, 'POST', {}, 'publisher');

    const { body } = await audit(`segmentId=${segment.segmentId}`);
    const transitions = body.entries.filter((entry) => entry.action !== 'create');
    expect(transitions.map((entry) => [entry.action, entry.before?.status, entry.after?.status])).toEqual([
      ['goLive', 'draft', 'goingLive'],
      ['goLive', 'goingLive', 'live'],
      ['stop', 'live', 'stopping'],
      ['stop', 'stopping', 'stopped'],
    ]);
    expect(transitions.every((entry) => entry.actor === backend.tokenNames.publisher)).toBe(true);
  });

  it('pages with a cursor', async () => {
    const first = await audit('limit=2');
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.hasMore).toBe(true);

    const second = await audit(`limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.entries[0].seq).toBeGreaterThan(first.body.entries[1].seq);
  });

  it('rejects an invalid cursor', async () => {
    const { status } = await audit('cursor=abc');
    expect(status).toBe(400);
  });

  it('is refused to marketers', async () => {
    const { status } = await audit('', 'marketer');
    expect(status).toBe(403);
  });
});
