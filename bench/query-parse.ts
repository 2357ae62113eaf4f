// Measures parse plus validate time of a segment query of about 10 KB: a UNION of INTERACTION blocks with
// filters and HAVING windows, as generated logic and hand-edited logic look. Prints one JSON line
// {name, medianMs, runs, bytes}. Target: median under 5 ms.
//
// Run: npx tsx bench/query-parse.ts

import { performance } from 'node:perf_hooks';

import { fieldDataType, interactionTypes } from '../shared/interactions';
import { analyzeQuery } from '../shared/query/analyze';
import type { ValidationContext } from '../shared/query/validator';

const targetBytes = 10 * 1024;
const warmupRuns = 200;
const measuredRuns = 2000;

/** Interaction types that belong to a journey, so that the filter on CustomerJourneyId is valid. */
const journeyTypes = interactionTypes.filter((type) => fieldDataType(type, 'CustomerJourneyId') !== undefined);

function buildQuery(): string {
  const blocks: string[] = ["PROFILE(contact, c).FILTER(c.address1_city == 'Berlin' && ISNOTNULL(c.emailaddress1))"];
  let bytes = blocks[0].length;

  for (let index = 0; bytes < targetBytes; index++) {
    const type = journeyTypes[index % journeyTypes.length];
    const journeyId = `7d0c2e6a-1b7f-4f5e-9a57-${String(index).padStart(12, '0')}`;
    const block = [
      `INTERACTION(${type}, ${type}_Contact)`,
      `  .FILTER(CustomerJourneyId == '${journeyId}' && Version > ${index % 3} || InteractionType != 'x')`,
      `  .HAVING(COUNT() > ${index % 4}, UTCDAYS(${30 + index}))`,
    ].join('\n');
    blocks.push(block);
    bytes += block.length + '\nUNION\n'.length;
  }

  blocks.push('SEGMENT(LaunchClickers)');
  return blocks.join('\nUNION\n');
}

const context: ValidationContext = {
  segmentName: 'Bench',
  segmentExists: (name) => name === 'LaunchClickers',
  segmentLogic: () => null,
};

const query = buildQuery();

const check = analyzeQuery(query, context);
if (check.errors.length > 0) {
  throw new Error(`The bench query is invalid: ${JSON.stringify(check.errors.slice(0, 3))}`);
}

for (let run = 0; run < warmupRuns; run++) {
  analyzeQuery(query, context);
}

const durations: number[] = [];
for (let run = 0; run < measuredRuns; run++) {
  const start = performance.now();
  analyzeQuery(query, context);
  durations.push(performance.now() - start);
}
durations.sort((a, b) => a - b);
const medianMs = durations[Math.floor(durations.length / 2)];

console.log(
  JSON.stringify({
    name: 'query-parse',
    medianMs: Number(medianMs.toFixed(4)),
    runs: measuredRuns,
    bytes: Buffer.byteLength(query, 'utf8'),
  }),
);
