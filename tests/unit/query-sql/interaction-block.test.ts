// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { QueryCompileError } from '../../../backend/src/query/query-compile-error';
import { compileText, dialects, now } from './compile-text';

const day = 86_400_000;

function compileError(run: () => unknown): QueryCompileError {
  try {
    run();
  } catch (error) {
    if (error instanceof QueryCompileError) {
      return error;
    }
    throw error;
  }
  throw new Error('The query compiled, but an error was expected.');
}

describe.each(dialects)('INTERACTION block on %s', (dialect) => {
  it('answers COUNT() > 0 with a DISTINCT scan', () => {
    const statement = compileText("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1' && ActivityId == '03').HAVING(COUNT() > 0)", dialect);

    expect(statement.sql).toMatch(/^SELECT DISTINCT "i1"\."contact_id" FROM "interaction" AS "i1" WHERE /);
    expect(statement.sql).not.toContain('GROUP BY');
    expect(statement.parameters).toEqual(['EmailClicked', 'j1', '03']);
  });

  it('filters journey and tile on indexed columns', () => {
    const statement = compileText("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == 'j1' && ActivityId == '03')", dialect);

    expect(statement.sql).toContain('"i1"."interaction_type" = ');
    expect(statement.sql).toContain('"i1"."customer_journey_id" = ');
    expect(statement.sql).toContain('"i1"."activity_id" = ');
    expect(statement.sql).toContain('"i1"."contact_id" IS NOT NULL');
    expect(statement.sql).not.toContain('fields');
  });

  it('reads other fields from the JSON', () => {
    const statement = compileText("INTERACTION(EmailBlocked, EmailBlocked_Contact).FILTER(BlockedReason == 'x' && Version > 1)", dialect);

    if (dialect === 'sqlite') {
      expect(statement.sql).toContain(`json_extract("i1"."fields", '$.BlockedReason')`);
      expect(statement.sql).toContain(`json_extract("i1"."fields", '$.Version')`);
    } else {
      expect(statement.sql).toContain(`("i1"."fields"::jsonb ->> 'BlockedReason')`);
      expect(statement.sql).toContain(`CAST(("i1"."fields"::jsonb ->> 'Version') AS double precision)`);
    }
  });

  it('treats COUNT() > 0 in a window as existence', () => {
    const statement = compileText('INTERACTION(EmailOpened, EmailOpened_Contact).HAVING(COUNT() > 0, UTCDAYS(30))', dialect);

    expect(statement.sql).toContain('SELECT DISTINCT');
    expect(statement.sql).toContain('"i1"."occurred_at" >= ');
    expect(statement.parameters).toEqual(['EmailOpened', now - 30 * day]);
  });

  it('groups by contact for larger counts', () => {
    const statement = compileText('INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(COUNT() > 3, UTCDAYS(30))', dialect);

    expect(statement.sql).toContain('GROUP BY "i1"."contact_id" HAVING COUNT(*) > ');
    expect(statement.parameters).toEqual(['EmailSoftBounced', now - 30 * day, 3]);
  });

  it.each([
    ['SUM', 'SUM('],
    ['AVG', 'AVG('],
    ['MIN', 'MIN('],
    ['MAX', 'MAX('],
  ])('compiles %s over a numeric field', (aggregate, expected) => {
    const statement = compileText(`INTERACTION(SurveyResponse, SurveyResponse_Contact).HAVING(${aggregate}(Score) >= 2.5)`, dialect);

    expect(statement.sql).toContain(`HAVING ${expected}`);
    expect(statement.sql).toContain('Score');
    expect(statement.parameters).toEqual(['SurveyResponse', 2.5]);
  });

  it('measures calendar months back from now', () => {
    const statement = compileText('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 1, UTCMONTHS(1))', dialect);

    // March 31 minus one month is the last day of February.
    expect(statement.parameters[1]).toBe(Date.UTC(2026, 1, 28, 12));
  });

  it('measures calendar years back from now', () => {
    const statement = compileText('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 1, UTCYEARS(2))', dialect);

    expect(statement.parameters[1]).toBe(Date.UTC(2024, 2, 31, 12));
  });

  it('restricts every block to one contact', () => {
    const statement = compileText('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 1)', dialect, { contactId: 'contact-1' });

    expect(statement.sql).toContain('"i1"."contact_id" = ');
    expect(statement.parameters).toContain('contact-1');
  });

  it('rejects an unknown interaction type', () => {
    const error = compileError(() => compileText('INTERACTION(EmailTeleported, EmailTeleported_Contact)', dialect));

    expect(error.code).toBe('unknown-interaction-type');
    expect(error.message).toContain('EmailTeleported');
  });

  it('rejects a field of another type', () => {
    const error = compileError(() => compileText("INTERACTION(EmailSent, EmailSent_Contact).FILTER(BlockedReason == 'x')", dialect));

    expect(error.code).toBe('unknown-field');
    expect(error.message).toContain('BlockedReason');
    expect(error.toQueryError().column).toBe(50);
  });

  it('rejects a foreign link name', () => {
    const error = compileError(() => compileText('INTERACTION(EmailSent, EmailOpened_Contact)', dialect));

    expect(error.code).toBe('invalid-link-name');
    expect(error.message).toContain('EmailSent_Contact');
  });

  it('rejects SUM over a text field', () => {
    const error = compileError(() => compileText('INTERACTION(EmailBlocked, EmailBlocked_Contact).HAVING(SUM(BlockedReason) > 1)', dialect));

    expect(error.code).toBe('type-mismatch');
    expect(error.message).toContain('BlockedReason');
  });

  it('rejects paging on a block', () => {
    const error = compileError(() => compileText('INTERACTION(EmailSent, EmailSent_Contact).TAKE(10)', dialect));

    expect(error.code).toBe('unsupported-paging');
  });

  it('rejects a fractional window', () => {
    const error = compileError(() => compileText('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 1, UTCDAYS(1.5))', dialect));

    expect(error.code).toBe('invalid-window');
  });
});
