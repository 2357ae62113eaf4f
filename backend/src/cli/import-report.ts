// Writes the summary of an import as text for a person reading a terminal or a log.

import { blockingProblemCodes, importSucceeded, type ImportSummary } from '../import/import-summary';

const integer = new Intl.NumberFormat('en-US');
const rows = (count: number) => `${integer.format(count)} ${count === 1 ? 'row' : 'rows'}`;

/** Rejections printed in full; the rest are counted, and --json lists up to the summary's limit. */
const printedRejections = 50;

export function formatImportSummary(summary: ImportSummary, databaseLocation: string): string {
  const lines = [
    `Imported ${summary.folder} into ${databaseLocation} in ${(summary.millis / 1000).toFixed(1)} s.`,
    `  files:    ${integer.format(summary.files)} (${integer.format(summary.unchangedFiles)} unchanged since the last import)`,
    `  imported: ${rows(summary.imported)}`,
    `  skipped:  ${rows(summary.skipped)} already in`,
    `  rejected: ${rows(summary.rejected)}`,
  ];

  if (summary.problems.length > 0) {
    lines.push('', 'Problems with the folder:');
    for (const problem of summary.problems) {
      lines.push(`  ${blockingProblemCodes.has(problem.code) ? 'error' : 'warning'}: ${problem.message}`);
    }
  }

  if (summary.rejected > 0) {
    lines.push('', 'Rejected rows:');
    for (const rejection of summary.rejections.slice(0, printedRejections)) {
      lines.push(`  ${rejection.file}:${rejection.line}: ${rejection.message}`);
    }
    if (summary.rejected > printedRejections) {
      lines.push(`  ... and ${integer.format(summary.rejected - printedRejections)} more; --json lists up to ${integer.format(summary.rejections.length)}.`);
    }
  }

  lines.push('', importSucceeded(summary) ? 'Every row is in the database.' : 'Some rows are not in the database: repair them and run the import again.');
  return `${lines.join('\n')}\n`;
}
