// Loads a segment for a request, or throws the 404.

import type { DatabaseHandle } from '../db/connect';
import { notFound } from '../http-error';
import { findSegment, type SegmentRow } from './repository';

export async function requireSegment(handle: DatabaseHandle, segmentId: string): Promise<SegmentRow> {
  const segment = await findSegment(handle, segmentId);
  if (!segment) {
    throw notFound('segment-not-found', `Segment "${segmentId}" was not found. It may have been deleted; open the segment list.`);
  }
  return segment;
}
