// Decides the columns of a blob file: the names in its header row, or the manifest's attribute order for a
// file without one.

import { fieldDataType } from '../../../shared/interactions';
import { readFirstRecord, type BlobPosition } from './blob-reader';
import type { BlobFile } from './export-folder';
import type { ImportProblem } from './import-summary';

export type BlobColumns =
  | { kind: 'empty' }
  | { kind: 'columns'; columns: string[]; dataStart: BlobPosition; unknownColumns: string[] }
  | { kind: 'problem'; problem: ImportProblem };

/** A header row names the interaction id column; a first row without that name is data. */
const idColumn = 'InternalMarketingInteractionId';

export async function readBlobColumns(blob: BlobFile, maxRecordBytes: number): Promise<BlobColumns> {
  const first = await readFirstRecord(blob.path, maxRecordBytes);
  if (!first) {
    return { kind: 'empty' };
  }
  if ('problem' in first.record) {
    return {
      kind: 'problem',
      problem: {
        code: 'unreadable-header',
        interactionType: blob.entity.type,
        file: blob.name,
        message: `The header row of ${blob.name} is unreadable (${first.record.problem.message}), so the file is not imported. Repair its first line.`,
      },
    };
  }

  const header = first.record.values.map((name) => name.trim());
  if (!header.includes(idColumn)) {
    return { kind: 'columns', columns: blob.entity.columns, dataStart: { bytes: 0, lines: 0 }, unknownColumns: [] };
  }
  if (first.end.bytes === 0) {
    // Only a header so far, without its line break: there are no rows yet.
    return { kind: 'empty' };
  }
  return {
    kind: 'columns',
    columns: header,
    dataStart: first.end,
    unknownColumns: header.filter((column) => !fieldDataType(blob.entity.type, column)),
  };
}
