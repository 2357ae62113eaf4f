import { describe, expect, it } from 'vitest';

import { defaultSegmentNamePattern, fillNamePattern, localDate } from '../../../extension/content/segment-name-pattern';

const resultValues = { result: 'Unique clicks', tile: 'Welcome', journey: 'Spring sale', reason: '', date: '2026-03-01' };
const reasonValues = { result: 'Contact deleted', tile: '', journey: 'Spring sale', reason: 'Contact deleted', date: '2026-03-01' };

describe('fillNamePattern', () => {
  it('fills the default pattern for a result', () => {
    expect(fillNamePattern(defaultSegmentNamePattern, resultValues)).toBe('Unique clicks - Welcome - Spring sale');
  });

  it('drops the separator of the empty tile for a reason', () => {
    expect(fillNamePattern(defaultSegmentNamePattern, reasonValues)).toBe('Contact deleted - Spring sale');
  });

  it('fills every placeholder', () => {
    expect(fillNamePattern('{date} {journey}/{tile}: {result} {reason}', resultValues)).toBe(
      '2026-03-01 Spring sale/Welcome: Unique clicks',
    );
  });

  it('drops separators at the start', () => {
    expect(fillNamePattern('{tile} - {journey}', reasonValues)).toBe('Spring sale');
  });

  it('keeps text that is not a separator', () => {
    expect(fillNamePattern('Seg {tile} of {journey}', reasonValues)).toBe('Seg  of Spring sale');
  });

  it('keeps unknown placeholders as text', () => {
    expect(fillNamePattern('{result} {owner}', resultValues)).toBe('Unique clicks {owner}');
  });

  it('never changes separators inside values', () => {
    expect(fillNamePattern(defaultSegmentNamePattern, { ...reasonValues, journey: 'Spring - - sale' })).toBe(
      'Contact deleted - Spring - - sale',
    );
  });
});

describe('localDate', () => {
  it('writes the local date as YYYY-MM-DD', () => {
    expect(localDate(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });
});
