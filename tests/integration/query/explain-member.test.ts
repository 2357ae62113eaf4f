import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { explainMember, type EvaluationContext } from '../../../backend/src/query/evaluate';
import type { InteractionExplanation, SegmentExplanation, SetExplanation } from '../../../backend/src/query/explain-member';
import { QueryCompileError } from '../../../backend/src/query/query-compile-error';
import { testDialects } from '../../support/databases';
import { insertContacts, insertInteractions, openQueryDatabase, type InteractionRow, type QueryDatabase } from './query-database';

const day = 86_400_000;
const now = Date.UTC(2026, 2, 31, 12);

function parse(text: string): SegmentExpression {
  const { ast, errors } = parseQuery(text);
  if (!ast) {
    throw new Error(`The test query does not parse: ${errors.map((error) => error.message).join(' ')}`);
  }
  return ast;
}

const storedSegments = new Map<string, SegmentExpression>([
  ['Openers', parse("INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == 'j1')")],
  ['Cycle', parse('SEGMENT(Cycle)')],
]);
const ctx: EvaluationContext = { now, resolveSegment: async (name) => storedSegments.get(name) ?? null };

// 25 clicks of c01 on tile 02, one a day, plus clicks elsewhere that the filter leaves out.
const clicks: InteractionRow[] = Array.from({ length: 25 }, (_, index) => ({
  interactionId: `click-${String(index).padStart(2, '0')}`,
  interactionType: 'EmailClicked',
  occurredAt: now - (index + 1) * day,
  contactId: 'c01',
  customerJourneyId: 'j1',
  activityId: '02',
  fields: { Version: index % 3 },
}));

describe.each(testDialects)('explainMember on %s', (dialect) => {
  let database: QueryDatabase;

  beforeAll(async () => {
    database = await openQueryDatabase(dialect);
    await insertContacts(database.handle, [{ contactId: 'c01', email: 'c01@example.com' }, { contactId: 'c02' }]);
    await insertInteractions(database.handle, [
      ...clicks,
      { interactionId: 'other-tile', interactionType: 'EmailClicked', occurredAt: now, contactId: 'c01', customerJourneyId: 'j1', activityId: '03' },
      { interactionId: 'open-1', interactionType: 'EmailOpened', occurredAt: now - day, contactId: 'c01', customerJourneyId: 'j1', activityId: '02' },
      { interactionId: 'open-2', interactionType: 'EmailOpened', occurredAt: now - day, contactId: 'c02', customerJourneyId: 'j2', activityId: '02' },
    ]);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const explain = (text: string, contactId: string) => explainMember(database.handle, parse(text), contactId, ctx);

  it('lists the newest 20 matching interactions', async () => {
    const explanation = (await explain("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(ActivityId == '02').HAVING(COUNT() > 0)", 'c01')) as InteractionExplanation;

    expect(explanation.kind).toBe('interaction');
    expect(explanation.matched).toBe(true);
    expect(explanation.interactionCount).toBe(25);
    expect(explanation.interactions).toHaveLength(20);
    expect(explanation.interactions[0]).toEqual({ interactionId: 'click-00', interactionType: 'EmailClicked', occurredAt: now - day, activityId: '02' });
    expect(explanation.interactions.map((interaction) => interaction.interactionId)).not.toContain('other-tile');
    expect(explanation.aggregate).toEqual({ function: 'COUNT', field: undefined, value: 25, operator: '>', threshold: 0 });
    expect(explanation.windowStart).toBeNull();
  });

  it('reports the aggregate within the window', async () => {
    const explanation = (await explain("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(ActivityId == '02').HAVING(SUM(Version) >= 10, UTCDAYS(10))", 'c01')) as InteractionExplanation;

    // Days 1 to 10 carry Version 0, 1, 2, 0, 1, 2, 0, 1, 2, 0.
    expect(explanation.interactionCount).toBe(10);
    expect(explanation.aggregate.value).toBe(9);
    expect(explanation.aggregate.field).toBe('Version');
    expect(explanation.matched).toBe(false);
    expect(explanation.windowStart).toBe(now - 10 * day);
  });

  it('explains a contact without interactions', async () => {
    const explanation = (await explain('INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(MAX(Version) > 0)', 'c02')) as InteractionExplanation;

    expect(explanation.matched).toBe(false);
    expect(explanation.interactions).toEqual([]);
    expect(explanation.interactionCount).toBe(0);
    expect(explanation.aggregate.value).toBeNull();
  });

  it('explains a referenced segment inside a set operation', async () => {
    const explanation = (await explain("SEGMENT(Openers) EXCEPT PROFILE(contact, c).FILTER(ISNOTNULL(c.emailaddress1))", 'c01')) as SetExplanation;
    const reference = explanation.left as SegmentExplanation;

    expect(explanation.kind).toBe('set');
    expect(explanation.matched).toBe(false);
    expect(reference.kind).toBe('segment');
    expect(reference.name).toBe('Openers');
    expect(reference.matched).toBe(true);
    expect((reference.explanation as InteractionExplanation).interactions.map((interaction) => interaction.interactionId)).toEqual(['open-1']);
    expect(explanation.right).toMatchObject({ kind: 'profile', matched: true });
  });

  it('matches the member check for a member', async () => {
    const explanation = await explain("SEGMENT(Openers) UNION INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == 'j2')", 'c02');

    expect(explanation.matched).toBe(true);
    expect((explanation as SetExplanation).left.matched).toBe(false);
    expect((explanation as SetExplanation).right.matched).toBe(true);
  });

  it('keeps the spans of parsed logic', async () => {
    const explanation = (await explain('INTERACTION(EmailOpened, EmailOpened_Contact) UNION PROFILE(contact)', 'c02')) as SetExplanation;

    expect(explanation.right.span?.start.column).toBe(53);
  });

  it('rejects a reference cycle before explaining', async () => {
    await expect(explain('SEGMENT(Cycle)', 'c01')).rejects.toThrow(QueryCompileError);
  });
});
