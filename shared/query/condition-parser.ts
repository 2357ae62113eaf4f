// Parses conditions and values: the text inside FILTER(...), from `||` down to literals. Binding from loosest
// to tightest: `||`/OR, `&&`, comparisons and CONTAINS/STARTSWITH/ENDSWITH, `+ -`, `* /`, then literals,
// fields, calls and parentheses. Every binary level associates to the left.

import type { BinaryExpression, DatePart, Expression, FieldReference, FunctionCall, NumberLiteral } from './ast';
import {
  conditionReservedWords,
  datePartFunctions,
  datePartNames,
  datePartSet,
  functionArity,
  isFunctionName,
} from './keywords';
import type { Token } from './lexer';
import { describeToken, ParseAbort, type TokenCursor } from './token-cursor';

const comparisonSymbols = new Set(['==', '!=', '>', '>=', '<', '<=']);
const stringOperators = new Set(['CONTAINS', 'STARTSWITH', 'ENDSWITH']);

export function parseCondition(cursor: TokenCursor): Expression {
  cursor.enter();
  try {
    return parseLevel(cursor, 0);
  } finally {
    cursor.leave();
  }
}

type OperatorMatcher = (token: Token) => BinaryExpression['operator'] | undefined;

/** Binary operator levels from loosest to tightest. `OR` is another spelling of `||`. */
const operatorLevels: OperatorMatcher[] = [
  (token) => (isSymbolToken(token, '||') || (token.kind === 'identifier' && token.upper === 'OR') ? '||' : undefined),
  (token) => (isSymbolToken(token, '&&') ? '&&' : undefined),
  (token) => {
    if (token.kind === 'symbol' && comparisonSymbols.has(token.text)) {
      return token.text as BinaryExpression['operator'];
    }
    if (token.kind === 'identifier' && stringOperators.has(token.upper)) {
      return token.upper as BinaryExpression['operator'];
    }
    return undefined;
  },
  (token) => (isSymbolToken(token, '+') || isSymbolToken(token, '-') ? (token.text as '+' | '-') : undefined),
  (token) => (isSymbolToken(token, '*') || isSymbolToken(token, '/') ? (token.text as '*' | '/') : undefined),
];

function isSymbolToken(token: Token, text: string): boolean {
  return token.kind === 'symbol' && token.text === text;
}

/**
 * Parses one binary level. Each operator in a chain counts as one level of nesting, because the tree it builds
 * nests to the left and the printer and validator walk it recursively.
 */
function parseLevel(cursor: TokenCursor, level: number): Expression {
  if (level === operatorLevels.length) {
    return parsePrimary(cursor);
  }

  const first = cursor.peek();
  let left = parseLevel(cursor, level + 1);
  let links = 0;
  try {
    for (;;) {
      const operatorToken = cursor.peek();
      const operator = operatorLevels[level](operatorToken);
      if (!operator) {
        return left;
      }
      cursor.next();
      cursor.enter();
      links++;
      const right = parseLevel(cursor, level + 1);
      left = {
        kind: 'binary',
        operator,
        left,
        right,
        span: cursor.spanOf(first, cursor.previous()),
        operatorSpan: cursor.spanOf(operatorToken, operatorToken),
      };
    }
  } finally {
    cursor.depth -= links;
  }
}

/** Reads a number with an optional leading minus, which the language allows only directly before a number. */
export function parseSignedNumber(cursor: TokenCursor, expected: string): NumberLiteral {
  const first = cursor.peek();
  let negative = false;
  if (cursor.isSymbol('-')) {
    negative = true;
    cursor.next();
  }
  const token = cursor.peek();
  if (token.kind !== 'number') {
    cursor.fail(negative ? 'a number after the minus sign' : expected);
  }
  cursor.next();
  const magnitude = token.numberValue ?? Number.NaN;
  return { kind: 'number', value: negative ? -magnitude : magnitude, span: cursor.spanOf(first, token) };
}

