// Turns a journey result into segment logic: the UNION of one INTERACTION block per interaction source, each
// filtered on the journey (and on the tile for tile results) and requiring at least one interaction.

import type { Expression, InteractionQuery, SegmentExpression } from '../query/ast';
import { findReason } from './reasons';
import type { InteractionSource } from './results';

export interface ResultScope {
  journeyId: string;
  /** The tile's ActivityId, for tile results; absent for incomplete-journey reasons, which span the journey. */
  activityId?: string;
}

const equals = (field: string, value: string): Expression => ({
  kind: 'binary',
  operator: '==',
  left: { kind: 'field', path: [field] },
  right: { kind: 'string', value },
});

const and = (left: Expression, right: Expression): Expression => ({ kind: 'binary', operator: '&&', left, right });

function interactionBlock(source: InteractionSource, scope: ResultScope): InteractionQuery {
  let filter = equals('CustomerJourneyId', scope.journeyId);
  if (scope.activityId !== undefined) {
    filter = and(filter, equals('ActivityId', scope.activityId));
  }
  if (source.match) {
    filter = and(filter, equals(source.match.field, source.match.value));
  }

  return {
    kind: 'interaction',
    interactionType: source.interactionType,
    linkName: `${source.interactionType}_Contact`,
    filter,
    having: { aggregate: 'COUNT', operator: '>', value: 0 },
  };
}

/** Builds the logic of a result from its interaction sources. Throws on an empty source list. */
export function buildResultLogic(sources: readonly InteractionSource[], scope: ResultScope): SegmentExpression {
  if (sources.length === 0) {
    throw new Error('Cannot build segment logic from a result with no interaction sources.');
  }

  return sources
    .map((source) => interactionBlock(source, scope) as SegmentExpression)
    .reduce((left, right) => ({ kind: 'set', operator: 'UNION', left, right }));
}

/** Builds the logic of an incomplete-journey reason: every contact stopped or blocked on the journey for it. */
export function buildReasonLogic(reasonId: string, journeyId: string): SegmentExpression {
  const reason = findReason(reasonId);
  if (!reason) {
    throw new Error(`Unknown reason "${reasonId}".`);
  }
  return buildResultLogic([{ interactionType: reason.interactionType }], { journeyId });
}
