// Finishes lifecycle actions that a stop of the backend interrupted. A segment left Going live returns to its
// earlier status with an error, because its first evaluation may not have been stored. A segment left
// Stopping becomes Stopped.

import type { SegmentStatus } from '../../../shared/api/segments';
import type { LifecycleContext } from './lifecycle-context';
import { changeStatus, statusBefore } from './transitions';

export const systemActor = 'system';

/** Returns the ids of the segments it moved on. */
export async function recoverInterruptedActions({ handle, membership }: LifecycleContext): Promise<string[]> {
  return membership.exclusive(async () => {
    const rows = await handle.db.selectFrom('segment').select(['segment_id', 'status']).where('status', 'in', ['goingLive', 'stopping']).execute();
    const now = membership.clock();

    for (const row of rows) {
      if (row.status === 'stopping') {
        await changeStatus(handle.db, { segmentId: row.segment_id, action: 'recover', from: 'stopping', to: 'stopped', actor: systemActor, at: now }, { next_evaluation_at: null });
        continue;
      }

      const previous: SegmentStatus = (await statusBefore(handle, row.segment_id, 'goingLive')) ?? 'draft';
      const failure = {
        action: 'goLive',
        code: 'interrupted',
        message: 'The backend stopped while the segment was going live, so its first evaluation may be missing. Go live again.',
        at: now,
      };
      await changeStatus(
        handle.db,
        { segmentId: row.segment_id, action: 'recover', from: 'goingLive', to: previous, actor: systemActor, at: now, error: failure },
        { last_error: JSON.stringify(failure), next_evaluation_at: null },
      );
    }

    membership.invalidate();
    return rows.map((row) => row.segment_id);
  });
}
