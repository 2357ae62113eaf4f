// Explains why a contact is or is not a member: a tree shaped like the segment's logic, with the outcome of every
// operand for that contact and, for INTERACTION blocks, the interactions that count and their aggregate.

import type {
  ExplainedInteraction,
  InteractionExplanation,
  MemberExplanation,
  ProfileExplanation,
  SegmentExplanation,
  SetExplanation,
} from '../../../shared/api/member-explanation';
import type { InteractionQuery, SegmentExpression } from '../../../shared/query/ast';
import type { DatabaseHandle } from '../db/connect';
import { compileMembership } from './compile-membership';
import type { EvaluationContext } from './evaluate';
import { runStatement } from './run-statement';
import { aggregateSql, havingComparisonSql, interactionSelection } from './interaction-block';
import { compileMemberCheck } from './member-statements';
import { resolveSegmentReferences } from './segment-references';
import { column, joinSql, parameter, renderSql, sql } from './sql-fragment';

/** At most this many interactions are listed per INTERACTION block. */
export const explainedInteractionLimit = 20;

export type { ExplainedInteraction, InteractionExplanation, MemberExplanation, ProfileExplanation, SegmentExplanation, SetExplanation };

interface ExplainState {
  handle: DatabaseHandle;
  contactId: string;
  now: number;
  segments: ReadonlyMap<string, SegmentExpression>;
}

async function explainInteraction(block: InteractionQuery, state: ExplainState): Promise<InteractionExplanation> {
  const { dialect } = state.handle;
  const tableAlias = 'i';
  const selection = interactionSelection(block, tableAlias, { dialect, now: state.now });
  const where = joinSql([...selection.conditions, sql`${column(tableAlias, 'contact_id')} = ${parameter(state.contactId, 'text')}`], ' AND ');
  const from = sql`FROM "interaction" AS "i" WHERE ${where}`;

  const having = block.having ?? { aggregate: 'COUNT' as const, operator: '>' as const, value: 0 };
  const test = havingComparisonSql(block, having, tableAlias, dialect);
  const value = aggregateSql(block, having, tableAlias, dialect);

  const summary = await runStatement<{ interaction_count: number | string; aggregate_value: number | string | null; matched: number | boolean }>(
    state.handle,
    renderSql(
      sql`SELECT COUNT(*) AS "interaction_count", ${value} AS "aggregate_value", CASE WHEN COUNT(*) > 0 AND ${test} THEN 1 ELSE 0 END AS "matched" ${from}`,
      dialect,
    ),
  );

  const order = dialect === 'postgres' ? sql`"i"."occurred_at" DESC, "i"."interaction_id" COLLATE "C" DESC` : sql`"i"."occurred_at" DESC, "i"."interaction_id" DESC`;
  const rows = await runStatement<{ interaction_id: string; interaction_type: string; occurred_at: number | string; activity_id: string | null }>(
    state.handle,
    renderSql(
      sql`SELECT "i"."interaction_id", "i"."interaction_type", "i"."occurred_at", "i"."activity_id" ${from} ORDER BY ${order} LIMIT ${parameter(explainedInteractionLimit, 'bigint')}`,
      dialect,
    ),
  );

  const [{ interaction_count, aggregate_value, matched }] = summary;
  return {
    kind: 'interaction',
    interactionType: block.interactionType,
    matched: Number(matched) === 1,
    span: block.span,
    interactions: rows.map((row) => ({
      interactionId: row.interaction_id,
      interactionType: row.interaction_type,
      occurredAt: Number(row.occurred_at),
      activityId: row.activity_id,
    })),
    interactionCount: Number(interaction_count),
    aggregate: {
      function: having.aggregate,
      field: 'field' in having ? having.field?.path.join('.') : undefined,
      value: aggregate_value === null ? null : Number(aggregate_value),
      operator: having.operator,
      threshold: having.value,
    },
    windowStart: selection.windowStart ?? null,
  };
}

async function explainNode(expression: SegmentExpression, state: ExplainState): Promise<MemberExplanation> {
  switch (expression.kind) {
    case 'interaction':
      return explainInteraction(expression, state);

    case 'profile': {
      const statement = compileMemberCheck(expression, { dialect: state.handle.dialect, now: state.now, segments: state.segments, contactId: state.contactId });
      const [row] = await runStatement<{ member_count: number | string }>(state.handle, statement);
      return { kind: 'profile', entity: expression.entity, matched: Number(row.member_count) > 0, span: expression.span };
    }

    case 'segment': {
      const explanation = await explainNode(state.segments.get(expression.name) as SegmentExpression, state);
      return { kind: 'segment', name: expression.name, matched: explanation.matched, span: expression.span, explanation };
    }

    case 'set': {
      const left = await explainNode(expression.left, state);
      const right = await explainNode(expression.right, state);
      let matched: boolean;
      if (expression.operator === 'UNION') {
        matched = left.matched || right.matched;
      } else if (expression.operator === 'INTERSECT') {
        matched = left.matched && right.matched;
      } else {
        matched = left.matched && !right.matched;
      }
      return { kind: 'set', operator: expression.operator, matched, span: expression.span, left, right };
    }
  }
}

/**
 * Explains the logic for one contact. The logic is compiled as a whole first, so unknown segments, reference
 * cycles and invalid logic throw a QueryCompileError before any explanation is built.
 */
export async function explainMember(handle: DatabaseHandle, ast: SegmentExpression, contactId: string, ctx: EvaluationContext): Promise<MemberExplanation> {
  const segments = await resolveSegmentReferences(ast, ctx.resolveSegment);
  compileMembership(ast, { dialect: handle.dialect, now: ctx.now, segments, contactId });
  return explainNode(ast, { handle, contactId, now: ctx.now, segments });
}
