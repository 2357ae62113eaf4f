import { setUiLanguage, uiLanguage } from '../lib/i18n';
import { sendMessage } from '../lib/send-message';

/**
 * Applies the language setting (an administrator's policy or the user's option) to every later `t` call. Without
 * a reply from the background the browser's language stays in use.
 */
export async function applyUiLanguageSetting(): Promise<void> {
  try {
    const { uiLanguage: setting } = await sendMessage({ type: 'settings/get' });
    setUiLanguage(setting);
  } catch (error) {
    console.warn(`[journey-segments] language setting not read: ${(error as Error).message}`);
  }
}

/** Sets the page language and title, which the static HTML cannot know. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}
