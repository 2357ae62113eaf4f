// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { parseAnyTimestamp, parseTimestamp } from '../../../backend/src/interactions/timestamp';
import { parseCommonUtcTimestamp } from '../../../backend/src/interactions/utc-timestamp';

/** Texts in the common form that the fast path reads itself, with their expected epoch milliseconds. */
const commonForms: Array<[string, number]> = [
  ['2026-07-14T15:05:09Z', Date.UTC(2026, 6, 14, 15, 5, 9)],
  ['2026-07-14T15:05:09.1Z', Date.UTC(2026, 6, 14, 15, 5, 9, 100)],
  ['2026-07-14T15:05:09.12Z', Date.UTC(2026, 6, 14, 15, 5, 9, 120)],
  ['2026-07-14T15:05:09.123Z', Date.UTC(2026, 6, 14, 15, 5, 9, 123)],
  ['2026-07-14T15:05:09.1239Z', Date.UTC(2026, 6, 14, 15, 5, 9, 123)],
  ['2026-07-14T15:05:09.123456789Z', Date.UTC(2026, 6, 14, 15, 5, 9, 123)],
  ['2026-07-14T15:05:09.007Z', Date.UTC(2026, 6, 14, 15, 5, 9, 7)],
  ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
  ['2026-12-31T23:59:59.999Z', Date.UTC(2026, 11, 31, 23, 59, 59, 999)],
  ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
  ['2000-02-29T12:00:00Z', Date.UTC(2000, 1, 29, 12)],
  ['2026-04-30T08:00:00Z', Date.UTC(2026, 3, 30, 8)],
  ['0100-03-01T00:00:00Z', Date.UTC(100, 2, 1)],
  ['9999-12-31T23:59:59Z', Date.UTC(9999, 11, 31, 23, 59, 59)],
];

/** Texts the fast path leaves to the full parser: other forms, and values out of their usual range. */
const otherForms = [
  '2026-07-14T17:05:09+02:00',
  '2026-07-14T17:05:09+0200',
  '2026-07-14T12:05:09-03:00',
  '2026-07-14T15:05:09.123+02:00',
  '2026-07-14 15:05:09Z',
  '2026-07-14 15:05:09',
  '2026-07-14T15:05:09',
  '2026-07-14T15:05Z',
  '2026-07-14',
  '2026-07-14t15:05:09z',
  ' 2026-07-14T15:05:09Z',
  '2026-07-14T15:05:09Z ',
  '2026-07-14T15:05:09.Z',
  '2026-07-14T15:05:09.1234567890Z',
  '2026-07-14T15:05:09,123Z',
  '2026-07-14T15:05:09.12aZ',
  '2026-02-29T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-02-31T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-02-32T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-07-00T00:00:00Z',
  '2026-07-14T24:00:00Z',
  '2026-07-14T24:00:01Z',
  '2026-07-14T23:60:00Z',
  '2026-07-14T23:59:60Z',
  '0050-07-14T15:05:09Z',
  '0000-01-01T00:00:00Z',
  '2O26-07-14T15:05:09Z',
  '2026-07-1xT15:05:09Z',
  '+2026-07-14T15:05:09Z',
  '7/14/2026 3:05:09 PM',
  'yesterday',
  '',
];

describe('parseCommonUtcTimestamp', () => {
  it.each(commonForms)('reads %s', (text, expected) => {
    expect(parseCommonUtcTimestamp(text)).toBe(expected);
  });

  it.each(commonForms)('agrees with the full parser on %s', (text) => {
    expect(parseCommonUtcTimestamp(text)).toBe(parseAnyTimestamp(text));
  });

  it.each(otherForms)('leaves %j to the full parser', (text) => {
    expect(parseCommonUtcTimestamp(text)).toBeUndefined();
  });
});

describe('parseTimestamp with fast path', () => {
  it.each([...commonForms.map(([text]) => text), ...otherForms])('matches the full parser on %j', (text) => {
    expect(parseTimestamp(text)).toBe(parseAnyTimestamp(text));
  });

  it('matches the full parser across a leap day', () => {
    const start = Date.UTC(2024, 1, 28, 23);
    for (let millis = start; millis < start + 26 * 3600_000; millis += 7_919) {
      const text = new Date(millis).toISOString();
      expect(parseCommonUtcTimestamp(text)).toBe(millis);
      expect(parseAnyTimestamp(text)).toBe(millis);
    }
  });
});
