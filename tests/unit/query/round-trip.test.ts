// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseQuery } from '../../../shared/query/parser';
import { printQuery } from '../../../shared/query/printer';
import { withoutSpans } from '../../../shared/query/spans';
import { segmentExpression } from './arbitraries';

describe('printQuery and parseQuery round trip', () => {
  it('parses printed trees back to the same tree', () => {
    fc.assert(
      fc.property(segmentExpression, (ast) => {
        const parsed = parseQuery(printQuery(ast));
        expect(parsed.errors).toEqual([]);
        expect(withoutSpans(parsed.ast)).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  });

  it('prints parsed output unchanged', () => {
    fc.assert(
      fc.property(segmentExpression, (ast) => {
        const printed = printQuery(ast);
        expect(printQuery(parseQuery(printed).ast!)).toBe(printed);
      }),
      { numRuns: 200 },
    );
  });
});
