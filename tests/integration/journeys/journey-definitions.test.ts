// PUT /api/journeys/:journeyId registers or replaces a journey definition; interactions imported afterwards
// are counted under the tiles their ActivityId names.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { JourneyDefinitionRequest, JourneyDetail } from '../../../shared/api/journeys';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';
import { createExportFolder, csvLine, modelEntities, type ExportFolder } from '../import/export-folder-fixture';

const journeyId = 'journey-definitions-test';

const definition: JourneyDefinitionRequest = {
  name: 'Renewal reminder',
  startDate: '2026-11-02T09:00:00Z',
  tiles: [
    { activityId: '01', kind: 'audience', name: 'Renewals due' },
    { activityId: '02', kind: 'email', name: 'Renewal reminder', emailId: 'email-renewal', parentActivityId: '01' },
    { activityId: '03', kind: 'ifThen', name: 'Clicked renew?', parentActivityId: '02' },
    { activityId: '03_0', kind: 'createLead', name: 'Renewal lead', parentActivityId: '03', path: 'yes' },
    { activityId: '03_1', kind: 'wait', name: 'Wait a week', parentActivityId: '03', path: 'no' },
  ],
};

/** Builds one row of an export file with the columns of `type`, filled from `values` by name. */
function row(type: string, values: Record<string, string>): string {
  const entity = modelEntities.find((candidate) => candidate.name === type)!;
  return csvLine(entity.attributes.map((attribute) => values[attribute.name] ?? ''));
}
const header = (type: string) => csvLine(modelEntities.find((candidate) => candidate.name === type)!.attributes.map((attribute) => attribute.name));

let sequence = 0;
const interaction = (type: string, contact: string, activityId: string, extra: Record<string, string> = {}, journey = journeyId) => ({
  InteractionType: type,
  InternalMarketingInteractionId: `definitions-${++sequence}`,
  Timestamp: '11/3/2026 10:00:00 AM',
  ContactId: contact,
  CustomerJourneyId: journey,
  ActivityId: activityId,
  ...extra,
});

