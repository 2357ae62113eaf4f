import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('../support/browser-mock'));

import type { JourneyDetail } from '../../../../shared/api/journeys';
import { SegmentListPage } from '../../../../extension/pages/segment-list/segment-list-page';
import { mount, segmentRecord, sentMessages, unmount, useBackground, waitForElement } from './page-harness';

const segments = [
  segmentRecord(),
  segmentRecord({ segmentId: 'seg-2', name: 'Hard bounces', status: 'live', journeyId: 'j-2', memberCount: null, countedAt: null }),
];

beforeEach(() => {
  vi.clearAllMocks();
  useBackground((message) => {
    switch (message.type) {
      case 'segments/list':
        return segments.filter((segment) => (!message.status || segment.status === message.status) && (!message.journeyId || segment.journeyId === message.journeyId));
      case 'journey/get':
        if (message.journeyId === 'j-1') {
          return { journeyId: 'j-1', name: 'Spring product launch', tiles: [] } as unknown as JourneyDetail;
        }
        throw new Error(`Journey ${message.journeyId} was not found.`);
      default:
        throw new Error(`The test background has no answer for ${message.type}.`);
    }
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(unmount);

const rowTexts = (page: HTMLElement) => [...page.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));

describe('segment list', () => {
  it('links each name to its record page', async () => {
    const page = await mount(<SegmentListPage search="" />);

    const link = await waitForElement(() => page.querySelector('tbody a'));
    expect(link.getAttribute('href')).toBe('segment.html?id=seg-1');
    expect(link.textContent).toBe('Launch clickers');
  });

  it('shows status, journey name and count with its time', async () => {
    const page = await mount(<SegmentListPage search="" />);

    await waitForElement(() => (page.textContent?.includes('Spring product launch (') === false && page.querySelector('tbody td:nth-child(3)')?.textContent === 'Spring product launch' ? page : null));
    const [first, second] = rowTexts(page);
    expect(first.slice(1, 3)).toEqual(['Draft', 'Spring product launch']);
    expect(first[3]).toMatch(/^47 as of .*2026/);
    expect(second.slice(1, 4)).toEqual(['Live', 'j-2', 'Not counted yet']);
  });

  it('filters by status', async () => {
    const page = await mount(<SegmentListPage search="" />);
    const select = await waitForElement(() => page.querySelector<HTMLSelectElement>('#filter-status'));

    await act(() => {
      select.value = 'live';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });

    await waitForElement(() => (rowTexts(page).length === 1 ? page : null));
    expect(rowTexts(page)[0][0]).toBe('Hard bounces');
    expect(sentMessages('segments/list').some((message) => message.status === 'live')).toBe(true);
    expect(location.search).toBe('?status=live');
  });

  it('starts with the filters of the address', async () => {
    const page = await mount(<SegmentListPage search="?journeyId=j-1" />);

    await waitForElement(() => (rowTexts(page).length === 1 ? page : null));
    expect(rowTexts(page)[0][0]).toBe('Launch clickers');
    expect(page.querySelector<HTMLSelectElement>('#filter-journey')?.value).toBe('j-1');
  });

  it('labels both filters', async () => {
    const page = await mount(<SegmentListPage search="" />);

    for (const id of ['filter-status', 'filter-journey']) {
      expect(page.querySelector(`label[for="${id}"]`)?.textContent).not.toBe('');
    }
  });
});
