// The dependency summary maintenance reads from segment logic, and the exit times of HAVING windows.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { dependsOnInteraction, segmentDependencies } from '../../../backend/src/membership/dependencies';
import { windowExitTime } from '../../../backend/src/membership/window-expiry';
import { windowStart } from '../../../backend/src/query/date-math';

function parse(text: string): SegmentExpression {
  const { ast, errors } = parseQuery(text);
  if (!ast) {
    throw new Error(`The test logic does not parse: ${errors.map((error) => error.message).join(' ')}`);
  }
  return ast;
}

const summarize = (text: string, segments: Record<string, string> = {}) =>
  segmentDependencies(parse(text), new Map(Object.entries(segments).map(([name, logic]) => [name, parse(logic)])));

describe('segment dependencies', () => {
  it('limits a type to the journeys its filter names', () => {
    const summary = summarize("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1' && ActivityId == '02')");
    expect([...summary.interactionTypes.get('EmailClicked')!]).toEqual(['j1']);
    expect(dependsOnInteraction(summary, 'EmailClicked', 'j1')).toBe(true);
    expect(dependsOnInteraction(summary, 'EmailClicked', 'j2')).toBe(false);
    expect(dependsOnInteraction(summary, 'EmailClicked', null)).toBe(false);
    expect(dependsOnInteraction(summary, 'EmailOpened', 'j1')).toBe(false);
  });

  it('unites journeys joined by OR and drops the limit for NOT', () => {
    expect([...summarize("INTERACTION(EmailSent, EmailSent_Contact).FILTER(CustomerJourneyId == 'j1' || CustomerJourneyId == 'j2')").interactionTypes.get('EmailSent')!]).toEqual([
      'j1',
      'j2',
    ]);
    expect(summarize("INTERACTION(EmailSent, EmailSent_Contact).FILTER(NOT(CustomerJourneyId == 'j1'))").interactionTypes.get('EmailSent')).toBeNull();
  });

  it('treats growing logic as monotone', () => {
    const summary = summarize('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 2, UTCDAYS(30)) UNION INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(MAX(Version) >= 2)');
    expect(summary.canLoseMembers).toBe(false);
    expect(summary.windows).toEqual([{ interactionType: 'EmailSent', window: expect.objectContaining({ unit: 'UTCDAYS', amount: 30 }) }]);
  });

  it.each([
    ['EXCEPT', 'INTERACTION(EmailSent, EmailSent_Contact) EXCEPT INTERACTION(EmailHardBounced, EmailHardBounced_Contact)'],
    ['an upper bound', 'INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() < 3)'],
    ['SUM', 'INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(SUM(Version) > 3)'],
    ['AVG', 'INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(AVG(Version) > 1)'],
    ['a referenced EXCEPT', 'SEGMENT(Base)'],
  ])('lets members leave with %s', (_case, logic) => {
    expect(summarize(logic, { Base: 'INTERACTION(EmailSent, EmailSent_Contact) EXCEPT INTERACTION(EmailOpened, EmailOpened_Contact)' }).canLoseMembers).toBe(true);
  });

  it('follows SEGMENT references', () => {
    const summary = summarize('SEGMENT(Base) INTERSECT INTERACTION(EmailOpened, EmailOpened_Contact)', { Base: 'INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 0, UTCMONTHS(2))' });
    expect([...summary.interactionTypes.keys()].sort()).toEqual(['EmailOpened', 'EmailSent']);
    expect(summary.windows).toHaveLength(1);
  });

  it('marks contact fields, the clock and paging', () => {
    const summary = summarize('PROFILE(contact, c).FILTER(DATEDIFF(YEAR, c.birthdate, DATETIMEUTCNOW()) > 30).TAKE(10)');
    expect(summary.readsContacts).toBe(true);
    expect(summary.readsClock).toBe(true);
    expect(summary.dependsOnOtherContacts).toBe(true);
    expect(summary.interactionTypes.size).toBe(0);
  });
});

describe('window exit time', () => {
  const windows = fc.oneof(
    fc.record({ unit: fc.constant('UTCDAYS' as const), amount: fc.integer({ min: 0, max: 400 }) }),
    fc.record({ unit: fc.constant('UTCMONTHS' as const), amount: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ unit: fc.constant('UTCYEARS' as const), amount: fc.integer({ min: 1, max: 5 }) }),
  );

  it('is the first millisecond outside the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), windows, (occurredAt, window) => {
        const exit = windowExitTime(occurredAt, window);
        expect(windowStart(exit, window)).toBeGreaterThan(occurredAt);
        expect(windowStart(exit - 1, window)).toBeLessThanOrEqual(occurredAt);
      }),
      { numRuns: 2000 },
    );
  });
});
