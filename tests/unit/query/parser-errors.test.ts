// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { parseErrors } from './helpers';

describe('parseQuery errors', () => {
  it('reports an empty query', () => {
    expect(parseErrors('  \n ')).toMatchObject([{ code: 'empty-query', line: 1, column: 1 }]);
  });

  it('reports an invalid character with a hint', () => {
    const [error] = parseErrors('PROFILE(contact).FILTER(a = 1)');
    expect(error).toMatchObject({ code: 'invalid-character', line: 1, column: 27, length: 1 });
    expect(error.message).toContain("'=='");
  });

  it('reports an unterminated string at its opening quote', () => {
    const errors = parseErrors("PROFILE(contact).FILTER(a == 'Berlin)");
    expect(errors[0]).toMatchObject({ code: 'unterminated-string', line: 1, column: 30 });
  });

  it('reports a number too large', () => {
    expect(parseErrors('PROFILE(contact).FILTER(a == 1e999)')[0]).toMatchObject({ code: 'invalid-number', column: 30 });
  });

  it('reports an unexpected token with what was expected', () => {
    const [error] = parseErrors('SEGMENT(a) UNION FOO(b)');
    expect(error).toMatchObject({ code: 'unexpected-token', line: 1, column: 18, length: 3 });
    expect(error.message).toContain("'FOO'");
    expect(error.message).toContain('SEGMENT(...)');
  });

  it('reports the end of the query', () => {
    expect(parseErrors('SEGMENT(a) UNION')).toMatchObject([{ code: 'unexpected-end', line: 1, column: 17 }]);
  });

  it('reports a missing closing parenthesis', () => {
    const [error] = parseErrors("PROFILE(contact).FILTER(a == 'x'");
    expect(error.code).toBe('unexpected-end');
    expect(error.message).toContain("')'");
  });

  it('reports an unknown function in a condition', () => {
    const [error] = parseErrors('PROFILE(contact).FILTER(LOWER(a) == 1)');
    expect(error).toMatchObject({ code: 'unknown-function', column: 25, length: 5 });
    expect(error.message).toContain('LOWER');
  });

  it('reports an unknown chained call', () => {
    expect(parseErrors('PROFILE(contact).WHERE(a == 1)')[0]).toMatchObject({ code: 'unknown-function', column: 18 });
  });

  it('reports an unknown aggregate', () => {
    const errors = parseErrors('INTERACTION(EmailSent, EmailSent_Contact).HAVING(TOTAL() > 1)');
    expect(errors[0]).toMatchObject({ code: 'unknown-function', column: 50 });
  });

  it('reports an unknown window', () => {
    const errors = parseErrors('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 1, UTCWEEKS(2))');
    expect(errors[0]).toMatchObject({ code: 'unknown-function', column: 63 });
  });

  it('reports an unknown date part', () => {
    const errors = parseErrors('PROFILE(contact).FILTER(DATEDIFF(WEEK, a, b) > 1)');
    expect(errors[0]).toMatchObject({ code: 'unknown-date-part', column: 34, length: 4 });
  });

  it('reports a wrong argument count', () => {
    const errors = parseErrors('PROFILE(contact).FILTER(DATE(2024, 1) < a)');
    expect(errors[0]).toMatchObject({ code: 'wrong-argument-count', column: 25 });
  });

  it('reports COUNT with a field', () => {
    const errors = parseErrors('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT(Version) > 1)');
    expect(errors[0]).toMatchObject({ code: 'wrong-argument-count', column: 56 });
  });

  it('reports a missing link name', () => {
    const [error] = parseErrors('INTERACTION(EmailClicked).HAVING(COUNT() > 0)');
    expect(error).toMatchObject({ code: 'missing-link-name', column: 25 });
    expect(error.message).toContain('EmailClicked_Contact');
  });

  it('reports a second FILTER on an INTERACTION', () => {
    const errors = parseErrors('INTERACTION(EmailSent, EmailSent_Contact).FILTER(a == 1).FILTER(b == 2)');
    expect(errors[0]).toMatchObject({ code: 'duplicate-call', column: 58 });
  });

  it('reports a repeated paging call', () => {
    expect(parseErrors('PROFILE(contact).TAKE(1).TAKE(2)')[0]).toMatchObject({ code: 'duplicate-call', column: 26 });
  });

  it('reports FILTER after HAVING', () => {
    const errors = parseErrors('INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() > 0).FILTER(a == 1)');
    expect(errors[0]).toMatchObject({ code: 'misplaced-call', column: 63 });
  });

  it('reports FILTER after paging', () => {
    expect(parseErrors('PROFILE(contact).TAKE(1).FILTER(a == 1)')[0]).toMatchObject({ code: 'misplaced-call', column: 26 });
  });

  it('reports HAVING on a PROFILE', () => {
    expect(parseErrors('PROFILE(contact).HAVING(COUNT() > 0)')[0]).toMatchObject({ code: 'misplaced-call', column: 18 });
  });

  it('reports a call on SEGMENT', () => {
    expect(parseErrors('SEGMENT(a).TAKE(5)')[0]).toMatchObject({ code: 'misplaced-call', column: 12 });
  });

  it('reports a missing set operator', () => {
    const [error] = parseErrors('SEGMENT(a) SEGMENT(b)');
    expect(error).toMatchObject({ code: 'unexpected-token', column: 12 });
    expect(error.message).toContain('UNION');
  });

  it('reports an unmatched closing parenthesis', () => {
    expect(parseErrors('SEGMENT(a))')[0]).toMatchObject({ code: 'unexpected-token', column: 11 });
  });

  it('reports a minus before a field', () => {
    expect(parseErrors('PROFILE(contact).FILTER(-a > 1)')[0]).toMatchObject({ code: 'unexpected-token', column: 26 });
  });

  it('reports nesting beyond the limit', () => {
    const text = `PROFILE(contact).FILTER(${'('.repeat(600)}a${')'.repeat(600)})`;
    expect(parseErrors(text).map((error) => error.code)).toContain('too-deep');
  });

  it('reports positions on later lines', () => {
    const errors = parseErrors('SEGMENT(a)\nUNION\n  PROFILE(contact).FILTER(a === 1)');
    expect(errors[0]).toMatchObject({ line: 3, column: 31 });
  });

  it('counts columns after a CRLF line break', () => {
    expect(parseErrors('SEGMENT(a)\r\nUNION ?')[0]).toMatchObject({ line: 2, column: 7 });
  });
});

