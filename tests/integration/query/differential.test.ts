// Differential test of the segment evaluator. fast-check generates contacts, interactions and segment logic:
// filters, HAVING aggregates and windows, PROFILE filters with attributes and date functions, set operators and
// SEGMENT references. The generated SQL runs on a SQLite file and on PostgreSQL, and both must agree with the
// small in-memory reference evaluator below, which implements the documented semantics directly.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type {
  AggregateFunction,
  ComparisonOperator,
  DatePart,
  Expression,
  Having,
  InteractionQuery,
  Paging,
  ProfileQuery,
  ProfileStep,
  SegmentExpression,
  SetOperator,
  StringOperator,
  TimeWindow,
} from '../../../shared/query/ast';
import { fieldDataType } from '../../../shared/interactions';
import type { DatabaseHandle } from '../../../backend/src/db/connect';
import { countMembers, explainMember, isMember, listMembers, type EvaluationContext } from '../../../backend/src/query/evaluate';
import { testDialects } from '../../support/databases';
import { openQueryDatabase, type QueryDatabase } from './query-database';

// ---- Test data. ----

const day = 86_400_000;

interface TestContact {
  contactId: string;
  fullName: string;
  email: string | null;
  attributes: Record<string, string | number | boolean>;
}

interface TestInteraction {
  interactionId: string;
  interactionType: string;
  occurredAt: number;
  contactId: string | null;
  /** Every field present, as the ingest stores it; absent fields are missing. */
  fields: Record<string, string | number>;
}

interface Dataset {
  contacts: TestContact[];
  interactions: TestInteraction[];
}

/** Interaction types the data uses, with their text and numeric fields beyond the journey fields. */
const interactionSpecs: Record<string, { text: string[]; numbers: string[]; hasActivity: boolean }> = {
  EmailSent: { text: [], numbers: ['Version'], hasActivity: true },
  EmailClicked: { text: ['LinkId'], numbers: ['Version'], hasActivity: true },
  EmailBlocked: { text: ['BlockedReason'], numbers: ['Version'], hasActivity: true },
  TriggerActivityContactProcessed: { text: ['Path'], numbers: ['Version'], hasActivity: true },
  SurveyResponse: { text: [], numbers: ['Version', 'Score'], hasActivity: false },
};
const interactionTypeNames = Object.keys(interactionSpecs);

const contactIds = Array.from({ length: 12 }, (_, index) => `c${String(index).padStart(2, '0')}`);
/** Contacts that have interactions but no contact record. */
const contactIdsWithoutRecord = ['c90', 'c91'];
const texts = ['yes', 'no', 'Yes', 'a%b', 'a_b', 'x*y', 'q?r', '[z]', "O'Brien", "' OR 1=1 --", '', 'abc', 'ABC', 'ab'];
const names = ['Ann', 'ann', 'Anna', 'Bob', 'a%b', 'Zoë', 'Émile', 'O_Neil', 'x*y'];
const journeys = ['j-a', 'j-b'];
const activities = ['01', '02', '02_0', '10'];
const comparisonOperators: ComparisonOperator[] = ['==', '!=', '>', '>=', '<', '<='];
const stringOperators: StringOperator[] = ['CONTAINS', 'STARTSWITH', 'ENDSWITH'];

/** Two times to evaluate at: a month end, so calendar windows clamp, and a leap day. */
const nows = [Date.UTC(2026, 2, 31, 12), Date.UTC(2024, 1, 29, 6, 30)];

// ---- Reference calendar arithmetic, written independently of the compiler's. ----

function referenceAddMonths(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const totalMonths = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const timeOfDay = ((epochMs % day) + day) % day;
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) + timeOfDay;
}

function referenceWindowStart(now: number, window: TimeWindow): number {
  switch (window.unit) {
    case 'UTCDAYS':
      return now - window.amount * day;
    case 'UTCMONTHS':
      return referenceAddMonths(now, -window.amount);
    case 'UTCYEARS':
      return referenceAddMonths(now, -12 * window.amount);
  }
}

const partLength: Record<string, number> = { DAY: day, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, MILLISECOND: 1 };

function referenceDateAdd(part: DatePart, amount: number, date: number): number {
  if (part === 'YEAR' || part === 'MONTH') {
    return referenceAddMonths(date, Math.trunc(amount) * (part === 'YEAR' ? 12 : 1));
  }
  return date + amount * partLength[part];
}

function referenceDateDiff(part: DatePart, start: number, end: number): number {
  const startDate = new Date(start);
  const endDate = new Date(end);
  if (part === 'YEAR') {
    return endDate.getUTCFullYear() - startDate.getUTCFullYear();
  }
  if (part === 'MONTH') {
    return (endDate.getUTCFullYear() - startDate.getUTCFullYear()) * 12 + endDate.getUTCMonth() - startDate.getUTCMonth();
  }
  return Math.floor(end / partLength[part]) - Math.floor(start / partLength[part]);
}

