// What the user may do with a segment now. The backend sends the list with each record. Records from a backend
// that predates the list fall back to the lifecycle rules below, which mirror the backend's.

import type { SegmentAction, SegmentRecord, SegmentStatus } from '../../../shared/api/segments';

const actionsByStatus: Readonly<Record<SegmentStatus, readonly SegmentAction[]>> = {
  draft: ['goLive', 'update'],
  goingLive: [],
  live: ['stop', 'edit', 'update', 'rebuild'],
  liveEditable: ['publish', 'cancelEdit', 'update', 'rebuild'],
  stopping: [],
  stopped: ['goLive', 'update'],
};

export function allowedActions(segment: SegmentRecord): readonly SegmentAction[] {
  return segment.allowedActions ?? actionsByStatus[segment.status];
}

/** Returns the fields `update` may change: while live only the description, because the live logic keeps serving. */
export function editableFields(segment: SegmentRecord): { name: boolean; description: boolean; logic: boolean } {
  if (!allowedActions(segment).includes('update')) {
    return { name: false, description: false, logic: false };
  }
  const live = segment.status === 'live';
  return { name: !live, description: true, logic: !live };
}

/** Returns the logic the editor shows: the prepared edit while live-editable, else the saved logic. */
export function editedLogic(segment: SegmentRecord): string {
  return segment.status === 'liveEditable' ? (segment.pendingLogic ?? segment.logic) : segment.logic;
}
