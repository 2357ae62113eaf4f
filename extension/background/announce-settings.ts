// Tells open pages that the settings changed: content scripts through each tab, extension pages (options, popup,
// record) through the runtime. A tab without our content script, or no open extension page, is the normal case,
// so those delivery failures are ignored.

import browser from 'webextension-polyfill';

import { settingsChangedMessage } from '../lib/messages';

export async function announceSettingsChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, settingsChangedMessage).catch(() => undefined),
    ),
  );
  await browser.runtime.sendMessage(settingsChangedMessage).catch(() => undefined);
}