// ---- Reference evaluator. ----

type StaticType = 'string' | 'number' | 'boolean' | 'untyped';

/** A value with its static type; an untyped value (contact attribute) carries its raw JSON value. */
interface TypedValue {
  type: StaticType;
  value: unknown;
}

type FieldLookup = (path: string[]) => TypedValue;

/** Reads a value as a type: missing, or an attribute of another JSON type, is null. */
function valueAs(typed: TypedValue, type: 'string' | 'number' | 'boolean'): string | number | boolean | null {
  if (typed.type !== 'untyped') {
    return (typed.value as string | number | boolean | null) ?? null;
  }
  return typeof typed.value === type ? (typed.value as string | number | boolean) : null;
}

function compare(operator: ComparisonOperator, left: string | number | boolean, right: string | number | boolean): boolean {
  switch (operator) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

class ReferenceEvaluator {
  constructor(
    private readonly data: Dataset,
    private readonly now: number,
    private readonly segments: ReadonlyMap<string, SegmentExpression>,
  ) {}

  members(expression: SegmentExpression): Set<string> {
    switch (expression.kind) {
      case 'interaction':
        return this.interactionMembers(expression);
      case 'profile':
        return this.profileMembers(expression);
      case 'segment':
        return this.members(this.segments.get(expression.name) as SegmentExpression);
      case 'set': {
        const left = this.members(expression.left);
        const right = this.members(expression.right);
        if (expression.operator === 'UNION') {
          return new Set([...left, ...right]);
        }
        if (expression.operator === 'INTERSECT') {
          return new Set([...left].filter((id) => right.has(id)));
        }
        return new Set([...left].filter((id) => !right.has(id)));
      }
    }
  }

  private interactionLookup(interaction: TestInteraction): FieldLookup {
    return (path) => {
      const name = path[path.length - 1];
      const dataType = fieldDataType(interaction.interactionType, name);
      return { type: dataType === 'string' ? 'string' : 'number', value: interaction.fields[name] ?? null };
    };
  }

  private contactLookup(contact: TestContact): FieldLookup {
    return (path) => {
      const name = path[path.length - 1];
      if (name === 'fullname' || name === 'full_name') {
        return { type: 'string', value: contact.fullName };
      }
      if (name === 'emailaddress1' || name === 'email') {
        return { type: 'string', value: contact.email };
      }
      if (name === 'contactid') {
        return { type: 'string', value: contact.contactId };
      }
      return { type: 'untyped', value: contact.attributes[name] };
    };
  }

  private value(expression: Expression, lookup: FieldLookup): TypedValue {
    switch (expression.kind) {
      case 'field':
        return lookup(expression.path);
      case 'string':
        return { type: 'string', value: expression.value };
      case 'number':
        return { type: 'number', value: expression.value };
      case 'boolean':
        return { type: 'boolean', value: expression.value };
      case 'call':
        return this.call(expression.name, expression.args, lookup);
      case 'binary':
        if (['+', '-', '*', '/'].includes(expression.operator)) {
          const left = valueAs(this.value(expression.left, lookup), 'number') as number | null;
          const right = valueAs(this.value(expression.right, lookup), 'number') as number | null;
          if (left === null || right === null || (expression.operator === '/' && right === 0)) {
            return { type: 'number', value: null };
          }
          const results: Record<string, number> = { '+': left + right, '-': left - right, '*': left * right, '/': left / right };
          return { type: 'number', value: results[expression.operator] };
        }
        return { type: 'boolean', value: this.condition(expression, lookup) };
      default:
        return { type: 'boolean', value: this.condition(expression, lookup) };
    }
  }

  private call(name: string, args: Expression[], lookup: FieldLookup): TypedValue {
    const number = (index: number) => valueAs(this.value(args[index], lookup), 'number') as number | null;
    switch (name) {
      case 'DATETIMEUTCNOW':
        return { type: 'number', value: this.now };
      case 'DATE': {
        const [year, month, dayOfMonth, hour = 0, minute = 0, second = 0, millisecond = 0] = args.map((_, index) => number(index) as number);
        return { type: 'number', value: Date.UTC(year, month - 1, dayOfMonth, hour, minute, second, millisecond) };
      }
      case 'DATEADD':
      case 'DATEDIFF': {
        const part = (args[0] as { part: DatePart }).part;
        const [first, second] = [number(1), number(2)];
        if (first === null || second === null) {
          return { type: 'number', value: null };
        }
        const result = name === 'DATEADD' ? referenceDateAdd(part, first, second) : referenceDateDiff(part, first, second);
        return { type: 'number', value: result };
      }
      default:
        return { type: 'boolean', value: this.condition({ kind: 'call', name: name as 'ISNULL', args }, lookup) };
    }
  }

  condition(expression: Expression, lookup: FieldLookup): boolean {
    if (expression.kind === 'not') {
      return !this.condition(expression.operand, lookup);
    }
    if (expression.kind === 'boolean') {
      return expression.value;
    }
    if (expression.kind === 'field') {
      return valueAs(lookup(expression.path), 'boolean') === true;
    }
    if (expression.kind === 'call') {
      const typed = this.value(expression.args[0], lookup);
      const missing = typed.value === null || typed.value === undefined;
      return expression.name === 'ISNULL' ? missing : !missing;
    }
    if (expression.kind !== 'binary') {
      throw new Error(`The reference cannot use ${expression.kind} as a condition.`);
    }

    const { operator } = expression;
    if (operator === '&&') {
      return this.condition(expression.left, lookup) && this.condition(expression.right, lookup);
    }
    if (operator === '||') {
      return this.condition(expression.left, lookup) || this.condition(expression.right, lookup);
    }

    const left = this.value(expression.left, lookup);
    const right = this.value(expression.right, lookup);
    if (stringOperators.includes(operator as StringOperator)) {
      const [subject, other] = [valueAs(left, 'string') as string | null, valueAs(right, 'string') as string | null];
      if (subject === null || other === null) {
        return false;
      }
      if (operator === 'CONTAINS') {
        return subject.includes(other);
      }
      return operator === 'STARTSWITH' ? subject.startsWith(other) : subject.endsWith(other);
    }

    // An attribute takes the other side's type; two attributes compare as text.
    let type: StaticType = 'string';
    if (left.type !== 'untyped') {
      type = left.type;
    } else if (right.type !== 'untyped') {
      type = right.type;
    }
    const [leftValue, rightValue] = [valueAs(left, type as 'string'), valueAs(right, type as 'string')];
    if (leftValue === null || rightValue === null) {
      return false;
    }
    return compare(operator as ComparisonOperator, leftValue, rightValue);
  }

  private interactionMembers(block: InteractionQuery): Set<string> {
    const start = block.having?.window ? referenceWindowStart(this.now, block.having.window) : -Infinity;
    const groups = new Map<string, TestInteraction[]>();
    for (const interaction of this.data.interactions) {
      if (interaction.interactionType !== block.interactionType || interaction.contactId === null || interaction.occurredAt < start) {
        continue;
      }
      if (block.filter && !this.condition(block.filter, this.interactionLookup(interaction))) {
        continue;
      }
      groups.set(interaction.contactId, [...(groups.get(interaction.contactId) ?? []), interaction]);
    }

    const members = new Set<string>();
    for (const [contactId, interactions] of groups) {
      if (!block.having || this.havingHolds(block.having, interactions)) {
        members.add(contactId);
      }
    }
    return members;
  }

  private havingHolds(having: Having, interactions: TestInteraction[]): boolean {
    if (having.aggregate === 'COUNT') {
      return compare(having.operator, interactions.length, having.value);
    }
    const field = having.field!.path[0];
    const values = interactions.map((interaction) => interaction.fields[field]).filter((value): value is number => typeof value === 'number');
    if (values.length === 0) {
      return false;
    }
    const sum = values.reduce((total, value) => total + value, 0);
    const aggregates: Record<Exclude<AggregateFunction, 'COUNT'>, number> = {
      SUM: sum,
      AVG: sum / values.length,
      MIN: Math.min(...values),
      MAX: Math.max(...values),
    };
    return compare(having.operator, aggregates[having.aggregate], having.value);
  }

  private profileMembers(query: ProfileQuery): Set<string> {
    let contacts = this.data.contacts.filter((contact) => {
      const contactLookup = this.contactLookup(contact);
      let traversal: { type: string; conditions: Expression[] } | undefined;
      const contactConditions: Expression[] = [];
      for (const step of query.steps) {
        if (step.kind === 'traverse') {
          traversal = { type: step.relationship.replace(/_Contact$/, ''), conditions: step.filter ? [step.filter] : [] };
        } else {
          (traversal?.conditions ?? contactConditions).push(step.condition);
        }
      }

      if (!contactConditions.every((condition) => this.condition(condition, contactLookup))) {
        return false;
      }
      if (!traversal) {
        return true;
      }
      const { type, conditions } = traversal;
      return this.data.interactions.some((interaction) => {
        if (interaction.interactionType !== type || interaction.contactId !== contact.contactId) {
          return false;
        }
        const interactionLookup = this.interactionLookup(interaction);
        const lookup: FieldLookup = (path) => (path.length === 2 && path[0] === 'c' ? contactLookup(path) : interactionLookup(path));
        return conditions.every((condition) => this.condition(condition, lookup));
      });
    });

    const paging = query.paging;
    if (paging && (paging.skip !== undefined || paging.take !== undefined)) {
      contacts = [...contacts].sort((a, b) => comparePaged(a, b, paging, (contact) => this.contactLookup(contact)));
      contacts = contacts.slice(paging.skip ?? 0, paging.take === undefined ? undefined : (paging.skip ?? 0) + paging.take);
    }
    return new Set(contacts.map((contact) => contact.contactId));
  }
}

/** Compares two present sort values; missing ones sort last in both directions. */
function compareKeys(a: string | number | null, b: string | number | null, direction: number): number {
  if (a === null && b === null) {
    return 0;
  }
  if (a === null || b === null) {
    return a === null ? 1 : -1;
  }
  return a === b ? 0 : (a < b ? -1 : 1) * direction;
}

function comparePaged(a: TestContact, b: TestContact, paging: Paging, lookupOf: (contact: TestContact) => FieldLookup): number {
  for (const key of paging.orderBy ?? []) {
    const direction = key.direction === 'ASC' ? 1 : -1;
    const [left, right] = [lookupOf(a)(key.field.path), lookupOf(b)(key.field.path)];
    const keyPairs: Array<[string | number | null, string | number | null]> =
      left.type === 'untyped'
        ? [
            [valueAs(left, 'number') as number | null, valueAs(right, 'number') as number | null],
            [valueAs(left, 'string') as string | null, valueAs(right, 'string') as string | null],
          ]
        : [[left.value as string | null, right.value as string | null]];
    for (const [leftKey, rightKey] of keyPairs) {
      const order = compareKeys(leftKey, rightKey, direction);
      if (order !== 0) {
        return order;
      }
    }
  }
  return compareKeys(a.contactId, b.contactId, 1);
}

// ---- Generators of data. ----

const field = (name: string, qualifier?: string): Expression => ({ kind: 'field', path: qualifier ? [qualifier, name] : [name] });
const text = (value: string): Expression => ({ kind: 'string', value });
const number = (value: number): Expression => ({ kind: 'number', value });
const binary = (operator: string, left: Expression, right: Expression) => ({ kind: 'binary', operator, left, right }) as Expression;
const call = (name: string, ...args: Expression[]) => ({ kind: 'call', name, args }) as Expression;
const datePart = (part: DatePart): Expression => ({ kind: 'datePart', part });

function timestampArbitrary(now: number): fc.Arbitrary<number> {
  // Times exactly on window starts make the inclusive lower bound matter.
  const windowEdges = [
    ...[1, 7, 30, 400].map((amount) => referenceWindowStart(now, { unit: 'UTCDAYS', amount })),
    ...[1, 2, 6, 13].map((amount) => referenceWindowStart(now, { unit: 'UTCMONTHS', amount })),
    ...[1, 2].map((amount) => referenceWindowStart(now, { unit: 'UTCYEARS', amount })),
  ];
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: now - 730 * day, max: now }) }, { weight: 1, arbitrary: fc.constantFrom(...windowEdges) });
}

