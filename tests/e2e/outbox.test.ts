// Capture durability in a real browser. A capture made while the backend is down waits in the extension's
// IndexedDB outbox and survives the service worker being stopped. It reaches the backend exactly once after the
// backend comes back on the same port and database. The same is true across a browser restart. Double clicks and replayed
// requests also make one segment.
//
// The designer page is loaded while the backend is up and stays open when the backend stops, the way a marketer
// keeps working in a designer tab while the backend restarts.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchJourney } from '../../backend/src/demo/journeys';
import type { SegmentRecord } from '../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../support/backend';
import type { TestDatabase } from '../support/databases';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const journeyId = launchJourney.journeyId;

let port: number;
let testDatabase: TestDatabase;
let backend: TestBackend | undefined;
let chromium: ExtensionBrowser;
let page: Page;
let extensionToken: string;

/** Returns a port that is free now, so the backend can stop and start again on the same one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  backend = await startTestBackend({ port, demoContacts: 300, auth: 'required' });
  testDatabase = backend.testDatabase;
  extensionToken = backend.tokens.marketer;
  chromium = await launchWithExtension({ backendUrl: backend.url, apiToken: extensionToken });
  page = await chromium.browser.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await backend?.close();
  await testDatabase?.drop();
});

async function segmentsNamed(name: string): Promise<SegmentRecord[]> {
  const response = await backend!.fetch('/api/segments');
  const { segments } = (await response.json()) as { segments: SegmentRecord[] };
  return segments.filter((segment) => segment.name === name);
}

/** Waits until a segment named `name` exists; the outbox retries on its alarm 30 s after a failed attempt. */
async function waitForSegments(name: string): Promise<SegmentRecord[]> {
  let found: SegmentRecord[] = [];
  for (let attempt = 0; attempt < 90 && found.length === 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    found = await segmentsNamed(name);
  }
  return found;
}

/** Opens the Data panel of the email tile and returns its Processed row once the button is there. */
async function openProcessedRow(page: Page): Promise<ElementHandle<Element>> {
  await page.goto(`${backend!.url}/designer/journeys/${journeyId}?tab=designer&tile=02`);
  const row = await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[role="tabpanel"][aria-label="Data"] [role="row"]')].find(
        (candidate) => candidate.querySelector('[role="rowheader"]')?.textContent === 'Processed' && candidate.querySelector('journey-segments-save'),
      ),
    { timeout: 15_000 },
  );
  return row as ElementHandle<Element>;
}

