// Status changes of segments: each one updates the segment and appends to its transition history in the same
// transaction.

import type { Kysely, Updateable } from 'kysely';

import type { SegmentStatus, SegmentTransition } from '../../../shared/api/segments';
import { recordAudit } from '../audit/audit-log';
import type { DatabaseHandle } from '../db/connect';
import type { Database, SegmentTable } from '../db/schema';
import { toSegmentError, type StoredSegmentError } from './segment-error';

export interface TransitionInput {
  segmentId: string;
  action: string;
  from: SegmentStatus;
  to: SegmentStatus;
  actor: string;
  /** Epoch milliseconds. */
  at: number;
  error?: StoredSegmentError;
}

/**
 * Sets the segment's status to `to`, with `changes` to other columns, and records the transition. Pass a
 * transaction as `db` to commit both with other writes.
 */
export async function changeStatus(db: Kysely<Database>, transition: TransitionInput, changes: Updateable<SegmentTable> = {}): Promise<void> {
  await db
    .updateTable('segment')
    .set({ ...changes, status: transition.to, updated_at: transition.at })
    .where('segment_id', '=', transition.segmentId)
    .execute();
  await db
    .insertInto('segment_transition')
    .values({
      segment_id: transition.segmentId,
      action: transition.action,
      from_status: transition.from,
      to_status: transition.to,
      actor: transition.actor,
      at: transition.at,
      error: transition.error ? JSON.stringify(transition.error) : null,
    })
    .execute();
  await recordAudit(db, {
    segmentId: transition.segmentId,
    action: transition.action,
    actor: transition.actor,
    at: transition.at,
    before: { status: transition.from },
    after: {
      status: transition.to,
      ...(typeof changes.logic === 'string' ? { logic: changes.logic } : {}),
      ...(transition.error ? { error: transition.error } : {}),
    },
  });
}

/** Lists a segment's transitions, oldest first. */
export async function listTransitions(handle: DatabaseHandle, segmentId: string): Promise<SegmentTransition[]> {
  const rows = await handle.db.selectFrom('segment_transition').selectAll().where('segment_id', '=', segmentId).orderBy('seq').execute();
  return rows.map((row) => ({
    action: row.action,
    from: row.from_status as SegmentStatus,
    to: row.to_status as SegmentStatus,
    actor: row.actor,
    at: new Date(Number(row.at)).toISOString(),
    error: toSegmentError(row.error),
  }));
}

/** Returns the status a segment had before its latest transition into `status`, or undefined when there is none. */
export async function statusBefore(handle: DatabaseHandle, segmentId: string, status: SegmentStatus): Promise<SegmentStatus | undefined> {
  const row = await handle.db
    .selectFrom('segment_transition')
    .select('from_status')
    .where('segment_id', '=', segmentId)
    .where('to_status', '=', status)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row?.from_status as SegmentStatus | undefined;
}
