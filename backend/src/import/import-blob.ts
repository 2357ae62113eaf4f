// Imports one blob file: decides where to start from what earlier runs recorded, streams its rows in batches
// through the ingest path, and records the position reached after each batch.

import type { DatabaseHandle } from '../db/connect';
import { ingestInteractions, type IngestOptions } from '../interactions/ingest';
import type { RawInteraction } from '../interactions/normalize';
import { readBlobColumns } from './blob-columns';
import { readBlobRecords, type BlobPosition } from './blob-reader';
import type { BlobFile } from './export-folder';
import { fingerprintPrefix } from './fingerprint';
import type { ImportProblem, ImportRejection } from './import-summary';
import { findImportFile, saveImportFile, type ImportFileRow } from './repository';
import { rowToInteraction } from './row-mapping';

export interface BlobImportContext {
  handle: DatabaseHandle;
  folder: string;
  recordsPerBatch: number;
  maxRecordBytes: number;
  onStored?: IngestOptions['onStored'];
  onRejection(rejection: ImportRejection): void;
  onProblem(problem: ImportProblem): void;
  /** Called after each batch with the bytes read so far and the row counts of the batch. */
  onBatch(progress: { bytesRead: number; imported: number; skipped: number; rejected: number }): void;
  now(): number;
}

export interface BlobImportResult {
  unchanged: boolean;
  imported: number;
  skipped: number;
  rejected: number;
}

/** The way to read a blob, given what the last run recorded. */
export type BlobPlan = { kind: 'unchanged'; stored: ImportFileRow } | { kind: 'resume'; stored: ImportFileRow } | { kind: 'full' };

/**
 * Decides how to read a blob. A file is unchanged when its size and fingerprint match the last finished run
 * and that run rejected nothing. One that only grew carries on after the last position. Anything else,
 * including a file with rejected rows, is read again from the start. Rows already stored then count as
 * skipped, and rejected rows are reported again until they are repaired.
 */
export async function planBlob(context: Pick<BlobImportContext, 'handle' | 'folder'>, blob: BlobFile): Promise<BlobPlan> {
  const stored = await findImportFile(context.handle, context.folder, blob.name);
  if (!stored || stored.rejected_rows > 0 || blob.size < stored.imported_bytes) {
    return { kind: 'full' };
  }
  if ((await fingerprintPrefix(blob.path, stored.imported_bytes)) !== stored.fingerprint) {
    return { kind: 'full' };
  }
  return blob.size === stored.size ? { kind: 'unchanged', stored } : { kind: 'resume', stored };
}

export async function importBlob(context: BlobImportContext, blob: BlobFile, plan: BlobPlan): Promise<BlobImportResult> {
  const result: BlobImportResult = { unchanged: plan.kind === 'unchanged', imported: 0, skipped: 0, rejected: 0 };
  if (plan.kind === 'unchanged') {
    result.skipped = plan.stored.imported_rows;
    return result;
  }

  const layout = await readBlobColumns(blob, context.maxRecordBytes);
  if (layout.kind === 'problem') {
    context.onProblem(layout.problem);
    return result;
  }

  const progress: ImportFileRow = {
    folder: context.folder,
    path: blob.name,
    size: 0,
    imported_bytes: 0,
    imported_lines: 0,
    imported_rows: 0,
    rejected_rows: 0,
    fingerprint: '',
    updated_at: context.now(),
  };
  const save = async (position: BlobPosition, size: number) => {
    progress.imported_bytes = position.bytes;
    progress.imported_lines = position.lines;
    progress.fingerprint = await fingerprintPrefix(blob.path, position.bytes);
    progress.size = size;
    progress.updated_at = context.now();
    await saveImportFile(context.handle, progress);
  };

  if (layout.kind === 'empty') {
    await save({ bytes: 0, lines: 0 }, blob.size);
    return result;
  }
  // Columns the manifest declares were reported with the manifest already.
  for (const column of layout.unknownColumns.filter((name) => !blob.entity.columns.includes(name))) {
    context.onProblem({
      code: 'unknown-column',
      interactionType: blob.entity.type,
      column,
      file: blob.name,
      message: `The column "${column}" of ${blob.name} is not a field of ${blob.entity.type}; its values are not imported.`,
    });
  }

  let from = layout.dataStart;
  if (plan.kind === 'resume') {
    from = { bytes: plan.stored.imported_bytes, lines: plan.stored.imported_lines };
    progress.imported_rows = plan.stored.imported_rows;
    result.skipped = plan.stored.imported_rows;
  }
  progress.imported_bytes = from.bytes;
  progress.imported_lines = from.lines;

  let bytesRead = from.bytes;
  for await (const batch of readBlobRecords(blob.path, { from, recordsPerBatch: context.recordsPerBatch, maxRecordBytes: context.maxRecordBytes })) {
    const rejections: ImportRejection[] = [];
    const interactions: RawInteraction[] = [];
    const lines: number[] = [];
    for (const record of batch.records) {
      const mapped = 'problem' in record ? record : rowToInteraction(blob.entity.type, layout.columns, record.values, record.line);
      if ('problem' in mapped) {
        rejections.push({ file: blob.name, line: record.line, ...mapped.problem });
      } else {
        interactions.push(mapped.interaction);
        lines.push(record.line);
      }
    }

    const ingested = await ingestInteractions(context.handle, interactions, { onStored: context.onStored });
    for (const outcome of ingested.outcomes) {
      if (outcome.status === 'rejected') {
        const { line: index, status: _status, ...problem } = outcome;
        rejections.push({ file: blob.name, line: lines[index - 1], ...problem });
      }
    }
    rejections.sort((a, b) => a.line - b.line).forEach((rejection) => context.onRejection(rejection));

    const batchResult = { imported: ingested.stored, skipped: ingested.duplicates, rejected: rejections.length };
    result.imported += batchResult.imported;
    result.skipped += batchResult.skipped;
    result.rejected += batchResult.rejected;
    progress.imported_rows += batchResult.imported + batchResult.skipped;
    progress.rejected_rows += batchResult.rejected;
    bytesRead = batch.bytesRead;
    await save(batch.resumeAt, 0);
    context.onBatch({ bytesRead, ...batchResult });
  }

  // The size read to the end marks the file finished, so the next run can tell whether it changed.
  await save({ bytes: progress.imported_bytes, lines: progress.imported_lines }, bytesRead);
  return result;
}
