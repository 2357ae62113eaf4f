import { describe, expect, it } from 'vitest';

import { prefillName, targetKey, toCaptureRequest, type CaptureTarget } from '../../../extension/content/capture-target';

const result: CaptureTarget = {
  kind: 'result',
  journeyId: 'j-1',
  journeyName: 'Spring sale',
  activityId: '02',
  tileName: 'Welcome email',
  resultId: 'uniqueClicks',
  language: 'en',
};

const branch: CaptureTarget = { ...result, activityId: '04', tileName: 'A/B split', resultId: 'branch:04_0', branchName: 'A' };

const reason: CaptureTarget = {
  kind: 'reason',
  journeyId: 'j-1',
  journeyName: 'Spring sale',
  reasonId: 'doNotEmail',
  language: 'en',
};

describe('prefillName', () => {
  it('joins result, tile and journey', () => {
    expect(prefillName(result, 'en')).toBe('Unique clicks - Welcome email - Spring sale');
  });

  it('uses the requested language for the label', () => {
    expect(prefillName(result, 'de')).toBe('Eindeutige Klicks - Welcome email - Spring sale');
  });

  it('names a split branch', () => {
    expect(prefillName(branch, 'en')).toBe('Branch A - A/B split - Spring sale');
  });

  it('joins reason and journey', () => {
    expect(prefillName(reason, 'en')).toBe('Contact has do-not-email set - Spring sale');
  });

  it('stays within 200 characters', () => {
    const long = { ...result, journeyName: 'J'.repeat(300) };

    expect(prefillName(long, 'en')).toHaveLength(200);
  });
});

describe('toCaptureRequest', () => {
  it('sends tile and result for a result', () => {
    expect(toCaptureRequest(result, 'Clicked', 'note')).toEqual({
      journeyId: 'j-1',
      activityId: '02',
      resultId: 'uniqueClicks',
      name: 'Clicked',
      description: 'note',
    });
  });

  it('sends only the reason for a reason', () => {
    expect(toCaptureRequest(reason, 'Do not email', '')).toEqual({
      journeyId: 'j-1',
      reasonId: 'doNotEmail',
      name: 'Do not email',
      description: '',
    });
  });
});

describe('targetKey', () => {
  it('tells tiles apart', () => {
    expect(targetKey(result)).not.toBe(targetKey({ ...result, activityId: '03' }));
  });
});
