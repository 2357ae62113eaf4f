import type { SegmentStatus } from '../../shared/api/segments';
import type { MessageKey } from '../lib/i18n';

export const segmentStatusMessage: Record<SegmentStatus, MessageKey> = {
  draft: 'statusDraft',
  goingLive: 'statusGoingLive',
  live: 'statusLive',
  liveEditable: 'statusLiveEditable',
  stopping: 'statusStopping',
  stopped: 'statusStopped',
};
