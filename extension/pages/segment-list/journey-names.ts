// Names of the journeys the listed segments belong to, loaded once per journey id.

import { useEffect, useState } from 'preact/hooks';

import { sendMessage } from '../../lib/send-message';

/** Returns a map from journey id to name that fills in as journeys load; ids that fail to load stay absent. */
export function useJourneyNames(journeyIds: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...journeyIds].sort().join(' ');

  useEffect(() => {
    let current = true;
    for (const journeyId of journeyIds) {
      if (names.has(journeyId)) {
        continue;
      }
      sendMessage({ type: 'journey/get', journeyId })
        .then((journey) => current && setNames((previous) => new Map(previous).set(journeyId, journey.name)))
        .catch((error: unknown) => console.warn(`[journey-segments] journey ${journeyId} not loaded: ${(error as Error).message}`));
    }
    return () => {
      current = false;
    };
  }, [key]);

  return names;
}
