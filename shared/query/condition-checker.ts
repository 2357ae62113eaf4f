// Checks a condition against its scope and infers a cheap value type for each part, to catch mistakes such as
// comparing a number field with a string. Types of PROFILE fields are unknown (there is no contact field list
// here), so only literals, functions and interaction fields take part in type checks.

import type { BinaryExpression, Expression, FieldReference, FunctionCall, QueryError, Span } from './ast';
import { errorAtSpan, type ValidationErrorCode } from './errors';
import { conditionReservedWords, functionArity, isIdentifier } from './keywords';
import { fieldDataType, fieldsOf, isInteractionType } from '../interactions';

export type ValueType = 'string' | 'number' | 'date' | 'boolean' | 'datePart' | 'unknown';

/** Scope of a condition: the interactions of one type, or a profile with its aliases. */
export type ConditionScope =
  | { kind: 'interaction'; interactionType: string }
  | { kind: 'profile'; aliases: ReadonlySet<string> };

/** Functions and operators that the documented usage limits exclude from an INTERACTION's FILTER. */
const excludedInInteractionFilter = new Set([
  'DATE',
  'DATEDIFF',
  'DATEADD',
  'DATETIMEUTCNOW',
  'CONTAINS',
  'STARTSWITH',
  'ENDSWITH',
]);

const typeNames: Record<ValueType, string> = {
  string: 'a string',
  number: 'a number',
  date: 'a date',
  boolean: 'a condition',
  datePart: 'a date part',
  unknown: 'a value',
};

export class ConditionChecker {
  constructor(
    private readonly scope: ConditionScope,
    private readonly errors: QueryError[],
  ) {}

  /** Checks an expression that must be a condition, such as the argument of FILTER(...). */
  checkCondition(expression: Expression, context: string): void {
    const type = this.check(expression);
    if (!isConditionType(type)) {
      this.report(
        'type-mismatch',
        `${context} needs a condition, but this is ${typeNames[type]}; compare it with a value, for example with ==.`,
        expression.span,
      );
    }
  }

  /** Checks a field outside a condition, such as an ORDERBY or SELECT key. */
  checkField(field: FieldReference): ValueType {
    return this.checkFieldReference(field);
  }

  check(expression: Expression): ValueType {
    switch (expression.kind) {
      case 'string':
        return 'string';
      case 'number':
        if (!Number.isFinite(expression.value)) {
          this.report(
            'invalid-number',
            `The number ${expression.value} is not finite; use a finite number.`,
            expression.span,
          );
        }
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'datePart':
        this.report(
          'invalid-argument',
          `${expression.part} is a date part and can only be the first argument of DATEDIFF or DATEADD.`,
          expression.span,
        );
        return 'datePart';
      case 'field':
        return this.checkFieldReference(expression);
      case 'not':
        this.checkCondition(expression.operand, 'NOT(...)');
        return 'boolean';
      case 'call':
        return this.checkCall(expression);
      case 'binary':
        return this.checkBinary(expression);
    }
  }

  private checkFieldReference(field: FieldReference): ValueType {
    for (const part of field.path) {
      if (!isIdentifier(part) || conditionReservedWords.has(part.toUpperCase())) {
        this.report(
          'invalid-name',
          `'${part}' cannot be written as a field name; ` +
            'use a name of letters, digits and underscores that is not a keyword.',
          field.span,
        );
        return 'unknown';
      }
    }

    const written = field.path.join('.');
    if (this.scope.kind === 'profile') {
      if (field.path.length > 1 && !this.scope.aliases.has(field.path[0])) {
        const known = [...this.scope.aliases];
        const hint =
          known.length > 0 ? `declared aliases: ${known.join(', ')}` : 'declare one with PROFILE(contact, alias)';
        this.report(
          'unknown-alias',
          `The alias '${field.path[0]}' in ${written} is not declared; ${hint}.`,
          field.span,
        );
      }
      return 'unknown';
    }

    const type = this.scope.interactionType;
    if (!isInteractionType(type)) {
      return 'unknown';
    }
    if (field.path.length > 1) {
      this.report(
        'unknown-field',
        'Interaction fields are written without an alias; ' +
          `write ${field.path[field.path.length - 1]} instead of ${written}.`,
        field.span,
      );
      return 'unknown';
    }

    const dataType = fieldDataType(type, written);
    if (dataType === undefined) {
      const suggestion = fieldsOf(type).find((name) => name.toLowerCase() === written.toLowerCase());
      const hint = suggestion ? `did you mean ${suggestion}?` : `its fields are ${fieldsOf(type).join(', ')}.`;
      this.report('unknown-field', `${type} has no field ${written}; ${hint}`, field.span);
      return 'unknown';
    }
    switch (dataType) {
      case 'string':
        return 'string';
      case 'int64':
      case 'double':
        return 'number';
      case 'dateTimeOffset':
        return 'date';
    }
  }

