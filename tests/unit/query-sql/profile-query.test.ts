// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { QueryCompileError } from '../../../backend/src/query/query-compile-error';
import { compileText, dialects } from './compile-text';

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

describe.each(dialects)('PROFILE query on %s', (dialect) => {
  it('selects every contact without steps', () => {
    expect(compileText('PROFILE(contact)', dialect).sql).toBe('SELECT "c1"."contact_id" FROM "contact" AS "c1"');
  });

  it.each([
    ['fullname', '"c1"."full_name"'],
    ['full_name', '"c1"."full_name"'],
    ['emailaddress1', '"c1"."email"'],
    ['contactid', '"c1"."contact_id"'],
  ])('maps %s to a column', (field, column) => {
    const statement = compileText(`PROFILE(contact, c).FILTER(ISNOTNULL(c.${field}))`, dialect);

    expect(statement.sql).toContain(`(${column} IS NOT NULL)`);
  });

  it('reads other fields from the attributes', () => {
    const statement = compileText("PROFILE(contact, c).FILTER(c.address1_city == 'Berlin')", dialect);

    expect(statement.sql).toContain(dialect === 'sqlite' ? `json_type("c1"."attributes", '$.address1_city')` : `"c1"."attributes"::jsonb -> 'address1_city'`);
    expect(statement.parameters).toEqual(['Berlin']);
  });

  it('accepts bare, aliased and entity-qualified fields', () => {
    const statement = compileText('PROFILE(contact, c).FILTER(ISNULL(fullname) || ISNULL(c.fullname) || ISNULL(contact.fullname))', dialect);

    expect(statement.sql.match(/"c1"\."full_name" IS NULL/g)).toHaveLength(3);
  });

  it('rejects an unknown alias', () => {
    const error = compileError(() => compileText('PROFILE(contact, c).FILTER(ISNULL(d.fullname))', dialect));

    expect(error.code).toBe('unknown-alias');
    expect(error.message).toContain('d.fullname');
  });

  it('rejects another entity', () => {
    const error = compileError(() => compileText('PROFILE(account)', dialect));

    expect(error.code).toBe('unsupported-entity');
  });

  it('traverses to interactions with EXISTS', () => {
    const statement = compileText(
      "PROFILE(contact, c).FILTER(c.address1_city == 'Berlin').TRAVERSE(EmailClicked_Contact, FILTER(CustomerJourneyId == 'j1' && ISNOTNULL(c.emailaddress1)))",
      dialect,
    );

    expect(statement.sql).toContain('EXISTS (SELECT 1 FROM "interaction" AS "i2" WHERE "i2"."contact_id" = "c1"."contact_id" AND "i2"."interaction_type" = ');
    expect(statement.sql).toContain('"i2"."customer_journey_id" = ');
    expect(statement.sql).toContain('("c1"."email" IS NOT NULL)');
    expect(statement.parameters).toEqual(['Berlin', 'EmailClicked', 'j1']);
  });

  it('filters traversed interactions after TRAVERSE', () => {
    const statement = compileText("PROFILE(contact, c).TRAVERSE(EmailOpened_Contact, o).FILTER(o.ActivityId == '02')", dialect);

    expect(statement.sql).toContain('"i2"."activity_id" = ');
  });

  it('rejects a relationship it cannot follow', () => {
    const error = compileError(() => compileText('PROFILE(contact).TRAVERSE(contact_customer_accounts)', dialect));

    expect(error.code).toBe('unsupported-relationship');
    expect(error.message).toContain('contact_customer_accounts');
  });

  it('rejects a traverse from interactions', () => {
    const error = compileError(() => compileText('PROFILE(contact).TRAVERSE(EmailSent_Contact).TRAVERSE(EmailOpened_Contact)', dialect));

    expect(error.code).toBe('unsupported-relationship');
    expect(error.message).toContain('EmailOpened_Contact');
  });

  it('pages with ORDERBY, SKIP and TAKE', () => {
    const statement = compileText('PROFILE(contact, c).ORDERBY(c.fullname DESC).SKIP(20).TAKE(10)', dialect);

    expect(statement.sql).toContain('ORDER BY "c1"."full_name"');
    expect(statement.sql).toContain('DESC NULLS LAST');
    expect(statement.sql).toMatch(/LIMIT (\?|CAST\(\$1 AS bigint\)) OFFSET (\?|CAST\(\$2 AS bigint\))$/);
    expect(statement.parameters).toEqual([10, 20]);
  });

  it('skips without a limit', () => {
    const statement = compileText('PROFILE(contact).SKIP(5)', dialect);

    expect(statement.sql).toContain(dialect === 'sqlite' ? 'LIMIT -1 OFFSET ?' : 'OFFSET CAST($1 AS bigint)');
  });

  it('leaves members unchanged for ORDERBY and SELECT alone', () => {
    const statement = compileText('PROFILE(contact, c).ORDERBY(c.fullname).SELECT(c.fullname, c.emailaddress1)', dialect);

    expect(statement.sql).toBe('SELECT "c1"."contact_id" FROM "contact" AS "c1"');
  });

  it('checks one contact after paging', () => {
    const statement = compileText('PROFILE(contact).TAKE(3)', dialect, { contactId: 'contact-1' });

    expect(statement.sql).toMatch(/^SELECT "p2"\."contact_id" FROM \(SELECT .* LIMIT .*\) AS "p2" WHERE "p2"\."contact_id" = /);
  });

  it('rejects a negative TAKE', () => {
    const error = compileError(() => compileText('PROFILE(contact).TAKE(-1)', dialect));

    expect(error.code).toBe('invalid-paging');
  });
});