function interactionArbitrary(now: number) {
  return fc.record({
    interactionType: fc.constantFrom(...interactionTypeNames),
    contactId: fc.option(fc.constantFrom(...contactIds, ...contactIdsWithoutRecord), { nil: null, freq: 8 }),
    journey: fc.option(fc.constantFrom(...journeys), { nil: null, freq: 8 }),
    activity: fc.option(fc.constantFrom(...activities), { nil: null, freq: 6 }),
    text: fc.option(fc.constantFrom(...texts), { nil: null, freq: 4 }),
    version: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 4 }),
    score: fc.option(fc.integer({ min: -8, max: 20 }).map((quarters) => quarters / 4), { nil: null, freq: 4 }),
    occurredAt: timestampArbitrary(now),
  });
}

type GeneratedInteraction = ReturnType<typeof interactionArbitrary> extends fc.Arbitrary<infer T> ? T : never;

function toTestInteraction(generated: GeneratedInteraction, index: number): TestInteraction {
  const spec = interactionSpecs[generated.interactionType];
  const interactionId = `i${String(index).padStart(4, '0')}`;
  const fields: Record<string, string | number> = {
    InteractionType: generated.interactionType,
    InternalMarketingInteractionId: interactionId,
    Timestamp: generated.occurredAt,
  };
  const optional: Record<string, string | number | null> = {
    ContactId: generated.contactId,
    CustomerJourneyId: generated.journey,
    ActivityId: spec.hasActivity ? generated.activity : null,
    Version: generated.version,
    Score: spec.numbers.includes('Score') ? generated.score : null,
  };
  for (const name of spec.text) {
    optional[name] = generated.text;
  }
  for (const [name, value] of Object.entries(optional)) {
    if (value !== null) {
      fields[name] = value;
    }
  }
  return { interactionId, interactionType: generated.interactionType, occurredAt: generated.occurredAt, contactId: generated.contactId, fields };
}

