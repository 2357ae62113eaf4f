import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('../support/browser-mock'));

import type { SegmentRecord, SegmentStatus } from '../../../../shared/api/segments';
import { SegmentActions } from '../../../../extension/pages/segment/segment-actions';
import { click, mount, segmentRecord, sentMessages, unmount, useBackground, waitForElement } from './page-harness';

const buttonsOf = (page: HTMLElement) => [...page.querySelectorAll<HTMLButtonElement>('button[data-action]')].map((button) => button.dataset.action);

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(unmount);

describe('segment actions', () => {
  it.each<[SegmentStatus, string[]]>([
    ['draft', ['goLive']],
    ['goingLive', []],
    ['live', ['edit', 'rebuild', 'stop']],
    ['liveEditable', ['publish', 'cancelEdit', 'rebuild']],
    ['stopping', []],
    ['stopped', ['goLive']],
  ])('offer the buttons of status %s', async (status, expected) => {
    const page = await mount(<SegmentActions segment={segmentRecord({ status })} dirty={false} onChanged={() => undefined} />);

    expect(buttonsOf(page)).toEqual(expected);
  });

  it('follow the allowed actions the backend sends', async () => {
    const segment = segmentRecord({ status: 'live', allowedActions: ['stop', 'update'] });
    const page = await mount(<SegmentActions segment={segment} dirty={false} onChanged={() => undefined} />);

    expect(buttonsOf(page)).toEqual(['stop']);
  });

  it('say so when no action is possible', async () => {
    const page = await mount(<SegmentActions segment={segmentRecord({ status: 'goingLive' })} dirty={false} onChanged={() => undefined} />);

    expect(page.querySelector('[role="status"]')?.textContent).toContain('No action is possible');
  });

  it('have accessible names', async () => {
    const page = await mount(<SegmentActions segment={segmentRecord({ status: 'live' })} dirty={false} onChanged={() => undefined} />);

    expect([...page.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Edit', 'Rebuild now', 'Stop']);
  });

  it('run Go live and hand over the new record', async () => {
    const live = segmentRecord({ status: 'live' });
    useBackground(() => ({ state: 'done', segment: live }));
    const changed = vi.fn<(segment: SegmentRecord) => void>();
    const page = await mount(<SegmentActions segment={segmentRecord()} dirty={false} onChanged={changed} />);

    await click(page.querySelector('button[data-action="goLive"]'));

    await vi.waitFor(() => expect(changed).toHaveBeenCalledWith(live));
    expect(sentMessages('segment/action')).toEqual([{ type: 'segment/action', segmentId: 'seg-1', action: 'goLive', confirm: undefined }]);
  });

  it('hold Go live back while edits are unsaved', async () => {
    const page = await mount(<SegmentActions segment={segmentRecord()} dirty onChanged={() => undefined} />);

    const button = page.querySelector<HTMLButtonElement>('button[data-action="goLive"]')!;
    expect(button.disabled).toBe(true);
    expect(page.querySelector(`#${button.getAttribute('aria-describedby')}`)?.textContent).toContain('Save or discard');
  });

  it('show the backend message when an action fails', async () => {
    const message = 'Segment "Launch clickers" is Live, so it cannot go live. Allowed now: stop (POST /api/segments/seg-1/stop).';
    useBackground(() => {
      throw new Error(message);
    });
    const page = await mount(<SegmentActions segment={segmentRecord()} dirty={false} onChanged={() => undefined} />);

    await click(page.querySelector('button[data-action="goLive"]'));

    const alert = await waitForElement(() => page.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe(message);
  });

  describe('stop', () => {
    const referencing = [{ segmentId: 'seg-2', name: 'Depends on clickers' }];

    it('asks first when live segments refer to the segment', async () => {
      useBackground(() => ({ state: 'confirm', message: 'used by', referencingSegments: referencing }));
      const page = await mount(<SegmentActions segment={segmentRecord({ status: 'live' })} dirty={false} onChanged={() => undefined} />);

      await click(page.querySelector('button[data-action="stop"]'));

      const dialog = await waitForElement(() => page.querySelector('[role="alertdialog"]'));
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      expect(dialog.querySelector('a')?.textContent).toBe('Depends on clickers');
      expect(dialog.querySelector('a')?.getAttribute('href')).toBe('segment.html?id=seg-2');
      expect(document.activeElement?.textContent).toBe('Keep it live');
    });

    it('stops with confirm after Stop anyway', async () => {
      const stopped = segmentRecord({ status: 'stopped' });
      useBackground((message) =>
        message.type === 'segment/action' && message.confirm ? { state: 'done', segment: stopped } : { state: 'confirm', message: '', referencingSegments: referencing },
      );
      const changed = vi.fn();
      const page = await mount(<SegmentActions segment={segmentRecord({ status: 'live' })} dirty={false} onChanged={changed} />);

      await click(page.querySelector('button[data-action="stop"]'));
      await click(await waitForElement(() => page.querySelector('[role="alertdialog"] button.danger')));

      await vi.waitFor(() => expect(changed).toHaveBeenCalledWith(stopped));
      expect(sentMessages('segment/action').map((message) => message.confirm)).toEqual([undefined, true]);
      expect(page.querySelector('[role="alertdialog"]')).toBeNull();
    });

    it('keeps the segment live on cancel', async () => {
      useBackground(() => ({ state: 'confirm', message: '', referencingSegments: referencing }));
      const page = await mount(<SegmentActions segment={segmentRecord({ status: 'live' })} dirty={false} onChanged={() => undefined} />);

      await click(page.querySelector('button[data-action="stop"]'));
      await click(await waitForElement(() => [...page.querySelectorAll('[role="alertdialog"] button')].find((button) => button.textContent === 'Keep it live')));

      expect(page.querySelector('[role="alertdialog"]')).toBeNull();
      expect(sentMessages('segment/action')).toHaveLength(1);
      expect(document.activeElement?.getAttribute('data-action')).toBe('stop');
    });
  });
});
