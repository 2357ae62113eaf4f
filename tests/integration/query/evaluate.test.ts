import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { countMembers, isMember, listMembers, type EvaluationContext } from '../../../backend/src/query/evaluate';
import { QueryCompileError } from '../../../backend/src/query/query-compile-error';
import { testDialects } from '../../support/databases';
import { insertContacts, insertInteractions, openQueryDatabase, type QueryDatabase } from './query-database';

const day = 86_400_000;
/** A leap day, so one month after January 31 is clamped to today. */
const now = Date.UTC(2024, 1, 29, 6, 30);

function parse(text: string): SegmentExpression {
  const { ast, errors } = parseQuery(text);
  if (!ast) {
    throw new Error(`The test query does not parse: ${errors.map((error) => error.message).join(' ')}`);
  }
  return ast;
}

const storedSegments = new Map<string, SegmentExpression>([
  ['Clickers', parse("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1')")],
  ['Loop', parse('SEGMENT(Clickers) UNION SEGMENT(LoopBack)')],
  ['LoopBack', parse('SEGMENT(Loop)')],
]);
const ctx: EvaluationContext = { now, resolveSegment: async (name) => storedSegments.get(name) ?? null };

describe.each(testDialects)('segment evaluation on %s', (dialect) => {
  let database: QueryDatabase;

  const members = async (text: string) => listMembers(database.handle, parse(text), ctx, { limit: 100 });

  beforeAll(async () => {
    database = await openQueryDatabase(dialect);
    await insertContacts(database.handle, [
      { contactId: 'c01', fullName: 'a%b', email: 'a@example.com', attributes: { score: 7, city: 'Berlin', birthdate: Date.UTC(2024, 0, 31, 6) } },
      { contactId: 'c02', fullName: 'aXb', attributes: { score: '7', city: 'berlin', birthdate: Date.UTC(1969, 11, 31, 23, 59) } },
      { contactId: 'c03', fullName: 'A%B', attributes: { score: 2.5, vip: true, birthdate: Date.UTC(2000, 1, 29, 6, 30) } },
      { contactId: 'c04', fullName: 'x_y*z', attributes: { vip: false } },
      { contactId: 'c05', fullName: "O'Brien", email: 'ob@example.com' },
    ]);
    await insertInteractions(database.handle, [
      { interactionId: 'i01', interactionType: 'EmailClicked', occurredAt: now - day, contactId: 'c01', customerJourneyId: 'j1', activityId: '02' },
      { interactionId: 'i02', interactionType: 'EmailClicked', occurredAt: now - 40 * day, contactId: 'c02', customerJourneyId: 'j1', activityId: '02' },
      { interactionId: 'i03', interactionType: 'EmailClicked', occurredAt: now - 2 * day, contactId: 'c99', customerJourneyId: 'j1', activityId: '02' },
      { interactionId: 'i04', interactionType: 'EmailClicked', occurredAt: now - 2 * day, contactId: null, customerJourneyId: 'j1', activityId: '02' },
      { interactionId: 'i05', interactionType: 'EmailClicked', occurredAt: now - 3 * day, contactId: 'c03', customerJourneyId: 'j2', activityId: '02' },
      { interactionId: 'i06', interactionType: 'EmailBlocked', occurredAt: now - day, contactId: 'c01', customerJourneyId: 'j1', fields: { BlockedReason: 'Duplicate' } },
      { interactionId: 'i07', interactionType: 'EmailBlocked', occurredAt: now - day, contactId: 'c02', customerJourneyId: 'j1' },
      { interactionId: 'i08', interactionType: 'EmailBlocked', occurredAt: now - day, contactId: 'c03', customerJourneyId: 'j1', fields: { BlockedReason: 'duplicate' } },
      { interactionId: 'i09', interactionType: 'EmailSoftBounced', occurredAt: now - day, contactId: 'c04', fields: { Version: 3 } },
      { interactionId: 'i10', interactionType: 'EmailSoftBounced', occurredAt: now - 2 * day, contactId: 'c04', fields: { Version: 4 } },
      { interactionId: 'i11', interactionType: 'EmailSoftBounced', occurredAt: now - 400 * day, contactId: 'c04', fields: { Version: 5 } },
      { interactionId: 'i12', interactionType: 'EmailSoftBounced', occurredAt: now - day, contactId: 'c05' },
    ]);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('counts contacts, not interactions', async () => {
    const ast = parse("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1')");

    expect(await countMembers(database.handle, ast, ctx)).toBe(3);
    expect(await members("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1')")).toEqual(['c01', 'c02', 'c99']);
  });

  it('pages members by contact id', async () => {
    const ast = parse('INTERACTION(EmailClicked, EmailClicked_Contact) UNION PROFILE(contact)');
    const first = await listMembers(database.handle, ast, ctx, { limit: 4 });
    const second = await listMembers(database.handle, ast, ctx, { afterContactId: first.at(-1), limit: 4 });

    expect(first).toEqual(['c01', 'c02', 'c03', 'c04']);
    expect(second).toEqual(['c05', 'c99']);
  });

  it('rejects a page limit below one', async () => {
    await expect(listMembers(database.handle, parse('PROFILE(contact)'), ctx, { limit: 0 })).rejects.toThrow(/page limit 0 is invalid/);
  });

  it('checks single contacts', async () => {
    const ast = parse("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1') EXCEPT PROFILE(contact).FILTER(ISNOTNULL(emailaddress1))");

    expect(await isMember(database.handle, ast, 'c02', ctx)).toBe(true);
    expect(await isMember(database.handle, ast, 'c01', ctx)).toBe(false);
    expect(await isMember(database.handle, ast, 'c99', ctx)).toBe(true);
    expect(await isMember(database.handle, ast, 'nobody', ctx)).toBe(false);
  });

  it('counts within a window', async () => {
    expect(await members('INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(COUNT() > 1, UTCDAYS(30))')).toEqual(['c04']);
    expect(await members('INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(COUNT() > 2, UTCDAYS(30))')).toEqual([]);
    expect(await members('INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(COUNT() > 2, UTCYEARS(2))')).toEqual(['c04']);
  });

  it('aggregates a numeric field', async () => {
    expect(await members('INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(SUM(Version) == 12)')).toEqual(['c04']);
    expect(await members('INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(AVG(Version) == 3.5, UTCDAYS(30))')).toEqual(['c04']);
    expect(await members('INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(MIN(Version) < 100)')).toEqual(['c04']);
  });

  it('treats a missing field as failing every comparison', async () => {
    expect(await members("INTERACTION(EmailBlocked, EmailBlocked_Contact).FILTER(BlockedReason != 'Duplicate')")).toEqual(['c03']);
    expect(await members("INTERACTION(EmailBlocked, EmailBlocked_Contact).FILTER(NOT(BlockedReason == 'Duplicate'))")).toEqual(['c02', 'c03']);
    expect(await members('INTERACTION(EmailBlocked, EmailBlocked_Contact).FILTER(ISNULL(BlockedReason))')).toEqual(['c02']);
  });

  it('compares text case-sensitively', async () => {
    expect(await members("INTERACTION(EmailBlocked, EmailBlocked_Contact).FILTER(BlockedReason == 'duplicate')")).toEqual(['c03']);
    expect(await members("PROFILE(contact, c).FILTER(c.fullname STARTSWITH 'a')")).toEqual(['c01', 'c02']);
    expect(await members("PROFILE(contact, c).FILTER(c.city == 'Berlin')")).toEqual(['c01']);
  });

  it('matches wildcards literally', async () => {
    expect(await members("PROFILE(contact, c).FILTER(c.fullname CONTAINS '%')")).toEqual(['c01', 'c03']);
    expect(await members("PROFILE(contact, c).FILTER(c.fullname CONTAINS '_')")).toEqual(['c04']);
    expect(await members("PROFILE(contact, c).FILTER(c.fullname ENDSWITH '*z')")).toEqual(['c04']);
    expect(await members("PROFILE(contact, c).FILTER(c.fullname == 'O''Brien')")).toEqual(['c05']);
  });

  it('reads attributes by the type the query needs', async () => {
    expect(await members('PROFILE(contact, c).FILTER(c.score > 3)')).toEqual(['c01']);
    expect(await members("PROFILE(contact, c).FILTER(c.score == '7')")).toEqual(['c02']);
    expect(await members('PROFILE(contact, c).FILTER(c.vip)')).toEqual(['c03']);
    expect(await members('PROFILE(contact, c).FILTER(ISNULL(c.vip))')).toEqual(['c01', 'c02', 'c05']);
  });

  it('clamps DATEADD months to the month end', async () => {
    // January 31 plus one month is February 29 at 06:00, before now. Without clamping it would be March 2.
    expect(await members('PROFILE(contact, c).FILTER(DATEADD(MONTH, 1, c.birthdate) <= DATETIMEUTCNOW())')).toEqual(['c01', 'c02', 'c03']);
  });

  it('adds years exactly up to now', async () => {
    // February 29, 2000 at 06:30 plus 24 years is now.
    expect(await members('PROFILE(contact, c).FILTER(DATEADD(YEAR, 24, c.birthdate) <= DATETIMEUTCNOW())')).toEqual(['c02', 'c03']);
    expect(await members('PROFILE(contact, c).FILTER(DATEADD(YEAR, 24, c.birthdate) < DATETIMEUTCNOW())')).toEqual(['c02']);
  });

  it('counts DATEDIFF boundaries before 1970', async () => {
    expect(await members('PROFILE(contact, c).FILTER(DATEDIFF(DAY, c.birthdate, DATE(1970, 1, 1)) == 1)')).toEqual(['c02']);
    expect(await members('PROFILE(contact, c).FILTER(DATEDIFF(YEAR, c.birthdate, DATE(1970, 1, 1)) == 1)')).toEqual(['c02']);
    expect(await members('PROFILE(contact, c).FILTER(DATEDIFF(MINUTE, c.birthdate, DATE(1970, 1, 1)) == 1)')).toEqual(['c02']);
  });

  it('counts DATEDIFF months across a year', async () => {
    expect(await members('PROFILE(contact, c).FILTER(DATEDIFF(MONTH, c.birthdate, DATETIMEUTCNOW()) == 1)')).toEqual(['c01']);
  });

  it('keeps contacts with a traversed interaction', async () => {
    expect(await members("PROFILE(contact, c).TRAVERSE(EmailClicked_Contact, FILTER(CustomerJourneyId == 'j1'))")).toEqual(['c01', 'c02']);
    expect(await members("PROFILE(contact, c).TRAVERSE(EmailBlocked_Contact, b).FILTER(ISNULL(b.BlockedReason) || ISNOTNULL(c.emailaddress1))")).toEqual(['c01', 'c02']);
  });

  it('limits a PROFILE query to a page', async () => {
    const ast = parse('PROFILE(contact, c).ORDERBY(c.score DESC).SKIP(1).TAKE(2)');

    // Numbers first by value (7, then 2.5), then texts ('7'), then contacts without a score.
    expect(await listMembers(database.handle, ast, ctx, { limit: 10 })).toEqual(['c02', 'c03']);
    expect(await isMember(database.handle, ast, 'c03', ctx)).toBe(true);
    expect(await isMember(database.handle, ast, 'c01', ctx)).toBe(false);
  });

  it('evaluates a referenced segment', async () => {
    expect(await members("SEGMENT(Clickers) INTERSECT PROFILE(contact, c).FILTER(c.fullname CONTAINS 'X')")).toEqual(['c02']);
  });

  it('rejects an unknown segment', async () => {
    await expect(countMembers(database.handle, parse('SEGMENT(Nobody)'), ctx)).rejects.toThrow(QueryCompileError);
  });

  it('rejects a reference cycle', async () => {
    await expect(countMembers(database.handle, parse('SEGMENT(Loop)'), ctx)).rejects.toThrow(/Loop → LoopBack → Loop/);
  });
});
