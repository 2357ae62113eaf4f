// Loads the logic of every segment an expression refers to, directly or through other segments, so that the
// compiler can replace each SEGMENT(name) with it.

import type { SegmentExpression, SegmentReference } from '../../../shared/query/ast';
import { QueryCompileError } from './query-compile-error';

export type ResolveSegment = (name: string) => Promise<SegmentExpression | null>;

function references(expression: SegmentExpression): SegmentReference[] {
  switch (expression.kind) {
    case 'segment':
      return [expression];
    case 'set':
      return [...references(expression.left), ...references(expression.right)];
    default:
      return [];
  }
}

interface PendingReference {
  reference: SegmentReference;
  /** The reference in the expression itself that led here; its span is the one that points into the query text. */
  origin: SegmentReference;
  /** The segments between the expression and this reference, outermost first. */
  via: string[];
}

/**
 * Returns the logic of each referenced segment by name. Throws a QueryCompileError naming the first segment
 * that does not exist. Each name is resolved once, so reference cycles end here; the compiler reports them.
 */
export async function resolveSegmentReferences(expression: SegmentExpression, resolveSegment: ResolveSegment): Promise<Map<string, SegmentExpression>> {
  const segments = new Map<string, SegmentExpression>();
  const pending: PendingReference[] = references(expression).map((reference) => ({ reference, origin: reference, via: [] }));

  while (pending.length > 0) {
    const { reference, origin, via } = pending.shift() as PendingReference;
    if (segments.has(reference.name)) {
      continue;
    }

    const logic = await resolveSegment(reference.name);
    if (!logic) {
      const referrer = via.length > 0 ? `, which segment ${via.at(-1)} refers to,` : '';
      throw new QueryCompileError(
        'unknown-segment',
        `The segment ${reference.name}${referrer} does not exist. Check the name in SEGMENT(${reference.name}), or create that segment first.`,
        origin.nameSpan ?? origin.span,
      );
    }
    segments.set(reference.name, logic);
    pending.push(...references(logic).map((next) => ({ reference: next, origin, via: [...via, reference.name] })));
  }

  return segments;
}
