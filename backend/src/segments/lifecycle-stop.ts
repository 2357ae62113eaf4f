// Stop: Live -> Stopping -> Stopped. Maintenance stops updating the members; the stored members stay, so that
// going live again logs only the real differences in the change feed. A segment that live segments refer to
// through SEGMENT(name) stops only when the request confirms it.

import { HttpError } from '../http-error';
import { requireAction } from './lifecycle';
import type { LifecycleContext } from './lifecycle-context';
import { liveSegmentsReferencing } from './referencing-segments';
import { findSegment, type SegmentRow } from './repository';
import { requireSegment } from './require-segment';
import { changeStatus } from './transitions';

export async function stopSegment({ handle, membership }: LifecycleContext, segmentId: string, actor: string, confirm: boolean): Promise<SegmentRow> {
  return membership.exclusive(async () => {
    const segment = await requireSegment(handle, segmentId);
    requireAction(segment, 'stop');

    const referencing = await liveSegmentsReferencing(handle, { segmentId, name: segment.name });
    if (referencing.length > 0 && !confirm) {
      const names = referencing.map((reference) => `"${reference.name}"`).join(', ');
      throw new HttpError(
        409,
        'segment-referenced',
        `Segment "${segment.name}" is used by the live segment${referencing.length > 1 ? 's' : ''} ${names} through SEGMENT(${segment.name}). ` +
          'They keep evaluating its logic after it stops. To stop it anyway, send {"confirm": true}.',
        { segmentId, referencingSegments: referencing },
      );
    }

    const now = membership.clock();
    await handle.db.transaction().execute(async (trx) => {
      await changeStatus(trx, { segmentId, action: 'stop', from: 'live', to: 'stopping', actor, at: now });
      await changeStatus(trx, { segmentId, action: 'stop', from: 'stopping', to: 'stopped', actor, at: now }, { next_evaluation_at: null });
    });
    membership.invalidate();
    return (await findSegment(handle, segmentId))!;
  });
}
