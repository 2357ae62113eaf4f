// Reads what follow-up journeys target: the live segments, their stored members with contact details, and the
// change log.

import type { DatabaseHandle } from '../db/connect';
import { liveStatuses } from '../membership/live-segments';
import type { SegmentRow } from '../segments/repository';

export interface StoredMemberRow {
  contact_id: string;
  since: number;
  full_name: string | null;
  email: string | null;
}

export async function listLiveSegments(handle: DatabaseHandle): Promise<SegmentRow[]> {
  return handle.db.selectFrom('segment').selectAll().where('status', 'in', liveStatuses).orderBy('name').orderBy('segment_id').execute();
}

/** Reads one page of stored members in ascending contact id order (code point order on both databases). */
export async function storedMemberPage(handle: DatabaseHandle, segmentId: string, afterContactId: string | undefined, limit: number): Promise<StoredMemberRow[]> {
  let query = handle.db
    .selectFrom('segment_member as m')
    .leftJoin('contact as c', 'c.contact_id', 'm.contact_id')
    .select(['m.contact_id', 'm.since', 'c.full_name', 'c.email'])
    .where('m.segment_id', '=', segmentId);
  if (afterContactId !== undefined) {
    query = query.where('m.contact_id', '>', afterContactId);
  }
  const rows = await query.orderBy('m.contact_id').limit(limit).execute();
  return rows.map((row) => ({ ...row, since: Number(row.since) }));
}

/** Reads the name and email of each stored contact among `contactIds`. */
export async function contactDetails(handle: DatabaseHandle, contactIds: readonly string[]): Promise<Map<string, { full_name: string; email: string | null }>> {
  if (contactIds.length === 0) {
    return new Map();
  }
  const rows = await handle.db.selectFrom('contact').select(['contact_id', 'full_name', 'email']).where('contact_id', 'in', contactIds).execute();
  return new Map(rows.map((row) => [row.contact_id, row]));
}

export interface ChangeRow {
  seq: number;
  contact_id: string;
  change: 'added' | 'removed';
  at: number;
}

/** Reads the changes of the segment after `afterSeq`, oldest first. */
export async function changesAfter(handle: DatabaseHandle, segmentId: string, afterSeq: number, limit: number): Promise<ChangeRow[]> {
  const rows = await handle.db
    .selectFrom('segment_member_change')
    .select(['seq', 'contact_id', 'change', 'at'])
    .where('segment_id', '=', segmentId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq), at: Number(row.at) }));
}
