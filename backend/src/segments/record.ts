// Converts a stored segment into the API's SegmentRecord.

import type { SegmentOrigin, SegmentRecord, SegmentStatus } from '../../../shared/api/segments';
import type { SegmentRow } from './repository';

const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());

export function toSegmentRecord(row: SegmentRow): SegmentRecord {
  return {
    segmentId: row.segment_id,
    name: row.name,
    description: row.description,
    status: row.status as SegmentStatus,
    logic: row.logic,
    origin: row.origin ? (JSON.parse(row.origin) as SegmentOrigin) : null,
    journeyId: row.journey_id,
    memberCount: row.member_count === null ? null : Number(row.member_count),
    countedAt: iso(row.counted_at === null ? null : Number(row.counted_at)),
    createdAt: iso(Number(row.created_at))!,
    updatedAt: iso(Number(row.updated_at))!,
  };
}
