import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('../support/browser-mock'));

import type { JourneyDetail } from '../../../../shared/api/journeys';
import type { MemberExplanationReply } from '../../../../shared/api/member-explanation';
import type { SegmentMemberPage, SegmentRecord } from '../../../../shared/api/segments';
import type { RuntimeMessage } from '../../../../extension/lib/messages';
import { RecordPage } from '../../../../extension/pages/segment/record-page';
import { segmentPollIntervalMs } from '../../../../extension/pages/segment/use-live-segment';
import { click, mount, segmentRecord, sentMessages, unmount, useBackground, waitForElement, type PageBackground } from './page-harness';

const journey = { journeyId: 'j-1', name: 'Spring product launch', tiles: [{ activityId: '02', name: 'Launch announcement', results: [] }] } as unknown as JourneyDetail;

const memberPage: SegmentMemberPage = {
  segmentId: 'seg-1',
  status: 'live',
  source: 'live',
  asOf: '2026-03-02T10:00:00.000Z',
  members: [{ contactId: 'c-1', fullName: 'Yara Weber', email: 'yara@example.com', since: '2026-03-02T10:00:00.000Z' }],
  nextCursor: null,
  changeCursor: '1',
};

const explanation: MemberExplanationReply = {
  segmentId: 'seg-1',
  contactId: 'c-1',
  contactName: 'Yara Weber',
  member: true,
  explanation: {
    kind: 'interaction',
    matched: true,
    interactionType: 'EmailClicked',
    interactions: [{ interactionId: 'i-1', interactionType: 'EmailClicked', occurredAt: Date.UTC(2026, 2, 2), activityId: '02' }],
    interactionCount: 1,
    aggregate: { function: 'COUNT', value: 1, operator: '>', threshold: 0 },
    windowStart: null,
  },
};

/** A background with one segment; `overrides` replace the reply to single message types. */
function background(segment: () => SegmentRecord, overrides: Partial<Record<RuntimeMessage['type'], PageBackground>> = {}): PageBackground {
  return (message) => {
    const override = overrides[message.type];
    if (override) {
      return override(message);
    }
    switch (message.type) {
      case 'segment/get':
        return segment();
      case 'journey/get':
        return journey;
      case 'segment/members':
        return memberPage;
      case 'segment/transitions':
        return [];
      case 'segment/explain':
        return explanation;
      case 'logic/validate':
        return { valid: true, errors: [], canonical: message.logic };
      case 'logic/preview':
        return { memberCount: 51, countedAt: '2026-03-02T11:00:00.000Z' };
      default:
        throw new Error(`The test background has no answer for ${message.type}.`);
    }
  };
}

