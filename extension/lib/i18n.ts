// UI strings come from _locales/<language>/messages.json in the browser's UI language. Keys are typed from the
// English file, so a misspelt key fails the type check.

import browser from 'webextension-polyfill';

import type english from '../_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** Returns the localized UI string; `substitutions` fill $1..$9 in order. Falls back to the key itself. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}
