// Reads the timestamp form that exports and NDJSON bodies almost always carry: "YYYY-MM-DDTHH:MM:SSZ" with an
// optional fraction of 1 to 9 digits. The ingest parses one timestamp per interaction, so this reads the
// characters directly instead of running regular expressions and Date.parse.

const zeroCode = 48;
const dashCode = 45;
const colonCode = 58;
const dotCode = 46;
const tCode = 84;
const zCode = 90;

/** Length of "YYYY-MM-DDTHH:MM:SSZ". A fraction adds a dot and 1 to 9 digits before the Z. */
const lengthWithoutFraction = 20;
const maxLength = lengthWithoutFraction + 1 + 9;

/** Returns the value of the two digits at `index`, or -1 when either is not a digit. */
function twoDigits(text: string, index: number): number {
  const tens = text.charCodeAt(index) - zeroCode;
  const ones = text.charCodeAt(index + 1) - zeroCode;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
    return -1;
  }
  return tens * 10 + ones;
}

/** Returns the number of days of a month (1 to 12) in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  return 30 + ((month + (month >> 3)) & 1);
}

/**
 * Returns epoch milliseconds for a UTC timestamp in the common form, or undefined when the text is in any other
 * form or has a field out of its usual range. Undefined means "not read here", not "invalid": the caller then
 * reads the text with the full parser, which decides about offsets, lower case, 24:00 and days past the end of
 * the month. Digits of the fraction after the milliseconds are checked and dropped, as Date.parse drops them.
 */
export function parseCommonUtcTimestamp(text: string): number | undefined {
  const length = text.length;
  if (length !== lengthWithoutFraction && (length < lengthWithoutFraction + 2 || length > maxLength)) {
    return undefined;
  }
  if (
    text.charCodeAt(4) !== dashCode ||
    text.charCodeAt(7) !== dashCode ||
    text.charCodeAt(10) !== tCode ||
    text.charCodeAt(13) !== colonCode ||
    text.charCodeAt(16) !== colonCode ||
    text.charCodeAt(length - 1) !== zCode
  ) {
    return undefined;
  }

  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  // Date.UTC reads years 0 to 99 as 1900 to 1999, so those years go to the full parser.
  if (century < 1 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  const year = century * 100 + yearOfCentury;
  if (day > daysInMonth(year, month)) {
    return undefined;
  }

  let millisecond = 0;
  if (length > lengthWithoutFraction) {
    if (text.charCodeAt(19) !== dotCode) {
      return undefined;
    }
    for (let index = 20; index < length - 1; index++) {
      const digit = text.charCodeAt(index) - zeroCode;
      if (digit < 0 || digit > 9) {
        return undefined;
      }
      if (index < 23) {
        millisecond = millisecond * 10 + digit;
      }
    }
    // A fraction of one or two digits is tenths or hundredths of a second.
    for (let digits = Math.min(length - 21, 3); digits < 3; digits++) {
      millisecond *= 10;
    }
  }

  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}
