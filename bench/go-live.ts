// Go-live evaluation: the time to compute every member of a generated segment, as going live does with the
// compiled membership statement run through the backend's query path. The floor is a hand-written SELECT
// DISTINCT contact_id with the same predicates, run the same way. Measured for a single-type result
// (Unique clicks of an email tile) and a multi-type UNION (Blocked: eleven interaction types) on the busiest
// email tile of the largest journey. Target: within 1.25x the floor, and under 1 s at 10M interactions on
// SQLite.
//
// Run alone: npx tsx bench/go-live.ts (BENCH_QUICK=1 for small sizes)

import { blockedInteractionTypes, buildResultLogic, resultsOfTile, type StaticResultId } from '../shared/catalog';
import type { SegmentExpression } from '../shared/query/ast';
import type { DatabaseHandle } from '../backend/src/db/connect';
import { compileMembership } from '../backend/src/query/compile-membership';
import { runStatement } from '../backend/src/query/run-statement';
import type { CompiledSql } from '../backend/src/query/sql-fragment';
import { ratioTarget, valueTarget, type Figure, type Target } from './figure';
import { postgresGoLiveData, sqliteGoLiveData, type GoLiveData } from './go-live-data';
import { runAlone } from './run-alone';
import { benchSettings, type BenchSettings } from './settings';
import { median, timeAlternating } from './statistics';

const group = 'Go-live evaluation';
const withinFloor = ratioTarget(1.25, 'lower');

interface GoLiveCase {
  resultId: StaticResultId;
  label: string;
  types: readonly string[];
}

const cases: GoLiveCase[] = [
  { resultId: 'uniqueClicks', label: 'Unique clicks', types: ['EmailClicked'] },
  { resultId: 'blocked', label: 'Blocked (11-type UNION)', types: blockedInteractionTypes },
];

/** Builds the hand-written query for the same members: one indexed scan over the result's types at the tile. */
function floorStatement(handle: DatabaseHandle, types: readonly string[], journeyId: string, activityId: string): CompiledSql {
  if (types.length === 1) {
    const placeholders = handle.dialect === 'sqlite' ? ['?', '?', '?'] : ['$1', '$2', '$3'];
    return {
      sql: `SELECT DISTINCT contact_id FROM interaction WHERE interaction_type = ${placeholders[0]} AND customer_journey_id = ${placeholders[1]} AND activity_id = ${placeholders[2]} AND contact_id IS NOT NULL`,
      parameters: [types[0], journeyId, activityId],
    };
  }
  if (handle.dialect === 'sqlite') {
    return {
      sql: `SELECT DISTINCT contact_id FROM interaction WHERE interaction_type IN (${types.map(() => '?').join(', ')}) AND customer_journey_id = ? AND activity_id = ? AND contact_id IS NOT NULL`,
      parameters: [...types, journeyId, activityId],
    };
  }
  return {
    sql: 'SELECT DISTINCT contact_id FROM interaction WHERE interaction_type = ANY($1::text[]) AND customer_journey_id = $2 AND activity_id = $3 AND contact_id IS NOT NULL',
    parameters: [types as unknown as string, journeyId, activityId],
  };
}

function logicOf(goLiveCase: GoLiveCase, journeyId: string, activityId: string): SegmentExpression {
  const tile = { activityId, kind: 'email' as const };
  const result = resultsOfTile(tile, [tile]).find((candidate) => candidate.id === goLiveCase.resultId);
  if (!result) {
    throw new Error(`The catalog offers no ${goLiveCase.resultId} result on email tiles; update the go-live benchmark cases.`);
  }
  return buildResultLogic(result.sources, { journeyId, activityId });
}

async function measureCase(data: GoLiveData, goLiveCase: GoLiveCase, runs: number, target: Target, label: string): Promise<Figure> {
  const journey = data.world.journeys[0];
  const activityId = journey.tiles[0].activityId;
  const logic = logicOf(goLiveCase, journey.journeyId, activityId);
  const statement = compileMembership(logic, { dialect: data.handle.dialect, now: Date.now() });
  const floor = floorStatement(data.handle, goLiveCase.types, journey.journeyId, activityId);

  let members = 0;
  let floorMembers = 0;
  const durations = await timeAlternating(
    async () => {
      members = (await runStatement<{ contact_id: string }>(data.handle, statement)).length;
    },
    async () => {
      floorMembers = (await runStatement<{ contact_id: string }>(data.handle, floor)).length;
    },
    runs,
  );
  if (members !== floorMembers) {
    throw new Error(`The ${goLiveCase.label} segment has ${members} members but the floor query finds ${floorMembers}; the two must select the same contacts.`);
  }

  return {
    group,
    name: `${label}, ${data.interactions.toLocaleString('en-US')} interactions, ${goLiveCase.label} (${members.toLocaleString('en-US')} members)`,
    value: median(durations.a),
    unit: 'ms',
    direction: 'lower',
    floor: { value: median(durations.b), what: 'SELECT DISTINCT contact_id, same predicates' },
    target,
  };
}

async function measureDataSet(open: () => Promise<GoLiveData>, runs: number, target: (count: number) => Target, label: string): Promise<Figure[]> {
  const data = await open();
  try {
    const figures: Figure[] = [];
    for (const goLiveCase of cases) {
      figures.push(await measureCase(data, goLiveCase, runs, target(data.interactions), label));
    }
    return figures;
  } finally {
    await data.close();
  }
}

export async function measureGoLive(settings: BenchSettings = benchSettings()): Promise<Figure[]> {
  const figures: Figure[] = [];
  const largest = Math.max(...settings.goLiveSizesSqlite);

  for (const count of settings.goLiveSizesSqlite) {
    // The 1 s limit applies to the full-size SQLite data set.
    const sqliteTarget = (size: number) => (size >= 10_000_000 || size === largest ? valueTarget('< 1 s', (value) => value < 1000, withinFloor) : withinFloor);
    figures.push(...(await measureDataSet(() => sqliteGoLiveData(settings.cacheFolder, count), settings.goLiveRuns, sqliteTarget, 'SQLite')));
  }
  for (const count of settings.goLiveSizesPostgres) {
    figures.push(...(await measureDataSet(() => postgresGoLiveData(settings.postgresUrl, count), settings.goLiveRuns, () => withinFloor, 'PostgreSQL')));
  }
  return figures;
}

runAlone(import.meta.url, measureGoLive);
