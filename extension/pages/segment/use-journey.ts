// Loads the journey a segment came from, for tile and journey names in place of ids.

import { useEffect, useState } from 'preact/hooks';

import type { JourneyDetail } from '../../../shared/api/journeys';
import { sendMessage } from '../../lib/send-message';

/** Returns the journey, or null while it loads, when there is none, or when it cannot be loaded (ids are shown then). */
export function useJourney(journeyId: string | null): JourneyDetail | null {
  const [journey, setJourney] = useState<JourneyDetail | null>(null);

  useEffect(() => {
    setJourney(null);
    if (!journeyId) {
      return;
    }
    let current = true;
    sendMessage({ type: 'journey/get', journeyId })
      .then((detail) => current && setJourney(detail))
      .catch((error: unknown) => console.warn(`[journey-segments] journey ${journeyId} not loaded: ${(error as Error).message}`));
    return () => {
      current = false;
    };
  }, [journeyId]);

  return journey;
}
