// Moves contacts through a journey and writes the interactions a marketing platform would export for them:
// dispatches, sends, deliveries, opens, clicks, bounces, blocked emails, stops, failures and path choices.
// Each contact has its own seeded generator, so contact N always produces the same interactions, and a
// running demo can keep adding contacts N+1, N+2, ... later.

import { fieldDataType, type InteractionType } from '../../../shared/interactions';
import { processedInteractionType, reasonsOf, type TileKind } from '../../../shared/catalog';
import type { JourneyDefinition } from '../journeys/repository';
import { demoOrganizationId, type DemoJourney } from './journeys';
import { defaultOdds } from './odds';
import { seededRandom, type Random } from './random';

export interface SimulatedContact {
  contactId: string;
  fullName: string;
  email: string;
}

export interface SimulationOptions {
  seed: number;
  /** Interactions after this time are not produced: those contacts are still waiting or not yet there. */
  until: number;
}

type Tile = JourneyDefinition['tiles'][number];
type Interaction = Record<string, string | number>;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const firstNames = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mateo', 'Nora', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe'];
const lastNames = ['Albrecht', 'Bianchi', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hansen', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Müller', 'Novak', 'Okafor', 'Petrov', 'Quispe', 'Rossi', 'Schmidt', 'Tanaka', 'Urban', 'Varga', 'Weber', 'Yilmaz', 'Zimmermann'];
const domains = ['contoso.com', 'fabrikam.de', 'northwind.example', 'adatum.org', 'litware.net'];

const stopTypes = ['ActivityContactBlockedSuppression', 'ActivityContactBlockedConsent', 'ActivityContactBlockedExternalConsent'];
const blockedTypes = reasonsOf('blocked').map((reason) => reason.interactionType);
const softCategories = ['inactive-mailbox', 'full-mailbox', 'greylisting-issues', 'connection-error', 'message-expired'];
const blockCategories = ['reputation-issues', 'blocklisting-issues', 'policy-related', 'dmarc-issues'];

