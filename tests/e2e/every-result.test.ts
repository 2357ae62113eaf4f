// Every Save-as-segment button the extension offers on the demo designer, in a real browser. Each result row
// of each tile of each demo journey and each incomplete-journey reason is captured through the flyout. The
// draft segment it stores must count as many members as the row showed.

import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoJourneys, type DemoJourney } from '../../backend/src/demo/journeys';
import type { IncompleteJourneys, JourneyDetail } from '../../shared/api/journeys';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { countIn, designerUrl, listSegments, resultRow, saveFlyoutAsSuggested, waitForSegment } from './support/designer';

// Few contacts keep seeding and counting quick; the counts only need to match, zero included.
const demoContacts = 400;

let backend: TestBackend;
let chromium: ExtensionBrowser;
let page: Page;
/** Buttons captured so far, each of which must have stored exactly one segment. */
let captured = 0;

beforeAll(async () => {
  backend = await startTestBackend({ demoContacts });
  const launchOptions = { backendUrl: backend.url, apiToken: backend.tokens.marketer };
  chromium = await launchWithExtension(launchOptions);
  page = await chromium.browser.newPage();
  // Wide enough that the toast at the bottom centre never covers the side panel's buttons.
  await page.setViewport({ width: 1600, height: 1000 });
});

afterAll(async () => {
  await chromium?.close();
  await backend?.stop();
});

async function getJson<T>(path: string): Promise<T> {
  const response = await backend.fetch(path, {}, 'marketer');
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface ShownRow {
  label: string;
  buttons: number;
}

const dataPanelRows = () =>
  page.$$eval('[role="tabpanel"][aria-label="Data"] [role="row"]', (rows) =>
    rows.map((row) => ({ label: row.querySelector('[role="rowheader"]')?.textContent ?? '', buttons: row.querySelectorAll('journey-segments-save').length })),
  );

describe.each(demoJourneys.map((journey) => [journey.name, journey] as const))('%s', (_name, journey: DemoJourney) => {
  let detail: JourneyDetail;
  let incomplete: IncompleteJourneys;

  beforeAll(async () => {
    detail = await getJson<JourneyDetail>(`/api/journeys/${journey.journeyId}`);
    incomplete = await getJson<IncompleteJourneys>(`/api/journeys/${journey.journeyId}/incomplete`);
  });

  it.each(journey.tiles.map((tile) => [tile.activityId, tile.name] as const))('captures every result of tile %s (%s)', async (activityId) => {
    const tile = detail.tiles.find((candidate) => candidate.activityId === activityId)!;
    await page.goto(designerUrl(backend, journey.journeyId, `tab=designer&tile=${activityId}`));
    await resultRow(page, tile.results.find((result) => result.resultId === 'processed')!.label);

    // Every row of a catalog result has one button; the other rows (Total, Inflow, Queued ...) have none.
    const rows: ShownRow[] = await dataPanelRows();
    for (const row of rows) {
      const offered = tile.results.some((result) => result.label === row.label);
      expect(row.buttons, `${activityId} "${row.label}"`).toBe(offered ? 1 : 0);
    }
    // A result may be left out of the panel only while its count is zero (Failed, and Stopped on email tiles).
    for (const result of tile.results) {
      if (result.count > 0) {
        expect(rows.map((row) => row.label), `${activityId} ${result.resultId}`).toContain(result.label);
      }
    }

    for (const result of tile.results.filter((candidate) => rows.some((row) => row.label === candidate.label))) {
      const row = await resultRow(page, result.label);
      const shown = await countIn(row);
      expect(shown, `${activityId} ${result.resultId} shown`).toBe(result.count);

      await (await row.$('journey-segments-save >>> button'))!.click();
      await saveFlyoutAsSuggested(page);

      const segment = await waitForSegment(
        backend,
        (candidate) => candidate.origin !== null && 'resultId' in candidate.origin && candidate.origin.journeyId === journey.journeyId && candidate.origin.activityId === activityId && candidate.origin.resultId === result.resultId,
      );
      expect(segment.status).toBe('draft');
      expect(segment.memberCount, `${activityId} ${result.resultId}`).toBe(shown);
      captured += 1;
    }
  });

  it.each([['stopped', 'Stopped contacts'], ['blocked', 'Blocked emails']] as const)('captures every reason of %s', async (table, title) => {
    await page.goto(designerUrl(backend, journey.journeyId, 'tab=insights'));
    const section = `section[aria-label="${title}"]`;
    await page.waitForSelector(`${section} [role="grid"]`);

    for (const reason of incomplete[table]) {
      // Selecting a reason re-renders the tables; the first reason is selected when the page opens.
      const selected = `${section} [role="row"][aria-selected="true"] ::-p-text(${reason.label})`;
      if (!(await page.$(selected))) {
        await (await page.waitForSelector(`${section} [role="row"] ::-p-text(${reason.label})`))!.click();
        await page.waitForSelector(selected);
      }
      const button = await page.waitForSelector(`${section} section[data-reason-list][aria-label="${reason.label}"] journey-segments-save >>> button`);
      const shown = await page.$eval(`${section} [role="row"][aria-selected="true"] [role="gridcell"]:last-child`, (cell) =>
        Number((cell.textContent ?? '').replace(/[^\d]/g, '')),
      );
      expect(shown, `${reason.reasonId} shown`).toBe(reason.count);

      await button!.click();
      await saveFlyoutAsSuggested(page);

      const segment = await waitForSegment(
        backend,
        (candidate) => candidate.origin !== null && 'reasonId' in candidate.origin && candidate.origin.journeyId === journey.journeyId && candidate.origin.reasonId === reason.reasonId,
      );
      expect(segment.memberCount, reason.reasonId).toBe(shown);
      captured += 1;
    }
  });
});

it('stores one segment per captured button', async () => {
  const segments = await listSegments(backend);
  expect(captured).toBeGreaterThan(100);
  expect(segments).toHaveLength(captured);
});
