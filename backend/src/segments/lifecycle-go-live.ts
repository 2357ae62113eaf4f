// Go live: Draft or Stopped -> Going live -> Live. The logic is validated first; then the first full evaluation
// stores the members. If the evaluation fails, the segment returns to its earlier status with the error.

import type { SegmentStatus } from '../../../shared/api/segments';
import { resolveLogic } from '../membership/member-check';
import { rebuildMembership } from '../membership/segment-evaluation';
import { requireAction } from './lifecycle';
import type { LifecycleContext } from './lifecycle-context';
import { evaluationFailed } from './lifecycle-failure';
import { analyzeLogic, invalidLogic } from './logic-analysis';
import { findSegment, updateSegment, type SegmentRow } from './repository';
import { requireSegment } from './require-segment';
import { describeFailure, describeInvalidLogic } from './segment-error';
import { changeStatus } from './transitions';

export async function goLive({ handle, membership }: LifecycleContext, segmentId: string, actor: string): Promise<SegmentRow> {
  return membership.exclusive(async () => {
    const segment = await requireSegment(handle, segmentId);
    requireAction(segment, 'goLive');
    const from = segment.status as SegmentStatus;

    const analysis = await analyzeLogic(handle, segment.logic, segment.name);
    if (!analysis.ast || analysis.errors.length > 0) {
      await updateSegment(handle, segmentId, { last_error: JSON.stringify(describeInvalidLogic('goLive', analysis.errors, membership.clock())) });
      throw invalidLogic(analysis.errors);
    }
    const logic = analysis.ast;

    const startedAt = membership.clock();
    await changeStatus(handle.db, { segmentId, action: 'goLive', from, to: 'goingLive', actor, at: startedAt }, { last_error: null });
    membership.invalidate();

    try {
      const resolved = await resolveLogic(handle, logic);
      const now = membership.clock();
      await rebuildMembership(handle, segmentId, resolved, now, membership.settings, (trx) =>
        changeStatus(trx, { segmentId, action: 'goLive', from: 'goingLive', to: 'live', actor, at: now }),
      );
    } catch (error) {
      const failure = describeFailure('goLive', error, membership.clock());
      await changeStatus(
        handle.db,
        { segmentId, action: 'goLive', from: 'goingLive', to: from, actor, at: failure.at, error: failure },
        { last_error: JSON.stringify(failure), next_evaluation_at: null },
      );
      throw evaluationFailed(segment, 'Going live', from, failure, error);
    } finally {
      membership.invalidate();
    }

    return (await findSegment(handle, segmentId))!;
  });
}
