// Journey definitions for the features, loaded through the background (which caches them per journey). A
// failed load is remembered for a while, so a page re-rendering every few seconds does not retry on every
// render while the backend is down.

import type { JourneyDetail } from '../../shared/api/journeys';
import { sendMessage } from '../lib/send-message';

export const failedLoadRetryMs = 30_000;

type LoadState =
  | { state: 'loading' }
  | { state: 'loaded'; detail: JourneyDetail }
  | { state: 'failed'; at: number };

export interface JourneyDetails {
  /**
   * Returns the journey's detail, or null when the last load failed recently. While the detail loads, returns
   * undefined and calls `onLoaded` once the load ends.
   */
  peek(journeyId: string, onLoaded: () => void): JourneyDetail | null | undefined;
}

export function createJourneyDetails(now: () => number = Date.now): JourneyDetails {
  const states = new Map<string, LoadState>();

  function load(journeyId: string, onLoaded: () => void): void {
    states.set(journeyId, { state: 'loading' });
    sendMessage({ type: 'journey/get', journeyId })
      .then((detail) => {
        states.set(journeyId, { state: 'loaded', detail });
      })
      .catch((error: unknown) => {
        console.warn(`[journey-segments] journey ${journeyId} could not be loaded:`, (error as Error).message);
        states.set(journeyId, { state: 'failed', at: now() });
      })
      .finally(onLoaded);
  }

  return {
    peek(journeyId, onLoaded) {
      const current = states.get(journeyId);
      if (current?.state === 'loaded') {
        return current.detail;
      }
      if (current?.state === 'failed' && now() - current.at < failedLoadRetryMs) {
        return null;
      }
      if (current?.state !== 'loading') {
        load(journeyId, onLoaded);
      }
      return undefined;
    },
  };
}
