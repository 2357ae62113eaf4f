// The two stored forms of segment logic: canonical text, and the tree as JSON without source positions.

import type { SegmentExpression } from '../../../shared/query/ast';
import { printQuery } from '../../../shared/query/printer';
import { withoutSpans } from '../../../shared/query/spans';

export function storedLogic(ast: SegmentExpression): { text: string; astJson: string } {
  return { text: printQuery(ast), astJson: JSON.stringify(withoutSpans(ast)) };
}
