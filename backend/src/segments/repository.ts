// Reads and writes segments.

import type { Insertable, Selectable, Updateable } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { SegmentTable } from '../db/schema';

export type SegmentRow = Selectable<SegmentTable>;

export async function insertSegment(handle: DatabaseHandle, row: Insertable<SegmentTable>): Promise<void> {
  await handle.db.insertInto('segment').values(row).execute();
}

export async function findSegment(handle: DatabaseHandle, segmentId: string): Promise<SegmentRow | undefined> {
  return handle.db.selectFrom('segment').selectAll().where('segment_id', '=', segmentId).executeTakeFirst();
}

export async function findSegmentByName(handle: DatabaseHandle, name: string): Promise<SegmentRow | undefined> {
  return handle.db.selectFrom('segment').selectAll().where('name', '=', name).orderBy('created_at').executeTakeFirst();
}

export async function findSegmentByIdempotencyKey(handle: DatabaseHandle, key: string): Promise<SegmentRow | undefined> {
  return handle.db.selectFrom('segment').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function listSegments(handle: DatabaseHandle, filter: { journeyId?: string; status?: string }): Promise<SegmentRow[]> {
  let query = handle.db.selectFrom('segment').selectAll();
  if (filter.journeyId) {
    query = query.where('journey_id', '=', filter.journeyId);
  }
  if (filter.status) {
    query = query.where('status', '=', filter.status);
  }
  return query.orderBy('created_at', 'desc').orderBy('segment_id').execute();
}

export async function updateSegment(handle: DatabaseHandle, segmentId: string, changes: Updateable<SegmentTable>): Promise<void> {
  await handle.db.updateTable('segment').set(changes).where('segment_id', '=', segmentId).execute();
}
