// Formats UI strings from _locales/<language>/messages.json. The browser's i18n API only ever returns messages in
// the browser's UI language, but an administrator may set another one by policy (uiLanguage), so the extension
// bundles the messages of every locale and formats them itself, the way the browser would. This module holds no
// messages. i18n.ts registers every message for the pages and the background, and the content script registers only
// the few it shows, so its bundle stays small. Keys are typed from the English file, so a misspelt key fails the
// type check.

import browser from 'webextension-polyfill';

import { resolveUiLanguage, type UiLanguage } from '../../shared/catalog';
import type english from '../_locales/en/messages.json';
import type { UiLanguageSetting } from './ui-language-setting';

export type MessageKey = keyof typeof english;

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const locales: Record<UiLanguage, Partial<Record<MessageKey, MessageEntry>>> = { en: {}, de: {} };

/** Adds messages to those `t` can format; a later registration of a key replaces the earlier one. */
export function registerMessages(messages: Partial<Record<UiLanguage, Partial<Record<MessageKey, MessageEntry>>>>): void {
  for (const [language, entries] of Object.entries(messages) as Array<[UiLanguage, Partial<Record<MessageKey, MessageEntry>>]>) {
    Object.assign(locales[language], entries);
  }
}

/** Returns the catalog language closest to the browser's UI language, or English. */
export function browserUiLanguage(): UiLanguage {
  try {
    return resolveUiLanguage(browser.i18n.getUILanguage());
  } catch {
    return 'en';
  }
}

let activeLanguage: UiLanguage | null = null;

/** Sets the language of every later `t` call: 'auto' follows the browser, anything else is used as is. */
export function setUiLanguage(setting: UiLanguageSetting): void {
  activeLanguage = setting === 'auto' ? browserUiLanguage() : setting;
}

export function uiLanguage(): UiLanguage {
  activeLanguage ??= browserUiLanguage();
  return activeLanguage;
}

/**
 * Formats a message the way chrome.i18n.getMessage does: $NAME$ becomes the content of placeholder `name`, $1..$9
 * in that content take the substitutions in order, and $$ is a literal dollar sign.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const fill = (text: string) =>
    text.replace(/\$(\d)/g, (_match, index: string) => substitutions[Number(index) - 1] ?? '');

  // One pass, so a dollar sign inside a substituted page text is never read as markup of the message.
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name: string | undefined) => {
    if (name === undefined) {
      return '$';
    }
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : match;
  });
}

/**
 * Returns the UI string in the active language; `substitutions` fill $1..$9 in order. Falls back to English, then
 * to the key, which is also what a key that was never registered returns.
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const entry = locales[uiLanguage()][key] ?? locales.en[key];
  return entry ? formatMessage(entry, substitutions.map(String)) : key;
}
