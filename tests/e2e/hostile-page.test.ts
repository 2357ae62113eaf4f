// A hostile host page in a real browser. Journey, tile and contact names carry markup and scripts, and the
// extension must show them as text in the flyout, the toast and the record page without running any of them.
// The page also removes, moves and restyles the injected button: it comes back, but only a bounded number of
// times.

import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The button placer's limits are read from its module, which imports the polyfill; Node has no extension APIs.
vi.mock('webextension-polyfill', () => ({ default: {} }));

import { saveContacts } from '../../backend/src/contacts/repository';
import { launchJourney, type DemoJourney } from '../../backend/src/demo/journeys';
import { simulateContact, simulatedContact } from '../../backend/src/demo/simulator';
import { maxReinsertions } from '../../extension/content/button-placement';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const imagePayload = '<img src=x onerror="window.__pwned=1">';
const scriptPayload = '<script>window.__pwned=1</script>';
const journeyName = `Spring ${scriptPayload} launch`;
const tileName = `Announcement ${imagePayload}`;
const contactNames = [`Eve ${imagePayload}`, `Mallory ${scriptPayload}`];

const hostileJourney: DemoJourney = {
  ...launchJourney,
  journeyId: 'hostile-journey',
  name: journeyName,
  tiles: launchJourney.tiles.map((tile) => (tile.activityId === '02' ? { ...tile, name: tileName } : { ...tile, name: `${tile.name} ${imagePayload}` })),
};
const contactCount = 60;
const seed = 41;
const day = 24 * 60 * 60 * 1000;

declare global {
  interface Window {
    __pwned?: number;
    __violations?: string[];
    __insertions?: number;
  }
}

