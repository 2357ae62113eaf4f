// Generates interactions at benchmark scale, quickly and the same way on every machine. The data has many
// journeys of very different sizes (a few big campaigns, a long tail of small ones) with email, wait and
// if/then tiles. The interaction types of real sends come in realistic proportions: dispatches, sends,
// deliveries, opens, some clicks, and rare blocks, bounces and stops. So a query for one tile's result touches a small part of the table, and an
// index on type, journey and tile decides its cost.

import { blockedInteractionTypes, processedInteractionType, stoppedInteractionTypes, type TileKind } from '../shared/catalog';
import { fieldDataType } from '../shared/interactions';
import { seededRandom, type Random } from '../backend/src/demo/random';
import type { NormalizedInteraction, RawInteraction } from '../backend/src/interactions/normalize';

/** Bump when the generated data changes, so cached data sets are generated again. */
export const generatorVersion = 1;

export interface SyntheticTile {
  activityId: string;
  kind: TileKind;
}

export interface SyntheticJourney {
  journeyId: string;
  tiles: SyntheticTile[];
}

export interface SyntheticWorld {
  /** Ordered from the largest journey (index 0) to the smallest. */
  journeys: SyntheticJourney[];
  contactIds: string[];
}

export interface GeneratorOptions {
  seed: number;
  /**
   * `random`: version 4 UUIDs, as exports carry them. `ordered`: UUID-shaped ids that ascend with the row, so
   * a bulk load appends to the unique index instead of writing all over it.
   */
  interactionIds: 'random' | 'ordered';
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const organizationId = '5f1c3c1e-2b7d-4c55-9d0e-0c6a2f8e4b11';
const firstDay = Date.UTC(2026, 0, 5);

/** Journeys in the world; their sizes follow Zipf's law with this exponent. */
const journeyCount = 500;
const zipfExponent = 1.1;
/** Interactions per contact, on average, which sets the size of the contact pool. */
const interactionsPerContact = 20;

const hardBounceTypes = ['EmailHardBounced', 'EmailHardRemoteBounced'];
const softBounceTypes = ['EmailSoftBounced', 'EmailSoftRemoteBounced'];

function buildJourneys(random: Random): SyntheticJourney[] {
  return Array.from({ length: journeyCount }, () => {
    const tileCount = random.integer(4, 10);
    const tiles: SyntheticTile[] = [];
    for (let index = 0; index < tileCount; index++) {
      // Every journey starts with an email, so tile 01 of the largest journey is a busy email tile.
      const roll = random.next();
      let kind: TileKind = 'ifThen';
      if (index === 0 || roll < 0.55) {
        kind = 'email';
      } else if (roll < 0.8) {
        kind = 'wait';
      }
      tiles.push({ activityId: String(index + 1).padStart(2, '0'), kind });
    }
    return { journeyId: random.uuid(), tiles };
  });
}

/** Cumulative Zipf weights, for picking a journey with one random number and a binary search. */
function cumulativeWeights(count: number): Float64Array {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let rank = 0; rank < count; rank++) {
    total += 1 / (rank + 1) ** zipfExponent;
    cumulative[rank] = total;
  }
  return cumulative.map((value) => value / total);
}

function pickIndex(cumulative: Float64Array, roll: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] < roll) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

const allowedFields = new Map<string, boolean>();
function hasField(type: string, field: string): boolean {
  const key = `${type}.${field}`;
  let allowed = allowedFields.get(key);
  if (allowed === undefined) {
    allowed = fieldDataType(type, field) !== undefined;
    allowedFields.set(key, allowed);
  }
  return allowed;
}

