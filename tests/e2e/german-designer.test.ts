// The demo designer in German (?lang=de) in a real browser: result rows and reason lists are found by their German
// catalog labels, captures store the shown counts, and the extension's own UI follows the language setting,
// including a change made while the page is open.

import type { ElementHandle, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchJourney } from '../../backend/src/demo/journeys';
import type { SegmentRecord } from '../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const journeyId = launchJourney.journeyId;

let backend: TestBackend;
let chromium: ExtensionBrowser;
let worker: WebWorker;
let page: Page;

beforeAll(async () => {
  backend = await startTestBackend({ demoContacts: 1500 });
  chromium = await launchWithExtension({ backendUrl: backend.url, apiToken: backend.tokens.marketer });
  worker = await chromium.worker();
  await worker.evaluate(async (token) => {
    await chrome.storage.sync.set({ apiToken: token, uiLanguage: 'auto' });
  }, backend.tokens.marketer);
  page = await chromium.browser.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await backend?.stop();
});

const designerUrl = (query: string) => `${backend.url}/designer/journeys/${journeyId}?lang=de&${query}`;

async function segments(): Promise<SegmentRecord[]> {
  return ((await (await backend.fetch('/api/segments')).json()) as { segments: SegmentRecord[] }).segments;
}

async function resultRow(label: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('aside [role="tabpanel"] [role="row"]')].find(
        (row) => row.querySelector('[role="rowheader"]')?.textContent === text && row.querySelector('journey-segments-save'),
      ),
    { timeout: 15_000 },
    label,
  );
  return handle as ElementHandle<Element>;
}

const buttonText = (row: ElementHandle<Element>) =>
  row.$eval('journey-segments-save', (host) => host.shadowRoot?.querySelector('button')?.textContent ?? '');

const countIn = async (row: ElementHandle<Element>) =>
  Number((await row.$eval('[role="cell"]', (cell) => cell.textContent ?? '')).replace(/[^\d]/g, ''));

/** Opens the flyout from `container`'s button, saves it under `name` and returns the prefilled name. */
async function saveThroughFlyout(container: ElementHandle<Element>, name: string, saveLabel: string, savedText: string): Promise<string> {
  await (await container.$('journey-segments-save >>> button'))!.click();
  const nameField = (await page.waitForSelector('journey-segments-flyout >>> input'))!;
  const prefilled = await nameField.evaluate((input) => (input as HTMLInputElement).value);
  await nameField.click({ count: 3 });
  await nameField.type(name);
  await (await page.waitForSelector(`journey-segments-flyout >>> ::-p-text(${saveLabel})`))!.click();
  // The toast of an earlier capture may still be showing, so wait for the one that names this segment.
  await page.waitForFunction(
    (text, segmentName) => {
      const status = document.querySelector('journey-segments-toast')?.shadowRoot?.querySelector('[role="status"]');
      return Boolean(status?.textContent?.includes(text) && status.textContent.includes(segmentName));
    },
    { timeout: 15_000 },
    savedText,
    name,
  );
  return prefilled;
}

describe('German designer', () => {
  it('offers buttons on German result rows only', async () => {
    await page.goto(designerUrl('tab=designer&tile=02'));
    await resultRow('Eindeutige Klicks');

    const rows = Object.fromEntries(
      await page.$$eval('aside [role="tabpanel"] [role="row"]', (all) =>
        all.map((row) => [row.querySelector('[role="rowheader"]')?.textContent ?? '', row.querySelectorAll('journey-segments-save').length] as const),
      ),
    );
    expect(rows['Verarbeitet']).toBe(1);
    expect(rows['Eindeutige Klicks']).toBe(1);
    expect(rows['Hard Bounces']).toBe(1);
    expect(rows['Zufluss']).toBe(0);
    expect(rows['Wird verarbeitet']).toBe(0);
  });

  it('saves a German result with the shown count and a German name', async () => {
    const row = await resultRow('Eindeutige Klicks');
    const shownCount = await countIn(row);
    expect(shownCount).toBeGreaterThan(0);

    const prefilled = await saveThroughFlyout(row, 'Klicker der Ankündigung', 'Save and Close', 'Changes saved');

    expect(prefilled).toBe('Eindeutige Klicks - Launch announcement - Spring product launch');
    const stored = (await segments()).find((segment) => segment.name === 'Klicker der Ankündigung');
    expect(stored?.origin).toEqual({ journeyId, activityId: '02', resultId: 'uniqueClicks' });
    expect(stored?.memberCount).toBe(shownCount);
  });

  it('switches its own UI to German when the setting changes', async () => {
    const row = await resultRow('Verarbeitet');
    expect(await buttonText(row)).toBe('Save as segment');

    await worker.evaluate(async () => {
      await chrome.storage.sync.set({ uiLanguage: 'de' });
    });

    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('journey-segments-save')].some(
          (host) => host.shadowRoot?.querySelector('button')?.textContent === 'Als Segment speichern',
        ),
      { timeout: 15_000 },
    );
    expect(await buttonText(await resultRow('Verarbeitet'))).toBe('Als Segment speichern');
  });

  it('saves a German reason list with the shown count', async () => {
    const reason = 'Kontakt hat die Zustimmung unter den Schwellenwert gesenkt';
    await page.goto(designerUrl('tab=insights'));
    const reasonRow = await page.waitForSelector(`section [role="row"] ::-p-text(${reason})`);
    await reasonRow!.click();
    const list = (await page.waitForSelector(`section[data-reason-list][aria-label="${reason}"]:has(journey-segments-save)`))!;
    const shownCount = await page.$eval('[role="row"][aria-selected="true"] [role="gridcell"]:last-child', (cell) =>
      Number((cell.textContent ?? '').replace(/[^\d]/g, '')),
    );
    expect(shownCount).toBeGreaterThan(0);

    const prefilled = await saveThroughFlyout(list, 'Zustimmung gesenkt', 'Speichern und schließen', 'Änderungen gespeichert');

    expect(prefilled).toBe(`${reason} - Spring product launch`);
    const stored = (await segments()).find((segment) => segment.name === 'Zustimmung gesenkt');
    expect(stored?.origin).toEqual({ journeyId, reasonId: 'consent' });
    expect(stored?.memberCount).toBe(shownCount);
  });
});
