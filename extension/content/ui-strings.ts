// The UI strings the content script shows, in every locale. Each one is read from the locale files by name, so
// the bundler keeps only these entries and leaves out the other 175 or so that only the extension pages use.
// Content modules import `t` from here. Its key type is limited to these strings, so using another one fails the
// type check instead of showing the bare key. send-message.ts, which the content script shares with the pages,
// uses errorExtensionReloaded and errorNoReply, and ui-strings.test.ts checks that every key the content script
// passes to `t` is listed.

import * as german from '../_locales/de/messages.json';
import * as english from '../_locales/en/messages.json';
import { registerMessages, t as formatUiString, type MessageEntry } from '../lib/i18n-core';

const englishStrings = {
  descriptionTooLong: english.descriptionTooLong,
  errorExtensionReloaded: english.errorExtensionReloaded,
  errorNoReply: english.errorNoReply,
  flyoutCancel: english.flyoutCancel,
  flyoutClose: english.flyoutClose,
  flyoutDescriptionLabel: english.flyoutDescriptionLabel,
  flyoutNameLabel: english.flyoutNameLabel,
  flyoutRequired: english.flyoutRequired,
  flyoutSave: english.flyoutSave,
  flyoutSaving: english.flyoutSaving,
  flyoutSourceReason: english.flyoutSourceReason,
  flyoutSourceResult: english.flyoutSourceResult,
  flyoutTitle: english.flyoutTitle,
  nameEmpty: english.nameEmpty,
  nameTooLong: english.nameTooLong,
  saveAsSegment: english.saveAsSegment,
  saveAsSegmentLabel: english.saveAsSegmentLabel,
  toastDismiss: english.toastDismiss,
  toastQueued: english.toastQueued,
  toastSaved: english.toastSaved,
  toastViewRecord: english.toastViewRecord,
} satisfies Record<string, MessageEntry>;

export type ContentMessageKey = keyof typeof englishStrings;

const germanStrings: Record<ContentMessageKey, MessageEntry> = {
  descriptionTooLong: german.descriptionTooLong,
  errorExtensionReloaded: german.errorExtensionReloaded,
  errorNoReply: german.errorNoReply,
  flyoutCancel: german.flyoutCancel,
  flyoutClose: german.flyoutClose,
  flyoutDescriptionLabel: german.flyoutDescriptionLabel,
  flyoutNameLabel: german.flyoutNameLabel,
  flyoutRequired: german.flyoutRequired,
  flyoutSave: german.flyoutSave,
  flyoutSaving: german.flyoutSaving,
  flyoutSourceReason: german.flyoutSourceReason,
  flyoutSourceResult: german.flyoutSourceResult,
  flyoutTitle: german.flyoutTitle,
  nameEmpty: german.nameEmpty,
  nameTooLong: german.nameTooLong,
  saveAsSegment: german.saveAsSegment,
  saveAsSegmentLabel: german.saveAsSegmentLabel,
  toastDismiss: german.toastDismiss,
  toastQueued: german.toastQueued,
  toastSaved: german.toastSaved,
  toastViewRecord: german.toastViewRecord,
};

registerMessages({ en: englishStrings, de: germanStrings });

/** Returns the UI string in the active language; `substitutions` fill $1..$9 in order. */
export const t: (key: ContentMessageKey, ...substitutions: Array<string | number>) => string = formatUiString;

export { setUiLanguage } from '../lib/i18n-core';