function orderedId(sequence: number): string {
  const hex = sequence.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** Builds the journeys and contacts the interactions of a run refer to; the same seed and count give the same world. */
export function syntheticWorld(interactionCount: number, seed: number): SyntheticWorld {
  const random = seededRandom(seed);
  const journeys = buildJourneys(random);
  const contactIds = Array.from({ length: Math.max(1, Math.ceil(interactionCount / interactionsPerContact)) }, () => random.uuid());
  return { journeys, contactIds };
}

/**
 * Yields `count` interactions as the ingest stores them (typed fields, epoch milliseconds), journey visit by
 * journey visit. The last visit is cut off at `count`.
 */
export function* syntheticInteractions(world: SyntheticWorld, count: number, options: GeneratorOptions): Generator<NormalizedInteraction> {
  const random = seededRandom(options.seed * 31 + 7);
  const cumulative = cumulativeWeights(world.journeys.length);
  // Ids are numbered by `produced`, which runs ahead of `yielded` within a journey visit.
  let produced = 0;
  let yielded = 0;

  const make = (type: string, at: number, journey: SyntheticJourney, tile: SyntheticTile, contactId: string, extra?: Record<string, string>): NormalizedInteraction => {
    const interactionId = options.interactionIds === 'ordered' ? orderedId(produced) : random.uuid();
    const fields: Record<string, string | number> = {
      InteractionType: type,
      OrganizationId: organizationId,
      Timestamp: at,
      InternalMarketingInteractionId: interactionId,
      Version: 1,
      ContactId: contactId,
      CustomerJourneyId: journey.journeyId,
      ActivityId: tile.activityId,
    };
    if (extra) {
      for (const [field, value] of Object.entries(extra)) {
        if (hasField(type, field)) {
          fields[field] = value;
        }
      }
    }
    for (const field of ['OrganizationId', 'Version', 'CustomerJourneyId', 'ActivityId']) {
      if (!hasField(type, field)) {
        delete fields[field];
      }
    }
    produced += 1;
    return {
      interactionId,
      interactionType: type,
      occurredAt: at,
      contactId,
      customerJourneyId: typeof fields.CustomerJourneyId === 'string' ? journey.journeyId : null,
      activityId: typeof fields.ActivityId === 'string' ? tile.activityId : null,
      fields,
    };
  };

  while (yielded < count) {
    const journey = world.journeys[pickIndex(cumulative, random.next())];
    const contactId = world.contactIds[Math.floor(random.next() * world.contactIds.length)];
    let at = firstDay + Math.floor(random.next() * 300 * day);
    let clicked = false;

    for (const tile of journey.tiles) {
      const visit: NormalizedInteraction[] = [make('ActivityContactDispatched', at, journey, tile, contactId)];
      const fate = random.next();
      let ended = false;

      if (fate < 0.02) {
        visit.push(make(stoppedInteractionTypes[Math.floor(random.next() * stoppedInteractionTypes.length)], at + minute, journey, tile, contactId));
        ended = true;
      } else if (fate < 0.023) {
        visit.push(make('ActivityContactProcessingFailed', at + minute, journey, tile, contactId));
        ended = true;
      } else if (tile.kind === 'email') {
        clicked = emailEvents(random, at + minute, (type, time, extra) => visit.push(make(type, time, journey, tile, contactId, extra))) || clicked;
      } else if (tile.kind === 'ifThen') {
        visit.push(make(processedInteractionType.ifThen, at + 5 * minute, journey, tile, contactId, { Path: clicked ? 'yes' : 'no' }));
      } else {
        visit.push(make(processedInteractionType[tile.kind], at + 2 * day, journey, tile, contactId));
      }

      for (const interaction of visit) {
        if (yielded >= count) {
          return;
        }
        yield interaction;
        yielded += 1;
      }
      if (ended) {
        break;
      }
      at += tile.kind === 'wait' ? 2 * day + hour : hour;
    }
  }
}

/** Emits the interactions of one email send; returns whether the contact clicked. */
function emailEvents(random: Random, at: number, emit: (type: string, at: number, extra?: Record<string, string>) => void): boolean {
  if (random.next() < 0.06) {
    emit(blockedInteractionTypes[Math.floor(random.next() * blockedInteractionTypes.length)], at, { BlockedReason: 'blocked' });
    return false;
  }
  emit('EmailSent', at);

  const roll = random.next();
  const bouncedAt = at + random.integer(1, 30) * minute;
  if (roll < 0.025) {
    emit(hardBounceTypes[random.integer(0, 1)], bouncedAt, { BounceCategory: 'invalid-mailbox' });
    return false;
  }
  if (roll < 0.055) {
    emit(softBounceTypes[random.integer(0, 1)], bouncedAt, { BounceCategory: 'full-mailbox' });
    return false;
  }
  if (roll < 0.061) {
    emit('EmailBlockBounced', bouncedAt, { BounceCategory: 'reputation-issues' });
    return false;
  }

  const deliveredAt = at + random.integer(1, 10) * minute;
  emit('EmailDelivered', deliveredAt);
  if (random.next() >= 0.5) {
    return false;
  }
  let openedAt = deliveredAt + random.integer(5, 36 * 60) * minute;
  for (let opens = random.integer(1, 3); opens > 0; opens--) {
    emit('EmailOpened', openedAt);
    openedAt += random.integer(10, 600) * minute;
  }
  if (random.next() >= 0.38) {
    return false;
  }
  const clickedAt = deliveredAt + random.integer(6, 36 * 60) * minute;
  for (let clicks = random.integer(1, 2); clicks > 0; clicks--) {
    emit('EmailClicked', clickedAt + clicks * minute, { LinkId: `link-${random.integer(1, 3)}` });
  }
  return true;
}

/** Converts an interaction to the form an NDJSON line or export row carries: timestamps as ISO 8601 text. */
export function toRawInteraction(interaction: NormalizedInteraction): RawInteraction {
  return { ...interaction.fields, Timestamp: new Date(interaction.occurredAt).toISOString() };
}
