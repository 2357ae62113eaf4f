import { describe, expect, it } from 'vitest';

import { resultsOfTile } from '../../../shared/catalog';
import { matchReason, matchResult } from '../../../extension/content/label-match';
import { isOffered } from '../../../extension/content/offered-results';

describe('isOffered', () => {
  it('offers everything without a policy', () => {
    expect(isOffered(null, 'hardBounces')).toBe(true);
  });

  it('offers only the listed ids', () => {
    expect(isOffered(['processed', 'consent'], 'processed')).toBe(true);
    expect(isOffered(['processed', 'consent'], 'consent')).toBe(true);
    expect(isOffered(['processed', 'consent'], 'uniqueClicks')).toBe(false);
  });

  it('offers every split branch for the entry branch', () => {
    expect(isOffered(['branch'], 'branch:04_1')).toBe(true);
    expect(isOffered(['processed'], 'branch:04_1')).toBe(false);
  });

  it('offers nothing for an empty list', () => {
    expect(isOffered([], 'processed')).toBe(false);
  });
});

describe('label aliases of a host profile', () => {
  const results = resultsOfTile({ activityId: '02', kind: 'email' }, []);
  const labels = { results: { stopped: { en: ['Exit'], de: ['Ausstieg'] } } };

  it('match the result they name', () => {
    expect(matchResult('Exit', results, labels)).toMatchObject({ result: { id: 'stopped' }, language: 'en' });
  });

  it('carry their language', () => {
    expect(matchResult('ausstieg', results, labels)).toMatchObject({ result: { id: 'stopped' }, language: 'de' });
  });

  it('leave the catalog labels in place', () => {
    expect(matchResult('Angehalten', results, labels)).toMatchObject({ result: { id: 'stopped' }, language: 'de' });
  });

  it('do not match without the profile', () => {
    expect(matchResult('Exit', results)).toBeNull();
  });

  it('work for reasons', () => {
    const reasonLabels = { reasons: { consent: { en: ['Consent withdrawn'] } } };

    expect(matchReason('Consent withdrawn', reasonLabels)).toEqual({ reasonId: 'consent', language: 'en' });
  });
});