describe.each(testDialects)('journey definitions on %s', (dialect) => {
  let backend: TestBackend;
  let folder: ExportFolder;

  beforeAll(async () => {
    backend = await startTestBackend({ dialect });
    folder = createExportFolder();
  });

  afterAll(async () => {
    folder?.remove();
    await backend?.stop();
  });

  const put = async (id: string, body: unknown) => {
    const response = await fetch(`${backend.url}/api/journeys/${id}`, { method: 'PUT', headers: { ...backend.authorization(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };
  const detail = async () => (await (await fetch(`${backend.url}/api/journeys/${journeyId}`, { headers: backend.authorization() })).json()) as JourneyDetail;
  const count = (journey: JourneyDetail, activityId: string, resultId: string) =>
    journey.tiles.find((tile) => tile.activityId === activityId)?.results.find((result) => result.resultId === resultId)?.count;

  it('registers a new journey with 201', async () => {
    const { status, body } = await put(journeyId, definition);
    expect(status).toBe(201);
    expect((body as JourneyDetail).name).toBe('Renewal reminder');
    expect((body as JourneyDetail).tiles.map((tile) => tile.activityId)).toEqual(['01', '02', '03', '03_0', '03_1']);
    expect((await detail()).tiles.find((tile) => tile.activityId === '03_0')).toMatchObject({ kind: 'createLead', parentActivityId: '03', path: 'yes' });
  });

  it('lists the registered journey', async () => {
    const { journeys } = (await (await fetch(`${backend.url}/api/journeys`, { headers: backend.authorization() })).json()) as { journeys: Array<{ journeyId: string }> };
    expect(journeys.map((journey) => journey.journeyId)).toContain(journeyId);
  });

  it('counts imported interactions under their tiles', async () => {
    const types: Record<string, Array<ReturnType<typeof interaction>>> = {
      PassThroughActivityContactProcessed: ['c1', 'c2', 'c3'].map((contact) => interaction('PassThroughActivityContactProcessed', contact, '01')),
      ActivityContactBlockedConsent: [interaction('ActivityContactBlockedConsent', 'c4', '01')],
      EmailSent: ['c1', 'c2', 'c3'].map((contact) => interaction('EmailSent', contact, '02')),
      EmailClicked: [interaction('EmailClicked', 'c1', '02'), interaction('EmailClicked', 'c1', '02'), interaction('EmailClicked', 'c9', '02', {}, 'another-journey')],
      EmailHardBounced: [interaction('EmailHardBounced', 'c3', '02', { BounceCategory: 'invalid-mailbox' })],
      TriggerActivityContactProcessed: [
        interaction('TriggerActivityContactProcessed', 'c1', '03', { Path: 'yes' }),
        interaction('TriggerActivityContactProcessed', 'c2', '03', { Path: 'no' }),
      ],
      CreateLeadActivityContactProcessed: [interaction('CreateLeadActivityContactProcessed', 'c1', '03_0')],
      ActivityContactProcessingFailed: [interaction('ActivityContactProcessingFailed', 'c2', '03_1')],
    };
    for (const [type, rows] of Object.entries(types)) {
      folder.writeBlob(type, [header(type), ...rows.map((values) => row(type, values))]);
    }
    const response = await fetch(`${backend.url}/api/imports`, { method: 'POST', headers: { ...backend.authorization(), 'content-type': 'application/json' }, body: JSON.stringify({ folder: folder.path }) });
    const summary = await response.json();
    expect(response.status).toBe(200);
    expect(summary.rejected, JSON.stringify(summary.rejections)).toBe(0);

    const journey = await detail();
    expect(count(journey, '01', 'processed')).toBe(3);
    expect(count(journey, '01', 'stopped')).toBe(1);
    expect(count(journey, '02', 'processed')).toBe(3);
    expect(count(journey, '02', 'uniqueClicks')).toBe(1);
    expect(count(journey, '02', 'hardBounces')).toBe(1);
    expect(count(journey, '02', 'deliveryFailed')).toBe(1);
    expect(count(journey, '03', 'pathYes')).toBe(1);
    expect(count(journey, '03', 'pathNo')).toBe(1);
    expect(count(journey, '03_0', 'processed')).toBe(1);
    expect(count(journey, '03_1', 'failed')).toBe(1);
    expect(count(journey, '03_1', 'processed')).toBe(0);
  });

  it('replaces the tiles on update with 200', async () => {
    const tiles = [...definition.tiles.slice(0, 3), { activityId: '03_0', kind: 'runWorkflow', name: 'Notify the account manager', parentActivityId: '03', path: 'yes' }];
    const { status, body } = await put(journeyId, { ...definition, name: 'Renewal reminder v2', tiles });
    expect(status).toBe(200);
    expect((body as JourneyDetail).name).toBe('Renewal reminder v2');
    const journey = await detail();
    expect(journey.tiles.map((tile) => tile.activityId)).toEqual(['01', '02', '03', '03_0']);
    expect(journey.tiles.find((tile) => tile.activityId === '03_0')!.kind).toBe('runWorkflow');
    // The interactions stay; the counts follow the new definition.
    expect(count(journey, '02', 'uniqueClicks')).toBe(1);
    expect(count(journey, '03_0', 'processed')).toBe(0);
  });

  describe('invalid definitions change nothing', () => {
    it.each([
      ['a duplicate ActivityId', { ...definition, tiles: [definition.tiles[0], { ...definition.tiles[1], activityId: '01' }] }, 422, 'duplicate-activity-id', '"01"'],
      ['an unknown parent tile', { ...definition, tiles: [definition.tiles[0], { ...definition.tiles[1], parentActivityId: '07' }] }, 422, 'unknown-parent-tile', '"07"'],
      ['an unknown tile kind', { ...definition, tiles: [{ ...definition.tiles[0], kind: 'teleport' }] }, 400, 'invalid-request', 'teleport'],
      ['no tiles', { ...definition, tiles: [] }, 400, 'invalid-request', 'at least one tile'],
      ['an unreadable start date', { ...definition, startDate: 'next Monday' }, 400, 'invalid-request', 'startDate'],
    ])('rejects %s', async (_case, body, status, code, named) => {
      const before = await detail();
      const reply = await put(journeyId, body);
      expect(reply.status).toBe(status);
      expect(reply.body.code).toBe(code);
      expect(reply.body.message).toContain(named);
      expect(await detail()).toEqual(before);
    });

    it('does not register a journey on a rejected first PUT', async () => {
      const reply = await put('journey-never-registered', { ...definition, tiles: [{ ...definition.tiles[0], kind: 'teleport' }] });
      expect(reply.status).toBe(400);
      const response = await fetch(`${backend.url}/api/journeys/journey-never-registered`, { headers: backend.authorization() });
      expect(response.status).toBe(404);
    });
  });
});