/** Returns the demo contact with a given index; the same index always gives the same contact. */
export function simulatedContact(seed: number, index: number): SimulatedContact {
  const random = seededRandom(seed * 7919 + index * 104729 + 17);
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const ascii = (text: string) => text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return {
    contactId: random.uuid(),
    fullName: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}${index}@${random.pick(domains)}`,
  };
}

/**
 * Produces the interactions of contact `index`, who enters `journey` at `enteredAt`, in time order.
 * Only fields that the export model defines for each type are set.
 */
export function simulateContact(journey: DemoJourney, index: number, enteredAt: number, options: SimulationOptions): Interaction[] {
  const odds = { ...defaultOdds, ...journey.odds };
  const contact = simulatedContact(options.seed, index);
  const random = seededRandom(options.seed * 15485863 + index * 32452843 + 3);
  const iterationId = `${journey.journeyId.slice(0, 24)}${String(1).padStart(12, '0')}`;
  const interactions: Interaction[] = [];
  let clicked = false;

  const emit = (type: InteractionType, at: number, tile: Tile, extra: Interaction = {}) => {
    if (at > options.until) {
      return false;
    }
    const candidate: Interaction = {
      InteractionType: type,
      OrganizationId: demoOrganizationId,
      Timestamp: new Date(at).toISOString(),
      InternalMarketingInteractionId: random.uuid(),
      Version: 1,
      ContactId: contact.contactId,
      CustomerJourneyId: journey.journeyId,
      CustomerJourneyIterationId: iterationId,
      ActivityId: tile.activityId,
      MessageId: tile.emailId ?? '',
      SendingId: tile.emailId ? `${tile.emailId.slice(0, 8)}-send` : '',
      EmailAddressUsed: contact.email,
      EmailDomain: contact.email.split('@')[1],
      UsageType: 'Commercial',
      ...extra,
    };
    const interaction: Interaction = {};
    for (const [field, value] of Object.entries(candidate)) {
      if (value !== '' && fieldDataType(type, field)) {
        interaction[field] = value;
      }
    }
    interactions.push(interaction);
    return true;
  };

  const children = (tile: Tile) => journey.tiles.filter((candidate) => candidate.parentActivityId === tile.activityId);

  const sendEmail = (tile: Tile, at: number): void => {
    if (random.next() < odds.blocked) {
      emit(random.pick(blockedTypes) as InteractionType, at, tile, { BlockedReason: 'blocked' });
      return;
    }
    if (!emit('EmailSent', at, tile)) {
      return;
    }

    const roll = random.next();
    const bounceAt = at + random.integer(1, 30) * minute;
    if (roll < odds.hardBounce) {
      const remote = random.next() < 0.3;
      emit(remote ? 'EmailHardRemoteBounced' : 'EmailHardBounced', bounceAt, tile, {
        BounceCategory: random.pick(['invalid-mailbox', 'invalid-domain']),
        RemoteBounce: remote ? 'true' : 'false',
      });
      return;
    }
    if (roll < odds.hardBounce + odds.softBounce) {
      const remote = random.next() < 0.3;
      emit(remote ? 'EmailSoftRemoteBounced' : 'EmailSoftBounced', bounceAt, tile, { BounceCategory: random.pick(softCategories), RemoteBounce: remote ? 'true' : 'false' });
      return;
    }
    if (roll < odds.hardBounce + odds.softBounce + odds.blockBounce) {
      emit('EmailBlockBounced', bounceAt, tile, { BounceCategory: random.pick(blockCategories) });
      return;
    }

    const deliveredAt = at + random.integer(1, 10) * minute;
    emit('EmailDelivered', deliveredAt, tile);
    if (random.next() >= odds.open) {
      return;
    }
    let openedAt = deliveredAt + random.integer(5, 36 * 60) * minute;
    for (let opens = random.integer(1, 3); opens > 0; opens--) {
      emit('EmailOpened', openedAt, tile);
      openedAt += random.integer(10, 600) * minute;
    }
    if (random.next() < odds.clickAfterOpen) {
      const clickedAt = deliveredAt + random.integer(6, 36 * 60) * minute;
      for (let clicks = random.integer(1, 2); clicks > 0; clicks--) {
        const link = random.integer(1, 3);
        if (emit('EmailClicked', clickedAt + clicks * minute, tile, { LinkId: `link-${link}`, OriginalUrl: `https://www.contoso.com/launch?cta=${link}` })) {
          clicked = true;
        }
      }
    }
  };

  /** Moves the contact through `tile` at time `at`, then on to the next tiles. */
  const visit = (tile: Tile, at: number): void => {
    if (!emit('ActivityContactDispatched', at, tile)) {
      return;
    }

    const fate = random.next();
    if (fate < odds.stop) {
      emit(random.pick(stopTypes) as InteractionType, at + minute, tile);
      return;
    }
    if (fate < odds.stop + odds.genericStop) {
      emit('ActivityContactBlocked', at + minute, tile, { Reason: 'UnsubscribedFromSubscriptionList' });
      return;
    }
    if (fate < odds.stop + odds.genericStop + odds.failed) {
      emit('ActivityContactProcessingFailed', at + minute, tile);
      return;
    }

    const kind = tile.kind as TileKind;
    const next = children(tile);
    switch (kind) {
      case 'email': {
        sendEmail(tile, at + minute);
        next.forEach((child) => visit(child, at + hour));
        return;
      }
      case 'wait': {
        const doneAt = at + 2 * day;
        if (emit('SchedulerActivityContactProcessed', doneAt, tile)) {
          next.forEach((child) => visit(child, doneAt + minute));
        }
        return;
      }
      case 'ifThen': {
        const path = clicked ? 'yes' : 'no';
        const doneAt = at + 5 * minute;
        if (emit('TriggerActivityContactProcessed', doneAt, tile, { Path: path })) {
          next.filter((child) => child.path === path).forEach((child) => visit(child, doneAt + minute));
        }
        return;
      }
      case 'split': {
        if (next.length === 0) {
          return;
        }
        const branch = random.pick(next);
        const doneAt = at + minute;
        if (emit('SplitterActivityContactProcessed', doneAt, tile, { NextActivityId: branch.activityId })) {
          visit(branch, doneAt + minute);
        }
        return;
      }
      default: {
        const doneAt = at + 2 * minute;
        if (emit(processedInteractionType[kind] as InteractionType, doneAt, tile)) {
          next.forEach((child) => visit(child, doneAt + minute));
        }
      }
    }
  };

  for (const root of journey.tiles.filter((tile) => !tile.parentActivityId)) {
    visit(root, enteredAt);
  }
  return interactions;
}
