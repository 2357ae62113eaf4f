// fast-check generators of syntax trees that the language can express: names are identifiers, field names are
// not condition keywords, date parts appear only as the first argument of DATEDIFF and DATEADD, and numbers are
// finite.

import fc from 'fast-check';

import type {
  DatePart,
  Expression,
  FunctionName,
  Having,
  InteractionQuery,
  Paging,
  ProfileQuery,
  SegmentExpression,
} from '../../../shared/query/ast';
import { conditionReservedWords, datePartNames } from '../../../shared/query/keywords';

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);
const fieldName = identifier.filter((name) => !conditionReservedWords.has(name.toUpperCase()));
const finiteNumber = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));

const fieldReference = fc
  .array(fieldName, { minLength: 1, maxLength: 3 })
  .map((path): Expression & { kind: 'field' } => ({ kind: 'field', path }));

const leaf: fc.Arbitrary<Expression> = fc.oneof(
  fieldReference,
  fc.string({ unit: 'binary', maxLength: 8 }).map((value): Expression => ({ kind: 'string', value })),
  finiteNumber.map((value): Expression => ({ kind: 'number', value })),
  fc.boolean().map((value): Expression => ({ kind: 'boolean', value })),
);

const datePart = fc.constantFrom(...datePartNames).map((part: DatePart): Expression => ({ kind: 'datePart', part }));

const binaryOperators = ['==', '!=', '>', '>=', '<', '<=', '+', '-', '*', '/', 'CONTAINS', 'STARTSWITH', 'ENDSWITH', '&&', '||'] as const;

const call = (name: FunctionName, args: Expression[]): Expression => ({ kind: 'call', name, args });

export const expression: fc.Arbitrary<Expression> = fc.letrec<{ expression: Expression }>((tie) => {
  const child = tie('expression');
  return {
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .record({ operator: fc.constantFrom(...binaryOperators), left: child, right: child })
        .map(({ operator, left, right }): Expression => ({ kind: 'binary', operator, left, right })),
      child.map((operand): Expression => ({ kind: 'not', operand })),
      fc.record({ name: fc.constantFrom<FunctionName>('ISNULL', 'ISNOTNULL'), arg: child }).map(({ name, arg }) => call(name, [arg])),
      fc.constant(call('DATETIMEUTCNOW', [])),
      fc.array(child, { minLength: 3, maxLength: 7 }).map((args) => call('DATE', args)),
      fc
        .record({ name: fc.constantFrom<FunctionName>('DATEDIFF', 'DATEADD'), part: datePart, first: child, second: child })
        .map(({ name, part, first, second }) => call(name, [part, first, second])),
    ),
  };
}).expression;

const paging: fc.Arbitrary<Paging | undefined> = fc
  .record(
    {
      orderBy: fc.array(fc.record({ field: fieldReference, direction: fc.constantFrom<'ASC' | 'DESC'>('ASC', 'DESC') }), {
        minLength: 1,
        maxLength: 3,
      }),
      skip: fc.nat(1000),
      take: fc.nat(1000),
      select: fc.array(fieldReference, { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((value) => (Object.keys(value).length > 0 ? value : undefined));

const having: fc.Arbitrary<Having> = fc
  .record(
    {
      aggregate: fc.constantFrom<Having['aggregate']>('COUNT', 'SUM', 'AVG', 'MIN', 'MAX'),
      field: fieldReference,
      operator: fc.constantFrom<Having['operator']>('==', '!=', '>', '>=', '<', '<='),
      value: finiteNumber,
      window: fc.record({
        unit: fc.constantFrom<NonNullable<Having['window']>['unit']>('UTCDAYS', 'UTCMONTHS', 'UTCYEARS'),
        amount: finiteNumber,
      }),
    },
    { requiredKeys: ['aggregate', 'operator', 'value'] },
  )
  .map((value) => {
    const { field, ...rest } = value;
    return value.aggregate === 'COUNT' ? rest : { ...rest, field: field ?? { kind: 'field', path: ['Version'] } };
  });

const profileStep = fc.oneof(
  expression.map((condition): ProfileQuery['steps'][number] => ({ kind: 'filter', condition })),
  fc.record({ kind: fc.constant('traverse' as const), relationship: identifier, alias: identifier, filter: expression }, {
    requiredKeys: ['kind', 'relationship'],
  }),
);

const profile: fc.Arbitrary<SegmentExpression> = fc
  .record(
    {
      kind: fc.constant('profile' as const),
      entity: identifier,
      alias: identifier,
      steps: fc.array(profileStep, { maxLength: 3 }),
      paging,
    },
    { requiredKeys: ['kind', 'entity', 'steps'] },
  )
  .map((query): ProfileQuery => withoutUndefined(query));

const interaction: fc.Arbitrary<SegmentExpression> = fc
  .record(
    {
      kind: fc.constant('interaction' as const),
      interactionType: identifier,
      linkName: identifier,
      filter: expression,
      having,
      paging,
    },
    { requiredKeys: ['kind', 'interactionType', 'linkName'] },
  )
  .map((query): InteractionQuery => withoutUndefined(query));

const segmentReference: fc.Arbitrary<SegmentExpression> = fc
  .string({ unit: 'grapheme', maxLength: 12 })
  .map((name) => ({ kind: 'segment', name }));

export const segmentExpression: fc.Arbitrary<SegmentExpression> = fc.letrec<{ segment: SegmentExpression }>((tie) => ({
  segment: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    profile,
    interaction,
    segmentReference,
    fc
      .record({
        operator: fc.constantFrom<'UNION' | 'INTERSECT' | 'EXCEPT'>('UNION', 'INTERSECT', 'EXCEPT'),
        left: tie('segment'),
        right: tie('segment'),
      })
      .map(({ operator, left, right }): SegmentExpression => ({ kind: 'set', operator, left, right })),
  ),
})).segment;

/** Drops keys whose value is undefined, as the parser never writes them. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
