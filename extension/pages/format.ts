import { uiLanguage } from '../lib/i18n';

/**
 * Formats epoch milliseconds or an ISO 8601 timestamp in the UI language and the user's time zone, so dates read
 * like the text around them when an administrator sets a language other than the browser's.
 */
export function formatTime(value: number | string): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(value));
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(count);
}
