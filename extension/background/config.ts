// Options of the extension. Users set some of them on the options page (chrome.storage.sync). An administrator may
// set any of them by policy (chrome.storage.managed, schema in managed-schema.json), and a managed value wins. Host
// profiles and the offered results come from policy only.

import browser from 'webextension-polyfill';

import { segmentNameMaxLength } from '../../shared/api/segments';
import { defaultSegmentNamePattern } from '../content/segment-name-pattern';
import { t } from '../lib/i18n';
import { isUiLanguageSetting, type UiLanguageSetting } from '../lib/ui-language-setting';

export interface ExtensionOptions {
  /** Base URL of the backend, without a trailing slash. */
  backendUrl: string;
  /** Bearer token for the backend; empty when it needs none. */
  apiToken: string;
  uiLanguage: UiLanguageSetting;
  /** Result ids and reason ids that get a Save as segment button; null offers all of them. */
  offeredResults: string[] | null;
  /** Prefilled segment name with placeholders such as {result}, {tile}, {journey}, {reason} and {date}. */
  segmentNamePattern: string;
  /** Host profiles from policy, not yet validated; the content script checks each one against the profile schema. */
  hostProfiles: unknown[];
}

export type OptionKey = keyof ExtensionOptions;

export const optionKeys: readonly OptionKey[] = [
  'backendUrl',
  'apiToken',
  'uiLanguage',
  'offeredResults',
  'segmentNamePattern',
  'hostProfiles',
];

/** Options a user may set on the options page; the others come from policy only. */
export const userOptionKeys: readonly OptionKey[] = ['backendUrl', 'apiToken', 'uiLanguage', 'segmentNamePattern'];

export const defaultOptions: ExtensionOptions = {
  backendUrl: 'http://127.0.0.1:8420',
  apiToken: '',
  uiLanguage: 'auto',
  offeredResults: null,
  segmentNamePattern: defaultSegmentNamePattern,
  hostProfiles: [],
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

/** Checks a segment name pattern and returns it trimmed; throws a message for the user when it is invalid. */
export function normalizeSegmentNamePattern(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > segmentNameMaxLength) {
    throw new Error(t('errorNamePatternInvalid', segmentNameMaxLength));
  }
  return trimmed;
}

function warnIgnored(area: string, key: OptionKey, reason: string): void {
  console.warn(`[journey-segments] ignoring the ${area} option ${key}: ${reason}`);
}

/** Keeps the valid options of one storage area and drops the rest, so one bad value cannot hide the others. */
function validOptions(stored: Record<string, unknown>, area: 'local defaults' | 'sync' | 'managed'): Partial<ExtensionOptions> {
  const options: Partial<ExtensionOptions> = {};

  if (typeof stored.backendUrl === 'string' && stored.backendUrl.trim() !== '') {
    try {
      options.backendUrl = normalizeBackendUrl(stored.backendUrl);
    } catch (error) {
      warnIgnored(area, 'backendUrl', (error as Error).message);
    }
  }
  if (typeof stored.apiToken === 'string') {
    options.apiToken = stored.apiToken.trim();
  }
  if (isUiLanguageSetting(stored.uiLanguage)) {
    options.uiLanguage = stored.uiLanguage;
  }
  if (typeof stored.segmentNamePattern === 'string' && stored.segmentNamePattern.trim() !== '') {
    try {
      options.segmentNamePattern = normalizeSegmentNamePattern(stored.segmentNamePattern);
    } catch (error) {
      warnIgnored(area, 'segmentNamePattern', (error as Error).message);
    }
  }

  if (area === 'managed') {
    if (Array.isArray(stored.offeredResults)) {
      options.offeredResults = stored.offeredResults.filter((id): id is string => typeof id === 'string' && id !== '');
    }
    if (Array.isArray(stored.hostProfiles)) {
      options.hostProfiles = stored.hostProfiles;
    }
  }
  return options;
}

/**
 * Reads the policy values. Where no policy is installed or the browser has no managed storage, the call rejects
 * (Firefox without a policies.json entry) or the area is missing (some Chromium forks); both mean "no admin
 * settings".
 */
async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed?.get(optionKeys as string[])) ?? {};
  } catch {
    return {};
  }
}

/**
 * Reads local-defaults.json, which `npm start` writes into the built extension with the local backend URL and
 * API token. Store packages have no such file, so the fetch fails and there are no local defaults.
 */
async function readLocalDefaults(): Promise<Record<string, unknown>> {
  try {
    const response = await fetch(browser.runtime.getURL('local-defaults.json'));
    if (!response.ok) {
      return {};
    }
    const body = (await response.json()) as Record<string, unknown> | null;
    // Only the connection options: the file must not set options that are meant for users or policy.
    return body !== null && typeof body === 'object' ? { backendUrl: body.backendUrl, apiToken: body.apiToken } : {};
  } catch {
    return {};
  }
}

/** Reads the options: defaults, overridden by npm start's local defaults, by sync storage, then by managed storage. */
export async function readConfig(): Promise<ExtensionConfig> {
  const [local, synced, managed] = await Promise.all([readLocalDefaults(), browser.storage.sync.get(optionKeys as string[]), readManaged()]);
  const managedOptions = validOptions(managed, 'managed');

  return {
    ...defaultOptions,
    ...validOptions(local, 'local defaults'),
    ...validOptions(synced, 'sync'),
    ...managedOptions,
    managedKeys: Object.keys(managedOptions) as OptionKey[],
  };
}
