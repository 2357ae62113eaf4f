// Randomized check of live membership maintenance: sequences of ingest batches, clock advances, republished
// edits and stop/go-live cycles over several live segments (UNION, INTERSECT, EXCEPT, NOT, HAVING windows and
// upper bounds, SUM/MIN aggregates, PROFILE traversals, SEGMENT references). After every step the maintained
// members of each live segment must equal a full evaluation, and replaying its change log must give the same set.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { printQuery } from '../../../shared/query/printer';
import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/connect';
import { migrateToLatest } from '../../../backend/src/db/migrate';
import { ingestInteractions } from '../../../backend/src/interactions/ingest';
import { MembershipMaintenance } from '../../../backend/src/membership/maintenance';
import { listMembers } from '../../../backend/src/query/evaluate';
import { evaluationContext } from '../../../backend/src/segments/evaluation-context';
import type { LifecycleContext } from '../../../backend/src/segments/lifecycle-context';
import { cancelEdit, publishEdit, startEdit } from '../../../backend/src/segments/lifecycle-edit';
import { goLive } from '../../../backend/src/segments/lifecycle-go-live';
import { stopSegment } from '../../../backend/src/segments/lifecycle-stop';
import { updateSegmentFields } from '../../../backend/src/segments/lifecycle-update';
import { insertSegment } from '../../../backend/src/segments/repository';
import { createTestDatabase, testDialects, type TestDialect } from '../../support/databases';

const hour = 3_600_000;
const day = 24 * hour;
/** A month end, so that calendar windows clamp. */
const start = Date.UTC(2026, 2, 31, 12);

const contactIds = ['c1', 'c2', 'c3', 'c4', 'c5'];
const journeyIds = ['J1', 'J2', null] as const;
const interactionTypes = ['EmailSent', 'EmailOpened', 'EmailClicked', 'EmailHardBounced'] as const;

/** Operands whose membership reacts differently to new interactions and to time. */
const leaves = [
  'INTERACTION(EmailSent, EmailSent_Contact)',
  "INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == 'J1')",
  'INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(COUNT() > 1)',
  'INTERACTION(EmailOpened, EmailOpened_Contact).HAVING(COUNT() > 0, UTCDAYS(5))',
  'INTERACTION(EmailSent, EmailSent_Contact).HAVING(COUNT() < 3, UTCMONTHS(1))',
  "INTERACTION(EmailHardBounced, EmailHardBounced_Contact).FILTER(NOT(CustomerJourneyId == 'J2'))",
  'INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(SUM(Version) <= 4, UTCDAYS(20))',
  'INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(MIN(Version) < 2)',
  "INTERACTION(EmailSent, EmailSent_Contact).FILTER(CustomerJourneyId == 'J1' || CustomerJourneyId == 'J2').HAVING(COUNT() == 2, UTCYEARS(1))",
  "PROFILE(contact).TRAVERSE(EmailOpened_Contact, FILTER(CustomerJourneyId == 'J2'))",
];

const setOperators = ['UNION', 'INTERSECT', 'EXCEPT'] as const;

type LogicTree = string | { operator: (typeof setOperators)[number]; left: LogicTree; right: LogicTree };

function printTree(tree: LogicTree): string {
  return typeof tree === 'string' ? tree : `(${printTree(tree.left)}) ${tree.operator} (${printTree(tree.right)})`;
}

const leafArbitrary = (extra: string[]) => fc.constantFrom(...leaves, ...extra);
const treeArbitrary = (extra: string[]): fc.Arbitrary<LogicTree> =>
  fc.oneof(
    { weight: 1, arbitrary: leafArbitrary(extra) },
    {
      weight: 2,
      arbitrary: fc.record({
        operator: fc.constantFrom(...setOperators),
        left: fc.oneof(leafArbitrary(extra), fc.record({ operator: fc.constantFrom(...setOperators), left: leafArbitrary(extra), right: leafArbitrary(extra) })),
        right: leafArbitrary(extra),
      }),
    },
  );

interface IngestedInteraction {
  type: (typeof interactionTypes)[number];
  contactId: string | null;
  journeyId: (typeof journeyIds)[number];
  /** Hours before now; negative hours lie in the future. */
  ageHours: number;
  version: number;
}

type Step =
  | { kind: 'ingest'; interactions: IngestedInteraction[] }
  | { kind: 'advance'; minutes: number }
  | { kind: 'republish'; base: 0 | 1; logic: string; cancelFirst: boolean }
  | { kind: 'restart'; segment: number };

const interactionArbitrary: fc.Arbitrary<IngestedInteraction> = fc.record({
  type: fc.constantFrom(...interactionTypes),
  contactId: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...contactIds) }, { weight: 1, arbitrary: fc.constant(null) }),
  journeyId: fc.constantFrom(...journeyIds),
  ageHours: fc.integer({ min: -48, max: 24 * 45 }),
  version: fc.integer({ min: 1, max: 3 }),
});

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('ingest' as const), interactions: fc.array(interactionArbitrary, { minLength: 1, maxLength: 8 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 60, max: 60 * 24 * 20 })) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('republish' as const), base: fc.constantFrom(0 as const, 1 as const), logic: fc.constantFrom(...leaves), cancelFirst: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), segment: fc.integer({ min: 0, max: 4 }) }) },
);

const scenarioArbitrary = fc.record({
  base0: leafArbitrary([]),
  base1: treeArbitrary(['SEGMENT(Base0)']),
  tops: fc.array(treeArbitrary(['SEGMENT(Base0)', 'SEGMENT(Base1)']), { minLength: 3, maxLength: 3 }),
  /** 1 forces full evaluations for most batches; 5000 keeps every step incremental. */
  maxRecheckContacts: fc.constantFrom(1, 5000),
  /** 3 makes larger batches take the catch-up path, which evaluates every live segment in full. */
  catchUpInteractions: fc.constantFrom(3, 100_000),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 10 }),
});

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never;

