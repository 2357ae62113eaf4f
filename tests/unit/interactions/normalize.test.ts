// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { normalizeInteraction } from '../../../backend/src/interactions/normalize';

const valid = {
  InteractionType: 'EmailClicked',
  InternalMarketingInteractionId: 'i-1',
  Timestamp: '2026-07-14T15:05:09Z',
  Version: '3',
  ContactId: 'c-1',
  CustomerJourneyId: 'j-1',
  ActivityId: '02',
  LinkId: 'link-1',
};

describe('normalizeInteraction', () => {
  it('converts values to their declared types', () => {
    const result = normalizeInteraction(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.interaction.occurredAt).toBe(Date.UTC(2026, 6, 14, 15, 5, 9));
    expect(result.interaction.fields.Version).toBe(3);
    expect(result.interaction.contactId).toBe('c-1');
    expect(result.interaction.activityId).toBe('02');
  });

  it('treats empty values as absent', () => {
    const result = normalizeInteraction({ ...valid, ContactId: '' });
    expect(result.ok && result.interaction.contactId).toBeNull();
  });

  it('rejects an unknown interaction type', () => {
    const result = normalizeInteraction({ ...valid, InteractionType: 'EmailTeleported' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('unknown-type');
    expect(!result.ok && result.problem.message).toContain('EmailTeleported');
  });

  it('rejects a missing interaction id', () => {
    const { InternalMarketingInteractionId: _, ...rest } = valid;
    const result = normalizeInteraction(rest);
    expect(!result.ok && result.problem.code).toBe('missing-field');
    expect(!result.ok && result.problem.field).toBe('InternalMarketingInteractionId');
  });

  it('rejects an unreadable timestamp', () => {
    const result = normalizeInteraction({ ...valid, Timestamp: 'last Tuesday' });
    expect(!result.ok && result.problem.code).toBe('invalid-value');
    expect(!result.ok && result.problem.message).toContain('last Tuesday');
  });

  it('rejects a non-integer int64 value', () => {
    const result = normalizeInteraction({ ...valid, Version: '2.5' });
    expect(!result.ok && result.problem.field).toBe('Version');
  });

  it('rejects a field the type does not have', () => {
    const result = normalizeInteraction({ ...valid, BounceCategory: 'full-mailbox' });
    expect(!result.ok && result.problem.code).toBe('unknown-field');
    expect(!result.ok && result.problem.message).toContain('BounceCategory');
  });
});
