import { expect } from 'vitest';

import type { Expression, QueryError, SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { withoutSpans } from '../../../shared/query/spans';

/** Parses text that must be valid and returns its tree without spans. */
export function parseValid(text: string): SegmentExpression {
  const result = parseQuery(text);
  expect(result.errors).toEqual([]);
  expect(result.ast).not.toBeNull();
  return withoutSpans(result.ast!);
}

/** Parses a condition inside PROFILE(contact).FILTER(...) and returns it without spans. */
export function parseConditionText(condition: string): Expression {
  const ast = parseValid(`PROFILE(contact).FILTER(${condition})`);
  if (ast.kind !== 'profile' || ast.steps[0]?.kind !== 'filter') {
    throw new Error(`Expected a PROFILE with a FILTER step for ${condition}.`);
  }
  return ast.steps[0].condition;
}

/** Parses text that must be invalid and returns its errors. */
export function parseErrors(text: string): QueryError[] {
  const result = parseQuery(text);
  expect(result.ast).toBeNull();
  return result.errors;
}

export const field = (...path: string[]): Expression => ({ kind: 'field', path });
export const text = (value: string): Expression => ({ kind: 'string', value });
export const number = (value: number): Expression => ({ kind: 'number', value });
