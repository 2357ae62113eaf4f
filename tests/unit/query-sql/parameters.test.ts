// @vitest-environment node
import { describe, expect, it } from 'vitest';

import type { Expression, SegmentExpression } from '../../../shared/query/ast';
import { compileMembership } from '../../../backend/src/query/compile-membership';
import { QueryCompileError } from '../../../backend/src/query/query-compile-error';
import { compileText, dialects, now, placeholderCount } from './compile-text';

const injection = "' OR 1=1 --";

const blockedBecause = (value: string): SegmentExpression => ({
  kind: 'interaction',
  interactionType: 'EmailBlocked',
  linkName: 'EmailBlocked_Contact',
  filter: { kind: 'binary', operator: '==', left: { kind: 'field', path: ['BlockedReason'] }, right: { kind: 'string', value } },
});

describe.each(dialects)('bound parameters on %s', (dialect) => {
  it('keeps an injection attempt a parameter', () => {
    const statement = compileMembership(blockedBecause(injection), { dialect, now });

    expect(statement.parameters).toContain(injection);
    expect(statement.sql).not.toContain('1=1');
    expect(statement.sql).not.toContain('--');
  });

  it('keeps an injection attempt in CONTAINS a parameter', () => {
    const statement = compileText(`PROFILE(contact, c).FILTER(c.fullname CONTAINS '''; DROP TABLE contact; --')`, dialect);

    expect(statement.sql).not.toContain('DROP');
    expect(statement.parameters.some((value) => typeof value === 'string' && value.includes('DROP TABLE contact'))).toBe(true);
  });

  it('writes no literal value into the SQL', () => {
    const text =
      "INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'journey-7d0c' && ActivityId == 'tile-03' && LinkId != 'link-99' && Version >= 41.5).HAVING(COUNT() > 7, UTCDAYS(30))" +
      " EXCEPT PROFILE(contact, c).FILTER(c.address1_city == 'Berlin' && c.score * 13 > 977)";
    const statement = compileText(text, dialect);

    for (const value of ['journey-7d0c', 'tile-03', 'link-99', '41.5', 'Berlin', '977', 'EmailClicked']) {
      expect(statement.sql, value).not.toContain(value);
    }
    expect(statement.parameters).toEqual(
      expect.arrayContaining(['EmailClicked', 'journey-7d0c', 'tile-03', 'link-99', 41.5, 7, now - 30 * 86_400_000, 'Berlin', 13, 977]),
    );
  });

  it('has one placeholder per parameter', () => {
    const statement = compileText(
      "INTERACTION(EmailBlocked, EmailBlocked_Contact).FILTER(BlockedReason STARTSWITH 'a_b' || ActivityId < '05') UNION SEGMENT(Other)",
      dialect,
      { segments: new Map([['Other', blockedBecause('x')]]) },
    );

    expect(placeholderCount(statement, dialect)).toBe(statement.parameters.length);
  });

  it('casts every PostgreSQL placeholder', () => {
    if (dialect !== 'postgres') {
      return;
    }
    const statement = compileText("INTERACTION(EmailSent, EmailSent_Contact).FILTER(Version + 1 == 2 && 'a' == 'a')", dialect);

    expect(statement.sql).not.toMatch(/\$\d+(?!\d| AS )/);
  });

  it('rejects a contact field name that is not an identifier', () => {
    const field: Expression = { kind: 'field', path: ["city'--"] };
    const ast: SegmentExpression = {
      kind: 'profile',
      entity: 'contact',
      steps: [{ kind: 'filter', condition: { kind: 'binary', operator: '==', left: field, right: { kind: 'string', value: 'x' } } }],
    };

    expect(() => compileMembership(ast, { dialect, now })).toThrow(QueryCompileError);
  });

  it('rejects an interaction type outside the model', () => {
    const ast: SegmentExpression = { kind: 'interaction', interactionType: 'EmailSent" OR 1=1', linkName: 'EmailSent" OR 1=1_Contact' };

    expect(() => compileMembership(ast, { dialect, now })).toThrow(/does not exist/);
  });
});
