// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { launchJourney } from '../../../backend/src/demo/journeys';
import { simulateContact, simulatedContact } from '../../../backend/src/demo/simulator';
import { reasons } from '../../../shared/catalog';
import { fieldDataType } from '../../../shared/interactions';

const until = launchJourney.startDate + 30 * 24 * 3600_000;
const simulateMany = (count: number, seed = 11) =>
  Array.from({ length: count }, (_, index) => simulateContact(launchJourney, index, launchJourney.startDate + index * 60_000, { seed, until })).flat();

describe('simulator', () => {
  it('is deterministic for a seed and index', () => {
    const at = launchJourney.startDate;
    expect(simulateContact(launchJourney, 42, at, { seed: 5, until })).toEqual(simulateContact(launchJourney, 42, at, { seed: 5, until }));
    expect(simulatedContact(5, 42)).toEqual(simulatedContact(5, 42));
  });

  it('produces every stop and block reason over 5,000 contacts', () => {
    const types = new Set(simulateMany(5000).map((interaction) => interaction.InteractionType));
    for (const reason of reasons) {
      expect(types, reason.id).toContain(reason.interactionType);
    }
  });

  it('produces sends, deliveries, opens, clicks and all bounce kinds', () => {
    const types = new Set(simulateMany(3000).map((interaction) => interaction.InteractionType));
    for (const type of ['EmailSent', 'EmailDelivered', 'EmailOpened', 'EmailClicked', 'EmailHardBounced', 'EmailSoftBounced', 'EmailBlockBounced']) {
      expect(types, type).toContain(type);
    }
  });

  it('sets only fields the export model defines', () => {
    for (const interaction of simulateMany(300)) {
      for (const field of Object.keys(interaction)) {
        expect(fieldDataType(String(interaction.InteractionType), field), `${interaction.InteractionType}.${field}`).toBeDefined();
      }
    }
  });

  it('produces nothing after the until time', () => {
    const cut = launchJourney.startDate + 3600_000;
    const interactions = simulateContact(launchJourney, 1, launchJourney.startDate, { seed: 1, until: cut });
    expect(interactions.every((interaction) => Date.parse(String(interaction.Timestamp)) <= cut)).toBe(true);
  });
});