function parse(text: string): SegmentExpression {
  const { ast, errors } = parseQuery(text);
  if (!ast) {
    throw new Error(`The test logic does not parse: ${text}: ${errors.map((error) => error.message).join(' ')}`);
  }
  return ast;
}

async function createDraft(handle: DatabaseHandle, segmentId: string, name: string, logic: string, now: number): Promise<void> {
  const ast = parse(logic);
  await insertSegment(handle, {
    segment_id: segmentId,
    name,
    description: '',
    status: 'draft',
    logic: printQuery(ast),
    logic_ast: JSON.stringify(ast),
    origin: null,
    journey_id: null,
    member_count: null,
    counted_at: null,
    idempotency_key: null,
    created_at: now,
    updated_at: now,
  });
}

async function fullMembers(handle: DatabaseHandle, logicAst: string, now: number): Promise<string[]> {
  const members: string[] = [];
  for (;;) {
    const page = await listMembers(handle, JSON.parse(logicAst) as SegmentExpression, evaluationContext(handle, now), { afterContactId: members.at(-1), limit: 1000 });
    members.push(...page);
    if (page.length < 1000) {
      return members;
    }
  }
}

/** Checks every live segment: stored members, member count and change log against a full evaluation. */
async function expectMaintained(handle: DatabaseHandle, now: number, step: string): Promise<void> {
  const segments = await handle.db.selectFrom('segment').selectAll().where('status', 'in', ['live', 'liveEditable']).orderBy('name').execute();
  for (const segment of segments) {
    const expected = await fullMembers(handle, segment.logic_ast, now);
    const stored = (await handle.db.selectFrom('segment_member').select('contact_id').where('segment_id', '=', segment.segment_id).execute())
      .map((row) => row.contact_id)
      .sort();
    const label = `${step}: ${segment.name} = ${segment.logic.replace(/\s+/g, ' ')}`;
    expect(stored, label).toEqual(expected);
    expect(Number(segment.member_count), label).toBe(expected.length);

    const replayed = new Set<string>();
    const changes = await handle.db.selectFrom('segment_member_change').select(['contact_id', 'change']).where('segment_id', '=', segment.segment_id).orderBy('seq').execute();
    for (const change of changes) {
      if (change.change === 'added') {
        replayed.add(change.contact_id);
      } else {
        replayed.delete(change.contact_id);
      }
    }
    expect([...replayed].sort(), `${label} (change log)`).toEqual(expected);
  }
}

async function runScenario(dialect: TestDialect, scenario: Scenario): Promise<void> {
  const database = await createTestDatabase(dialect);
  const handle = openDatabase(database.url);
  try {
    await migrateToLatest(handle);
    await handle.db
      .insertInto('contact')
      .values(contactIds.map((contactId) => ({ contact_id: contactId, full_name: `Contact ${contactId}`, email: `${contactId}@example.com` })))
      .execute();

    let now = start;
    const membership = new MembershipMaintenance(handle, {
      clock: () => now,
      timers: false,
      maxRecheckContacts: scenario.maxRecheckContacts,
      catchUpInteractions: scenario.catchUpInteractions,
    });
    const context: LifecycleContext = { handle, membership };

    const logics = [scenario.base0, printTree(scenario.base1), ...scenario.tops.map(printTree)];
    const names = ['Base0', 'Base1', 'Top0', 'Top1', 'Top2'];
    for (const [index, logic] of logics.entries()) {
      await createDraft(handle, `s${index}`, names[index], logic, now + index);
      await goLive(context, `s${index}`, 'test');
    }
    await expectMaintained(handle, now, 'go live');

    let sequence = 0;
    for (const [index, step] of scenario.steps.entries()) {
      const label = `step ${index + 1} (${step.kind})`;
      switch (step.kind) {
        case 'ingest': {
          const records = step.interactions.map((interaction) => {
            sequence += 1;
            return {
              InteractionType: interaction.type,
              InternalMarketingInteractionId: `i${sequence}`,
              Timestamp: new Date(now - interaction.ageHours * hour).toISOString(),
              Version: interaction.version,
              ...(interaction.contactId === null ? {} : { ContactId: interaction.contactId }),
              ...(interaction.journeyId === null ? {} : { CustomerJourneyId: interaction.journeyId }),
            };
          });
          await ingestInteractions(handle, records, { onStored: membership.notifyStored });
          break;
        }
        case 'advance':
          now += step.minutes * 60_000;
          break;
        case 'republish': {
          const segmentId = `s${step.base}`;
          await startEdit(context, segmentId, 'test');
          if (step.cancelFirst) {
            await cancelEdit(context, segmentId, 'test');
            await startEdit(context, segmentId, 'test');
          }
          await updateSegmentFields(context, segmentId, { logic: step.logic });
          await publishEdit(context, segmentId, 'test');
          break;
        }
        case 'restart': {
          const segmentId = `s${step.segment}`;
          await stopSegment(context, segmentId, 'test', true);
          await membership.runOnce();
          await goLive(context, segmentId, 'test');
          break;
        }
      }
      await membership.runOnce();
      await expectMaintained(handle, now, label);
    }
  } finally {
    await handle.close();
    await database.drop();
  }
}

describe.each(testDialects)('incremental membership on %s', (dialect) => {
  it('equals a full evaluation after every step', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, (scenario) => runScenario(dialect, scenario)),
      { numRuns: dialect === 'sqlite' ? 50 : 25, seed: Number(process.env.FC_SEED ?? 20261204) },
    );
  }, 600_000);
});
