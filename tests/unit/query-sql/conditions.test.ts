// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { escapeGlob, escapeLike } from '../../../backend/src/query/string-match-sql';
import { compileText, dialects, now } from './compile-text';

const interactionFilter = (condition: string) => `INTERACTION(EmailBlocked, EmailBlocked_Contact).FILTER(${condition})`;
const profileFilter = (condition: string) => `PROFILE(contact, c).FILTER(${condition})`;

describe('LIKE and GLOB escaping', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('escapes GLOB wildcards in character classes', () => {
    expect(escapeGlob('a*b?c[d]')).toBe('a[*]b[?]c[[]d]');
  });
});

describe.each(dialects)('conditions on %s', (dialect) => {
  it('turns NULL into false under NOT', () => {
    const statement = compileText(interactionFilter("NOT(BlockedReason == 'x')"), dialect);

    expect(statement.sql).toMatch(/\(NOT COALESCE\(.*BlockedReason.*, (0|FALSE)\)\)/);
  });

  it('compiles ISNULL and ISNOTNULL', () => {
    const statement = compileText(interactionFilter('ISNULL(BlockedReason) || ISNOTNULL(ActivityId)'), dialect);

    expect(statement.sql).toContain('IS NULL)');
    expect(statement.sql).toContain('"activity_id" IS NOT NULL)');
  });

  it.each([
    ['CONTAINS', { sqlite: '*50[*]%_off*', postgres: '%50*\\%\\_off%' }],
    ['STARTSWITH', { sqlite: '50[*]%_off*', postgres: '50*\\%\\_off%' }],
    ['ENDSWITH', { sqlite: '*50[*]%_off', postgres: '%50*\\%\\_off' }],
  ] as const)('matches %s with an escaped pattern', (operator, patterns) => {
    const statement = compileText(profileFilter(`c.fullname ${operator} '50*%_off'`), dialect);

    expect(statement.parameters).toEqual([patterns[dialect]]);
    expect(statement.sql).toContain(dialect === 'sqlite' ? ' GLOB ' : ` LIKE CAST($1 AS text) ESCAPE E'\\\\'`);
  });

  it('matches a computed text without patterns', () => {
    const statement = compileText(interactionFilter('BlockedReason CONTAINS ActivityId'), dialect);

    expect(statement.sql).toContain(dialect === 'sqlite' ? 'instr(' : 'strpos(');
    expect(statement.sql).not.toMatch(/GLOB|LIKE/);
  });

  it('orders text by code point', () => {
    const statement = compileText(interactionFilter("ActivityId < '05'"), dialect);

    if (dialect === 'postgres') {
      expect(statement.sql).toContain('COLLATE "C"');
    } else {
      expect(statement.sql).not.toContain('COLLATE');
    }
  });

  it('divides as floating point without failing on zero', () => {
    const statement = compileText(interactionFilter('Version / Version > 0.5'), dialect);

    expect(statement.sql).toContain(dialect === 'sqlite' ? 'AS REAL) / ' : 'NULLIF(');
  });

  it('folds constant arithmetic', () => {
    const statement = compileText(interactionFilter('Version > 2 * 3 + 1'), dialect);

    expect(statement.parameters).toEqual(['EmailBlocked', 7]);
  });

  it('reads a date text as epoch milliseconds', () => {
    const statement = compileText(interactionFilter("Timestamp >= '2026-01-15T10:00:00Z'"), dialect);

    expect(statement.parameters).toEqual(['EmailBlocked', Date.UTC(2026, 0, 15, 10)]);
  });

  it('rejects a text that is not a date', () => {
    expect(() => compileText(interactionFilter("Timestamp >= 'yesterday'"), dialect)).toThrow(/not a date/);
  });

  it('folds DATE, DATEADD and DATEDIFF on constants', () => {
    const statement = compileText(
      profileFilter('c.birthdate < DATEADD(MONTH, 1, DATE(2024, 1, 31)) && DATEDIFF(DAY, DATE(2024, 1, 1), DATETIMEUTCNOW()) > 10'),
      dialect,
    );

    const daysSinceNewYear2024 = Math.floor(now / 86_400_000) - Math.floor(Date.UTC(2024, 0, 1) / 86_400_000);
    expect(statement.parameters).toEqual([Date.UTC(2024, 1, 29), daysSinceNewYear2024, 10]);
  });

  it('compiles DATEADD on a computed date', () => {
    const statement = compileText(profileFilter('DATEADD(YEAR, 18, c.birthdate) <= DATETIMEUTCNOW()'), dialect);

    expect(statement.sql).toContain(dialect === 'sqlite' ? "' months', 'floor')" : 'make_interval(months => ');
    expect(statement.parameters).toEqual([18, now]);
  });

  it('compiles DATEDIFF on a computed date', () => {
    const statement = compileText(profileFilter('DATEDIFF(MONTH, c.createdon, DATETIMEUTCNOW()) >= 6'), dialect);

    expect(statement.sql).toContain(dialect === 'sqlite' ? "strftime('%m'" : 'extract(month FROM');
    // The end date appears twice: once for its year and once for its month.
    expect(statement.parameters).toEqual([now, now, 6]);
  });

  it('gives an attribute the type of the other side', () => {
    const statement = compileText(profileFilter("c.score > 3 && c.city == 'Berlin'"), dialect);

    expect(statement.sql).toContain(dialect === 'sqlite' ? "IN ('integer', 'real')" : "= 'number'");
    expect(statement.sql).toContain(dialect === 'sqlite' ? "IN ('text')" : "= 'string'");
  });

  it('rejects comparing text with a number', () => {
    expect(() => compileText(interactionFilter('BlockedReason > 3'), dialect)).toThrow(/cannot compare text with a number/);
  });

  it('rejects a value used as a condition', () => {
    expect(() => compileText(interactionFilter('Version'), dialect)).toThrow(/not a condition/);
  });

  it('rejects an impossible DATE', () => {
    expect(() => compileText(profileFilter('c.birthdate > DATE(2025, 2, 29)'), dialect)).toThrow(/not a valid date/);
  });

  it('rejects DATE on computed numbers', () => {
    expect(() => compileText(profileFilter('c.birthdate > DATE(c.year, 1, 1)'), dialect)).toThrow(/DATE needs numbers written in the query/);
  });
});
