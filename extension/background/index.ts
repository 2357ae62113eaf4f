// Background service worker: wires the backend client, the journey cache and the outbox to the runtime message
// router, and retries queued captures on an alarm and whenever the worker starts.

import browser, { type Runtime } from 'webextension-polyfill';

import { createBackendClient } from './backend-client';
import { readConfig } from './config';
import { idbStore } from './idb-store';
import { createJourneyCache } from './journey-cache';
import { createMessageRouter } from './message-router';
import { createOutbox } from './outbox';

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

// A changed backend URL or language makes cached journeys stale.
browser.storage.onChanged.addListener((_changes, areaName) => {
  if (areaName === 'sync' || areaName === 'managed') {
    journeys.clear();
  }
});

// The worker may have been stopped while captures waited; send those that are due now.
void outbox.flush();
console.info('[journey-segments] background started');
