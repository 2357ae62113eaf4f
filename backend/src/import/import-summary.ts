// The summary of an import of an interaction export folder: counts, each rejected row with its file and line,
// and the problems found in the folder's layout and manifest.

/** A row that was not stored. */
export interface ImportRejection {
  /** Path of the blob inside the folder, such as csv/EmailSent/part-0001. */
  file: string;
  /** Physical line number, counting from 1, of the line where the record starts. */
  line: number;
  code: string;
  field?: string;
  message: string;
}

/** A problem with the folder rather than with one row. */
export interface ImportProblem {
  code: 'unknown-type' | 'unknown-column' | 'data-type-mismatch' | 'folder-without-entity' | 'unreadable-header' | 'unreadable-file';
  interactionType?: string;
  column?: string;
  file?: string;
  message: string;
}

/** Problems whose data was not imported at all; the others only leave out a column or convert its values. */
export const blockingProblemCodes: ReadonlySet<ImportProblem['code']> = new Set(['unknown-type', 'folder-without-entity', 'unreadable-header', 'unreadable-file']);

export interface ImportSummary {
  folder: string;
  /** Blob files found under csv/ for the types the manifest declares. */
  files: number;
  /** Files left alone because nothing changed since the last import. */
  unchangedFiles: number;
  /** Rows stored by this run. */
  imported: number;
  /** Rows already stored before this run, including those of unchanged files and before a resume point. */
  skipped: number;
  rejected: number;
  /** The first rejections, in file and line order; `rejected` counts them all. */
  rejections: ImportRejection[];
  /** True when more rejections happened than `rejections` lists. */
  rejectionsTruncated: boolean;
  problems: ImportProblem[];
  millis: number;
}

/** Rejections listed in a summary; a larger number only adds to the count, so a broken file cannot flood the reply. */
export const maxListedRejections = 1000;

/** True when every row was stored or already in, and every type of the folder could be read. */
export function importSucceeded(summary: ImportSummary): boolean {
  return summary.rejected === 0 && !summary.problems.some((problem) => blockingProblemCodes.has(problem.code));
}
