// Parses framed records into their values with csv-parse. Records are parsed many at a time. When a group
// fails, each record is parsed alone, so one malformed record is reported without losing its neighbours.

import { parse, CsvError } from 'csv-parse/sync';

import type { RecordCandidate } from './record-framer';

export interface CsvProblem {
  code: 'invalid-csv';
  message: string;
}

export type ParsedRecord = { line: number; values: string[] } | { line: number; problem: CsvProblem };

const parseOptions = { relax_column_count: true, record_delimiter: '\n' } as const;

// Line breaks inside a value come back as \n, whatever the file used.
const textOf = (candidate: RecordCandidate) => candidate.lines.map((line) => line.text).join('\n');

export const isBlank = (candidate: RecordCandidate) => candidate.lines.length === 1 && candidate.lines[0].text.trim() === '';

function describeError(error: unknown, candidate: RecordCandidate): string {
  if (!candidate.closed || (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')) {
    return 'a quoted value is never closed';
  }
  if (candidate.lines.length > 1) {
    return 'a quote on this line is not closed or not doubled, so the record runs into the lines after it';
  }
  if (error instanceof CsvError && error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return 'a quote inside a value is not doubled';
  }
  if (error instanceof CsvError && error.code === 'INVALID_OPENING_QUOTE') {
    return 'a quote appears inside a value that is not quoted';
  }
  return error instanceof Error ? error.message : String(error);
}

/** Parses one record; undefined for a blank line. */
export function parseRecord(candidate: RecordCandidate): ParsedRecord | undefined {
  if (isBlank(candidate)) {
    return undefined;
  }

  try {
    const records = candidate.closed ? parse(textOf(candidate), parseOptions) : undefined;
    if (records?.length === 1) {
      return { line: candidate.line, values: records[0] };
    }
    throw new Error(`the line contains ${records?.length ?? 0} records`);
  } catch (error) {
    return {
      line: candidate.line,
      problem: {
        code: 'invalid-csv',
        message: `Line ${candidate.line} is not valid CSV: ${describeError(error, candidate)}. Quote every value and double each quote inside a value.`,
      },
    };
  }
}

/** Parses `candidates` in order, leaving out blank lines. */
export function parseRecords(candidates: readonly RecordCandidate[]): ParsedRecord[] {
  const present = candidates.filter((candidate) => !isBlank(candidate));
  if (present.length > 0 && present.every((candidate) => candidate.closed)) {
    try {
      const records = parse(present.map(textOf).join('\n'), parseOptions);
      if (records.length === present.length) {
        return present.map((candidate, index) => ({ line: candidate.line, values: records[index] }));
      }
    } catch {
      // One of them is malformed; parsing each alone finds which.
    }
  }
  return present.map((candidate) => parseRecord(candidate)!);
}
