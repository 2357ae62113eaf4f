// Starts and stops the features as the page moves between journeys. Single-page designers change the URL without
// a reload, so the URL is checked on every observed batch and on history navigation.

import { buttonTagName } from './button-placement';
import { flyoutTagName } from './capture-flow';
import * as incompleteJourneys from './features/incomplete-journeys';
import type { FeatureContext } from './features/feature-context';
import * as tileDataPanel from './features/tile-data-panel';
import { loadProfiles, profileForUrl } from './host-profiles';
import { readJourneyId } from './host-profiles/interpreter';
import type { HostProfile } from './host-profiles/schema';
import { createJourneyDetails } from './journey-details';
import { createPageObserver, type PageObserver } from './observer';
import { toastTagName } from './ui/show-toast';

export interface Feature {
  init(signal: AbortSignal, context: FeatureContext): void;
}

export const features: readonly Feature[] = [tileDataPanel, incompleteJourneys];

const ownTagNames = new Set([buttonTagName, flyoutTagName, toastTagName].map((name) => name.toUpperCase()));

export interface ContentScript {
  observer: PageObserver;
  stop(): void;
}

export function startContentScript(
  window: Window,
  profiles: readonly HostProfile[] = loadProfiles(),
): ContentScript {
  const document = window.document;
  const observer = createPageObserver(document.documentElement, {
    isOwnNode: (node) => ownTagNames.has(node.nodeName),
    requestFrame: (callback) => window.requestAnimationFrame(() => callback()),
  });
  const journeys = createJourneyDetails();
  const lifetime = new AbortController();
  let session: { key: string; controller: AbortController } | null = null;

  const syncWithUrl = () => {
    const url = window.location.href;
    const profile = profileForUrl(profiles, url);
    const journeyId = profile ? readJourneyId(profile, new URL(url)) : null;
    const key = profile && journeyId ? `${profile.id} ${journeyId}` : null;
    if (key === (session?.key ?? null)) {
      return;
    }

    session?.controller.abort();
    session = null;
    if (!profile || !journeyId || !key) {
      return;
    }

    const controller = new AbortController();
    session = { key, controller };
    console.info(`[journey-segments] host profile ${profile.id} active for journey ${journeyId}`);
    for (const feature of features) {
      feature.init(controller.signal, { document, profile, journeyId, observer, journeys });
    }
  };

  observer.subscribe(syncWithUrl, lifetime.signal);
  window.addEventListener('popstate', () => observer.requestUpdate(), { signal: lifetime.signal });
  syncWithUrl();

  return {
    observer,
    stop() {
      session?.controller.abort();
      session = null;
      lifetime.abort();
      observer.disconnect();
    },
  };
}
