// The reply of GET /api/segments/:segmentId/explanation?contactId=: why a contact is or is not a member, as a
// tree shaped like the segment's logic.

import { z } from 'zod';

import type { AggregateFunction, ComparisonOperator, SetOperator, Span } from '../query/ast';

const position = z.object({ line: z.number(), column: z.number(), offset: z.number() });
const span = z.object({ start: position, end: position });

export const explainedInteraction = z.object({
  interactionId: z.string(),
  interactionType: z.string(),
  /** Epoch milliseconds (the interaction's Timestamp field). */
  occurredAt: z.number(),
  /** The tile the interaction belongs to, when it belongs to a journey. */
  activityId: z.string().nullable(),
});
export type ExplainedInteraction = z.infer<typeof explainedInteraction>;

interface ExplanationNode {
  /** Whether the contact is in this operand's members. */
  matched: boolean;
  /** The operand's place in the logic text the segment was saved from; absent for generated logic. */
  span?: Span;
}

export interface InteractionExplanation extends ExplanationNode {
  kind: 'interaction';
  interactionType: string;
  /** The contact's interactions that pass FILTER and the window, newest first; the backend lists at most 20. */
  interactions: ExplainedInteraction[];
  /** How many interactions pass FILTER and the window; may exceed the number listed. */
  interactionCount: number;
  /** The HAVING test; a block without HAVING is explained as `COUNT() > 0`. */
  aggregate: {
    function: AggregateFunction;
    field?: string;
    /** The aggregate over the counted interactions; null when there are none or all lack the field. */
    value: number | null;
    operator: ComparisonOperator;
    threshold: number;
  };
  /** Epoch milliseconds where the HAVING window starts, or null for all time. */
  windowStart: number | null;
}

export interface ProfileExplanation extends ExplanationNode {
  kind: 'profile';
  entity: string;
}

export interface SegmentExplanation extends ExplanationNode {
  kind: 'segment';
  name: string;
  /** The referenced segment's logic, explained for the same contact. */
  explanation: MemberExplanation;
}

export interface SetExplanation extends ExplanationNode {
  kind: 'set';
  operator: SetOperator;
  left: MemberExplanation;
  right: MemberExplanation;
}

export type MemberExplanation = InteractionExplanation | ProfileExplanation | SegmentExplanation | SetExplanation;

const node = { matched: z.boolean(), span: span.optional() };

export const memberExplanation: z.ZodType<MemberExplanation> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('interaction'),
      ...node,
      interactionType: z.string(),
      interactions: z.array(explainedInteraction),
      interactionCount: z.number(),
      aggregate: z.object({
        function: z.enum(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX']),
        field: z.string().optional(),
        value: z.number().nullable(),
        operator: z.enum(['==', '!=', '>', '>=', '<', '<=']),
        threshold: z.number(),
      }),
      windowStart: z.number().nullable(),
    }),
    z.object({ kind: z.literal('profile'), ...node, entity: z.string() }),
    z.object({ kind: z.literal('segment'), ...node, name: z.string(), explanation: memberExplanation }),
    z.object({ kind: z.literal('set'), ...node, operator: z.enum(['UNION', 'INTERSECT', 'EXCEPT']), left: memberExplanation, right: memberExplanation }),
  ]),
);

export const memberExplanationReply = z.object({
  segmentId: z.string(),
  contactId: z.string(),
  /** The contact's full name, or null when no contact with that id is stored. */
  contactName: z.string().nullable(),
  member: z.boolean(),
  explanation: memberExplanation,
});
export type MemberExplanationReply = z.infer<typeof memberExplanationReply>;
