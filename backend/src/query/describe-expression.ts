// Short query-language text of an expression, for error messages.

import type { Expression } from '../../../shared/query/ast';

const maxLength = 60;

function describe(expression: Expression): string {
  switch (expression.kind) {
    case 'field':
      return expression.path.join('.');
    case 'string':
      return `'${expression.value.replace(/'/g, "''")}'`;
    case 'number':
      return String(expression.value);
    case 'boolean':
      return expression.value ? 'True' : 'False';
    case 'datePart':
      return expression.part;
    case 'not':
      return `NOT(${describe(expression.operand)})`;
    case 'call':
      return `${expression.name}(${expression.args.map(describe).join(', ')})`;
    case 'binary':
      return `${describe(expression.left)} ${expression.operator} ${describe(expression.right)}`;
  }
}

/** Prints the expression as query text, shortened with an ellipsis past 60 characters. */
export function describeExpression(expression: Expression): string {
  const text = describe(expression);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
