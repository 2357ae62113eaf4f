// PATCH of a segment: name, description and logic while Draft or Stopped; the description, and the pending
// logic while Live-editable. A live segment's logic changes only through Live-editable and publish, and its
// name not at all, because journeys and SEGMENT(name) find it by name.

import { recordSegmentUpdated } from '../audit/audit-log';
import { HttpError, unprocessable } from '../http-error';
import type { Updateable } from 'kysely';
import type { SegmentTable } from '../db/schema';
import { countMembers } from '../query/evaluate';
import { evaluationContext } from './evaluation-context';
import { anonymousActor } from './actor';
import { actionRequest, requireAction, statusLabels } from './lifecycle';
import type { LifecycleContext } from './lifecycle-context';
import { analyzeLogic, invalidLogic } from './logic-analysis';
import { storedLogic } from './stored-logic';
import { liveSegmentsReferencing } from './referencing-segments';
import { findSegment, findSegmentByName, updateSegment, type SegmentRow } from './repository';
import { requireSegment } from './require-segment';

export interface SegmentUpdate {
  name?: string;
  description?: string;
  logic?: string;
}

/** Applies the PATCH; `actor` is recorded in the audit log with the fields that changed. */
export async function updateSegmentFields(
  { handle, membership }: LifecycleContext,
  segmentId: string,
  body: SegmentUpdate,
  actor: string = anonymousActor,
): Promise<SegmentRow> {
  return membership.exclusive(async () => {
    const segment = await requireSegment(handle, segmentId);
    requireAction(segment, 'update');
    const live = segment.status === 'live' || segment.status === 'liveEditable';
    const status = statusLabels[segment.status as keyof typeof statusLabels];

    if (body.logic !== undefined && segment.status === 'live') {
      throw new HttpError(
        409,
        'live-logic-locked',
        `Segment "${segment.name}" is Live, so its logic cannot be changed directly. Edit it as Live-editable ` +
          `(${actionRequest('edit', segmentId)}), change the logic there, then publish it (${actionRequest('publish', segmentId)}).`,
        { segmentId, status: segment.status },
      );
    }
    const renamed = body.name !== undefined && body.name !== segment.name;
    if (renamed && live) {
      throw new HttpError(
        409,
        'live-name-locked',
        `Segment "${segment.name}" is ${status}, so it cannot be renamed: journeys and SEGMENT(${segment.name}) find it by name. Stop it first (${actionRequest('stop', segmentId)}).`,
        { segmentId, status: segment.status },
      );
    }

    const referencing = renamed || body.logic !== undefined ? await liveSegmentsReferencing(handle, { segmentId, name: segment.name }) : [];
    if (renamed && referencing.length > 0) {
      throw new HttpError(
        409,
        'segment-referenced',
        `Segment "${segment.name}" cannot be renamed: the live segment${referencing.length > 1 ? 's' : ''} ` +
          `${referencing.map((reference) => `"${reference.name}"`).join(', ')} refer to it through SEGMENT(${segment.name}). Stop them or change their logic first.`,
        { segmentId, referencingSegments: referencing },
      );
    }

    if (renamed) {
      const namesake = await findSegmentByName(handle, body.name!);
      if (namesake && namesake.segment_id !== segmentId) {
        throw unprocessable('duplicate-segment-name', `A segment named "${body.name}" already exists. SEGMENT(name) needs unique names, so choose another name.`);
      }
    }

    const changes: Updateable<SegmentTable> = {};
    if (body.name !== undefined) {
      changes.name = body.name;
    }
    if (body.description !== undefined) {
      changes.description = body.description;
    }
    if (body.logic !== undefined) {
      const analysis = await analyzeLogic(handle, body.logic, body.name ?? segment.name);
      if (!analysis.ast || analysis.errors.length > 0) {
        throw invalidLogic(analysis.errors);
      }
      const stored = storedLogic(analysis.ast);
      if (segment.status === 'liveEditable') {
        changes.pending_logic = stored.text;
        changes.pending_logic_ast = stored.astJson;
      } else {
        changes.logic = stored.text;
        changes.logic_ast = stored.astJson;
        // A draft's count belongs to the logic it was computed for. A stopped segment keeps the count of its
        // stored members until it goes live again.
        if (stored.text !== segment.logic && segment.status === 'draft') {
          const now = membership.clock();
          changes.member_count = await countMembers(handle, analysis.ast, evaluationContext(handle, now)).catch(() => null);
          changes.counted_at = changes.member_count === null ? null : now;
        }
      }
    }

    const updatedAt = Math.max(membership.clock(), Number(segment.updated_at) + 1);
    await handle.db.transaction().execute(async (trx) => {
      await updateSegment({ ...handle, db: trx }, segmentId, { ...changes, updated_at: updatedAt });
      await recordSegmentUpdated(trx, segment, { ...segment, ...changes } as SegmentRow, actor, updatedAt);
    });
    membership.invalidate();

    // Live segments that refer to this one evaluate its logic in place, so their members change with it.
    if (changes.logic !== undefined && changes.logic !== segment.logic && referencing.length > 0) {
      await membership.rebuildReferencing([segment.name], membership.clock());
    }
    return (await findSegment(handle, segmentId))!;
  });
}
