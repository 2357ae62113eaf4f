import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import type { SegmentRecord } from '../../../shared/api/segments';
import type { RuntimeMessage } from '../../../extension/lib/messages';
import { dismissToast } from '../../../extension/content/ui/show-toast';
import { fallbackSettings } from '../../../extension/content/boot';
import { browser } from './support/browser-mock';
import {
  labelsWithButton,
  resetBrowserMock,
  rowLabelled,
  saveButtonIn,
  startOn,
  stopContentScript,
  useBackground,
  workingBackground,
  type BackgroundHandler,
} from './support/content-harness';
import { designerHtml } from './support/demo-designer-fixture';

const savedSegment: SegmentRecord = {
  segmentId: 'seg-7',
  name: 'Unique clicks - Welcome email - Spring sale',
  description: '',
  status: 'draft',
  logic: 'INTERACTION EmailClicked ...',
  origin: { journeyId: 'j-1', activityId: '02', resultId: 'uniqueClicks' },
  journeyId: 'j-1',
  memberCount: null,
  countedAt: null,
  createdAt: '2025-03-02T10:00:00Z',
  updatedAt: '2025-03-02T10:00:00Z',
};

function flyoutRoot(): ShadowRoot {
  const root = document.querySelector('journey-segments-flyout')?.shadowRoot;
  if (!root) {
    throw new Error('The flyout is not open.');
  }
  return root;
}

const isFlyoutOpen = () => document.querySelector('journey-segments-flyout') !== null;
const nameInput = () => flyoutRoot().querySelector('#segment-name') as HTMLInputElement;
const focusedInFlyout = () => flyoutRoot().activeElement as HTMLElement | null;
const saveCalls = () =>
  browser.runtime.sendMessage.mock.calls
    .map(([message]) => message as RuntimeMessage)
    .filter((message): message is Extract<RuntimeMessage, { type: 'capture/save' }> => message.type === 'capture/save');

function pressKey(target: Element, key: string, shiftKey = false): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true, cancelable: true }));
}