const birthdateArbitrary = fc.oneof(
  fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2010, 0, 1) }),
  // Month ends, a leap day, a time before 1970, and an 18th birthday exactly at the first `now`. One and two
  // months after the last two, the day is clamped to February 29, just before the second `now`.
  fc.constantFrom(
    Date.UTC(1990, 0, 31, 13),
    Date.UTC(2000, 1, 29),
    Date.UTC(1969, 11, 31, 23, 59),
    Date.UTC(2008, 2, 31, 12),
    Date.UTC(2024, 0, 31, 6),
    Date.UTC(2023, 11, 31, 6),
  ),
);

const contactArbitrary = fc.record({
  fullName: fc.constantFrom(...names),
  email: fc.option(fc.constantFrom('ann@example.com', 'bob@example.org'), { nil: null }),
  city: fc.option(fc.constantFrom(...texts), { nil: null }),
  // A score is usually a number, sometimes the text '7', which reads as missing where a number is expected.
  score: fc.option(fc.oneof(fc.integer({ min: -4, max: 12 }).map((quarters) => quarters / 4), fc.constant('7')), { nil: null }),
  birthdate: fc.option(birthdateArbitrary, { nil: null }),
  vip: fc.option(fc.boolean(), { nil: null }),
});

function datasetArbitrary(now: number): fc.Arbitrary<Dataset> {
  return fc
    .record({
      contacts: fc.tuple(...contactIds.map(() => fc.option(contactArbitrary, { nil: null, freq: 6 }))),
      interactions: fc.array(interactionArbitrary(now), { minLength: 60, maxLength: 160 }),
    })
    .map(({ contacts, interactions }) => ({
      contacts: contacts.flatMap((contact, index) => {
        if (!contact) {
          return [];
        }
        const attributes: Record<string, string | number | boolean> = {};
        for (const name of ['city', 'score', 'birthdate', 'vip'] as const) {
          if (contact[name] !== null) {
            attributes[name] = contact[name];
          }
        }
        return [{ contactId: contactIds[index], fullName: contact.fullName, email: contact.email, attributes }];
      }),
      interactions: interactions.map(toTestInteraction),
    }));
}

