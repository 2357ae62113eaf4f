// Live-editable: an edit of a live segment's logic is prepared while the live logic keeps serving. Publishing
// validates the edit, evaluates it in full and swaps it in with its members in one transaction; cancelling
// drops it.

import { resolveLogic } from '../membership/member-check';
import { rebuildMembership } from '../membership/segment-evaluation';
import { requireAction } from './lifecycle';
import type { LifecycleContext } from './lifecycle-context';
import { evaluationFailed } from './lifecycle-failure';
import { analyzeLogic, invalidLogic } from './logic-analysis';
import { storedLogic } from './stored-logic';
import { findSegment, updateSegment, type SegmentRow } from './repository';
import { requireSegment } from './require-segment';
import { describeFailure, describeInvalidLogic } from './segment-error';
import { changeStatus } from './transitions';

/** Live -> Live-editable, with the live logic as the starting point of the edit. */
export async function startEdit({ handle, membership }: LifecycleContext, segmentId: string, actor: string): Promise<SegmentRow> {
  return membership.exclusive(async () => {
    const segment = await requireSegment(handle, segmentId);
    requireAction(segment, 'edit');
    await changeStatus(
      handle.db,
      { segmentId, action: 'edit', from: 'live', to: 'liveEditable', actor, at: membership.clock() },
      { pending_logic: segment.logic, pending_logic_ast: segment.logic_ast },
    );
    membership.invalidate();
    return (await findSegment(handle, segmentId))!;
  });
}

/** Live-editable -> Live, dropping the pending edit. */
export async function cancelEdit({ handle, membership }: LifecycleContext, segmentId: string, actor: string): Promise<SegmentRow> {
  return membership.exclusive(async () => {
    const segment = await requireSegment(handle, segmentId);
    requireAction(segment, 'cancelEdit');
    await changeStatus(
      handle.db,
      { segmentId, action: 'cancelEdit', from: 'liveEditable', to: 'live', actor, at: membership.clock() },
      { pending_logic: null, pending_logic_ast: null },
    );
    membership.invalidate();
    return (await findSegment(handle, segmentId))!;
  });
}

/**
 * Live-editable -> Live with the pending logic. On invalid logic or a failed evaluation the segment stays
 * Live-editable, still serving the old logic and members, with the error recorded.
 */
export async function publishEdit({ handle, membership }: LifecycleContext, segmentId: string, actor: string): Promise<SegmentRow> {
  return membership.exclusive(async () => {
    const segment = await requireSegment(handle, segmentId);
    requireAction(segment, 'publish');

    const analysis = await analyzeLogic(handle, segment.pending_logic ?? segment.logic, segment.name);
    if (!analysis.ast || analysis.errors.length > 0) {
      await updateSegment(handle, segmentId, { last_error: JSON.stringify(describeInvalidLogic('publish', analysis.errors, membership.clock())) });
      throw invalidLogic(analysis.errors);
    }
    const logic = analysis.ast;
    const stored = storedLogic(logic);

    try {
      const resolved = await resolveLogic(handle, logic);
      const now = membership.clock();
      await rebuildMembership(handle, segmentId, resolved, now, membership.settings, (trx) =>
        changeStatus(
          trx,
          { segmentId, action: 'publish', from: 'liveEditable', to: 'live', actor, at: now },
          { logic: stored.text, logic_ast: stored.astJson, pending_logic: null, pending_logic_ast: null },
        ),
      );
    } catch (error) {
      const failure = describeFailure('publish', error, membership.clock());
      await updateSegment(handle, segmentId, { last_error: JSON.stringify(failure) });
      throw evaluationFailed(segment, 'Publishing the edit', 'liveEditable', failure, error);
    }

    // Segments that refer to this one evaluate its logic in place, so their members change with it.
    await membership.rebuildReferencing([segment.name], membership.clock());
    return (await findSegment(handle, segmentId))!;
  });
}
