// Journey definitions change rarely while a marketer looks at a designer, yet every re-render of the page
// requests them. A short cache keeps that to one backend request per journey. Failures are not cached, so the
// next request retries at once.

import type { JourneyDetail } from '../../shared/api/journeys';

export const journeyCacheTtlMs = 30_000;

export interface JourneyCache {
  /** Returns the cached detail of `key`, or loads it with `load`; concurrent calls share one load. */
  get(key: string, load: () => Promise<JourneyDetail>): Promise<JourneyDetail>;
  clear(): void;
}

export function createJourneyCache(now: () => number = Date.now, ttlMs = journeyCacheTtlMs): JourneyCache {
  const entries = new Map<string, { expiresAt: number; detail: Promise<JourneyDetail> }>();

  return {
    get(key, load) {
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) {
        return cached.detail;
      }

      const detail = load();
      entries.set(key, { expiresAt: now() + ttlMs, detail });
      detail.catch(() => {
        if (entries.get(key)?.detail === detail) {
          entries.delete(key);
        }
      });
      return detail;
    },

    clear() {
      entries.clear();
    },
  };
}
