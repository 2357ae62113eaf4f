// @vitest-environment node
// Random and mutated text must never make the parser, printer or validator throw or hang, and must always come
// back as a tree or as positioned errors. Run counts are bounded so the file finishes in a few seconds.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildResultLogic } from '../../../shared/catalog/logic';
import { analyzeQuery } from '../../../shared/query/analyze';
import { syntaxErrorCodes, validationErrorCodes } from '../../../shared/query/errors';
import { parseQuery } from '../../../shared/query/parser';
import { printQuery } from '../../../shared/query/printer';
import { withoutSpans } from '../../../shared/query/spans';
import type { ValidationContext } from '../../../shared/query/validator';
import { segmentExpression } from './arbitraries';

const knownCodes = new Set<string>([...syntaxErrorCodes, ...validationErrorCodes].filter((code) => code !== 'internal-error'));

const context: ValidationContext = {
  segmentName: 'Self',
  segmentExists: (name) => name.length % 2 === 0 || name === 'Self',
  segmentLogic: (name) => (name.length % 4 === 0 ? { kind: 'segment', name: 'Self' } : null),
};

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** Asserts the parser's contract for one input text. */
function checkContract(text: string): void {
  const { ast, errors } = parseQuery(text);

  expect(ast === null).toBe(errors.length > 0);

  const lengths = lineLengths(text);
  for (const error of errors) {
    expect(knownCodes.has(error.code), `unknown code ${error.code}: ${error.message}`).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lengths.length);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeLessThanOrEqual(lengths[error.line - 1] + 1);
    expect(error.length).toBeGreaterThanOrEqual(1);
  }

  if (ast) {
    const reparsed = parseQuery(printQuery(ast));
    expect(reparsed.errors).toEqual([]);
    expect(withoutSpans(reparsed.ast)).toEqual(withoutSpans(ast));
  }

  const analysis = analyzeQuery(text, context);
  for (const error of analysis.errors) {
    expect(knownCodes.has(error.code), `unknown code ${error.code}: ${error.message}`).toBe(true);
  }
}

const tokens = [
  'PROFILE', 'INTERACTION', 'SEGMENT', 'FILTER', 'TRAVERSE', 'HAVING', 'COUNT', 'SUM', 'UTCDAYS', 'UNION',
  'INTERSECT', 'EXCEPT', 'ORDERBY', 'SKIP', 'TAKE', 'SELECT', 'ASC', 'DESC', 'NOT', 'OR', 'ISNULL', 'DATE',
  'DATEDIFF', 'DAY', 'CONTAINS', 'True', 'contact', 'EmailClicked', 'EmailClicked_Contact', 'Version', 'c.x',
  '(', ')', ',', '.', '==', '!=', '>=', '<', '&&', '||', '+', '-', '*', '/', '=', '&', '!', '"', "'", "''",
  "'abc'", '0', '-1', '1.5', '1e3', '1e999', ' ', '\n', '\r\n', '\t', '\u00a0', 'ü', '\ud83d\ude00', '\ud800',
];

const seeds = [
  printQuery(
    buildResultLogic([{ interactionType: 'EmailClicked' }, { interactionType: 'EmailSent', match: { field: 'LinkId', value: 'x' } }], {
      journeyId: '7d0c2e6a-1b7f-4f5e-9a57-2f0d1c3b9e10',
      activityId: '03',
    }),
  ),
  "PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Berlin' && ISNOTNULL(contact_1.emailaddress1))",
  'SEGMENT(LaunchClickers) EXCEPT (SEGMENT(LaunchRegistrations) UNION SEGMENT(Self))',
  'INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(COUNT() > 3, UTCDAYS(30)).ORDERBY(a DESC).TAKE(5)',
  "PROFILE(contact).TRAVERSE(r, a, FILTER(NOT(a.b CONTAINS 'x''y') || DATEDIFF(DAY, a.d, DATETIMEUTCNOW()) > -1 * 2))",
];

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), length: fc.nat(20) }).map(({ at, length }): Mutation => (text) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + text.slice(start + length);
  }),
  fc.record({ at: fc.nat(), token: fc.constantFrom(...tokens) }).map(({ at, token }): Mutation => (text) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + token + text.slice(start);
  }),
  fc.record({ at: fc.nat(), character: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }).map(
    ({ at, character }): Mutation =>
      (text) => {
        const start = at % (text.length + 1);
        return text.slice(0, start) + character + text.slice(start + 1);
      },
  ),
  fc.nat().map((at): Mutation => (text) => text.slice(0, at % (text.length + 1))),
  fc.record({ from: fc.nat(), length: fc.nat(40) }).map(({ from, length }): Mutation => (text) => {
    const start = from % (text.length + 1);
    return text + text.slice(start, start + length);
  }),
);

describe('parseQuery fuzzing', () => {
  it('handles random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkContract), { numRuns: 300 });
  });

  it('handles random token sequences', () => {
    const sequence = fc
      .array(fc.constantFrom(...tokens), { maxLength: 60 })
      .chain((parts) => fc.constantFrom(parts.join(''), parts.join(' ')));
    fc.assert(fc.property(sequence, checkContract), { numRuns: 500 });
  });

  it('handles mutations of valid queries', () => {
    const mutated = fc
      .record({ seed: fc.constantFrom(...seeds), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
      .map(({ seed, mutations }) => mutations.reduce((text, mutate) => mutate(text), seed));
    fc.assert(fc.property(mutated, checkContract), { numRuns: 1000 });
  });

  it('handles mutations of generated trees', () => {
    const mutated = fc
      .record({ ast: segmentExpression, mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
      .map(({ ast, mutations }) => mutations.reduce((text, mutate) => mutate(text), printQuery(ast)));
    fc.assert(fc.property(mutated, checkContract), { numRuns: 300 });
  });

  const pathological: Record<string, string> = {
    'deep group nesting': '('.repeat(50_000),
    'deep condition nesting': `PROFILE(contact).FILTER(${'NOT('.repeat(20_000)}a${')'.repeat(20_000)})`,
    'long operator chain': `PROFILE(contact).FILTER(${Array.from({ length: 20_000 }, (_, index) => `a${index}`).join(' && ')})`,
    'long set chain': Array.from({ length: 5_000 }, (_, index) => `SEGMENT(s${index})`).join(' UNION '),
    'closing parentheses only': ')'.repeat(50_000),
    'unterminated string': `SEGMENT('${'x'.repeat(100_000)}`,
    'many invalid characters': '#'.repeat(100_000),
    'many dots': `PROFILE(contact)${'.'.repeat(10_000)}`,
  };

  for (const [name, text] of Object.entries(pathological)) {
    it(`handles ${name}`, () => {
      checkContract(text);
    });
  }

  it('accepts a set chain within the nesting limit', () => {
    const text = Array.from({ length: 400 }, (_, index) => `SEGMENT(s${index})`).join(' UNION ');
    expect(parseQuery(text).errors).toEqual([]);
  });
});
