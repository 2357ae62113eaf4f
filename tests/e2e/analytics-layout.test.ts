// The second host layout in a real browser: the built extension on the real-time analytics demo page, which shows
// a card per tile (Inflow, Processing, Processed, Exit) and the journey's exit reasons. The built-in
// realtime-analytics host profile must put buttons on the right rows, and captures must store the shown counts.

import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchJourney } from '../../backend/src/demo/journeys';
import type { SegmentRecord } from '../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { waitForSavedToast } from './support/designer';

const journeyId = launchJourney.journeyId;

let backend: TestBackend;
let chromium: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  backend = await startTestBackend({ demoContacts: 1500 });
  chromium = await launchWithExtension({ backendUrl: backend.url, apiToken: backend.tokens.marketer });
  const worker = await chromium.worker();
  await worker.evaluate(async (token) => {
    await chrome.storage.sync.set({ apiToken: token });
  }, backend.tokens.marketer);
  page = await chromium.browser.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await backend?.stop();
});

async function segments(): Promise<SegmentRecord[]> {
  return ((await (await backend.fetch('/api/segments')).json()) as { segments: SegmentRecord[] }).segments;
}

/** Finds the row labelled `label` in the card of tile `activityId` once the extension has put its button there. */
async function tileRow(activityId: string, label: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (id, text) =>
      [...document.querySelectorAll(`article[data-activity-id="${id}"] tbody tr`)].find(
        (row) => row.querySelector('th')?.textContent === text && row.querySelector('journey-segments-save'),
      ),
    { timeout: 15_000 },
    activityId,
    label,
  );
  return handle as ElementHandle<Element>;
}

const countIn = async (row: ElementHandle<Element>) =>
  Number((await row.$eval('td', (cell) => cell.firstChild?.textContent ?? '')).replace(/[^\d]/g, ''));

async function saveThroughFlyout(row: ElementHandle<Element>, name: string): Promise<string> {
  await (await row.$('journey-segments-save >>> button'))!.click();
  const nameField = (await page.waitForSelector('journey-segments-flyout >>> input'))!;
  const prefilled = await nameField.evaluate((input) => (input as HTMLInputElement).value);
  await nameField.click({ count: 3 });
  await nameField.type(name);
  await (await page.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!.click();
  await waitForSavedToast(page, name);
  return prefilled;
}

describe('analytics layout', () => {
  it('puts buttons on Processed and Exit rows only', async () => {
    await page.goto(`${backend.url}/analytics/journeys/${journeyId}`);
    await tileRow('02', 'Exit');

    const rows = await page.$$eval('article[data-activity-id="02"] tbody tr', (all) =>
      all.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelectorAll('journey-segments-save').length] as const),
    );
    expect(Object.fromEntries(rows)).toEqual({ Inflow: 0, Processing: 0, Processed: 1, Exit: 1 });
  });

  it('gives every tile card its own buttons', async () => {
    for (const tile of launchJourney.tiles) {
      await tileRow(tile.activityId, 'Processed');
    }
    const buttons = await page.$$eval('article[data-activity-id] journey-segments-save', (all) => all.length);

    expect(buttons).toBe(launchJourney.tiles.length * 2);
    await page.screenshot({ path: '.tmp/analytics-layout.png', fullPage: true });
  });

  it('saves Processed of a tile with the shown count', async () => {
    const row = await tileRow('02', 'Processed');
    const shownCount = await countIn(row);

    expect(shownCount).toBeGreaterThan(0);

    const prefilled = await saveThroughFlyout(row, 'Announcement processed');

    expect(prefilled).toBe('Processed - Launch announcement - Spring product launch');
    const stored = (await segments()).find((segment) => segment.name === 'Announcement processed');
    expect(stored?.origin).toEqual({ journeyId, activityId: '02', resultId: 'processed' });
    expect(stored?.memberCount).toBe(shownCount);
  });

  it('saves Exit as the Stopped result', async () => {
    const row = await tileRow('02', 'Exit');
    const shownCount = await countIn(row);

    expect(shownCount).toBeGreaterThan(0);

    const prefilled = await saveThroughFlyout(row, 'Announcement exits');

    expect(prefilled).toBe('Stopped - Launch announcement - Spring product launch');
    const stored = (await segments()).find((segment) => segment.name === 'Announcement exits');
    expect(stored?.origin).toEqual({ journeyId, activityId: '02', resultId: 'stopped' });
    expect(stored?.memberCount).toBe(shownCount);
  });

  it('saves an exit reason with the shown count', async () => {
    const reasonRow = (await page.waitForFunction(
      () =>
        [...document.querySelectorAll('section[aria-labelledby="exit-reasons-title"] tbody tr')].find((row) =>
          row.querySelector('journey-segments-save'),
        ),
      { timeout: 15_000 },
    )) as ElementHandle<Element>;
    const label = await reasonRow.$eval('th', (cell) => cell.textContent ?? '');
    const shownCount = await countIn(reasonRow);

    expect(shownCount).toBeGreaterThan(0);

    const prefilled = await saveThroughFlyout(reasonRow, 'Exit reason contacts');

    expect(prefilled).toBe(`${label} - Spring product launch`);
    const stored = (await segments()).find((segment) => segment.name === 'Exit reason contacts');
    expect(stored?.origin).toMatchObject({ journeyId });
    expect(Object.keys(stored?.origin ?? {})).toContain('reasonId');
    expect(stored?.memberCount).toBe(shownCount);
  });
});
