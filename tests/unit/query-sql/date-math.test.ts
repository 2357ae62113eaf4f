// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { addMonthsUtc, addToDate, dateDifference, parseIsoDate, utcDate, windowStart } from '../../../backend/src/query/date-math';

describe('addMonthsUtc', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonthsUtc(Date.UTC(2024, 0, 31, 8, 30), 1)).toBe(Date.UTC(2024, 1, 29, 8, 30));
    expect(addMonthsUtc(Date.UTC(2023, 0, 31), 1)).toBe(Date.UTC(2023, 1, 28));
  });

  it('crosses years in both directions', () => {
    expect(addMonthsUtc(Date.UTC(2025, 10, 15), 3)).toBe(Date.UTC(2026, 1, 15));
    expect(addMonthsUtc(Date.UTC(2025, 1, 15), -3)).toBe(Date.UTC(2024, 10, 15));
  });

  it('keeps the time of day before 1970', () => {
    expect(addMonthsUtc(Date.UTC(1969, 11, 31, 23, 59), 1)).toBe(Date.UTC(1970, 0, 31, 23, 59));
  });
});

describe('addToDate', () => {
  it('adds fixed parts as milliseconds', () => {
    expect(addToDate('HOUR', 1.5, 0)).toBe(5_400_000);
    expect(addToDate('DAY', -1, Date.UTC(2026, 0, 1))).toBe(Date.UTC(2025, 11, 31));
  });

  it('moves leap days by whole years', () => {
    expect(addToDate('YEAR', 1, Date.UTC(2024, 1, 29))).toBe(Date.UTC(2025, 1, 28));
  });

  it('truncates fractional months', () => {
    expect(addToDate('MONTH', 1.9, Date.UTC(2026, 0, 10))).toBe(Date.UTC(2026, 1, 10));
  });
});

describe('dateDifference', () => {
  it('counts crossed boundaries', () => {
    expect(dateDifference('YEAR', Date.UTC(2025, 11, 31), Date.UTC(2026, 0, 1))).toBe(1);
    expect(dateDifference('MONTH', Date.UTC(2026, 0, 31), Date.UTC(2026, 1, 1))).toBe(1);
    expect(dateDifference('DAY', Date.UTC(2026, 0, 1, 23, 59), Date.UTC(2026, 0, 2, 0, 1))).toBe(1);
  });

  it('is negative when the end is earlier', () => {
    expect(dateDifference('MONTH', Date.UTC(2026, 5, 1), Date.UTC(2026, 2, 1))).toBe(-3);
  });
});

describe('utcDate', () => {
  it('builds a UTC time', () => {
    expect(utcDate([2026, 7, 14, 15, 5, 9, 250])).toBe(Date.UTC(2026, 6, 14, 15, 5, 9, 250));
  });

  it.each([[[2026, 13, 1]], [[2025, 2, 29]], [[2026, 1, 1, 24]], [[2026, 1, 1.5]]])('rejects %j', (components) => {
    expect(utcDate(components)).toBeUndefined();
  });
});

describe('windowStart', () => {
  const now = Date.UTC(2026, 2, 31, 12);

  it('goes back whole days', () => {
    expect(windowStart(now, { unit: 'UTCDAYS', amount: 7 })).toBe(Date.UTC(2026, 2, 24, 12));
  });

  it('goes back calendar months and years', () => {
    expect(windowStart(now, { unit: 'UTCMONTHS', amount: 1 })).toBe(Date.UTC(2026, 1, 28, 12));
    expect(windowStart(now, { unit: 'UTCYEARS', amount: 1 })).toBe(Date.UTC(2025, 2, 31, 12));
  });
});

describe('parseIsoDate', () => {
  it('reads dates and times as UTC', () => {
    expect(parseIsoDate('2026-07-14')).toBe(Date.UTC(2026, 6, 14));
    expect(parseIsoDate('2026-07-14T15:05')).toBe(Date.UTC(2026, 6, 14, 15, 5));
    expect(parseIsoDate('2026-07-14T15:05:09.5Z')).toBe(Date.UTC(2026, 6, 14, 15, 5, 9, 500));
  });

  it('applies an offset', () => {
    expect(parseIsoDate('2026-07-14T15:05:09+02:00')).toBe(Date.UTC(2026, 6, 14, 13, 5, 9));
  });

  it.each(['14.07.2026', '2026-02-30', 'now', ''])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});
