// Capture round trip in Chromium: from the click on Save and Close in the flyout to the toast "Changes saved".
// It runs the built extension (content script, runtime message, background, fetch) against the real backend
// on a temporary SQLite file with the demo journeys. The floor is the same capture sent as a bare HTTP POST from
// Node. Target: p95 under 150 ms.
//
// Both ends are timed inside the page: a capturing click listener stamps the click, and a MutationObserver
// stamps the insertion of the toast, so the figure leaves out the puppeteer round trips around them.
//
// Run alone: npx tsx bench/capture-round-trip.ts (BENCH_QUICK=1 for fewer captures)

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import type { ElementHandle, Page } from 'puppeteer';

import { launchJourney } from '../backend/src/demo/journeys';
import { startTestBackend } from '../tests/support/backend';
import { launchWithExtension } from '../tests/e2e/support/browser';
import { valueTarget, type Figure } from './figure';
import { runAlone } from './run-alone';
import { benchSettings, type BenchSettings } from './settings';
import { percentile } from './statistics';

const group = 'Capture round trip';
const journeyId = launchJourney.journeyId;
const activityId = '02';

declare global {
  interface Window {
    benchClickAt?: number;
    benchToastAt?: number;
    benchToastText?: string;
  }
}

/** Stamps the Save and Close click and the toast's arrival; installed once the page has loaded. */
function installStamps(): void {
  window.addEventListener(
    'click',
    (event) => {
      const target = event.composedPath()[0] as Element | undefined;
      if (target?.textContent?.includes('Save and Close')) {
        window.benchClickAt = performance.now();
      }
    },
    true,
  );
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName === 'JOURNEY-SEGMENTS-TOAST') {
          window.benchToastAt = performance.now();
          window.benchToastText = (node as Element).shadowRoot?.textContent ?? '';
        }
      }
    }
  }).observe(document.body, { childList: true });
}

async function uniqueClicksRow(page: Page): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[role="tabpanel"][aria-label="Data"] [role="row"]')].find(
        (row) => row.querySelector('[role="rowheader"]')?.textContent === 'Unique clicks' && row.querySelector('journey-segments-save'),
      ),
    { timeout: 15_000 },
  );
  return handle as ElementHandle<Element>;
}

async function captureOnce(page: Page, name: string): Promise<number> {
  const row = await uniqueClicksRow(page);
  await (await row.$('journey-segments-save >>> button'))!.click();
  const nameField = (await page.waitForSelector('journey-segments-flyout >>> input'))!;
  await nameField.evaluate((input, value) => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, name);

  await page.evaluate(() => {
    window.benchClickAt = undefined;
    window.benchToastAt = undefined;
  });
  await (await page.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!.click();
  await page.waitForFunction(() => window.benchToastAt !== undefined && window.benchClickAt !== undefined, { timeout: 10_000 });

  const { clickAt, toastAt, text } = await page.evaluate(() => ({ clickAt: window.benchClickAt!, toastAt: window.benchToastAt!, text: window.benchToastText ?? '' }));
  if (!text.includes('Changes saved')) {
    throw new Error(`The capture "${name}" ended with the toast "${text}" instead of "Changes saved"; check the backend log.`);
  }
  return toastAt - clickAt;
}

async function postCapture(backendUrl: string, token: string, name: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${backendUrl}/api/segments/captures`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ journeyId, activityId, resultId: 'uniqueClicks', name, description: 'Benchmark capture' }),
  });
  await response.json();
  const elapsed = performance.now() - start;
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`POST /api/segments/captures returned status ${response.status}, but the floor capture must succeed. Check the backend log.`);
  }
  return elapsed;
}

export async function measureCaptureRoundTrip(settings: BenchSettings = benchSettings()): Promise<Figure[]> {
  const backend = await startTestBackend({ demoContacts: 1500 });
  try {
    const chromium = await launchWithExtension({ backendUrl: backend.url, apiToken: backend.tokens.marketer });
    const browserTimes: number[] = [];
    try {
      const page = await chromium.browser.newPage();
      await page.goto(`${backend.url}/designer/journeys/${journeyId}?tab=designer&tile=${activityId}`);
      await page.evaluate(installStamps);
      // One capture warms the service worker, the backend's statement caches and the page.
      await captureOnce(page, 'Bench warm-up capture');
      for (let index = 0; index < settings.captures; index++) {
        browserTimes.push(await captureOnce(page, `Bench capture ${index + 1}`));
      }
    } finally {
      await chromium.close();
    }

    const floorTimes: number[] = [];
    await postCapture(backend.url, backend.tokens.marketer, 'Bench floor warm-up');
    for (let index = 0; index < settings.captures; index++) {
      floorTimes.push(await postCapture(backend.url, backend.tokens.marketer, `Bench floor capture ${index + 1}`));
    }

    const target = valueTarget('p95 < 150 ms', (value) => value < 150);
    const figure = (p: number): Figure => ({
      group,
      name: `p${p} of ${browserTimes.length} captures (Unique clicks, demo designer)`,
      value: percentile(browserTimes, p),
      unit: 'ms',
      direction: 'lower',
      floor: { value: percentile(floorTimes, p), what: `bare HTTP POST from Node, p${p}` },
      target: p === 95 ? target : { text: 'reported; the target is on p95', met: () => true },
    });
    return [figure(50), figure(95)];
  } finally {
    await backend.stop();
  }
}

runAlone(import.meta.url, measureCaptureRoundTrip);
