// Keeps a segment record current while its page is visible, so counts, evaluation times and status changes made by
// the backend's maintenance show up without a reload.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import type { SegmentRecord } from '../../../shared/api/segments';
import { sendMessage } from '../../lib/send-message';

/** How often the record is read again while the page is visible, in milliseconds. */
export const segmentPollIntervalMs = 2_000;

export interface LiveSegment {
  segment: SegmentRecord;
  /** Replaces the record with one an action or a save returned. */
  replace(segment: SegmentRecord): void;
  /** The error of the latest refresh; null once one succeeds. */
  refreshError: string | null;
  refresh(): Promise<void>;
}

export function useLiveSegment(initial: SegmentRecord): LiveSegment {
  const [segment, setSegment] = useState(initial);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const latestJson = useRef(JSON.stringify(initial));
  const segmentId = initial.segmentId;

  const replace = useCallback((next: SegmentRecord) => {
    const json = JSON.stringify(next);
    // An unchanged record keeps its object identity, so the sections below do not reload for nothing.
    if (json !== latestJson.current) {
      latestJson.current = json;
      setSegment(next);
    }
  }, []);

  const refresh = useCallback(async () => {
    if (inFlight.current) {
      return;
    }
    inFlight.current = true;
    try {
      replace(await sendMessage({ type: 'segment/get', segmentId }));
      setRefreshError(null);
    } catch (error) {
      setRefreshError((error as Error).message);
    } finally {
      inFlight.current = false;
    }
  }, [segmentId, replace]);

  useEffect(() => {
    const pollIfVisible = () => {
      if (document.visibilityState === 'visible') {
        void refresh();
      }
    };
    const timer = setInterval(pollIfVisible, segmentPollIntervalMs);
    document.addEventListener('visibilitychange', pollIfVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', pollIfVisible);
    };
  }, [refresh]);

  return { segment, replace, refreshError, refresh };
}
