// Prints a syntax tree as canonical query text: keywords in uppercase, `||` for or, one space around binary
// operators, strings in single quotes with an inner quote doubled, and parentheses only where binding needs
// them. Parsing the output gives back the same tree, apart from spans.
//
// Layout: each operand of a set operation gets its own lines and each operator a line of its own, so a diff of
// two versions shows which operand changed. A group in parentheses puts '(' and ')' on their own lines and
// indents its content by two spaces. An operand's chained calls stay on its line while the line fits in
// maxLineLength columns. A longer operand puts every call on its own line, indented two spaces under it.

import type {
  BinaryExpression,
  Expression,
  Having,
  InteractionQuery,
  Paging,
  ProfileQuery,
  SegmentExpression,
  SetOperator,
} from './ast';
import { isIdentifier } from './keywords';

export const maxLineLength = 100;
const indentStep = '  ';

/** Prints a segment expression as canonical text, lines separated by "\n", without a trailing newline. */
export function printQuery(ast: SegmentExpression): string {
  return printSegmentLines(ast, '').join('\n');
}

function printSegmentLines(expression: SegmentExpression, indent: string): string[] {
  if (expression.kind !== 'set') {
    return printOperandLines(expression, indent);
  }

  // Set operations nest to the left, so walking down the left side collects the operands in reverse.
  const operands: SegmentExpression[] = [];
  const operators: SetOperator[] = [];
  let node: SegmentExpression = expression;
  while (node.kind === 'set') {
    operands.push(node.right);
    operators.push(node.operator);
    node = node.left;
  }
  operands.push(node);
  operands.reverse();
  operators.reverse();

  const lines = printOperandLines(operands[0], indent);
  for (let index = 0; index < operators.length; index++) {
    lines.push(indent + operators[index]);
    lines.push(...printOperandLines(operands[index + 1], indent));
  }
  return lines;
}

function printOperandLines(operand: SegmentExpression, indent: string): string[] {
  switch (operand.kind) {
    case 'set':
      return [indent + '(', ...printSegmentLines(operand, indent + indentStep), indent + ')'];
    case 'segment':
      return [`${indent}SEGMENT(${printSegmentName(operand.name)})`];
    case 'profile':
      return layOutCalls(indent, printProfileHead(operand), [
        ...operand.steps.map(printProfileStep),
        ...printPagingCalls(operand.paging),
      ]);
    case 'interaction':
      return layOutCalls(indent, `INTERACTION(${operand.interactionType}, ${operand.linkName})`, [
        ...printInteractionCalls(operand),
        ...printPagingCalls(operand.paging),
      ]);
  }
}

function layOutCalls(indent: string, head: string, calls: string[]): string[] {
  const oneLine = indent + head + calls.join('');
  if (oneLine.length <= maxLineLength || calls.length === 0) {
    return [oneLine];
  }
  const callIndent = indent + indentStep;
  return [indent + head, ...calls.map((call) => callIndent + call)];
}

/** Segment names that are not plain identifiers, such as 'Launch clickers', are quoted. */
function printSegmentName(name: string): string {
  return isIdentifier(name) ? name : printString(name);
}

function printProfileHead(query: ProfileQuery): string {
  return query.alias === undefined ? `PROFILE(${query.entity})` : `PROFILE(${query.entity}, ${query.alias})`;
}

function printProfileStep(step: ProfileQuery['steps'][number]): string {
  if (step.kind === 'filter') {
    return `.FILTER(${printExpression(step.condition)})`;
  }
  const parts = [step.relationship];
  if (step.alias !== undefined) {
    parts.push(step.alias);
  }
  if (step.filter !== undefined) {
    parts.push(`FILTER(${printExpression(step.filter)})`);
  }
  return `.TRAVERSE(${parts.join(', ')})`;
}

function printInteractionCalls(query: InteractionQuery): string[] {
  const calls: string[] = [];
  if (query.filter !== undefined) {
    calls.push(`.FILTER(${printExpression(query.filter)})`);
  }
  if (query.having !== undefined) {
    calls.push(`.HAVING(${printHaving(query.having)})`);
  }
  return calls;
}

function printHaving(having: Having): string {
  const field = having.field ? printExpression(having.field) : '';
  const comparison = `${having.aggregate}(${field}) ${having.operator} ${printNumber(having.value)}`;
  if (!having.window) {
    return comparison;
  }
  return `${comparison}, ${having.window.unit}(${printNumber(having.window.amount)})`;
}

function printPagingCalls(paging: Paging | undefined): string[] {
  if (!paging) {
    return [];
  }
  const calls: string[] = [];
  if (paging.orderBy !== undefined) {
    const keys = paging.orderBy.map((key) => `${printExpression(key.field)} ${key.direction}`);
    calls.push(`.ORDERBY(${keys.join(', ')})`);
  }
  if (paging.skip !== undefined) {
    calls.push(`.SKIP(${printNumber(paging.skip)})`);
  }
  if (paging.take !== undefined) {
    calls.push(`.TAKE(${printNumber(paging.take)})`);
  }
  if (paging.select !== undefined) {
    calls.push(`.SELECT(${paging.select.map(printExpression).join(', ')})`);
  }
  return calls;
}

/** Binding strength of each binary operator; literals, fields, calls and NOT(...) bind tightest. */
const operatorPrecedence: Record<BinaryExpression['operator'], number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '>': 3,
  '>=': 3,
  '<': 3,
  '<=': 3,
  CONTAINS: 3,
  STARTSWITH: 3,
  ENDSWITH: 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
};
const tightestPrecedence = 6;

function precedenceOf(expression: Expression): number {
  return expression.kind === 'binary' ? operatorPrecedence[expression.operator] : tightestPrecedence;
}

/** Prints a condition or value on one line. */
export function printExpression(expression: Expression): string {
  switch (expression.kind) {
    case 'binary': {
      const precedence = operatorPrecedence[expression.operator];
      // Operators associate to the left, so a right operand of equal strength needs parentheses.
      const left = wrap(expression.left, precedenceOf(expression.left) < precedence);
      const right = wrap(expression.right, precedenceOf(expression.right) <= precedence);
      return `${left} ${expression.operator} ${right}`;
    }
    case 'not':
      return `NOT(${printExpression(expression.operand)})`;
    case 'call':
      return `${expression.name}(${expression.args.map(printExpression).join(', ')})`;
    case 'field':
      return expression.path.join('.');
    case 'string':
      return printString(expression.value);
    case 'number':
      return printNumber(expression.value);
    case 'boolean':
      return expression.value ? 'True' : 'False';
    case 'datePart':
      return expression.part;
  }
}

function wrap(expression: Expression, parenthesize: boolean): string {
  const text = printExpression(expression);
  return parenthesize ? `(${text})` : text;
}

function printString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Prints the shortest text that reads back as the same number, keeping the sign of -0. */
function printNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
