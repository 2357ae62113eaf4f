// Reads the timestamp formats found in interaction exports: ISO 8601 and the US date format
// ("7/14/2026 3:05:09 PM"). Values without an offset are taken as UTC, which is how the exports write them.

import { daysInMonth, parseCommonUtcTimestamp } from './utc-timestamp';

const isoPattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const usPattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*(AM|PM)?)?$/i;

/** Returns epoch milliseconds for a timestamp text, or undefined when it is in neither format or not a real date. */
export function parseTimestamp(text: string): number | undefined {
  return parseCommonUtcTimestamp(text) ?? parseAnyTimestamp(text);
}

/** Parses like parseTimestamp but without the fast path for the common UTC form, so tests can compare the two. */
export function parseAnyTimestamp(text: string): number | undefined {
  const value = text.trim();

  if (isoPattern.test(value)) {
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) && value.length > 10;
    const normalized = value.replace(' ', 'T');
    const millis = Date.parse(hasZone ? normalized : `${normalized}${normalized.length > 10 ? 'Z' : 'T00:00:00Z'}`);
    // V8's Date.parse (Node 20) accepts any day up to 31 and rolls 2026-02-30 over into March, so the written
    // day is checked against its month.
    if (Number.isNaN(millis) || Number(value.slice(8, 10)) > daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)))) {
      return undefined;
    }
    return millis;
  }

  const us = usPattern.exec(value);
  if (!us) {
    return undefined;
  }
  const [, month, day, year, hourText = '0', minute = '0', second = '0', fraction = '0', meridiem] = us;
  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) {
      return undefined;
    }
    hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  }
  const millis = Date.UTC(Number(year), Number(month) - 1, Number(day), hour, Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const date = new Date(millis);
  // Date.UTC rolls 2/30 over into March; a real date survives the round trip.
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || hour > 23 || Number(minute) > 59 || Number(second) > 59) {
    return undefined;
  }
  return millis;
}
