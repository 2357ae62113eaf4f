// Imports an interaction export folder (model.json plus csv/<InteractionType>/<blob> files) through the ingest
// path. Re-running it stores nothing twice: unchanged files are skipped, grown files are read from where the
// last run stopped, and every other row already stored counts as skipped by its interaction id.

import type { DatabaseHandle } from '../db/connect';
import type { IngestOptions } from '../interactions/ingest';
import { openExportFolder } from './export-folder';
import { importBlob, planBlob, type BlobPlan } from './import-blob';
import { maxListedRejections, type ImportSummary } from './import-summary';

export interface ImportProgress {
  /** The file being read, as a path inside the folder. */
  file: string;
  /** Bytes read of all files that need reading, and their total. */
  bytesDone: number;
  bytesTotal: number;
  imported: number;
  skipped: number;
  rejected: number;
}

export interface ImportOptions {
  /** Rows stored per ingest batch. */
  recordsPerBatch?: number;
  /** A record whose quotes are still open after this many bytes is reported as malformed. */
  maxRecordBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  onStored?: IngestOptions['onStored'];
}

/**
 * Imports `folder`. Throws ImportFolderError when the folder or its model.json is missing or unreadable.
 * Everything else (unknown types or columns, malformed rows) is reported in the summary.
 */
export async function importExportFolder(handle: DatabaseHandle, folder: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const exportFolder = await openExportFolder(folder);
  const summary: ImportSummary = {
    folder: exportFolder.path,
    files: exportFolder.blobs.length,
    unchangedFiles: 0,
    imported: 0,
    skipped: 0,
    rejected: 0,
    rejections: [],
    rejectionsTruncated: false,
    problems: [...exportFolder.manifest.problems, ...exportFolder.problems],
    millis: 0,
  };

  const plans: BlobPlan[] = [];
  for (const blob of exportFolder.blobs) {
    plans.push(await planBlob({ handle, folder: exportFolder.path }, blob));
  }
  const startOf = (plan: BlobPlan) => (plan.kind === 'resume' ? plan.stored.imported_bytes : 0);
  const bytesTotal = exportFolder.blobs.reduce((total, blob, index) => total + (plans[index].kind === 'unchanged' ? 0 : blob.size - startOf(plans[index])), 0);
  let bytesBefore = 0;

  for (const [index, blob] of exportFolder.blobs.entries()) {
    const plan = plans[index];
    const inFile = { imported: 0, skipped: 0 };
    const report = (bytesRead: number) =>
      options.onProgress?.({
        file: blob.name,
        bytesDone: Math.min(bytesTotal, bytesBefore + bytesRead - startOf(plan)),
        bytesTotal,
        imported: summary.imported + inFile.imported,
        skipped: summary.skipped + inFile.skipped,
        rejected: summary.rejected,
      });
    report(startOf(plan));

    const result = await importBlob(
      {
        handle,
        folder: exportFolder.path,
        recordsPerBatch: options.recordsPerBatch ?? 2000,
        maxRecordBytes: options.maxRecordBytes ?? 1024 * 1024,
        onStored: options.onStored,
        onRejection: (rejection) => {
          summary.rejected += 1;
          if (summary.rejections.length < maxListedRejections) {
            summary.rejections.push(rejection);
          } else {
            summary.rejectionsTruncated = true;
          }
        },
        onProblem: (problem) => summary.problems.push(problem),
        onBatch: (batch) => {
          inFile.imported += batch.imported;
          inFile.skipped += batch.skipped;
          report(batch.bytesRead);
        },
        now: Date.now,
      },
      blob,
      plan,
    );

    summary.imported += result.imported;
    summary.skipped += result.skipped;
    summary.unchangedFiles += result.unchanged ? 1 : 0;
    if (plan.kind !== 'unchanged') {
      bytesBefore += blob.size - startOf(plan);
    }
  }

  summary.millis = Date.now() - started;
  return summary;
}
