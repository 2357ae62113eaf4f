// Lets each benchmark file run on its own (npx tsx bench/<name>.ts) as well as from bench/run.ts.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Figure } from './figure';
import { formatFigure } from './report';
import { benchSettings, type BenchSettings } from './settings';

/** Runs `measure` and prints its figures when `moduleUrl` is the script node was started with. */
export function runAlone(moduleUrl: string, measure: (settings: BenchSettings) => Promise<Figure[]>): void {
  const entry = process.argv[1];
  if (!entry || realpathSync(entry) !== realpathSync(fileURLToPath(moduleUrl))) {
    return;
  }
  measure(benchSettings()).then(
    (figures) => {
      for (const figure of figures) {
        console.log(formatFigure(figure));
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
