// Starts and stops the features as the page moves between journeys and as the settings change. Single-page
// designers change the URL without a reload, so the URL is checked on every observed batch and on history
// navigation. Options and policy may change while the page is open; the features then restart with the new
// settings and host profiles.

import { defaultSegmentNamePattern } from './segment-name-pattern';
import { buttonTagName } from './button-placement';
import { flyoutTagName } from './capture-flow';
import * as incompleteJourneys from './features/incomplete-journeys';
import type { FeatureContext } from './features/feature-context';
import * as tileDataPanel from './features/tile-data-panel';
import { profileForUrl, withBuiltInProfiles } from './host-profiles';
import { readJourneyId } from './host-profiles/interpreter';
import type { HostProfile } from './host-profiles/schema';
import { createJourneyDetails } from './journey-details';
import { createPageObserver, type PageObserver } from './observer';
import { toastTagName } from './ui/show-toast';
import { setUiLanguage } from './ui-strings';
import type { ContentSettings } from '../lib/messages';
import { sendMessage } from '../lib/send-message';
import { onSettingsChanged } from '../lib/settings-changes';

export interface Feature {
  init(signal: AbortSignal, context: FeatureContext): void;
}

export const features: readonly Feature[] = [tileDataPanel, incompleteJourneys];

const ownTagNames = new Set([buttonTagName, flyoutTagName, toastTagName].map((name) => name.toUpperCase()));

/** Settings the content script uses while the background does not reply: every result, built-in profiles only. */
export const fallbackSettings: ContentSettings = {
  uiLanguage: 'auto',
  offeredResults: null,
  segmentNamePattern: defaultSegmentNamePattern,
  hostProfiles: [],
};

export interface ContentScript {
  observer: PageObserver;
  /** Resolves once the first settings were read and the features started. */
  ready: Promise<void>;
  stop(): void;
}

async function readSettings(): Promise<ContentSettings> {
  try {
    return await sendMessage({ type: 'settings/get' });
  } catch (error) {
    console.warn('[journey-segments] settings could not be read, using the defaults:', (error as Error).message);
    return fallbackSettings;
  }
}

export function startContentScript(window: Window): ContentScript {
  const document = window.document;
  const observer = createPageObserver(document.documentElement, {
    isOwnNode: (node) => ownTagNames.has(node.nodeName),
    requestFrame: (callback) => window.requestAnimationFrame(() => callback()),
  });
  // NOTE: journey details stay cached for the page's lifetime, also after the backend URL changes; a reload of
  // the page reads them from the new backend.
  const journeys = createJourneyDetails();
  const lifetime = new AbortController();
  let settings: ContentSettings | null = null;
  let profiles: HostProfile[] = [];
  let session: { key: string; controller: AbortController } | null = null;

  const stopSession = () => {
    session?.controller.abort();
    session = null;
  };

  const syncWithUrl = () => {
    if (!settings) {
      return;
    }
    const url = window.location.href;
    const profile = profileForUrl(profiles, url);
    const journeyId = profile ? readJourneyId(profile, new URL(url)) : null;
    const key = profile && journeyId ? `${profile.id} ${journeyId}` : null;
    if (key === (session?.key ?? null)) {
      return;
    }

    stopSession();
    if (!profile || !journeyId || !key) {
      return;
    }

    const controller = new AbortController();
    session = { key, controller };
    console.info(`[journey-segments] host profile ${profile.id} active for journey ${journeyId}`);
    for (const feature of features) {
      feature.init(controller.signal, { document, profile, journeyId, observer, journeys, settings });
    }
  };

  let appliedFingerprint: string | null = null;

  const applySettings = async () => {
    const next = await readSettings();
    const fingerprint = JSON.stringify(next);
    // Storage events also fire for options the content script does not use; those must not restart anything.
    if (lifetime.signal.aborted || fingerprint === appliedFingerprint) {
      return;
    }
    appliedFingerprint = fingerprint;
    settings = next;
    setUiLanguage(next.uiLanguage);
    profiles = withBuiltInProfiles(next.hostProfiles);
    // Restart even on the same journey: labels, offered results and the name pattern may have changed. The
    // journey details stay cached, so the buttons come back in the same frame.
    stopSession();
    syncWithUrl();
  };

  observer.subscribe(syncWithUrl, lifetime.signal);
  window.addEventListener('popstate', () => observer.requestUpdate(), { signal: lifetime.signal });
  onSettingsChanged(() => void applySettings(), lifetime.signal);
  const ready = applySettings();

  return {
    observer,
    ready,
    stop() {
      stopSession();
      lifetime.abort();
      observer.disconnect();
    },
  };
}
