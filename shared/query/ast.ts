// Abstract syntax tree of the segment query language. The parser produces it, the printer turns it back into
// canonical text, the validator checks it and the backend compiles it to SQL. Every node carries the span of
// the source text it came from (absent on nodes built in code, such as generated logic).

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units. */
  column: number;
  /** 0-based offset into the source text. */
  offset: number;
}

export interface Span {
  start: Position;
  end: Position;
}

interface Node {
  span?: Span;
}

// ---- Segment expressions: each one yields a set of contacts. ----

export type SegmentExpression = ProfileQuery | InteractionQuery | SegmentReference | SetOperation;

/** `PROFILE(entity[, alias])` with chained FILTER and TRAVERSE steps and optional paging. */
export interface ProfileQuery extends Node {
  kind: 'profile';
  entity: string;
  /** Span of the entity name, for errors about it. */
  entitySpan?: Span;
  alias?: string;
  steps: ProfileStep[];
  paging?: Paging;
}

export type ProfileStep = FilterStep | TraverseStep;

export interface FilterStep extends Node {
  kind: 'filter';
  condition: Expression;
}

/** `.TRAVERSE(relationship[, alias | FILTER(condition)])`. */
export interface TraverseStep extends Node {
  kind: 'traverse';
  relationship: string;
  alias?: string;
  filter?: Expression;
}

/** `INTERACTION(type, linkName)` with an optional FILTER and an optional HAVING. */
export interface InteractionQuery extends Node {
  kind: 'interaction';
  interactionType: string;
  linkName: string;
  /** Spans of the interaction type and the link name, for errors about them. */
  interactionTypeSpan?: Span;
  linkNameSpan?: Span;
  filter?: Expression;
  having?: Having;
  paging?: Paging;
}

export type AggregateFunction = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
export type WindowUnit = 'UTCDAYS' | 'UTCMONTHS' | 'UTCYEARS';

/** `HAVING(aggregate comparison number[, window])`. `field` is absent for COUNT(). */
export interface Having extends Node {
  aggregate: AggregateFunction;
  field?: FieldReference;
  operator: ComparisonOperator;
  value: number;
  window?: TimeWindow;
  /** Span of `operator value`, for errors about the comparison. */
  comparisonSpan?: Span;
}

/** A window measured back from now, such as `UTCDAYS(30)`. */
export interface TimeWindow extends Node {
  unit: WindowUnit;
  amount: number;
}

/** `SEGMENT(name)`: the membership of another segment. */
export interface SegmentReference extends Node {
  kind: 'segment';
  name: string;
  /** Span of the name, for errors about it. */
  nameSpan?: Span;
}

export type SetOperator = 'UNION' | 'INTERSECT' | 'EXCEPT';

/** Set operators associate to the left; a right operand that is itself a set operation was parenthesised. */
export interface SetOperation extends Node {
  kind: 'set';
  operator: SetOperator;
  left: SegmentExpression;
  right: SegmentExpression;
}

/** `.ORDERBY(...)`, `.SKIP(n)`, `.TAKE(n)`, `.SELECT(...)`, printed in that order. */
export interface Paging extends Node {
  orderBy?: Array<{ field: FieldReference; direction: 'ASC' | 'DESC' }>;
  skip?: number;
  take?: number;
  select?: FieldReference[];
}

// ---- Conditions and values. ----

export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=';
export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type StringOperator = 'CONTAINS' | 'STARTSWITH' | 'ENDSWITH';
export type LogicalOperator = '&&' | '||';

export type Expression =
  | BinaryExpression
  | NotExpression
  | FunctionCall
  | FieldReference
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | DatePartLiteral;

export interface BinaryExpression extends Node {
  kind: 'binary';
  operator: ComparisonOperator | ArithmeticOperator | StringOperator | LogicalOperator;
  left: Expression;
  right: Expression;
  /** Span of the operator, for errors about it. */
  operatorSpan?: Span;
}

/** `NOT(condition)`. */
export interface NotExpression extends Node {
  kind: 'not';
  operand: Expression;
}

export type FunctionName = 'ISNULL' | 'ISNOTNULL' | 'DATETIMEUTCNOW' | 'DATE' | 'DATEDIFF' | 'DATEADD';

export interface FunctionCall extends Node {
  kind: 'call';
  name: FunctionName;
  args: Expression[];
}

/** A field, optionally qualified by an alias: `ContactId` is `['ContactId']`, `c.emailaddress1` is `['c', 'emailaddress1']`. */
export interface FieldReference extends Node {
  kind: 'field';
  path: string[];
}

export interface StringLiteral extends Node {
  kind: 'string';
  value: string;
}

export interface NumberLiteral extends Node {
  kind: 'number';
  value: number;
}

export interface BooleanLiteral extends Node {
  kind: 'boolean';
  value: boolean;
}

export type DatePart = 'YEAR' | 'MONTH' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND';

/** The first argument of DATEDIFF and DATEADD. */
export interface DatePartLiteral extends Node {
  kind: 'datePart';
  part: DatePart;
}

// ---- Diagnostics. ----

/** A parse or validation problem, positioned at the offending token. */
export interface QueryError {
  code: string;
  message: string;
  line: number;
  column: number;
  /** Length of the offending token in UTF-16 code units; at least 1. */
  length: number;
}
