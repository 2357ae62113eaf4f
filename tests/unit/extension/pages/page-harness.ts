// Renders extension pages in happy-dom with the background replaced by a programmable handler per message type.

import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';

import type { SegmentRecord } from '../../../../shared/api/segments';
import type { RuntimeMessage } from '../../../../extension/lib/messages';
import { browser } from '../support/browser-mock';

export type PageBackground = (message: RuntimeMessage) => unknown | Promise<unknown>;

/** Routes runtime.sendMessage to `handler`, wrapping results and thrown errors in the reply envelope. */
export function useBackground(handler: PageBackground): void {
  browser.runtime.sendMessage.mockImplementation(async (message: unknown) => {
    try {
      return { ok: true, value: await handler(message as RuntimeMessage) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
}

/** Returns the messages of one type that the page sent. */
export function sentMessages<T extends RuntimeMessage['type']>(type: T): Array<Extract<RuntimeMessage, { type: T }>> {
  return browser.runtime.sendMessage.mock.calls
    .map(([message]) => message as RuntimeMessage)
    .filter((message): message is Extract<RuntimeMessage, { type: T }> => message.type === type);
}

let container: HTMLElement | null = null;

export async function mount(node: ComponentChild): Promise<HTMLElement> {
  unmount();
  container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(node, container!);
  });
  return container;
}

export function unmount(): void {
  if (container) {
    render(null, container);
    container.remove();
    container = null;
  }
}

export async function click(element: Element | null): Promise<void> {
  if (!element) {
    throw new Error('Nothing to click: the element is missing.');
  }
  await act(() => {
    (element as HTMLElement).click();
  });
}

/** Waits until `find` returns an element, re-rendering in between. */
export async function waitForElement<T extends Element>(find: () => T | null | undefined, timeout = 3000): Promise<T> {
  return vi.waitFor(
    async () => {
      await act(async () => undefined);
      const element = find();
      if (!element) {
        throw new Error('The element has not appeared.');
      }
      return element;
    },
    { timeout, interval: 20 },
  );
}

export function segmentRecord(overrides: Partial<SegmentRecord> = {}): SegmentRecord {
  return {
    segmentId: 'seg-1',
    name: 'Launch clickers',
    description: 'Clicked the launch announcement',
    status: 'draft',
    logic: "INTERACTION(EmailClicked, EmailClicked_Contact)\n  .FILTER(CustomerJourneyId == 'j-1' && ActivityId == '02')\n  .HAVING(COUNT() > 0)",
    origin: { journeyId: 'j-1', activityId: '02', resultId: 'uniqueClicks' },
    journeyId: 'j-1',
    memberCount: 47,
    countedAt: '2026-03-02T10:00:00.000Z',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    lastEvaluatedAt: null,
    nextEvaluationAt: null,
    pendingLogic: null,
    lastError: null,
    ...overrides,
  };
}