// ---- Generators of logic. ----

function conditionTree(leaf: fc.Arbitrary<Expression>, depth: number): fc.Arbitrary<Expression> {
  if (depth === 0) {
    return leaf;
  }
  const inner = conditionTree(leaf, depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('&&', '||'), inner, inner).map(([operator, left, right]) => binary(operator, left, right)) },
    { weight: 1, arbitrary: inner.map((operand): Expression => ({ kind: 'not', operand })) },
    // Conditions compared as values: a missing field makes the inner comparison false, not unknown.
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('==', '!='), leaf, leaf).map(([operator, left, right]) => binary(operator, left, right)) },
  );
}

function interactionConditionLeaf(type: string, now: number): fc.Arbitrary<Expression> {
  const spec = interactionSpecs[type];
  const operator = fc.constantFrom(...comparisonOperators);
  const leaves: fc.Arbitrary<Expression>[] = [
    fc.tuple(fc.constantFrom('==', '!='), fc.constantFrom(...journeys)).map(([op, value]) => binary(op, field('CustomerJourneyId'), text(value))),
    fc.tuple(operator, fc.integer({ min: -1, max: 6 })).map(([op, value]) => binary(op, field('Version'), number(value))),
    fc.tuple(fc.constantFrom('+', '-', '*'), fc.integer({ min: -2, max: 3 }), operator, fc.integer({ min: -2, max: 8 })).map(([arithmetic, operand, op, value]) =>
      binary(op, binary(arithmetic, field('Version'), number(operand)), number(value)),
    ),
    // Version / (Version - k) divides by zero where Version equals k.
    fc.tuple(fc.integer({ min: 0, max: 5 }), operator, fc.constantFrom(0, 0.5, 1, 2)).map(([shift, op, value]) =>
      binary(op, binary('/', field('Version'), binary('-', field('Version'), number(shift))), number(value)),
    ),
    fc.tuple(fc.constantFrom('>=', '<'), fc.constantFrom(1, 7, 30, 200)).map(([op, days]) => binary(op, field('Timestamp'), number(now - days * day))),
    fc.tuple(fc.constantFrom('ISNULL', 'ISNOTNULL'), fc.constantFrom('Version', 'CustomerJourneyId', ...spec.text, ...spec.numbers)).map(([name, fieldName]) =>
      call(name, field(fieldName)),
    ),
    fc.boolean().map((value): Expression => ({ kind: 'boolean', value })),
  ];

  if (spec.hasActivity) {
    leaves.push(fc.tuple(operator, fc.constantFrom(...activities)).map(([op, value]) => binary(op, field('ActivityId'), text(value))));
  }
  for (const textField of spec.text) {
    leaves.push(fc.tuple(operator, fc.constantFrom(...texts)).map(([op, value]) => binary(op, field(textField), text(value))));
    leaves.push(fc.tuple(fc.constantFrom(...stringOperators), fc.constantFrom(...texts)).map(([op, value]) => binary(op, field(textField), text(value))));
    if (spec.hasActivity) {
      leaves.push(fc.constantFrom(...stringOperators).map((op) => binary(op, field(textField), field('ActivityId'))));
    }
  }
  if (spec.numbers.includes('Score')) {
    leaves.push(fc.tuple(operator, fc.integer({ min: -8, max: 20 })).map(([op, quarters]) => binary(op, field('Score'), number(quarters / 4))));
  }
  return fc.oneof(...leaves);
}

