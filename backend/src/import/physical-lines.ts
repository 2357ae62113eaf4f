// Splits a file into physical lines, keeping each line's byte length, so import positions are exact byte
// offsets and line numbers whatever the encoding of the text.

import { createReadStream } from 'node:fs';

export interface PhysicalLine {
  /** The line's text without its line break; a trailing carriage return is removed too. */
  text: string;
  /** Bytes the line takes in the file, line break included. */
  byteLength: number;
  /** False only for a last line that does not end with a line break. */
  terminated: boolean;
  /** Number of double quote characters in the line. */
  quotes: number;
}

const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const doubleQuote = 0x22;

function countQuotes(buffer: Buffer, start: number, end: number): number {
  let count = 0;
  for (let index = buffer.indexOf(doubleQuote, start); index !== -1 && index < end; index = buffer.indexOf(doubleQuote, index + 1)) {
    count += 1;
  }
  return count;
}

function toLine(buffer: Buffer, start: number, end: number, terminated: boolean): PhysicalLine {
  const textEnd = end > start && buffer[end - 1] === carriageReturn ? end - 1 : end;
  return {
    text: buffer.toString('utf8', start, textEnd),
    byteLength: end - start + (terminated ? 1 : 0),
    terminated,
    quotes: countQuotes(buffer, start, textEnd),
  };
}

const byteOrderMark = '\uFEFF';

/**
 * Reads the physical lines of `path` from byte `start` on, dropping a UTF-8 byte order mark at the start of
 * the file from the first line's text. A line feed byte never occurs inside a multi-byte
 * UTF-8 character, so splitting the bytes on it and decoding each line on its own is exact.
 */
export async function* readPhysicalLines(path: string, start = 0): AsyncGenerator<PhysicalLine> {
  // Chunks without a line feed wait here and are joined once, so a very long line costs linear time.
  let pending: Buffer[] = [];
  let first = start === 0;
  const take = (line: PhysicalLine): PhysicalLine => {
    if (first && line.text.startsWith(byteOrderMark)) {
      line.text = line.text.slice(1);
    }
    first = false;
    return line;
  };

  for await (const chunk of createReadStream(path, { start, highWaterMark: 1024 * 1024 })) {
    const data = chunk as Buffer;
    if (data.indexOf(lineFeed) === -1) {
      pending.push(data);
      continue;
    }

    const buffer = pending.length > 0 ? Buffer.concat([...pending, data]) : data;
    pending = [];
    let lineStart = 0;
    for (let lineEnd = buffer.indexOf(lineFeed); lineEnd !== -1; lineEnd = buffer.indexOf(lineFeed, lineStart)) {
      yield take(toLine(buffer, lineStart, lineEnd, true));
      lineStart = lineEnd + 1;
    }
    if (lineStart < buffer.length) {
      pending.push(buffer.subarray(lineStart));
    }
  }

  if (pending.length > 0) {
    const last = Buffer.concat(pending);
    yield take(toLine(last, 0, last.length, false));
  }
}
