// Converts a stored segment into the API's SegmentRecord.

import type { SegmentOrigin, SegmentRecord, SegmentStatus } from '../../../shared/api/segments';
import { allowedActions } from './lifecycle';
import type { SegmentRow } from './repository';
import { toSegmentError } from './segment-error';

const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());
const isoOf = (millis: number | string | null | undefined) => iso(millis === null || millis === undefined ? null : Number(millis));

export function toSegmentRecord(row: SegmentRow): SegmentRecord {
  const live = row.status === 'live' || row.status === 'liveEditable';
  return {
    segmentId: row.segment_id,
    name: row.name,
    description: row.description,
    status: row.status as SegmentStatus,
    logic: row.logic,
    origin: row.origin ? (JSON.parse(row.origin) as SegmentOrigin) : null,
    journeyId: row.journey_id,
    memberCount: row.member_count === null ? null : Number(row.member_count),
    countedAt: isoOf(row.counted_at),
    createdAt: isoOf(row.created_at)!,
    updatedAt: isoOf(row.updated_at)!,
    lastEvaluatedAt: isoOf(row.last_evaluated_at),
    nextEvaluationAt: live ? isoOf(row.next_evaluation_at) : null,
    pendingLogic: row.status === 'liveEditable' ? row.pending_logic : null,
    lastError: toSegmentError(row.last_error),
    allowedActions: [...allowedActions(row.status)],
  };
}
