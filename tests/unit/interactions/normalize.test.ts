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

/** Returns the problem of a rejected interaction, failing the test when it was accepted. */
function problemOf(raw: Record<string, unknown>) {
  const result = normalizeInteraction(raw);
  if (result.ok) {
    throw new Error(`Expected ${JSON.stringify(raw)} to be rejected, but it was accepted.`);
  }
  return result.problem;
}

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
    expect(result.ok).toBe(true);
    expect(result.ok ? result.interaction.contactId : undefined).toBeNull();
  });

  it('rejects an unknown interaction type', () => {
    const problem = problemOf({ ...valid, InteractionType: 'EmailTeleported' });
    expect(problem.code).toBe('unknown-type');
    expect(problem.message).toContain('EmailTeleported');
  });

  it('rejects a missing interaction id', () => {
    const { InternalMarketingInteractionId: _, ...rest } = valid;
    const problem = problemOf(rest);
    expect(problem.code).toBe('missing-field');
    expect(problem.field).toBe('InternalMarketingInteractionId');
  });

  it('rejects an unreadable timestamp', () => {
    const problem = problemOf({ ...valid, Timestamp: 'last Tuesday' });
    expect(problem.code).toBe('invalid-value');
    expect(problem.message).toContain('last Tuesday');
  });

  it('rejects a non-integer int64 value', () => {
    const problem = problemOf({ ...valid, Version: '2.5' });
    expect(problem.field).toBe('Version');
  });

  it('rejects a field the type does not have', () => {
    const problem = problemOf({ ...valid, BounceCategory: 'full-mailbox' });
    expect(problem.code).toBe('unknown-field');
    expect(problem.message).toContain('BounceCategory');
  });
});