function parsePrimary(cursor: TokenCursor): Expression {
  const token = cursor.peek();

  if (token.kind === 'number' || cursor.isSymbol('-')) {
    return parseSignedNumber(cursor, 'a number');
  }

  if (token.kind === 'string') {
    cursor.next();
    return { kind: 'string', value: token.stringValue ?? '', span: cursor.spanOf(token, token) };
  }

  if (cursor.isSymbol('(')) {
    const open = cursor.next();
    const inner = parseCondition(cursor);
    const close = cursor.expectSymbol(')', 'to close the parenthesis');
    return withSpan(inner, cursor, open, close);
  }

  if (token.kind !== 'identifier') {
    return cursor.fail('a field, a value or a function');
  }

  if (token.upper === 'TRUE' || token.upper === 'FALSE') {
    cursor.next();
    return { kind: 'boolean', value: token.upper === 'TRUE', span: cursor.spanOf(token, token) };
  }

  if (token.upper === 'NOT') {
    cursor.next();
    cursor.expectSymbol('(', 'after NOT, as in NOT(condition)');
    const operand = parseCondition(cursor);
    const close = cursor.expectSymbol(')', 'to close NOT(');
    return { kind: 'not', operand, span: cursor.spanOf(token, close) };
  }

  if (cursor.isSymbol('(', 1)) {
    return parseFunctionCall(cursor);
  }

  if (conditionReservedWords.has(token.upper)) {
    return cursor.fail('a field, a value or a function');
  }

  return parseFieldReference(cursor);
}

/**
 * Keeps the inner node of a parenthesised expression but widens its span to the parentheses, so that errors
 * point at what the user selected. The printer adds parentheses again wherever binding requires them.
 */
function withSpan(inner: Expression, cursor: TokenCursor, open: Token, close: Token): Expression {
  return { ...inner, span: cursor.spanOf(open, close) };
}

export function parseFieldReference(cursor: TokenCursor): FieldReference {
  const first = cursor.expectIdentifier('a field name');
  const path = [first.text];
  while (cursor.isSymbol('.')) {
    cursor.next();
    path.push(cursor.expectIdentifier('a field name after the dot').text);
  }
  return { kind: 'field', path, span: cursor.spanOf(first, cursor.previous()) };
}

function parseFunctionCall(cursor: TokenCursor): Expression {
  const nameToken = cursor.next();
  const openIndex = cursor.index;
  cursor.next();

  if (!isFunctionName(nameToken.upper)) {
    cursor.report(
      'unknown-function',
      `Unknown function '${nameToken.text}'; ` +
        'conditions can call ISNULL, ISNOTNULL, DATETIMEUTCNOW, DATE, DATEDIFF and DATEADD.',
      nameToken,
    );
    if (!cursor.skipPastClosingParen(openIndex)) {
      throw new ParseAbort();
    }
    return { kind: 'field', path: [nameToken.text] };
  }

  const name = nameToken.upper;
  const args: Expression[] = [];
  if (!cursor.isSymbol(')')) {
    args.push(datePartFunctions.has(name) ? parseDatePart(cursor) : parseCondition(cursor));
    while (cursor.isSymbol(',')) {
      cursor.next();
      args.push(parseCondition(cursor));
    }
  }
  const close = cursor.expectSymbol(')', `or ',' in ${name}(`);

  const [min, max] = functionArity[name];
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    const noun = max === 1 ? 'argument' : 'arguments';
    const verb = args.length === 1 ? 'was' : 'were';
    cursor.report(
      'wrong-argument-count',
      `${name} takes ${expected} ${noun}, but ${args.length} ${verb} given.`,
      nameToken,
      close,
    );
  }

  const call: FunctionCall = { kind: 'call', name, args, span: cursor.spanOf(nameToken, close) };
  return call;
}

function parseDatePart(cursor: TokenCursor): Expression {
  const token = cursor.peek();
  if (token.kind === 'identifier' && datePartSet.has(token.upper)) {
    cursor.next();
    return { kind: 'datePart', part: token.upper as DatePart, span: cursor.spanOf(token, token) };
  }
  cursor.report(
    'unknown-date-part',
    `Expected a date part (${datePartNames.join(', ')}), but found ${describeToken(token)}.`,
    token,
  );
  throw new ParseAbort();
}
