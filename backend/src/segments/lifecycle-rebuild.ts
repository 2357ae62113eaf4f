// Rebuild now: evaluates a live segment in full at once, replacing its stored members with the result and
// logging the differences in the change feed.

import { resolveLogic } from '../membership/member-check';
import { rebuildMembership } from '../membership/segment-evaluation';
import type { SegmentExpression } from '../../../shared/query/ast';
import type { SegmentStatus } from '../../../shared/api/segments';
import { requireAction } from './lifecycle';
import type { LifecycleContext } from './lifecycle-context';
import { evaluationFailed } from './lifecycle-failure';
import { findSegment, updateSegment, type SegmentRow } from './repository';
import { requireSegment } from './require-segment';
import { describeFailure } from './segment-error';

export async function rebuildSegment({ handle, membership }: LifecycleContext, segmentId: string): Promise<SegmentRow> {
  return membership.exclusive(async () => {
    const segment = await requireSegment(handle, segmentId);
    requireAction(segment, 'rebuild');

    try {
      const resolved = await resolveLogic(handle, JSON.parse(segment.logic_ast) as SegmentExpression);
      await rebuildMembership(handle, segmentId, resolved, membership.clock(), membership.settings);
    } catch (error) {
      const failure = describeFailure('rebuild', error, membership.clock());
      await updateSegment(handle, segmentId, { last_error: JSON.stringify(failure), next_evaluation_at: failure.at + membership.settings.retryIntervalMs });
      throw evaluationFailed(segment, 'Rebuilding', segment.status as SegmentStatus, failure, error);
    }
    return (await findSegment(handle, segmentId))!;
  });
}