const windowArbitrary: fc.Arbitrary<TimeWindow | undefined> = fc.option(
  fc.oneof(
    fc.constantFrom(1, 7, 30, 400).map((amount): TimeWindow => ({ unit: 'UTCDAYS', amount })),
    fc.integer({ min: 1, max: 13 }).map((amount): TimeWindow => ({ unit: 'UTCMONTHS', amount })),
    fc.integer({ min: 1, max: 2 }).map((amount): TimeWindow => ({ unit: 'UTCYEARS', amount })),
  ),
  { nil: undefined },
);

function havingArbitrary(type: string, now: number): fc.Arbitrary<Having | undefined> {
  const operator = fc.constantFrom(...comparisonOperators);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc
        .record({ operator, value: fc.constantFrom(0, 0.5, 1, 2, 3), window: windowArbitrary })
        .map(({ operator, value, window }): Having => ({ aggregate: 'COUNT', operator, value, window })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          aggregate: fc.constantFrom<AggregateFunction>('SUM', 'AVG', 'MIN', 'MAX'),
          fieldName: fc.constantFrom(...interactionSpecs[type].numbers),
          operator,
          value: fc.constantFrom(-1, 0, 1, 2, 2.5, 4, 7),
          window: windowArbitrary,
        })
        .map(({ aggregate, fieldName, operator, value, window }): Having => ({ aggregate, field: { kind: 'field', path: [fieldName] }, operator, value, window })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ aggregate: fc.constantFrom<AggregateFunction>('MIN', 'MAX'), operator, days: fc.constantFrom(30, 365), window: windowArbitrary })
        .map(({ aggregate, operator, days, window }): Having => ({
          aggregate,
          field: { kind: 'field', path: ['Timestamp'] },
          operator,
          value: now - days * day,
          window,
        })),
    },
  );
}

function interactionBlockArbitrary(now: number): fc.Arbitrary<SegmentExpression> {
  return fc.constantFrom(...interactionTypeNames).chain((type) =>
    fc
      .record({ filter: fc.option(conditionTree(interactionConditionLeaf(type, now), 2), { nil: undefined }), having: havingArbitrary(type, now) })
      .map(({ filter, having }): InteractionQuery => ({ kind: 'interaction', interactionType: type, linkName: `${type}_Contact`, filter, having })),
  );
}

