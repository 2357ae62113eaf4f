// The method of each benchmark group, printed under its table in docs/benchmarks.md.

export const methodNotes: Record<string, string> = {
  'Extension bundle sizes':
    'Measured on dist/ after `vite build`. An entry counts every file it loads: the files the manifest names, the chunks they import (static imports, import() and chrome.runtime.getURL paths of loaders) and, for pages, their scripts and styles. gzip is zlib level 9, as `gzip -9`.',
  'Ingest throughput':
    'The same synthetic interactions (random version 4 ids, many journeys of Zipf-distributed sizes) go through ingestInteractions in batches, one transaction per batch as the NDJSON endpoint and the importer use it, into an empty migrated database. The floor writes the same rows the most direct way into another empty migrated database: one prepared INSERT in one transaction with better-sqlite3 (WAL, synchronous=FULL as the backend), COPY FROM STDIN on PostgreSQL. The storage-alone rows time storeInteractions on the already normalized rows in the same batches. Best of three runs per side.',
  'Go-live evaluation':
    'Every member of a generated segment of the busiest email tile of the largest journey, computed by the compiled membership statement that going live runs. The floor is a hand-written SELECT DISTINCT contact_id with the same predicates (interaction_type = one value, or an IN list or = ANY of the eleven types for Blocked). Both run through the same connection and driver, alternating, median of the timed runs. Data: synthetic interactions over 500 journeys whose sizes follow Zipf\'s law, so one tile\'s result is a small part of the table. SQLite data sets are cached under .tmp/bench; PostgreSQL ones are loaded with COPY into a schema of their own, then vacuumed and analyzed.',
  Freshness:
    'Measured by bench/freshness.ts when it exists: interactions are ingested at a steady rate while live segments are maintained, and each interaction is timed from its commit until its contact is visible as a member.',
  'Capture round trip':
    'Chromium with the built extension on the demo designer, backend on a temporary SQLite file with 1,500 demo contacts per journey. Timed inside the page, from the click on Save and Close (capturing listener) to the insertion of the toast (MutationObserver), which reads "Changes saved". The floor is the same capture as a bare HTTP POST from Node to the same backend.',
  'Content script on a busy page':
    'bench/fixtures/busy-designer.html, served on 127.0.0.1, has the demo designer\'s structure and changes its DOM 1,000 times a second. It changes count texts, attributes the extension does not observe and an activity feed, and every 50th change rebuilds a result row, which takes away the extension\'s button. Repeating timers are clamped to about 4 ms, so each timer task applies the changes due since the last one; a task is one mutation batch. Time per batch comes from a V8 CPU profile (100 µs sampling) of the page: samples with a chrome-extension:// frame on the stack. Script time and long tasks compare a run with the extension against a run of the same page in a browser without it.',
};