  private checkCall(call: FunctionCall): ValueType {
    if (this.scope.kind === 'interaction' && excludedInInteractionFilter.has(call.name)) {
      this.report(
        'not-allowed-in-interaction-filter',
        `${call.name}(...) cannot be used inside an INTERACTION's FILTER; filter on field values, ` +
          'or move date logic to a HAVING window such as UTCDAYS(30).',
        callNameSpan(call),
      );
    }

    const [min, max] = functionArity[call.name];
    if (call.args.length < min || call.args.length > max) {
      const expected = min === max ? `${min}` : `${min} to ${max}`;
      this.report(
        'wrong-argument-count',
        `${call.name} takes ${expected} arguments, but ${call.args.length} were given.`,
        call.span,
      );
    }

    switch (call.name) {
      case 'ISNULL':
      case 'ISNOTNULL':
        call.args.forEach((argument) => this.check(argument));
        return 'boolean';
      case 'DATETIMEUTCNOW':
        return 'date';
      case 'DATE':
        call.args.forEach((argument, index) => this.expectType(argument, ['number'], `Argument ${index + 1} of DATE`));
        return 'date';
      case 'DATEDIFF':
        this.checkDatePartArgument(call);
        call.args.slice(1).forEach((argument) => this.expectType(argument, ['date', 'string'], 'DATEDIFF'));
        return 'number';
      case 'DATEADD':
        this.checkDatePartArgument(call);
        if (call.args[1]) {
          this.expectType(call.args[1], ['number'], 'The amount of DATEADD');
        }
        if (call.args[2]) {
          this.expectType(call.args[2], ['date', 'string'], 'The date of DATEADD');
        }
        return 'date';
    }
  }

  private checkDatePartArgument(call: FunctionCall): void {
    const part = call.args[0];
    if (part && part.kind !== 'datePart') {
      this.report(
        'invalid-argument',
        `The first argument of ${call.name} must be a date part: ` +
          'YEAR, MONTH, DAY, HOUR, MINUTE, SECOND or MILLISECOND.',
        part.span ?? call.span,
      );
    }
  }

  private checkBinary(expression: BinaryExpression): ValueType {
    const { operator } = expression;

    if (operator === '&&' || operator === '||') {
      this.checkCondition(expression.left, `The left side of ${operator}`);
      this.checkCondition(expression.right, `The right side of ${operator}`);
      return 'boolean';
    }

    if (operator === 'CONTAINS' || operator === 'STARTSWITH' || operator === 'ENDSWITH') {
      if (this.scope.kind === 'interaction') {
        this.report(
          'not-allowed-in-interaction-filter',
          `${operator} cannot be used inside an INTERACTION's FILTER; compare the whole value with == instead.`,
          expression.operatorSpan ?? expression.span,
        );
      }
      this.expectType(expression.left, ['string'], `The left side of ${operator}`);
      this.expectType(expression.right, ['string'], `The right side of ${operator}`);
      return 'boolean';
    }

    if (operator === '+' || operator === '-' || operator === '*' || operator === '/') {
      const left = this.expectType(expression.left, ['number', 'date'], `The left side of ${operator}`);
      this.expectType(expression.right, ['number'], `The right side of ${operator}`);
      return left === 'date' ? 'date' : 'number';
    }

    const left = this.check(expression.left);
    const right = this.check(expression.right);
    if (!comparable(left, right)) {
      this.report(
        'type-mismatch',
        `${describe(expression.left)} is ${typeNames[left]} and cannot be compared with ` +
          `${describe(expression.right)}, which is ${typeNames[right]}.`,
        expression.span,
      );
    }
    return 'boolean';
  }

  /** Checks an expression and reports a type-mismatch unless its type is unknown or one of `allowed`. */
  private expectType(expression: Expression, allowed: ValueType[], context: string): ValueType {
    const type = this.check(expression);
    if (type !== 'unknown' && !allowed.includes(type)) {
      const expected = allowed.map((name) => typeNames[name]).join(' or ');
      this.report(
        'type-mismatch',
        `${context} must be ${expected}, but ${describe(expression)} is ${typeNames[type]}.`,
        expression.span,
      );
    }
    return type;
  }

  private report(code: ValidationErrorCode, message: string, span: Span | undefined): void {
    this.errors.push(errorAtSpan(code, message, span));
  }
}

function isConditionType(type: ValueType): boolean {
  return type === 'boolean' || type === 'unknown';
}

/** Dates may be compared with strings, because an INTERACTION's FILTER can only write a date as ISO text. */
function comparable(left: ValueType, right: ValueType): boolean {
  if (left === 'unknown' || right === 'unknown') {
    return left !== 'datePart' && right !== 'datePart';
  }
  if (left === right) {
    return left !== 'datePart';
  }
  const pair = new Set([left, right]);
  return pair.has('date') && pair.has('string');
}

/** Names an expression in a message: a field by its name, a literal by its text. */
function describe(expression: Expression): string {
  switch (expression.kind) {
    case 'field':
      return expression.path.join('.');
    case 'string':
      return `'${expression.value.length > 30 ? `${expression.value.slice(0, 27)}...` : expression.value}'`;
    case 'number':
      return String(expression.value);
    case 'boolean':
      return expression.value ? 'True' : 'False';
    case 'call':
      return `${expression.name}(...)`;
    case 'not':
      return 'NOT(...)';
    case 'datePart':
      return expression.part;
    case 'binary':
      return `the ${expression.operator} expression`;
  }
}

/** Returns the span of a call's name only, so the error marks DATE rather than its whole argument list. */
function callNameSpan(call: FunctionCall): Span | undefined {
  if (!call.span) {
    return undefined;
  }
  const { start } = call.span;
  const length = call.name.length;
  return { start, end: { line: start.line, column: start.column + length, offset: start.offset + length } };
}