const contactConditionLeaf: fc.Arbitrary<Expression> = fc.oneof(
  fc.tuple(fc.constantFrom(...comparisonOperators), fc.constantFrom(...names)).map(([op, value]) => binary(op, field('fullname', 'c'), text(value))),
  fc.tuple(fc.constantFrom(...stringOperators), fc.constantFrom('a', 'A', 'n', '%', '_', '*', 'Zo', 'ë')).map(([op, value]) => binary(op, field('fullname', 'c'), text(value))),
  fc.constantFrom('ISNULL', 'ISNOTNULL').map((name) => call(name, field('emailaddress1', 'c'))),
  fc.constantFrom('ISNULL', 'ISNOTNULL').map((name) => call(name, field('city', 'c'))),
  fc.tuple(fc.constantFrom('==', '!=', '<', 'CONTAINS'), fc.constantFrom(...texts)).map(([op, value]) => binary(op, field('city', 'c'), text(value))),
  fc.tuple(fc.constantFrom(...comparisonOperators), fc.integer({ min: -4, max: 12 })).map(([op, quarters]) => binary(op, field('score', 'c'), number(quarters / 4))),
  fc.constantFrom('==', '!=').map((op) => binary(op, field('score', 'c'), text('7'))),
  fc.constantFrom(field('vip', 'c'), binary('==', field('vip', 'c'), { kind: 'boolean', value: false })),
  fc.tuple(fc.constantFrom(...comparisonOperators), fc.constantFrom(call('DATE', number(1990), number(1), number(31)), call('DATE', number(2000), number(2), number(29), number(12)))).map(
    ([op, date]) => binary(op, field('birthdate', 'c'), date),
  ),
  fc.tuple(fc.constantFrom<DatePart>('YEAR', 'MONTH', 'DAY', 'HOUR'), fc.integer({ min: -24, max: 24 }), fc.constantFrom('<=', '>')).map(([part, amount, op]) =>
    binary(op, call('DATEADD', datePart(part), number(amount), field('birthdate', 'c')), call('DATETIMEUTCNOW')),
  ),
  fc.constantFrom(18, 1).map((years) => binary('<=', call('DATEADD', datePart('YEAR'), number(years), field('birthdate', 'c')), call('DATETIMEUTCNOW'))),
  fc.constantFrom(1, 2).map((months) => binary('<=', call('DATEADD', datePart('MONTH'), number(months), field('birthdate', 'c')), call('DATETIMEUTCNOW'))),
  fc.tuple(fc.constantFrom<DatePart>('YEAR', 'MONTH', 'DAY', 'MINUTE'), fc.constantFrom(...comparisonOperators), fc.constantFrom(0, 20, 240, 9000)).map(([part, op, value]) =>
    binary(op, call('DATEDIFF', datePart(part), field('birthdate', 'c'), call('DATETIMEUTCNOW')), number(value)),
  ),
  fc.tuple(fc.constantFrom<DatePart>('YEAR', 'MONTH'), fc.constantFrom(...comparisonOperators), fc.integer({ min: -1, max: 2 })).map(([part, op, value]) =>
    binary(op, call('DATEDIFF', datePart(part), call('DATE', number(2000), number(2), number(29)), field('birthdate', 'c')), number(value * 12)),
  ),
);

const pagingArbitrary: fc.Arbitrary<Paging | undefined> = fc.option(
  fc.record({
    orderBy: fc.option(
      fc.array(
        fc.record({ field: fc.constantFrom('fullname', 'score', 'city').map((name) => ({ kind: 'field', path: ['c', name] }) as const), direction: fc.constantFrom<'ASC' | 'DESC'>('ASC', 'DESC') }),
        { minLength: 1, maxLength: 2 },
      ),
      { nil: undefined },
    ),
    skip: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    take: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  }),
  { nil: undefined, freq: 3 },
);

function profileArbitrary(now: number): fc.Arbitrary<SegmentExpression> {
  const traverse = fc.record({ journey: fc.constantFrom(...journeys), alsoContact: fc.boolean() }).map(({ journey, alsoContact }): ProfileStep => {
    const onJourney = binary('==', field('CustomerJourneyId'), text(journey));
    return { kind: 'traverse', relationship: 'EmailClicked_Contact', filter: alsoContact ? binary('&&', onJourney, call('ISNOTNULL', field('emailaddress1', 'c'))) : onJourney };
  });
  return fc
    .record({
      filter: fc.option(conditionTree(contactConditionLeaf, 2), { nil: undefined }),
      traverse: fc.option(traverse, { nil: undefined, freq: 3 }),
      after: fc.option(conditionTree(interactionConditionLeaf('EmailClicked', now), 1), { nil: undefined, freq: 2 }),
      paging: pagingArbitrary,
    })
    .map(({ filter, traverse, after, paging }): ProfileQuery => {
      const steps: ProfileStep[] = [];
      if (filter) {
        steps.push({ kind: 'filter', condition: filter });
      }
      if (traverse) {
        steps.push(traverse);
        if (after) {
          steps.push({ kind: 'filter', condition: after });
        }
      }
      return { kind: 'profile', entity: 'contact', alias: 'c', steps, paging };
    });
}

function segmentExpressionArbitrary(now: number, references: string[], depth: number): fc.Arbitrary<SegmentExpression> {
  const leaves: Array<{ weight: number; arbitrary: fc.Arbitrary<SegmentExpression> }> = [
    { weight: 4, arbitrary: interactionBlockArbitrary(now) },
    { weight: 2, arbitrary: profileArbitrary(now) },
  ];
  if (references.length > 0) {
    leaves.push({ weight: 2, arbitrary: fc.constantFrom(...references).map((name): SegmentExpression => ({ kind: 'segment', name })) });
  }
  const leaf = fc.oneof(...leaves);
  if (depth === 0) {
    return leaf;
  }
  const inner = segmentExpressionArbitrary(now, references, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom<SetOperator>('UNION', 'INTERSECT', 'EXCEPT'), inner, inner)
        .map(([operator, left, right]): SegmentExpression => ({ kind: 'set', operator, left, right })),
    },
  );
}