let backend: TestBackend;
let chromium: ExtensionBrowser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  backend = await startTestBackend({ auth: 'required' });

  const contacts = Array.from({ length: contactCount }, (_, index) => ({ ...simulatedContact(seed, index), fullName: contactNames[index % 2] }));
  await saveContacts(backend.database, contacts);
  const interactions = contacts.flatMap((_, index) =>
    simulateContact(hostileJourney, index, hostileJourney.startDate + index * 60_000, { seed, until: hostileJourney.startDate + 3 * day }),
  );
  const ingest = await backend.fetch('/api/interactions', {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body: `${interactions.map((interaction) => JSON.stringify(interaction)).join('\n')}\n`,
  });
  expect(ingest.status).toBe(200);

  const { journeyId, startDate, tiles, ...rest } = hostileJourney;
  const registered = await backend.fetch(`/api/journeys/${journeyId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...rest, startDate: new Date(startDate).toISOString(), tiles }),
  });
  expect(registered.status).toBe(201);

  chromium = await launchWithExtension({ backendUrl: backend.url, apiToken: backend.tokens.marketer });
  page = await chromium.browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // A payload inserted as markup would be blocked by the designer's CSP; the violation report reveals the attempt.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window.__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
});

afterAll(async () => {
  await chromium?.close();
  await backend?.stop();
});

async function resultRow(label: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('[role="tabpanel"][aria-label="Data"] [role="row"]')].find(
        (row) => row.querySelector('[role="rowheader"]')?.textContent === text && row.querySelector('journey-segments-save'),
      ),
    { timeout: 15_000 },
    label,
  );
  return handle as ElementHandle<Element>;
}

/** Counts the elements in the extension's shadow roots that markup in page text would have created. */
const injectedElements = (tagName: string) =>
  page.evaluate(
    (tag) => [...document.querySelectorAll(tag)].reduce((count, host) => count + (host.shadowRoot?.querySelectorAll('img, script').length ?? 0), 0),
    tagName,
  );

describe('hostile page text', () => {
  const segmentName = `Processed - ${tileName} - ${journeyName}`;

  it('prefills the flyout with the literal names', async () => {
    await page.goto(`${backend.url}/designer/journeys/${hostileJourney.journeyId}?tab=designer&tile=02`);
    const row = await resultRow('Processed');
    await (await row.$('journey-segments-save >>> button'))!.click();

    const nameField = await page.waitForSelector('journey-segments-flyout >>> input');
    const prefilled = await nameField!.evaluate((input) => (input as HTMLInputElement).value);
    const flyoutText = await page.$eval('journey-segments-flyout', (host) => host.shadowRoot?.textContent ?? '');
    expect(prefilled).toBe(segmentName);
    expect(flyoutText).toContain(tileName);
    expect(flyoutText).toContain(journeyName);
    expect(await injectedElements('journey-segments-flyout')).toBe(0);
  });

  it('shows the literal name in the toast', async () => {
    await page.waitForFunction(() => document.activeElement?.tagName.toLowerCase() === 'journey-segments-flyout');
    await (await page.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!.click();
    const toast = await page.waitForSelector('journey-segments-toast >>> [role="status"]');
    await page.waitForFunction((element) => element?.textContent?.includes('Changes saved'), {}, toast);

    expect(await toast!.evaluate((element) => element.textContent)).toContain(segmentName);
    expect(await injectedElements('journey-segments-toast')).toBe(0);
  });

  it('shows the literal names on the record page', async () => {
    const opened = chromium.browser.waitForTarget((target) => target.url().includes('/extension/pages/segment.html'));
    await (await page.waitForSelector('journey-segments-toast >>> ::-p-text(View record)'))!.click();
    const recordPage = (await (await opened).page())!;
    try {
      await recordPage.waitForFunction((name) => document.body.innerText.includes(name), { timeout: 15_000 }, segmentName);
      await recordPage.waitForFunction((names) => names.some((name) => document.body.innerText.includes(name)), { timeout: 15_000 }, contactNames);

      const injected = await recordPage.evaluate(() => ({
        images: document.querySelectorAll('img[src="x"]').length,
        scripts: [...document.scripts].filter((script) => script.textContent?.includes('__pwned')).length,
        pwned: window.__pwned,
      }));
      expect(injected).toEqual({ images: 0, scripts: 0, pwned: undefined });
    } finally {
      await recordPage.close();
    }
  });

  it('runs none of the payloads', async () => {
    const state = await page.evaluate(() => ({ pwned: window.__pwned, violations: window.__violations ?? [] }));
    expect(state.pwned).toBeUndefined();
    expect(state.violations).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe('hostile page tampering', () => {
  beforeAll(async () => {
    await page.goto(`${backend.url}/designer/journeys/${hostileJourney.journeyId}?tab=designer&tile=02`);
    await resultRow('Processed');
  });

  const buttonInRow = (label: string) =>
    page.evaluate(
      (text) =>
        [...document.querySelectorAll('[role="tabpanel"][aria-label="Data"] [role="row"]')]
          .find((row) => row.querySelector('[role="rowheader"]')?.textContent === text)
          ?.querySelectorAll('journey-segments-save').length ?? 0,
      label,
    );

  it('puts a removed button back', async () => {
    for (let round = 0; round < 3; round++) {
      const row = await resultRow('Processed');
      await row.evaluate((element) => element.querySelector('journey-segments-save')!.remove());
      await resultRow('Processed');
    }
    expect(await buttonInRow('Processed')).toBe(1);
  });

  it('takes back a moved button', async () => {
    const row = await resultRow('Processed');
    await row.evaluate((element) => document.body.append(element.querySelector('journey-segments-save')!));
    await resultRow('Processed');
    await page.waitForFunction(() => document.querySelectorAll('body > journey-segments-save').length === 0);
    expect(await buttonInRow('Processed')).toBe(1);
  });

  it('stays visible when restyled', async () => {
    const row = await resultRow('Processed');
    await row.evaluate((element) => {
      const host = element.querySelector('journey-segments-save') as HTMLElement;
      host.setAttribute('style', 'display: none !important; visibility: hidden !important; opacity: 0 !important');
      host.hidden = true;
    });
    const box = await (await row.$('journey-segments-save >>> button'))!.boundingBox();
    const opacity = await row.$eval('journey-segments-save', (host) => getComputedStyle(host).opacity);
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.height).toBeGreaterThan(0);
    expect(opacity).toBe('1');
  });

  it('bounds re-insertions when the page keeps removing', async () => {
    await resultRow('Unique clicks');
    await page.evaluate(() => {
      window.__insertions = 0;
      const row = [...document.querySelectorAll('[role="tabpanel"][aria-label="Data"] [role="row"]')].find(
        (candidate) => candidate.querySelector('[role="rowheader"]')?.textContent === 'Unique clicks',
      )!;
      row.querySelector('journey-segments-save')?.remove();
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element && node.tagName.toLowerCase() === 'journey-segments-save') {
              window.__insertions! += 1;
              node.remove();
            }
          }
        }
      }).observe(row, { childList: true, subtree: true });
    });

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const afterTwoSeconds = await page.evaluate(() => window.__insertions ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const afterThreeSeconds = await page.evaluate(() => window.__insertions ?? 0);

    expect(afterTwoSeconds).toBeGreaterThan(0);
    expect(afterTwoSeconds).toBeLessThanOrEqual(maxReinsertions);
    expect(afterThreeSeconds).toBe(afterTwoSeconds);
  });
});
