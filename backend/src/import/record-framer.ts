// Groups physical lines into CSV records. Every value of the export is quoted and quotes inside values are
// doubled, so a line break ends a record exactly when the quotes seen since the record began are even.

import type { PhysicalLine } from './physical-lines';

/** The lines of one record, before its values are parsed. */
export interface RecordCandidate {
  /** Physical line number of the record's first line, counting from 1. */
  line: number;
  lines: PhysicalLine[];
  /** False when the file or the size limit ended the record while a quoted value was still open. */
  closed: boolean;
}

export class RecordFramer {
  private lines: PhysicalLine[] = [];
  private quotes = 0;
  private bytes = 0;
  private firstLine: number;

  /**
   * @param nextLine the physical line number of the first line pushed
   * @param maxRecordBytes a record still open after this many bytes is cut there, so an unclosed quote
   *   cannot swallow the rest of a large file
   */
  constructor(
    private nextLine: number,
    private readonly maxRecordBytes: number,
  ) {
    this.firstLine = nextLine;
  }

  /** Adds the next physical line and returns the record it completes, if any. */
  push(line: PhysicalLine): RecordCandidate | undefined {
    if (this.lines.length === 0) {
      this.firstLine = this.nextLine;
    }
    this.lines.push(line);
    this.quotes += line.quotes;
    this.bytes += line.byteLength;
    this.nextLine += 1;

    if (this.quotes % 2 === 0) {
      return this.take(true);
    }
    return this.bytes > this.maxRecordBytes ? this.take(false) : undefined;
  }

  /** Makes `line` the number of the next line pushed; only valid while no record is open. */
  restartAt(line: number): void {
    this.nextLine = line;
  }

  /** Ends the input and returns the record still open, if any. */
  end(): RecordCandidate | undefined {
    return this.lines.length > 0 ? this.take(false) : undefined;
  }

  private take(closed: boolean): RecordCandidate {
    const candidate = { line: this.firstLine, lines: this.lines, closed };
    this.lines = [];
    this.quotes = 0;
    this.bytes = 0;
    return candidate;
  }
}