describe('parseQuery recovery', () => {
  it('reports errors in two operands', () => {
    const errors = parseErrors('PROFILE(contact).FILTER(a == ) UNION SEGMENT(b) UNION INTERACTION(EmailSent)');
    expect(errors.map((error) => error.code)).toEqual(['unexpected-token', 'missing-link-name']);
  });

  it('resumes after a broken call in the chain', () => {
    const errors = parseErrors("INTERACTION(EmailSent, EmailSent_Contact).FILTER(a == == 'x').HAVING(COUNT() >)");
    expect(errors.map((error) => error.column)).toEqual([55, 79]);
  });

  it('resumes after a broken group', () => {
    const errors = parseErrors('(SEGMENT(a) UNION FOO) EXCEPT SEGMENT(b) UNION BAR');
    expect(errors.map((error) => error.column)).toEqual([19, 48]);
  });

  it('reports one error per position', () => {
    expect(parseErrors('((((')).toHaveLength(1);
  });

  it('returns errors in text order', () => {
    const errors = parseErrors("SEGMENT(a) UNION FOO UNION PROFILE(contact).FILTER(a = 1)");
    expect(errors.map((error) => error.column)).toEqual([18, 54, 56]);
  });

  it('limits the number of errors', () => {
    expect(parseErrors('? '.repeat(500)).length).toBeLessThanOrEqual(50);
  });
});
