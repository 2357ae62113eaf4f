// The segment lifecycle: Draft -> Going live -> Live -> Stopping -> Stopped -> Going live again, and
// Live <-> Live-editable, where an edit of the logic is prepared while the live version keeps serving.
// Going live and stopping are the statuses of a segment while that action runs.

import type { SegmentAction, SegmentStatus } from '../../../shared/api/segments';
import { HttpError } from '../http-error';

export const allowedActionsByStatus: Readonly<Record<SegmentStatus, readonly SegmentAction[]>> = {
  draft: ['goLive', 'update'],
  goingLive: [],
  live: ['stop', 'edit', 'update', 'rebuild'],
  liveEditable: ['publish', 'cancelEdit', 'update', 'rebuild'],
  stopping: [],
  stopped: ['goLive', 'update'],
};

export const statusLabels: Readonly<Record<SegmentStatus, string>> = {
  draft: 'Draft',
  goingLive: 'Going live',
  live: 'Live',
  liveEditable: 'Live-editable',
  stopping: 'Stopping',
  stopped: 'Stopped',
};

const actionLabels: Readonly<Record<SegmentAction, string>> = {
  goLive: 'go live',
  stop: 'stop',
  edit: 'edit as Live-editable',
  update: 'update',
  publish: 'publish the edit',
  cancelEdit: 'cancel the edit',
  rebuild: 'rebuild now',
};

/** The request of each action, for messages that tell the user what to do instead. */
const actionRequests: Readonly<Record<SegmentAction, string>> = {
  goLive: 'POST /api/segments/{id}/go-live',
  stop: 'POST /api/segments/{id}/stop',
  edit: 'POST /api/segments/{id}/edit',
  update: 'PATCH /api/segments/{id}',
  publish: 'POST /api/segments/{id}/publish',
  cancelEdit: 'POST /api/segments/{id}/cancel-edit',
  rebuild: 'POST /api/segments/{id}/rebuild',
};

/** Returns the request that performs `action` on the segment. */
export function actionRequest(action: SegmentAction, segmentId: string): string {
  return actionRequests[action].replace('{id}', segmentId);
}

export function allowedActions(status: string): readonly SegmentAction[] {
  return allowedActionsByStatus[status as SegmentStatus] ?? [];
}

export function describeAllowedActions(status: SegmentStatus, segmentId: string): string {
  const actions = allowedActionsByStatus[status];
  if (actions.length === 0) {
    return `No action is possible while the segment is ${statusLabels[status]}. Try again once it finishes.`;
  }
  return `Allowed now: ${actions.map((action) => `${actionLabels[action]} (${actionRequest(action, segmentId)})`).join(', ')}.`;
}

/** Builds the 409 for an action the segment's status does not allow, naming the status and the allowed actions. */
export function actionNotAllowed(segment: { segment_id: string; name: string; status: string }, action: SegmentAction, reason?: string): HttpError {
  const status = segment.status as SegmentStatus;
  const because = reason ?? `Segment "${segment.name}" is ${statusLabels[status]}, so it cannot ${actionLabels[action]}.`;
  return new HttpError(409, 'action-not-allowed', `${because} ${describeAllowedActions(status, segment.segment_id)}`, {
    segmentId: segment.segment_id,
    status,
    action,
    allowedActions: allowedActionsByStatus[status],
  });
}

/** Throws the 409 unless the segment's status allows `action`. */
export function requireAction(segment: { segment_id: string; name: string; status: string }, action: SegmentAction): void {
  if (!allowedActions(segment.status).includes(action)) {
    throw actionNotAllowed(segment, action);
  }
}