/** Opens the flyout from `row`, names the segment and returns the Save and Close button. */
async function fillFlyout(page: Page, row: ElementHandle<Element>, name: string): Promise<ElementHandle<Element>> {
  await (await row.$('journey-segments-save >>> button'))!.click();
  const nameField = (await page.waitForSelector('journey-segments-flyout >>> input'))!;
  await page.waitForFunction(() => document.activeElement?.tagName.toLowerCase() === 'journey-segments-flyout');
  await nameField.click({ count: 3 });
  await nameField.type(name);
  return (await page.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!;
}

async function toastText(page: Page, expected: string): Promise<string> {
  const toast = await page.waitForSelector('journey-segments-toast >>> [role="status"]');
  await page.waitForFunction((element, text) => element?.textContent?.includes(text), { timeout: 15_000 }, toast, expected);
  return toast!.evaluate((element) => element.textContent ?? '');
}

/** Opens the popup page in a tab and returns the delivery state it shows for the capture named `name`. */
async function popupState(name: string, expected: string, browser = chromium): Promise<{ state: string; text: string }> {
  const popup = await browser.browser.newPage();
  try {
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/pages/popup.html`);
    const item = await popup.waitForFunction(
      (captureName, state) =>
        [...document.querySelectorAll('li[data-state]')].find(
          (candidate) => candidate.querySelector('.capture-name')?.textContent === captureName && candidate.getAttribute('data-state') === state,
        ),
      { timeout: 20_000 },
      name,
      expected,
    );
    return (item as ElementHandle<Element>).evaluate((element) => ({ state: element.getAttribute('data-state') ?? '', text: element.textContent ?? '' }));
  } finally {
    await popup.close();
  }
}

/** Stops the extension's service worker, as Chrome does after 30 idle seconds; its globals are gone after this. */
async function stopServiceWorker(): Promise<void> {
  const workerUrl = `chrome-extension://${chromium.extensionId}/`;
  const isWorker = (target: { type(): string; url(): string }) => target.type() === 'service_worker' && target.url().startsWith(workerUrl);

  const target = await chromium.browser.waitForTarget(isWorker);
  // WebWorker.close() of a service worker target sends Target.closeTarget, which stops the worker.
  await (await target.worker())!.close();
  for (let attempt = 0; attempt < 100; attempt++) {
    if (!chromium.browser.targets().some(isWorker)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The extension service worker was still running 10 s after it was closed.');
}

describe('outbox', () => {
  it('delivers a capture made offline exactly once', async () => {
    const name = 'Saved while the backend was down';
    const row = await openProcessedRow(page);

    await backend!.close();
    backend = undefined;

    const save = await fillFlyout(page, row, name);
    await save.click();
    const toast = await toastText(page, 'Queued');
    expect(toast).toContain('Queued. The segment is saved as soon as the backend is reachable.');
    expect(toast).toContain(name);
    expect((await popupState(name, 'queued')).text).toContain('Queued');

    await stopServiceWorker();

    backend = await startTestBackend({ testDatabase, port, auth: 'required' });
    const delivered = await waitForSegments(name);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].origin).toEqual({ journeyId, activityId: '02', resultId: 'processed' });

    const popupItem = await popupState(name, 'delivered');
    expect(popupItem.text).toContain('Saved');
    expect(await segmentsNamed(name)).toHaveLength(1);
  });

  it('makes one segment from a double click', async () => {
    const name = 'Double-clicked capture';
    const save = await fillFlyout(page, await openProcessedRow(page), name);
    await save.click({ count: 2 });
    await toastText(page, 'Changes saved');

    await popupState(name, 'delivered');
    expect(await segmentsNamed(name)).toHaveLength(1);
  });

  it('returns the same segment for a replay', async () => {
    const name = 'Replayed capture';
    const save = await fillFlyout(page, await openProcessedRow(page), name);
    await save.click();
    await toastText(page, 'Changes saved');
    const [original] = await segmentsNamed(name);

    // The capture id is the Idempotency-Key of every attempt; the worker keeps it with the delivery state.
    const worker = await chromium.worker();
    const captureId = await worker.evaluate(async (captureName) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('journey-segments');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const statuses = await new Promise<Array<{ captureId: string; name: string }>>((resolve, reject) => {
        const request = database.transaction('captures').objectStore('captures').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      database.close();
      return statuses.find((status) => status.name === captureName)?.captureId;
    }, name);
    expect(captureId).toBeDefined();

    const replay = await backend!.fetch(
      '/api/segments/captures',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': captureId! },
        body: JSON.stringify({ journeyId, activityId: '02', resultId: 'processed', name, description: '' }),
      },
      'marketer',
    );
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as SegmentRecord).segmentId).toBe(original.segmentId);
    expect(await segmentsNamed(name)).toHaveLength(1);
  });

  it('delivers a queued capture after a browser restart', async () => {
    const name = 'Saved before the browser restarted';
    const profileFolder = mkdtempSync(join(resolve('.tmp'), 'chromium-restart-'));
    let restarted: ExtensionBrowser | undefined;
    try {
      const first = await launchWithExtension({ backendUrl: backend!.url, apiToken: extensionToken, profileFolder });
      const firstPage = await first.browser.newPage();
      const row = await openProcessedRow(firstPage);

      await backend!.close();
      backend = undefined;
      await (await fillFlyout(firstPage, row, name)).click();
      expect(await toastText(firstPage, 'Queued')).toContain(name);
      await first.close();

      backend = await startTestBackend({ testDatabase, port, auth: 'required' });
      restarted = await launchWithExtension({ backendUrl: backend.url, apiToken: extensionToken, profileFolder });
      const delivered = await waitForSegments(name);
      expect(delivered).toHaveLength(1);
      expect((await popupState(name, 'delivered', restarted)).text).toContain('Saved');
    } finally {
      await restarted?.close();
      rmSync(profileFolder, { recursive: true, force: true });
    }
  });
});
