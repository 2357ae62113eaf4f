// UTC calendar arithmetic on epoch milliseconds. The compiler uses it to fold constant date expressions and to
// place the start of HAVING windows. The SQL it writes for computed dates follows the same rules.

import type { DatePart, TimeWindow } from '../../../shared/query/ast';

export const millisecondsPerDay = 86_400_000;

/** Length of the date parts that have a fixed length in UTC. */
export const fixedPartMilliseconds: Partial<Record<DatePart, number>> = {
  DAY: millisecondsPerDay,
  HOUR: 3_600_000,
  MINUTE: 60_000,
  SECOND: 1_000,
  MILLISECOND: 1,
};

function daysInMonth(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex + 1, 0);
  return date.getUTCDate();
}

/**
 * Moves a time by whole calendar months, keeping the time of day. A day that does not exist in the target month
 * becomes that month's last day (January 31 plus one month is February 28 or 29), as PostgreSQL's interval
 * arithmetic does.
 */
export function addMonthsUtc(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const timeOfDay = epochMs - Math.floor(epochMs / millisecondsPerDay) * millisecondsPerDay;
  const target = date.getUTCFullYear() * 12 + date.getUTCMonth() + Math.trunc(months);
  const year = Math.floor(target / 12);
  const monthIndex = target - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, monthIndex));

  const shifted = new Date(0);
  shifted.setUTCFullYear(year, monthIndex, day);
  return shifted.getTime() + timeOfDay;
}

/** DATEADD: fixed parts add exact milliseconds; MONTH and YEAR add calendar months of the truncated amount. */
export function addToDate(part: DatePart, amount: number, epochMs: number): number {
  if (part === 'MONTH') {
    return addMonthsUtc(epochMs, Math.trunc(amount));
  }
  if (part === 'YEAR') {
    return addMonthsUtc(epochMs, Math.trunc(amount) * 12);
  }
  return epochMs + amount * (fixedPartMilliseconds[part] as number);
}

function monthNumber(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/**
 * DATEDIFF: how many boundaries of the part lie between start and end (SQL Server's convention), negative when
 * end is earlier. DATEDIFF(DAY, 23:59, 00:01 the next day) is 1; DATEDIFF(YEAR, Dec 31, Jan 1) is 1.
 */
export function dateDifference(part: DatePart, start: number, end: number): number {
  if (part === 'YEAR') {
    return new Date(end).getUTCFullYear() - new Date(start).getUTCFullYear();
  }
  if (part === 'MONTH') {
    return monthNumber(end) - monthNumber(start);
  }
  const unit = fixedPartMilliseconds[part] as number;
  return Math.floor(end / unit) - Math.floor(start / unit);
}

/**
 * DATE(year, month, day[, hour[, minute[, second[, millisecond]]]]) in UTC, or undefined when a component is
 * not a whole number or out of range (month 13, February 30).
 */
export function utcDate(components: readonly number[]): number | undefined {
  if (components.some((value) => !Number.isInteger(value))) {
    return undefined;
  }
  const [year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0] = components;
  const inRange =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month - 1) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    millisecond >= 0 &&
    millisecond <= 999;
  if (!inRange) {
    return undefined;
  }

  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

/** Returns the earliest time inside a HAVING window: `amount` days, calendar months or calendar years before now. */
export function windowStart(now: number, window: Pick<TimeWindow, 'unit' | 'amount'>): number {
  if (window.unit === 'UTCDAYS') {
    return now - window.amount * millisecondsPerDay;
  }
  const months = window.unit === 'UTCMONTHS' ? window.amount : window.amount * 12;
  return addMonthsUtc(now, -months);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads an ISO 8601 date or date-time, such as `2026-07-14` or `2026-07-14T15:05:09Z`, as epoch milliseconds.
 * A time without an offset is UTC. Returns undefined for anything else.
 */
export function parseIsoDate(text: string): number | undefined {
  const match = isoDate.exec(text);
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', offset = 'Z'] = match;
  const utc = utcDate([year, month, day, hour, minute, second, fraction.padEnd(3, '0')].map(Number));
  if (utc === undefined) {
    return undefined;
  }
  if (offset === 'Z') {
    return utc;
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const [offsetHours, offsetMinutes] = offset.slice(1).split(':').map(Number);
  return utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}
