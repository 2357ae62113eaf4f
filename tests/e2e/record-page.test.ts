// The segment record page in a real browser against the real backend: inline errors while editing the logic, the
// count preview, saving, going live, and why a member is a member.

import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord } from '../../shared/api/segments';
import { launchJourney } from '../../backend/src/demo/journeys';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const journeyId = launchJourney.journeyId;
const validLogic = `INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == '${journeyId}' && ActivityId == '02').HAVING(COUNT() > 0)`;
const invalidLogic = validLogic.replace('(EmailClicked,', '(EmailClickd,');

let backend: TestBackend;
let chromium: ExtensionBrowser;
let page: Page;
let segment: SegmentRecord;

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await backend.fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path} failed with HTTP ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

const textOf = (selector: string) => page.$eval(selector, (element) => element.textContent ?? '');

/** Replaces the editor's text the way a user does: select all, then type. */
async function replaceLogic(text: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

beforeAll(async () => {
  backend = await startTestBackend({ demoContacts: 300 });
  chromium = await launchWithExtension({ backendUrl: backend.url, apiToken: backend.tokens.publisher });
  segment = await api<SegmentRecord>('/api/segments', {
    method: 'POST',
    body: JSON.stringify({ name: 'Openers to refine', description: 'Made from query text', logic: 'INTERACTION(EmailOpened, EmailOpened_Contact)' }),
  });
  page = await chromium.browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${chromium.extensionId}/extension/pages/segment.html?id=${segment.segmentId}`);
  await page.waitForSelector('.cm-content');
});

afterAll(async () => {
  await chromium?.close();
  await backend?.stop();
});

describe('record page in Chromium', () => {
  it('shows status and count', async () => {
    expect(await textOf('h1')).toBe('Openers to refine');
    expect(await textOf('.record-header .status')).toBe('Draft');
    expect(await textOf('[data-field="members"]')).toContain(`${new Intl.NumberFormat('en-US').format(segment.memberCount!)} as of`);
  });

  it('underlines and lists a logic error', async () => {
    await replaceLogic(invalidLogic);

    const item = await page.waitForSelector('.logic-errors li', { timeout: 10_000 });
    expect(await item!.evaluate((element) => element.textContent)).toMatch(/^Line 1, column 13: .*EmailClickd/);
    const underlined = await page.waitForSelector('.cm-lintRange-error');
    expect(await underlined!.evaluate((element) => element.textContent)).toContain('EmailClickd');
    expect(await textOf('[data-field="preview"]')).toContain('Fix the errors');
  });

  it('previews the count of fixed logic', async () => {
    await replaceLogic(validLogic);

    await page.waitForFunction(() => document.querySelector('[data-field="preview"]')?.textContent?.startsWith('Preview:'), { timeout: 10_000 });
    const expected = await api<{ memberCount: number }>('/api/logic/preview', { method: 'POST', body: JSON.stringify({ logic: validLogic }) });
    expect(await textOf('[data-field="preview"]')).toContain(`Preview: ${new Intl.NumberFormat('en-US').format(expected.memberCount)} members as of`);
    expect(await page.$('.logic-errors li')).toBeNull();
  });

  it('saves the logic', async () => {
    await page.click('.segment-form button[type="submit"]');

    await page.waitForSelector('.segment-form [role="status"]', { timeout: 10_000 });
    const stored = await api<SegmentRecord>(`/api/segments/${segment.segmentId}`);
    expect(stored.logic).toContain('INTERACTION(EmailClicked, EmailClicked_Contact)');
    expect(stored.logic).toContain("ActivityId == '02'");
  });

  it('goes live with its count', async () => {
    await page.click('button[data-action="goLive"]');

    await page.waitForFunction(() => document.querySelector('.record-header .status')?.textContent === 'Live', { timeout: 20_000 });
    const live = await api<SegmentRecord>(`/api/segments/${segment.segmentId}`);
    expect(live.status).toBe('live');
    await page.waitForFunction(
      (count) => document.querySelector('[data-field="members"]')?.textContent?.startsWith(`${count} as of`),
      { timeout: 10_000 },
      new Intl.NumberFormat('en-US').format(live.memberCount!),
    );
    expect(await page.$$eval('button[data-action]', (buttons) => buttons.map((button) => button.getAttribute('data-action')))).toEqual(['edit', 'rebuild', 'stop']);
  });

  it('explains a member', async () => {
    const row = await page.waitForSelector('.members-table tbody tr', { timeout: 10_000 });
    const name = await row!.$eval('th', (cell) => cell.textContent ?? '');
    await (await row!.$('button'))!.click();

    const verdict = await page.waitForSelector('[data-field="explanation"] .explain-verdict', { timeout: 10_000 });
    expect(await verdict!.evaluate((element) => element.textContent)).toContain(`${name} (`);
    expect(await verdict!.evaluate((element) => element.textContent)).toContain('is a member.');
    const interactions = await page.$$eval('[data-field="explanation"] .explain-interactions tbody tr', (rows) =>
      rows.map((tableRow) => [...tableRow.querySelectorAll('td')].map((cell) => cell.textContent)),
    );
    expect(interactions.length).toBeGreaterThan(0);
    expect(interactions[0][0]).toBe('EmailClicked');
    // A segment made from query text has no journey of its own, so the tile shows as its activity id.
    expect(interactions[0][2]).toBe('02');
    await page.screenshot({ path: '.tmp/record-page-explanation.png', fullPage: true });
  });

  it('publishes an edit of a live segment', async () => {
    await page.click('button[data-action="edit"]');
    await page.waitForSelector('button[data-action="publish"]', { timeout: 10_000 });
    expect(await textOf('.record-header .status')).toBe('Live, editable');

    const edited = validLogic.replace('COUNT() > 0', 'COUNT() > 1');
    await replaceLogic(edited);
    await page.waitForFunction(() => document.querySelector('[data-field="preview"]')?.textContent?.startsWith('Preview:'), { timeout: 10_000 });
    await page.click('.segment-form button[type="submit"]');
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('button[data-action="publish"]')?.disabled, { timeout: 10_000 });
    expect((await api<SegmentRecord>(`/api/segments/${segment.segmentId}`)).pendingLogic).toContain('COUNT() > 1');

    await page.click('button[data-action="publish"]');
    await page.waitForFunction(() => document.querySelector('.record-header .status')?.textContent === 'Live', { timeout: 20_000 });
    const published = await api<SegmentRecord>(`/api/segments/${segment.segmentId}`);
    expect(published.logic).toContain('COUNT() > 1');
    await page.waitForFunction((count) => document.querySelector('[data-field="members"]')?.textContent?.startsWith(`${count} as of`), { timeout: 10_000 }, new Intl.NumberFormat('en-US').format(published.memberCount!));
  });

  it('confirms stopping a referenced segment', async () => {
    const dependent = await api<SegmentRecord>('/api/segments', {
      method: 'POST',
      body: JSON.stringify({ name: 'Uses openers to refine', description: '', logic: "SEGMENT('Openers to refine') UNION INTERACTION(EmailOpened, EmailOpened_Contact)" }),
    });
    await api(`/api/segments/${dependent.segmentId}/go-live`, { method: 'POST', body: '{}' });

    await page.click('button[data-action="stop"]');
    const dialog = await page.waitForSelector('[role="alertdialog"]', { timeout: 10_000 });
    expect(await dialog!.$eval('[data-field="referencing-segments"]', (list) => list.textContent)).toBe('Uses openers to refine');
    await (await dialog!.$('button.danger'))!.click();

    await page.waitForFunction(() => document.querySelector('.record-header .status')?.textContent === 'Stopped', { timeout: 20_000 });
    expect((await api<SegmentRecord>(`/api/segments/${segment.segmentId}`)).status).toBe('stopped');
    await page.waitForFunction(() => [...document.querySelectorAll('.transitions-table tbody tr')].some((row) => row.textContent?.includes('Stopping')), { timeout: 10_000 });
  });
});
