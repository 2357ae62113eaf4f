// DATEADD and DATEDIFF on dates the database computes (a contact's date attribute, say). Dates are epoch
// milliseconds; the SQL follows the rules of date-math.ts, which folds the same functions on constants.

import type { DatePart } from '../../../shared/query/ast';
import type { Dialect } from '../db/connect';
import { sql, type SqlFragment } from './sql-fragment';

// Unit sizes are the compiler's own constants, never values from a query, so they are written as SQL text.
const unitSql: Partial<Record<DatePart, SqlFragment>> = {
  DAY: sql`86400000`,
  HOUR: sql`3600000`,
  MINUTE: sql`60000`,
  SECOND: sql`1000`,
  MILLISECOND: sql`1`,
};

function asDouble(value: SqlFragment, dialect: Dialect): SqlFragment {
  return dialect === 'sqlite' ? sql`CAST(${value} AS REAL)` : sql`CAST(${value} AS double precision)`;
}

/** Milliseconds since the start of the UTC day, also for times before 1970. */
function timeOfDay(date: SqlFragment): SqlFragment {
  return sql`(${date} - floor(${date} / 86400000.0) * 86400000)`;
}

/** Seconds since 1970 of the start of the date's UTC day. */
function dayStartSeconds(date: SqlFragment): SqlFragment {
  return sql`(floor(${date} / 86400000.0) * 86400)`;
}

/**
 * Adds whole calendar months and keeps the time of day. A day missing from the target month becomes its last
 * day: SQLite's 'floor' modifier (SQLite 3.46 and later) and PostgreSQL's interval arithmetic both do that.
 */
function addMonths(date: SqlFragment, months: SqlFragment, dialect: Dialect): SqlFragment {
  if (dialect === 'sqlite') {
    return sql`(unixepoch(${dayStartSeconds(date)}, 'unixepoch', ${months} || ' months', 'floor') * 1000 + ${timeOfDay(date)})`;
  }
  const shiftedDay = sql`(to_timestamp(${dayStartSeconds(date)}) AT TIME ZONE 'UTC') + make_interval(months => ${months})`;
  return sql`CAST(extract(epoch FROM ${shiftedDay}) * 1000 + ${timeOfDay(date)} AS double precision)`;
}

function wholeNumber(value: SqlFragment, dialect: Dialect): SqlFragment {
  return dialect === 'sqlite' ? sql`CAST(${value} AS INTEGER)` : sql`CAST(trunc(${value}) AS integer)`;
}

/** DATEADD(part, amount, date). */
export function dateAddSql(part: DatePart, amount: SqlFragment, date: SqlFragment, dialect: Dialect): SqlFragment {
  const unit = unitSql[part];
  if (unit) {
    return sql`(${asDouble(date, dialect)} + ${amount} * ${unit})`;
  }

  const months = part === 'YEAR' ? sql`(${wholeNumber(amount, dialect)} * 12)` : wholeNumber(amount, dialect);
  return addMonths(asDouble(date, dialect), months, dialect);
}

/** Year times 12 plus the zero-based month of a date, in UTC. */
function monthNumber(date: SqlFragment, dialect: Dialect): SqlFragment {
  if (dialect === 'sqlite') {
    const year = sql`CAST(strftime('%Y', ${date} / 1000.0, 'unixepoch') AS INTEGER)`;
    const month = sql`CAST(strftime('%m', ${date} / 1000.0, 'unixepoch') AS INTEGER)`;
    return sql`(${year} * 12 + ${month} - 1)`;
  }
  const timestamp = sql`(to_timestamp(${date} / 1000.0) AT TIME ZONE 'UTC')`;
  return sql`(extract(year FROM ${timestamp}) * 12 + extract(month FROM ${timestamp}) - 1)`;
}

function year(date: SqlFragment, dialect: Dialect): SqlFragment {
  return dialect === 'sqlite'
    ? sql`CAST(strftime('%Y', ${date} / 1000.0, 'unixepoch') AS INTEGER)`
    : sql`extract(year FROM (to_timestamp(${date} / 1000.0) AT TIME ZONE 'UTC'))`;
}

/** DATEDIFF(part, start, end): the part boundaries between the two dates, as date-math.ts counts them. */
export function dateDifferenceSql(part: DatePart, start: SqlFragment, end: SqlFragment, dialect: Dialect): SqlFragment {
  const startValue = asDouble(start, dialect);
  const endValue = asDouble(end, dialect);

  let difference: SqlFragment;
  if (part === 'YEAR') {
    difference = sql`(${year(endValue, dialect)} - ${year(startValue, dialect)})`;
  } else if (part === 'MONTH') {
    difference = sql`(${monthNumber(endValue, dialect)} - ${monthNumber(startValue, dialect)})`;
  } else {
    const unit = unitSql[part] as SqlFragment;
    difference = sql`(floor(${endValue} / ${unit}) - floor(${startValue} / ${unit}))`;
  }

  return dialect === 'sqlite' ? difference : sql`CAST(${difference} AS double precision)`;
}
