// Options of the extension. Users set them on the options page (chrome.storage.sync). An administrator may set
// any of them by policy (chrome.storage.managed, schema in managed-schema.json), and a managed value wins.

import browser from 'webextension-polyfill';

import { t } from '../lib/i18n';
import { isUiLanguageSetting, type UiLanguageSetting } from '../lib/ui-language-setting';

export interface ExtensionOptions {
  /** Base URL of the backend, without a trailing slash. */
  backendUrl: string;
  /** Bearer token for the backend; empty when it needs none. */
  apiToken: string;
  uiLanguage: UiLanguageSetting;
}

export type OptionKey = keyof ExtensionOptions;

export const optionKeys: readonly OptionKey[] = ['backendUrl', 'apiToken', 'uiLanguage'];

export const defaultOptions: ExtensionOptions = {
  backendUrl: 'http://127.0.0.1:8420',
  apiToken: '',
  uiLanguage: 'auto',
};

export interface ExtensionConfig extends ExtensionOptions {
  /** Options set by policy, which the options page shows as read-only. */
  managedKeys: OptionKey[];
}

/** Checks a backend URL and returns it without trailing slashes; throws a message for the user when it is invalid. */
export function normalizeBackendUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new Error(t('errorBackendUrlInvalid', trimmed));
  }
  return trimmed.replace(/\/+$/, '');
}

/** Keeps the valid options of one storage area and drops the rest, so one bad value cannot hide the others. */
function validOptions(stored: Record<string, unknown>): Partial<ExtensionOptions> {
  const options: Partial<ExtensionOptions> = {};

  if (typeof stored.backendUrl === 'string' && stored.backendUrl.trim() !== '') {
    try {
      options.backendUrl = normalizeBackendUrl(stored.backendUrl);
    } catch (error) {
      console.warn('[journey-segments] ignoring the stored backendUrl option:', (error as Error).message);
    }
  }
  if (typeof stored.apiToken === 'string') {
    options.apiToken = stored.apiToken.trim();
  }
  if (isUiLanguageSetting(stored.uiLanguage)) {
    options.uiLanguage = stored.uiLanguage;
  }
  return options;
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    // Rejects or is missing where no policy is installed or the browser has no managed storage (Firefox on
    // some platforms); both mean "no admin settings".
    return (await browser.storage.managed?.get(optionKeys as string[])) ?? {};
  } catch {
    return {};
  }
}

/** Reads the options: defaults, overridden by sync storage, overridden by managed storage. */
export async function readConfig(): Promise<ExtensionConfig> {
  const [synced, managed] = await Promise.all([browser.storage.sync.get(optionKeys as string[]), readManaged()]);
  const managedOptions = validOptions(managed);

  return {
    ...defaultOptions,
    ...validOptions(synced),
    ...managedOptions,
    managedKeys: Object.keys(managedOptions) as OptionKey[],
  };
}
