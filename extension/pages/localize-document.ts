import browser from 'webextension-polyfill';

/** Sets the page language and title, which the static HTML cannot know. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = title;
}
