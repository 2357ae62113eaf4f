// Reads the records of one blob file in batches, with the exact position after each batch, so an import can
// record how far it got and a later run can carry on from there.

import { parseRecord, parseRecords, type ParsedRecord } from './csv-records';
import { readPhysicalLines, type PhysicalLine } from './physical-lines';
import { RecordFramer, type RecordCandidate } from './record-framer';

export interface BlobPosition {
  /** Byte offset from the start of the file. */
  bytes: number;
  /** Physical lines before `bytes`. */
  lines: number;
}

export interface BlobBatch {
  records: ParsedRecord[];
  /** The resume position of a later run: after the batch's last record that ends with a line break. */
  resumeAt: BlobPosition;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

export interface BlobReadOptions {
  from: BlobPosition;
  recordsPerBatch: number;
  maxRecordBytes: number;
}

/** Lines that make up one or more records of a batch: a one-line record still to parse, or records parsed already. */
type BatchEntry = { lines: PhysicalLine[] } & ({ pending: RecordCandidate } | { records: ParsedRecord[] });

/**
 * Reads records from `options.from` to the end of the file.
 *
 * One-line records are parsed together when the batch is full. A record of several lines is parsed at once.
 * When it fails, it most likely began with an unclosed quote that swallowed the lines after it. Its first line
 * is then reported, and the lines after it are framed again together with the lines that follow in the file.
 */
export async function* readBlobRecords(path: string, options: BlobReadOptions): AsyncGenerator<BlobBatch> {
  const framer = new RecordFramer(options.from.lines + 1, options.maxRecordBytes);
  let position = { ...options.from };
  let resumeAt = { ...options.from };
  let entries: BatchEntry[] = [];

  /** Adds a framed record to the batch and returns the lines to frame again, if it failed. */
  const accept = (candidate: RecordCandidate): PhysicalLine[] => {
    if (candidate.closed && candidate.lines.length === 1) {
      entries.push({ lines: candidate.lines, pending: candidate });
      return [];
    }
    const record = parseRecord(candidate)!;
    if ('values' in record || candidate.lines.length === 1) {
      entries.push({ lines: candidate.lines, records: [record] });
      return [];
    }
    entries.push({ lines: candidate.lines.slice(0, 1), records: [record] });
    framer.restartAt(candidate.line + 1);
    return candidate.lines.slice(1);
  };

  const feed = (line: PhysicalLine) => {
    let queue = [line];
    while (queue.length > 0) {
      const candidate = framer.push(queue.shift()!);
      if (candidate) {
        const again = accept(candidate);
        queue = again.length > 0 ? [...again, ...queue] : queue;
      }
    }
  };

  const flush = (): BlobBatch => {
    const pending = parseRecords(entries.flatMap((entry) => ('pending' in entry ? [entry.pending] : [])));
    const parsedByLine = new Map(pending.map((record) => [record.line, record]));
    const records: ParsedRecord[] = [];
    for (const entry of entries) {
      if ('pending' in entry) {
        const record = parsedByLine.get(entry.pending.line);
        if (record) {
          records.push(record);
        }
      } else {
        records.push(...entry.records);
      }
      for (const line of entry.lines) {
        position = { bytes: position.bytes + line.byteLength, lines: position.lines + 1 };
      }
      // Only the last line of a file can lack its line break; that record is read again once the line is complete.
      if (entry.lines.at(-1)!.terminated) {
        resumeAt = { ...position };
      }
    }
    entries = [];
    return { records, resumeAt, bytesRead: position.bytes };
  };

  for await (const line of readPhysicalLines(path, options.from.bytes)) {
    feed(line);
    if (entries.length >= options.recordsPerBatch) {
      yield flush();
    }
  }

  for (let rest = framer.end(); rest; rest = framer.end()) {
    accept(rest).forEach(feed);
  }
  if (entries.length > 0) {
    yield flush();
  }
}

/**
 * Reads the first record of a file, normally the header row, and the position after it; undefined for an empty
 * file. The position stays at the start when the record's line has no line break yet.
 */
export async function readFirstRecord(path: string, maxRecordBytes: number): Promise<{ record: ParsedRecord; end: BlobPosition } | undefined> {
  for await (const batch of readBlobRecords(path, { from: { bytes: 0, lines: 0 }, recordsPerBatch: 1, maxRecordBytes })) {
    if (batch.records.length > 0) {
      return { record: batch.records[0], end: batch.resumeAt };
    }
  }
  return undefined;
}
