// Registers the demo journeys and moves demo contacts through them, writing every interaction through the
// same ingest path that real data takes.

import { saveContacts } from '../contacts/repository';
import type { DatabaseHandle } from '../db/connect';
import { ingestInteractions, type IngestOptions } from '../interactions/ingest';
import { findJourney, saveJourney } from '../journeys/repository';
import { demoJourneys, type DemoJourney } from './journeys';
import { simulateContact, simulatedContact } from './simulator';

const day = 24 * 60 * 60 * 1000;
const contactsPerBatch = 500;

export interface SeedOptions {
  seed: number;
  /** Contacts moved through each demo journey. */
  contacts: number;
  /** Days over which contacts enter the journey; the simulation stops one day after the last entry. */
  entryDays?: number;
  journeys?: DemoJourney[];
  onStored?: IngestOptions['onStored'];
}

export interface SeedSummary {
  journeys: number;
  contacts: number;
  interactions: number;
}

/** Moves contacts [from, to) through a journey, entering at the given times, and ingests their interactions. */
export async function simulateContacts(
  handle: DatabaseHandle,
  journey: DemoJourney,
  range: { from: number; to: number; seed: number; enteredAt: (index: number) => number; until: number },
  onStored?: IngestOptions['onStored'],
): Promise<number> {
  let stored = 0;
  for (let start = range.from; start < range.to; start += contactsPerBatch) {
    const end = Math.min(range.to, start + contactsPerBatch);
    const indexes = Array.from({ length: end - start }, (_, offset) => start + offset);
    await saveContacts(
      handle,
      indexes.map((index) => simulatedContact(range.seed, index)),
    );
    const interactions = indexes.flatMap((index) => simulateContact(journey, index, range.enteredAt(index), { seed: range.seed, until: range.until }));
    const summary = await ingestInteractions(handle, interactions, { onStored });
    if (summary.rejected > 0) {
      const first = summary.outcomes.find((outcome) => outcome.status === 'rejected');
      throw new Error(`The simulator produced ${summary.rejected} invalid interactions, the first: ${JSON.stringify(first)}`);
    }
    stored += summary.stored;
  }
  return stored;
}

/** Seeds the demo journeys unless they are already registered. Returns what was written. */
export async function seedDemo(handle: DatabaseHandle, options: SeedOptions): Promise<SeedSummary> {
  const journeys = options.journeys ?? demoJourneys;
  const entryDays = options.entryDays ?? 14;
  const summary: SeedSummary = { journeys: 0, contacts: 0, interactions: 0 };

  for (const [position, journey] of journeys.entries()) {
    if (await findJourney(handle, journey.journeyId)) {
      continue;
    }
    const seed = options.seed + position;
    const spacing = (entryDays * day) / options.contacts;
    summary.interactions += await simulateContacts(
      handle,
      journey,
      { from: 0, to: options.contacts, seed, enteredAt: (index) => journey.startDate + Math.floor(index * spacing), until: journey.startDate + (entryDays + 1) * day },
      options.onStored,
    );
    // The journey is registered last, so a seed that fails half-way is redone on the next start.
    await saveJourney(handle, journey, Date.now());
    summary.journeys += 1;
    summary.contacts += options.contacts;
  }
  return summary;
}
