// Runs the real content script on a fixture page, with the background replaced by a programmable handler.

import { vi } from 'vitest';

import { fallbackSettings, startContentScript, type ContentScript } from '../../../../extension/content/boot';
import type { RuntimeMessage } from '../../../../extension/lib/messages';
import { browser } from './browser-mock';
import { designerUrl, journeyDetail } from './demo-designer-fixture';

export type BackgroundHandler = (message: RuntimeMessage) => unknown | Promise<unknown>;

/** Replies like a working background: the fixture journey, the default settings, and record pages that open. */
export const workingBackground: BackgroundHandler = (message) => {
  switch (message.type) {
    case 'journey/get':
      return journeyDetail;
    case 'settings/get':
      return fallbackSettings;
    case 'record/open':
      return null;
    default:
      throw new Error(`The test background has no answer for ${message.type}.`);
  }
};

/** Routes runtime.sendMessage to `handler`, wrapping results and errors in the reply envelope. */
export function useBackground(handler: BackgroundHandler): void {
  browser.runtime.sendMessage.mockImplementation(async (message: unknown) => {
    try {
      return { ok: true, value: await handler(message as RuntimeMessage) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
}

let running: ContentScript | null = null;

export function startOn(html: string, url = designerUrl): ContentScript {
  stopContentScript();
  window.history.replaceState(null, '', url);
  document.body.innerHTML = html;
  running = startContentScript(window);
  return running;
}

export function stopContentScript(): void {
  running?.stop();
  running = null;
  document.body.innerHTML = '';
}

/** Waits until the observer has processed the current mutations and Preact has rendered. */
export async function settle(): Promise<void> {
  for (let frame = 0; frame < 3; frame++) {
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Lists the label of every result row with the number of Save as segment buttons in it. */
export function buttonsPerRow(root: ParentNode = document): Array<[string, number]> {
  return [...root.querySelectorAll('aside [role="row"]')]
    .filter((row) => row.querySelector('[role="rowheader"]'))
    .map((row) => [row.querySelector('[role="rowheader"]')?.textContent ?? '', row.querySelectorAll('journey-segments-save').length]);
}

export function labelsWithButton(): string[] {
  return buttonsPerRow()
    .filter(([, count]) => count > 0)
    .map(([label]) => label);
}

export function saveButtonIn(container: Element): HTMLButtonElement {
  const button = container.querySelector('journey-segments-save')?.shadowRoot?.querySelector('button');
  if (!button) {
    throw new Error('No Save as segment button in this container.');
  }
  return button;
}

export function rowLabelled(label: string): Element {
  const row = [...document.querySelectorAll('aside [role="row"]')].find(
    (candidate) => candidate.querySelector('[role="rowheader"]')?.textContent === label,
  );
  if (!row) {
    throw new Error(`No row labelled "${label}".`);
  }
  return row;
}

export function resetBrowserMock(): void {
  vi.clearAllMocks();
  useBackground(workingBackground);
}
