// Steps on the demo designer page with the extension loaded: open a journey, select a tile, find a result row
// and its Save-as-segment button, read the count it shows, and save through the flyout.

import type { ElementHandle, Page } from 'puppeteer';

import type { SegmentRecord } from '../../../shared/api/segments';
import type { TestBackend } from '../../support/backend';

/** Returns the URL of a journey's designer page; `query` such as tab=designer&tile=02. */
export const designerUrl = (backend: TestBackend, journeyId: string, query: string) => `${backend.url}/designer/journeys/${journeyId}?${query}`;

/** Lists the stored segments through the API. */
export async function listSegments(backend: TestBackend): Promise<SegmentRecord[]> {
  const response = await backend.fetch('/api/segments', {}, 'marketer');
  return ((await response.json()) as { segments: SegmentRecord[] }).segments;
}

/** Finds the result row whose row header reads `label` in the Data panel, once it has its button. */
export async function resultRow(page: Page, label: string): Promise<ElementHandle<Element>> {
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

export async function selectTile(page: Page, activityId: string): Promise<void> {
  await page.click(`[role="button"][data-activity-id="${activityId}"]`);
  await page.waitForSelector(`[role="button"][data-activity-id="${activityId}"][aria-pressed="true"]`);
}

/** Reads the count a result row shows in its first cell. */
export const countIn = async (row: ElementHandle<Element>) => Number((await row.$eval('[role="cell"]', (cell) => cell.textContent ?? '')).replace(/[^\d]/g, ''));

/** Fills and submits the flyout, then waits for the toast and returns its text. */
export async function saveThroughFlyout(page: Page, name: string, description: string): Promise<string> {
  const nameField = await page.waitForSelector('journey-segments-flyout >>> input');
  await nameField!.click({ count: 3 });
  await nameField!.type(name);
  const descriptionField = await page.waitForSelector('journey-segments-flyout >>> textarea');
  await descriptionField!.type(description);
  await (await page.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!.click();
  return waitForSavedToast(page, name);
}

/**
 * Waits for the toast of the capture named `name` and returns its text. The toast of an earlier capture may still
 * be showing, so it waits for the one that names this segment.
 */
export async function waitForSavedToast(page: Page, name: string): Promise<string> {
  const toast = (await page.waitForFunction(
    (segmentName) => {
      const status = document.querySelector('journey-segments-toast')?.shadowRoot?.querySelector('[role="status"]');
      return status?.textContent?.includes('Changes saved') && status.textContent.includes(segmentName) ? status : null;
    },
    { timeout: 15_000 },
    name,
  )) as ElementHandle<Element>;
  return toast.evaluate((element) => element.textContent ?? '');
}

/** Saves the open flyout with the name it suggests, waits for it to close and dismisses the toast. */
export async function saveFlyoutAsSuggested(page: Page): Promise<void> {
  await page.waitForSelector('journey-segments-flyout >>> [role="dialog"]');
  await (await page.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!.click();
  await page.waitForSelector('journey-segments-flyout >>> [role="dialog"]', { hidden: true });
  const dismiss = await page.waitForSelector('journey-segments-toast >>> button[aria-label="Dismiss"]');
  await dismiss!.click();
}

/** Waits until a stored segment matches `predicate` and returns it. */
export async function waitForSegment(backend: TestBackend, predicate: (segment: SegmentRecord) => boolean, timeoutMillis = 10_000): Promise<SegmentRecord> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const found = (await listSegments(backend)).find(predicate);
    if (found) {
      return found;
    }
    if (Date.now() > deadline) {
      throw new Error(`No stored segment matched within ${timeoutMillis} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
