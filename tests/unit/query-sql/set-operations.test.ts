// @vitest-environment node
import { describe, expect, it } from 'vitest';

import type { SegmentExpression } from '../../../shared/query/ast';
import { buildResultLogic } from '../../../shared/catalog/logic';
import { blockedInteractionTypes } from '../../../shared/catalog/results';
import { compileMembership } from '../../../backend/src/query/compile-membership';
import { QueryCompileError } from '../../../backend/src/query/query-compile-error';
import { resolveSegmentReferences } from '../../../backend/src/query/segment-references';
import { compileText, dialects, now, parse } from './compile-text';

const clickers = parse("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1')");
const openers = parse("INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == 'j1')");

describe.each(dialects)('set operations on %s', (dialect) => {
  it('keeps generated logic one flat UNION', () => {
    const logic = buildResultLogic(
      blockedInteractionTypes.map((interactionType) => ({ interactionType })),
      { journeyId: 'j1', activityId: '02' },
    );
    const statement = compileMembership(logic, { dialect, now });

    expect(statement.sql.match(/ UNION /g)).toHaveLength(blockedInteractionTypes.length - 1);
    expect(statement.sql.match(/SELECT DISTINCT/g)).toHaveLength(blockedInteractionTypes.length);
    expect(statement.sql).not.toContain(' FROM (');
  });

  it('wraps a grouped right operand', () => {
    const statement = compileText(
      'INTERACTION(EmailSent, EmailSent_Contact) EXCEPT (INTERACTION(EmailOpened, EmailOpened_Contact) UNION INTERACTION(EmailClicked, EmailClicked_Contact))',
      dialect,
    );

    expect(statement.sql).toMatch(/ EXCEPT SELECT "(s\d+)"\."contact_id" FROM \(SELECT DISTINCT .* UNION SELECT DISTINCT .*\) AS "\1"$/);
  });

  it('wraps a left operand with another operator', () => {
    const statement = compileText(
      'INTERACTION(EmailSent, EmailSent_Contact) UNION INTERACTION(EmailOpened, EmailOpened_Contact) INTERSECT INTERACTION(EmailClicked, EmailClicked_Contact)',
      dialect,
    );

    expect(statement.sql).toMatch(/^SELECT "(s\d+)"\."contact_id" FROM \(.* UNION .*\) AS "\1" INTERSECT SELECT DISTINCT/);
  });

  it('keeps a chain of one operator flat', () => {
    const statement = compileText(
      'INTERACTION(EmailSent, EmailSent_Contact) EXCEPT INTERACTION(EmailOpened, EmailOpened_Contact) EXCEPT INTERACTION(EmailClicked, EmailClicked_Contact)',
      dialect,
    );

    expect(statement.sql).not.toContain(' FROM (');
    expect(statement.sql.match(/ EXCEPT /g)).toHaveLength(2);
  });

  it('inlines a referenced segment', () => {
    const statement = compileText('SEGMENT(Clickers) EXCEPT SEGMENT(Openers)', dialect, {
      segments: new Map([
        ['Clickers', clickers],
        ['Openers', openers],
      ]),
    });

    expect(statement.parameters).toEqual(['EmailClicked', 'j1', 'EmailOpened', 'j1']);
    expect(statement.sql).not.toContain('Clickers');
  });

  it('rejects an unknown segment', () => {
    expect(() => compileText('SEGMENT(Nobody)', dialect)).toThrow(/The segment Nobody does not exist/);
  });

  it('rejects a reference cycle with its path', () => {
    const segments = new Map<string, SegmentExpression>([
      ['A', parse('SEGMENT(B) UNION INTERACTION(EmailSent, EmailSent_Contact)')],
      ['B', parse('SEGMENT(A)')],
    ]);
    let caught: unknown;
    try {
      compileText('SEGMENT(A)', dialect, { segments });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(QueryCompileError);
    expect((caught as QueryCompileError).code).toBe('segment-cycle');
    expect((caught as QueryCompileError).message).toContain('A → B → A');
  });

  it('reports an error inside a referenced segment at the reference', () => {
    const segments = new Map([['Broken', parse("INTERACTION(EmailSent, EmailSent_Contact).FILTER(BlockedReason == 'x')")]]);
    let caught: unknown;
    try {
      compileText('INTERACTION(EmailOpened, EmailOpened_Contact) UNION SEGMENT(Broken)', dialect, { segments });
    } catch (error) {
      caught = error;
    }

    expect((caught as QueryCompileError).message).toMatch(/^In segment Broken: The field BlockedReason/);
    expect((caught as QueryCompileError).toQueryError().column).toBe(53);
  });

  it('restricts every operand to one contact', () => {
    const statement = compileText('INTERACTION(EmailSent, EmailSent_Contact) EXCEPT PROFILE(contact)', dialect, { contactId: 'contact-9' });

    expect(statement.parameters.filter((value) => value === 'contact-9')).toHaveLength(2);
  });
});

describe('resolveSegmentReferences', () => {
  const stored = new Map<string, SegmentExpression>([
    ['Outer', parse('SEGMENT(Inner) UNION SEGMENT(Inner)')],
    ['Inner', clickers],
    ['Dangling', parse('SEGMENT(Gone)')],
  ]);
  const resolve = async (name: string) => stored.get(name) ?? null;

  it('loads references through other segments', async () => {
    const segments = await resolveSegmentReferences(parse('SEGMENT(Outer)'), resolve);

    expect([...segments.keys()].sort()).toEqual(['Inner', 'Outer']);
  });

  it('names the segment behind a missing one', async () => {
    await expect(resolveSegmentReferences(parse('SEGMENT(Dangling)'), resolve)).rejects.toThrow(
      'The segment Gone, which segment Dangling refers to, does not exist.',
    );
  });

  it('resolves each name once', async () => {
    const requested: string[] = [];
    await resolveSegmentReferences(parse('SEGMENT(Outer) UNION SEGMENT(Inner)'), async (name) => {
      requested.push(name);
      return stored.get(name) ?? null;
    });

    expect(requested.sort()).toEqual(['Inner', 'Outer']);
  });
});
