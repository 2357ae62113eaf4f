// Lets content scripts and extension pages follow option and policy changes without a reload. The background
// announces every change it sees, including policy that arrives late after startup and so fires no storage
// event in some browsers. Storage events are followed here as well, for a background that is still starting.

import browser from 'webextension-polyfill';

import { settingsChangedMessage } from './messages';

/** Debounce of the callback, because one change often arrives both as a storage event and as an announcement. */
export const settingsChangeDelayMs = 50;

/** Calls `onChange` after the options or the policy changed, until `signal` aborts. */
export function onSettingsChanged(onChange: () => void, signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settingsChangeDelayMs);
  };

  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === settingsChangedMessage.type) {
      schedule();
    }
    // Returning nothing leaves the reply to other listeners.
    return undefined;
  };
  const onStorage = (_changes: unknown, areaName: string) => {
    if (areaName === 'sync' || areaName === 'managed') {
      schedule();
    }
  };

  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    },
    { once: true },
  );
}