const text = (element: Element | null | undefined) => element?.textContent ?? '';

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('record page', () => {
  it('shows the backend message when the segment cannot be loaded', async () => {
    const message = 'Segment "seg-9" was not found. It may have been deleted; open the segment list.';
    useBackground(() => {
      throw new Error(message);
    });
    const page = await mount(<RecordPage search="?id=seg-9" />);

    const error = await waitForElement(() => page.querySelector('[data-field="load-error"]'));
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(message);
  });

  it('explains an address without an id', async () => {
    const page = await mount(<RecordPage search="" />);

    const error = await waitForElement(() => page.querySelector('[data-field="load-error"]'));
    expect(error.textContent).toContain('neither a segment id nor a capture id');
  });

  it('shows name, localized status, journey, origin and count with its time', async () => {
    useBackground(background(() => segmentRecord({ status: 'liveEditable', pendingLogic: 'PROFILE(contact)' })));
    const page = await mount(<RecordPage search="?id=seg-1" />);

    await waitForElement(() => (text(page.querySelector('[data-field="journey"]')).includes('Spring') ? page : null));
    expect(text(page.querySelector('h1'))).toBe('Launch clickers');
    expect(text(page.querySelector('.record-header .status'))).toBe('Live, editable');
    expect(text(page.querySelector('[data-field="journey"]'))).toBe('Spring product launch (j-1)');
    expect(text(page.querySelector('[data-field="origin"]'))).toBe('Unique clicks at tile "Launch announcement"');
    expect(text(page.querySelector('[data-field="members"]'))).toMatch(/^47 as of .*2026/);
  });

  it('shows the last failure with its position in the logic', async () => {
    const lastError = { action: 'goLive', code: 'unknown-segment', message: 'Segment "Old" does not exist.', line: 1, column: 9, at: '2026-03-02T10:00:00.000Z' };
    useBackground(background(() => segmentRecord({ lastError })));
    const page = await mount(<RecordPage search="?id=seg-1" />);

    const error = await waitForElement(() => page.querySelector('[data-field="last-error"]'));
    expect(error.textContent).toBe('Last error: Segment "Old" does not exist. (line 1, column 9)');
  });

  it('lists the validator errors under the logic', async () => {
    const errors = [{ code: 'unknown-interaction-type', message: 'EmailClickd is not an interaction type.', line: 1, column: 13, length: 11 }];
    useBackground(background(() => segmentRecord(), { 'logic/validate': () => ({ valid: false, errors, canonical: null }) }));
    const page = await mount(<RecordPage search="?id=seg-1" />);

    const item = await waitForElement(() => page.querySelector('.logic-errors li'));
    expect(item.textContent).toBe('Line 1, column 13: EmailClickd is not an interaction type.');
    expect(text(page.querySelector('[data-field="preview"]'))).toContain('Fix the errors');
    expect(sentMessages('logic/preview')).toEqual([]);
  });

  it('previews the count of the logic with its time', async () => {
    useBackground(background(() => segmentRecord()));
    const page = await mount(<RecordPage search="?id=seg-1" />);

    const preview = await waitForElement(() => (text(page.querySelector('[data-field="preview"]')).startsWith('Preview') ? page.querySelector('[data-field="preview"]') : null));
    expect(preview.textContent).toMatch(/^Preview: 51 members as of .*2026/);
    expect(sentMessages('logic/validate')[0]).toMatchObject({ segmentName: 'Launch clickers' });
  });

  it('shows the backend message when saving fails', async () => {
    const message = 'A segment named "Launch openers" already exists. SEGMENT(name) needs unique names, so choose another name.';
    useBackground(
      background(() => segmentRecord(), {
        'segment/update': () => {
          throw new Error(message);
        },
      }),
    );
    const page = await mount(<RecordPage search="?id=seg-1" />);
    const name = await waitForElement(() => page.querySelector<HTMLInputElement>('#segment-name'));

    await act(() => {
      name.value = 'Launch openers';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(page.querySelector('.segment-form button[type="submit"]'));

    const error = await waitForElement(() => page.querySelector('[data-field="save-error"]'));
    expect(error.textContent).toBe(message);
    expect(sentMessages('segment/update')[0].changes).toEqual({ name: 'Launch openers' });
  });

  it('shows a missing members endpoint as an error of that section', async () => {
    const message = 'The backend does not offer GET /api/segments/seg-1/members yet. Update the Journey Segments backend to use this.';
    useBackground(
      background(() => segmentRecord(), {
        'segment/members': () => {
          throw new Error(message);
        },
      }),
    );
    const page = await mount(<RecordPage search="?id=seg-1" />);

    const error = await waitForElement(() => page.querySelector('[data-field="members-error"]'));
    expect(error.textContent).toBe(message);
    expect(text(page.querySelector('h1'))).toBe('Launch clickers');
  });

  it('explains a member from its row', async () => {
    useBackground(background(() => segmentRecord({ status: 'live' })));
    const page = await mount(<RecordPage search="?id=seg-1" />);

    const why = await waitForElement(() => page.querySelector('.members-table button'));
    expect(why.getAttribute('aria-label')).toBe('Why is Yara Weber a member?');
    await click(why);

    const result = await waitForElement(() => page.querySelector('[data-field="explanation"]'));
    expect(text(result.querySelector('.explain-verdict'))).toBe('Yara Weber (c-1) is a member.');
    expect(page.querySelector<HTMLInputElement>('#explain-contact')?.value).toBe('c-1');
    expect(sentMessages('segment/explain')).toEqual([{ type: 'segment/explain', segmentId: 'seg-1', contactId: 'c-1' }]);
  });

  it('refreshes the member count without a reload', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let current = segmentRecord({ status: 'live' });
    useBackground(background(() => current));
    const page = await mount(<RecordPage search="?id=seg-1" />);
    await waitForElement(() => page.querySelector('[data-field="members"]'));

    current = segmentRecord({ status: 'live', memberCount: 52, countedAt: '2026-03-02T10:05:00.000Z' });
    await act(async () => {
      vi.advanceTimersByTime(segmentPollIntervalMs);
    });

    await waitForElement(() => (text(page.querySelector('[data-field="members"]')).startsWith('52') ? page : null));
    await vi.waitFor(() => expect(sentMessages('segment/members').length).toBeGreaterThanOrEqual(2));
  });
});
