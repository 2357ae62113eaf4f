// Background service worker: wires the backend client, the journey cache and the outbox to the runtime message
// router, and retries queued captures on an alarm and whenever the worker starts. It also follows options and
// policy: it registers the content script for the hosts of policy host profiles and notifies open pages of changes.

import browser, { type Runtime } from 'webextension-polyfill';

import { loadProfiles } from '../content/host-profiles/load-profiles';
import { announceSettingsChanged } from './announce-settings';
import { createBackendClient } from './backend-client';
import { readConfig, type ExtensionConfig } from './config';
import { watchConfig } from './config-watch';
import { idbStore } from './idb-store';
import { createJourneyCache } from './journey-cache';
import { createMessageRouter } from './message-router';
import { createOutbox } from './outbox';
import { syncProfileScripts } from './profile-scripts';

const retryAlarm = 'outbox-retry';

const client = createBackendClient({ readOptions: readConfig });
const journeys = createJourneyCache();

const outbox = createOutbox({
  pending: idbStore('outbox'),
  statuses: idbStore('captures'),
  send: (capture, idempotencyKey) => client.createCapture(capture, idempotencyKey),
  scheduleRetry: (at) => {
    void browser.alarms.create(retryAlarm, { when: at });
  },
});

const router = createMessageRouter({
  client,
  outbox,
  journeys,
  readConfig,
  async openPage(path, sender) {
    await browser.tabs.create({
      url: browser.runtime.getURL(path),
      index: sender.tab ? sender.tab.index + 1 : undefined,
      openerTabId: sender.tab?.id,
    });
  },
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router(message, sender));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === retryAlarm) {
    void outbox.flush();
  }
});

let currentConfig: ExtensionConfig | null = null;

/** Keeps the registered content scripts in step with the policy profiles and the granted host permissions. */
async function syncHostProfiles(config: ExtensionConfig): Promise<void> {
  if (!browser.scripting?.registerContentScripts) {
    return;
  }
  const manifestScripts = browser.runtime.getManifest().content_scripts ?? [];
  const state = await syncProfileScripts(loadProfiles(config.hostProfiles), {
    apis: {
      getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
      registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
      unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
      containsOrigins: (origins) => browser.permissions.contains({ origins }),
    },
    scriptFiles: manifestScripts.flatMap((script) => script.js ?? []),
    staticMatches: manifestScripts.flatMap((script) => script.matches ?? []),
  });
  for (const { profileId, origins } of state.missingPermission) {
    console.info(`[journey-segments] host profile ${profileId} waits for access to ${origins.join(', ')}`);
  }
}

// A changed backend URL or language makes cached journeys stale, and open pages need the new settings.
watchConfig({
  readConfig,
  onStorageChanged: (listener) => browser.storage.onChanged.addListener((_changes, areaName) => listener(areaName)),
  async apply(config, reason) {
    const connectionChanged = currentConfig !== null && (currentConfig.backendUrl !== config.backendUrl || currentConfig.apiToken !== config.apiToken);
    currentConfig = config;
    journeys.clear();
    // Captures queued for a refused token or an unreachable URL may get through with the new ones.
    if (connectionChanged) {
      void outbox.flush({ force: true });
    }
    await syncHostProfiles(config);
    if (reason === 'change') {
      await announceSettingsChanged();
    }
  },
});

// The user granted or withdrew access to a policy profile's hosts on the options page.
const onPermissionsChanged = () => {
  if (currentConfig) {
    void syncHostProfiles(currentConfig).catch((error: unknown) => {
      console.warn('[journey-segments] registering host profile scripts failed:', (error as Error).message);
    });
  }
};
browser.permissions.onAdded.addListener(onPermissionsChanged);
browser.permissions.onRemoved.addListener(onPermissionsChanged);

// The worker may have been stopped while captures waited; send those that are due now.
void outbox.flush();
console.info('[journey-segments] background started');
