// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { parseTimestamp } from '../../../backend/src/interactions/timestamp';

describe('parseTimestamp', () => {
  it.each([
    ['2026-07-14T15:05:09Z', Date.UTC(2026, 6, 14, 15, 5, 9)],
    ['2026-07-14T15:05:09.123Z', Date.UTC(2026, 6, 14, 15, 5, 9, 123)],
    ['2026-07-14T17:05:09+02:00', Date.UTC(2026, 6, 14, 15, 5, 9)],
    ['2026-07-14 15:05:09', Date.UTC(2026, 6, 14, 15, 5, 9)],
    ['2026-07-14', Date.UTC(2026, 6, 14)],
    ['7/14/2026 3:05:09 PM', Date.UTC(2026, 6, 14, 15, 5, 9)],
    ['07/14/2026 12:00:00 AM', Date.UTC(2026, 6, 14, 0, 0, 0)],
    ['7/14/2026 12:30:00 PM', Date.UTC(2026, 6, 14, 12, 30, 0)],
    ['7/14/2026 15:05', Date.UTC(2026, 6, 14, 15, 5, 0)],
    ['7/14/2026', Date.UTC(2026, 6, 14)],
  ])('reads %s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each(['', 'yesterday', '2/30/2026', '13/01/2026', '7/14/2026 13:00:00 PM', '2026-13-01T00:00:00Z', '14.07.2026'])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it.each(['2026-02-29T00:00:00Z', '2026-02-30T00:00:00Z', '2026-02-31T10:00:00+02:00', '2026-04-31 08:00:00', '2026-06-31', '1900-02-29T00:00:00Z'])(
    'rejects ISO day past month end %j',
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );

  it.each([
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29 12:00:00', Date.UTC(2000, 1, 29, 12)],
    ['2026-02-28T23:00:00-02:00', Date.UTC(2026, 2, 1, 1)],
    ['2026-04-30', Date.UTC(2026, 3, 30)],
  ])('reads ISO last day of month %s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });
});
