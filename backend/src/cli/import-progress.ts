// Shows the progress of an import: a progress bar on a terminal, plain lines at each tenth otherwise (CI logs,
// files), both on stderr so stdout carries only the summary.

import cliProgress from 'cli-progress';

import type { ImportProgress } from '../import/import-folder';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

const integer = new Intl.NumberFormat('en-US');

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KiB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

const rowCounts = (progress: ImportProgress) =>
  `${integer.format(progress.imported)} imported, ${integer.format(progress.skipped)} skipped, ${integer.format(progress.rejected)} rejected`;

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {done} of {all} | {rows} | {file}', stream, hideCursor: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      const payload = { done: formatBytes(progress.bytesDone), all: formatBytes(progress.bytesTotal), rows: rowCounts(progress), file: progress.file };
      if (!started) {
        bar.start(Math.max(progress.bytesTotal, 1), progress.bytesDone, payload);
        started = true;
      } else {
        bar.update(progress.bytesDone, payload);
      }
    },
    stop() {
      if (started) {
        bar.stop();
      }
    },
  };
}

function lineReporter(stream: NodeJS.WritableStream): ProgressReporter {
  let lastTenth = -1;
  let last: ImportProgress | undefined;
  const write = (progress: ImportProgress, tenth: number) => {
    lastTenth = tenth;
    stream.write(`${tenth * 10}% (${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}): ${rowCounts(progress)}\n`);
  };
  return {
    update(progress) {
      last = progress;
      const tenth = progress.bytesTotal > 0 ? Math.floor((progress.bytesDone / progress.bytesTotal) * 10) : 10;
      if (tenth > lastTenth) {
        write(progress, tenth);
      }
    },
    stop() {
      if (last && lastTenth < 10) {
        write({ ...last, bytesDone: last.bytesTotal }, 10);
      }
    },
  };
}

/** Creates a progress bar when `stream` is a terminal, else a reporter that writes a line at 0%, 10%, ... 100%. */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}