function typeName(value: string): void {
  const input = nameInput();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function submit(): void {
  (flyoutRoot().querySelector('button[type="submit"]') as HTMLButtonElement).click();
}

async function openFlyoutOn(label: string, background: BackgroundHandler = workingBackground): Promise<HTMLButtonElement> {
  useBackground(background);
  startOn(designerHtml({ selected: '02' }));
  await vi.waitFor(() => expect(labelsWithButton()).toContain(label));

  const button = saveButtonIn(rowLabelled(label));
  button.focus();
  button.click();
  await vi.waitFor(() => expect(focusedInFlyout()?.id).toBe('segment-name'));
  return button;
}

const savingBackground =
  (capture: (message: Extract<RuntimeMessage, { type: 'capture/save' }>) => unknown): BackgroundHandler =>
  (message) =>
    message.type === 'capture/save' ? capture(message) : workingBackground(message);

beforeEach(() => {
  resetBrowserMock();
});

afterEach(() => {
  dismissToast();
  stopContentScript();
  document.querySelector('journey-segments-flyout')?.remove();
});

describe('quick-create flyout', () => {
  it('prefills the name from result, tile and journey', async () => {
    await openFlyoutOn('Unique clicks');

    expect(nameInput().value).toBe('Unique clicks - Welcome email - Spring sale');
    expect(flyoutRoot().querySelector('.source')?.textContent).toBe('Unique clicks at tile "Welcome email" of journey "Spring sale"');
  });

  it('prefills in the configured language', async () => {
    await openFlyoutOn('Hard bounces', (message) =>
      message.type === 'settings/get' ? { ...fallbackSettings, uiLanguage: 'de' } : workingBackground(message),
    );

    expect(nameInput().value).toBe('Hard Bounces - Welcome email - Spring sale');
  });

  it('is a labelled modal dialog', async () => {
    await openFlyoutOn('Processed');

    const dialog = flyoutRoot().querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(flyoutRoot().getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Quick create: Segment');
  });

  it('closes on Esc and returns focus to the button', async () => {
    const button = await openFlyoutOn('Unique clicks');

    pressKey(nameInput(), 'Escape');

    expect(isFlyoutOpen()).toBe(false);
    expect(button.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect((button.getRootNode() as ShadowRoot).activeElement).toBe(button);
  });

  it('closes on Esc while focus is on the page', async () => {
    await openFlyoutOn('Unique clicks');

    pressKey(document.body, 'Escape');

    expect(isFlyoutOpen()).toBe(false);
  });

  it('closes on Cancel', async () => {
    await openFlyoutOn('Delivered');

    const cancel = [...flyoutRoot().querySelectorAll('button')].find((button) => button.textContent === 'Cancel');
    cancel?.click();

    expect(isFlyoutOpen()).toBe(false);
  });

  it('wraps Tab from the last control to the first', async () => {
    await openFlyoutOn('Unique clicks');
    const controls = [...flyoutRoot().querySelectorAll<HTMLElement>('button, input, textarea')];
    const first = controls[0];
    const last = controls[controls.length - 1];

    last.focus();
    pressKey(last, 'Tab');
    expect(focusedInFlyout()).toBe(first);

    pressKey(first, 'Tab', true);
    expect(focusedInFlyout()).toBe(last);
  });

  it('pulls Tab back into the flyout from the page', async () => {
    await openFlyoutOn('Unique clicks');

    (document.querySelector('[data-activity-id="01"]') as HTMLElement).focus();
    pressKey(document.activeElement as Element, 'Tab');

    expect(document.activeElement?.tagName).toBe('JOURNEY-SEGMENTS-FLYOUT');
  });

  it('rejects an empty name', async () => {
    await openFlyoutOn('Unique clicks');

    typeName('   ');
    submit();

    await vi.waitFor(() => expect(flyoutRoot().querySelector('#segment-name-error')).not.toBeNull());
    expect(flyoutRoot().querySelector('#segment-name-error')?.textContent).toBe('The segment name is empty. Give the segment a name.');
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(saveCalls()).toHaveLength(0);
  });

  it('rejects a name over 200 characters', async () => {
    await openFlyoutOn('Unique clicks');

    typeName('x'.repeat(201));
    submit();

    await vi.waitFor(() => expect(flyoutRoot().querySelector('#segment-name-error')).not.toBeNull());
    expect(flyoutRoot().querySelector('#segment-name-error')?.textContent).toBe(
      'The segment name is 201 characters long. Shorten it to 200 characters or fewer.',
    );
    expect(saveCalls()).toHaveLength(0);
  });

  it('accepts a name of exactly 200 characters', async () => {
    await openFlyoutOn('Unique clicks', savingBackground(() => ({ state: 'saved', captureId: 'c', segment: savedSegment })));

    typeName('x'.repeat(200));
    submit();

    await vi.waitFor(() => expect(saveCalls()).toHaveLength(1));
  });

  it('shows the backend message when it rejects the capture', async () => {
    await openFlyoutOn(
      'Unique clicks',
      savingBackground((message) => ({
        state: 'rejected',
        captureId: message.captureId,
        message: 'Journey j-1 has no tile 02.',
      })),
    );

    submit();

    await vi.waitFor(() => expect(flyoutRoot().querySelector('.form-error')?.textContent).toBe('Journey j-1 has no tile 02.'));
    expect(flyoutRoot().querySelector('.form-error')?.getAttribute('role')).toBe('alert');
    expect(isFlyoutOpen()).toBe(true);
  });

  it('sends the capture and shows the saved toast', async () => {
    const button = await openFlyoutOn(
      'Unique clicks',
      savingBackground((message) => ({ state: 'saved', captureId: message.captureId, segment: savedSegment })),
    );

    (flyoutRoot().querySelector('#segment-description') as HTMLTextAreaElement).value = 'Clicked in March';
    flyoutRoot().querySelector('#segment-description')?.dispatchEvent(new Event('input', { bubbles: true }));
    submit();

    await vi.waitFor(() => expect(isFlyoutOpen()).toBe(false));
    expect(saveCalls()[0].capture).toEqual({
      journeyId: 'j-1',
      activityId: '02',
      resultId: 'uniqueClicks',
      name: 'Unique clicks - Welcome email - Spring sale',
      description: 'Clicked in March',
    });
    expect(saveCalls()[0].captureId).toMatch(/^[0-9a-f-]{36}$/);
    expect((button.getRootNode() as ShadowRoot).activeElement).toBe(button);

    const toast = document.querySelector('journey-segments-toast')?.shadowRoot;
    expect(toast?.querySelector('.message')?.textContent).toBe('Changes saved');
    expect(toast?.querySelector('[role="status"]')).not.toBeNull();
  });

  it('opens the record from the toast', async () => {
    await openFlyoutOn(
      'Unique clicks',
      savingBackground((message) => ({ state: 'saved', captureId: message.captureId, segment: savedSegment })),
    );
    submit();
    await vi.waitFor(() => expect(document.querySelector('journey-segments-toast')).not.toBeNull());

    const action = document.querySelector('journey-segments-toast')?.shadowRoot?.querySelector('.action') as HTMLButtonElement;
    expect(action.textContent).toBe('View record');
    action.click();

    await vi.waitFor(() =>
      expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'record/open', segmentId: 'seg-7' }),
    );
  });

  it('says Queued when the backend is unreachable', async () => {
    await openFlyoutOn(
      'Unique clicks',
      savingBackground((message) => ({ state: 'queued', captureId: message.captureId, message: 'not reachable' })),
    );

    submit();

    await vi.waitFor(() => expect(document.querySelector('journey-segments-toast')).not.toBeNull());
    const text = document.querySelector('journey-segments-toast')?.shadowRoot?.querySelector('.message')?.textContent;
    expect(text).toBe('Queued. The segment is saved as soon as the backend is reachable.');
  });

  it('reuses the capture id when the same save is retried', async () => {
    let calls = 0;
    await openFlyoutOn(
      'Unique clicks',
      savingBackground(() => {
        calls++;
        if (calls === 1) {
          throw new Error('The Journey Segments background service did not reply.');
        }
        return { state: 'saved', captureId: 'x', segment: savedSegment };
      }),
    );

    submit();
    await vi.waitFor(() => expect(flyoutRoot().querySelector('.form-error')).not.toBeNull());
    submit();
    await vi.waitFor(() => expect(isFlyoutOpen()).toBe(false));

    expect(saveCalls()).toHaveLength(2);
    expect(saveCalls()[1].captureId).toBe(saveCalls()[0].captureId);
  });

  it('uses a new capture id after the name changed', async () => {
    await openFlyoutOn(
      'Unique clicks',
      savingBackground((message) => ({ state: 'rejected', captureId: message.captureId, message: 'Name taken.' })),
    );

    submit();
    await vi.waitFor(() => expect(saveCalls()).toHaveLength(1));
    await vi.waitFor(() => expect(flyoutRoot().querySelector('.form-error')).not.toBeNull());
    typeName('Another name');
    submit();
    await vi.waitFor(() => expect(saveCalls()).toHaveLength(2));

    expect(saveCalls()[1].captureId).not.toBe(saveCalls()[0].captureId);
  });

  it('prefills a reason name from reason and journey', async () => {
    const { incompleteJourneysHtml, designerUrl } = await import('./support/demo-designer-fixture');
    startOn(
      incompleteJourneysHtml({ heading: 'Contact has do-not-email set' }, { heading: 'Insufficient email credits' }),
      designerUrl.replace('tab=designer', 'tab=insights'),
    );
    await vi.waitFor(() => expect(document.querySelectorAll('journey-segments-save')).toHaveLength(2));

    saveButtonIn(document.querySelectorAll('section[data-reason-list]')[1]).click();
    await vi.waitFor(() => expect(isFlyoutOpen()).toBe(true));

    expect(nameInput().value).toBe('Insufficient email credits - Spring sale');
  });
});
