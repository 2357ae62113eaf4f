// npm run bench: runs every benchmark, prints each figure, and writes docs/benchmarks.md (or BENCH_OUTPUT).
//
// Environment: BENCH_QUICK=1 for a smoke run on small sizes; BENCH_ONLY=ingest,go-live,... to run some
// groups; BENCH_OUTPUT=path to write the page elsewhere; BENCH_POSTGRES_URL (else TEST_POSTGRES_URL, else
// postgres://postgres@127.0.0.1:5432/test) for the PostgreSQL server; BENCH_CACHE for the data set cache
// folder (.tmp/bench); BENCH_BUILD=0 to measure the dist/ folder as it is instead of building it first, so a
// test can run this beside e2e tests that load dist/. A group that fails is reported as not measured, and the run exits with status 1.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { measureBundleSizes } from './bundle-sizes';
import { measureCaptureRoundTrip } from './capture-round-trip';
import { measureContentScriptCost } from './content-script-cost';
import { notMeasured, type Figure } from './figure';
import { measureFreshness } from './freshness-figures';
import { describeCacheFolder } from './go-live-data';
import { measureGoLive } from './go-live';
import { measureIngestThroughput } from './ingest-throughput';
import { describeMachine } from './machine';
import { methodNotes } from './method-notes';
import { measureQueryParse } from './query-parse-figures';
import { formatFigure, renderReport } from './report';
import { benchSettings, type BenchSettings } from './settings';

interface BenchGroup {
  id: string;
  title: string;
  measure(settings: BenchSettings): Promise<Figure[]>;
}

// Bundle sizes run first because they build the extension that the browser benchmarks load.
const groups: BenchGroup[] = [
  { id: 'bundle', title: 'Extension bundle sizes', measure: (settings) => measureBundleSizes(settings, process.env.BENCH_BUILD !== '0') },
  { id: 'ingest', title: 'Ingest throughput', measure: measureIngestThroughput },
  { id: 'query', title: 'Query language', measure: measureQueryParse },
  { id: 'go-live', title: 'Go-live evaluation', measure: measureGoLive },
  { id: 'freshness', title: 'Freshness', measure: measureFreshness },
  { id: 'capture', title: 'Capture round trip', measure: measureCaptureRoundTrip },
  { id: 'content-script', title: 'Content script on a busy page', measure: measureContentScriptCost },
];

/** The hand-written part of the page starts at this line; a run keeps it and everything after it. */
const analysisMarker = '<!-- Everything below this line is written by hand and kept by bench/run.ts. -->';

function keptAnalysis(output: string): string {
  if (!existsSync(output)) {
    return '';
  }
  const text = readFileSync(output, 'utf8');
  const start = text.indexOf(analysisMarker);
  return start === -1 ? '' : text.slice(start);
}

async function runBenchmarks(environment: NodeJS.ProcessEnv = process.env): Promise<{ figures: Figure[]; failed: string[]; output: string }> {
  const settings = benchSettings(environment);
  const only = environment.BENCH_ONLY?.split(',').map((id) => id.trim());
  const output = resolve(environment.BENCH_OUTPUT ?? 'docs/benchmarks.md');
  const startedAt = new Date();
  describeCacheFolder(settings.cacheFolder);

  const figures: Figure[] = [];
  const failed: string[] = [];
  for (const group of groups) {
    if (only && !only.includes(group.id)) {
      continue;
    }
    console.error(`[bench] ${group.title} ...`);
    const started = Date.now();
    try {
      const measured = await group.measure(settings);
      for (const figure of measured) {
        console.log(formatFigure(figure));
      }
      figures.push(...measured);
    } catch (error) {
      failed.push(group.id);
      console.error(`[bench] ${group.title} failed:`, error);
      figures.push(notMeasured(group.title, 'all figures', '-', `the benchmark failed: ${(error as Error).message.split('\n')[0]}`));
    }
    console.error(`[bench] ${group.title} took ${Math.round((Date.now() - started) / 1000)} s`);
  }

  const machine = await describeMachine(settings.postgresUrl);
  const report = renderReport(figures, {
    machine,
    startedAt,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    quick: settings.quick,
    notes: methodNotes,
  });
  const analysis = keptAnalysis(output);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, analysis ? `${report}\n${analysis}` : report);
  console.error(`[bench] wrote ${output}`);
  return { figures, failed, output };
}

const { failed } = await runBenchmarks();
if (failed.length > 0) {
  console.error(`[bench] failed groups: ${failed.join(', ')}`);
  process.exitCode = 1;
}