const scenarioArbitrary = fc.constantFrom(...nows).chain((now) =>
  fc.record({
    now: fc.constant(now),
    data: datasetArbitrary(now),
    // Each stored segment may refer to the ones before it, so references nest without cycles.
    segments: fc.tuple(
      segmentExpressionArbitrary(now, [], 2),
      segmentExpressionArbitrary(now, ['S0'], 2),
      segmentExpressionArbitrary(now, ['S0', 'S1'], 2),
    ),
    queries: fc.array(segmentExpressionArbitrary(now, ['S0', 'S1', 'S2'], 3), { minLength: 10, maxLength: 10 }),
  }),
);

// ---- The databases. ----

async function replaceData(handle: DatabaseHandle, data: Dataset): Promise<void> {
  await handle.db.deleteFrom('interaction').execute();
  await handle.db.deleteFrom('contact').execute();

  if (data.contacts.length > 0) {
    await handle.db
      .insertInto('contact')
      .values(data.contacts.map((contact) => ({ contact_id: contact.contactId, full_name: contact.fullName, email: contact.email, attributes: JSON.stringify(contact.attributes) })))
      .execute();
  }

  const rows = data.interactions.map((interaction) => ({
    interaction_id: interaction.interactionId,
    interaction_type: interaction.interactionType,
    occurred_at: interaction.occurredAt,
    contact_id: interaction.contactId,
    customer_journey_id: (interaction.fields.CustomerJourneyId as string | undefined) ?? null,
    activity_id: (interaction.fields.ActivityId as string | undefined) ?? null,
    fields: JSON.stringify(interaction.fields),
  }));
  for (let start = 0; start < rows.length; start += 100) {
    await handle.db.insertInto('interaction').values(rows.slice(start, start + 100)).execute();
  }
}

async function listAllMembers(handle: DatabaseHandle, ast: SegmentExpression, ctx: EvaluationContext): Promise<string[]> {
  const members: string[] = [];
  for (;;) {
    const page = await listMembers(handle, ast, ctx, { afterContactId: members.at(-1), limit: 4 });
    members.push(...page);
    if (page.length < 4) {
      return members;
    }
  }
}

/** Scenarios per run, each with ten queries; DIFFERENTIAL_RUNS raises it for a longer search. */
const differentialRuns = Number(process.env.DIFFERENTIAL_RUNS ?? 12);

const byCodeUnit = (a: string, b: string) => compareKeys(a, b, 1);

describe('segment evaluation matches the reference evaluator', () => {
  const databases: Array<{ dialect: string; database: QueryDatabase; handle: DatabaseHandle }> = [];

  beforeAll(async () => {
    for (const dialect of testDialects) {
      const database = await openQueryDatabase(dialect);
      databases.push({ dialect, database, handle: database.handle });
    }
  });

  afterAll(async () => {
    for (const { database } of databases) {
      await database.drop();
    }
  });

  it('on random data and logic', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ now, data, segments, queries }) => {
        const stored = new Map(segments.map((logic, index) => [`S${index}`, logic]));
        const ctx: EvaluationContext = { now, resolveSegment: async (name) => stored.get(name) ?? null };
        const reference = new ReferenceEvaluator(data, now, stored);

        for (const { handle } of databases) {
          await replaceData(handle, data);
        }

        for (const query of queries) {
          const expected = [...reference.members(query)].sort(byCodeUnit);
          const nonMember = [...contactIds, ...contactIdsWithoutRecord].find((id) => !expected.includes(id));
          const probes = [expected[0], nonMember, 'c90', 'unknown'].filter((id): id is string => id !== undefined);

          for (const { dialect, handle } of databases) {
            const context = `${dialect}: ${JSON.stringify(query)}`;
            expect(await listAllMembers(handle, query, ctx), context).toEqual(expected);
            expect(await countMembers(handle, query, ctx), context).toBe(expected.length);
            for (const contactId of probes) {
              expect(await isMember(handle, query, contactId, ctx), `${context} isMember ${contactId}`).toBe(expected.includes(contactId));
            }
            const explained = await explainMember(handle, query, probes[0], ctx);
            expect(explained.matched, `${context} explainMember ${probes[0]}`).toBe(expected.includes(probes[0]));
          }
        }
      }),
      { numRuns: differentialRuns },
    );
  });
});
