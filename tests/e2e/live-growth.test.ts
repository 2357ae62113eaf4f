// The product's whole loop in a real browser: capture a tile result on the demo designer, open its record, go
// live, and watch the member count grow on the record page, without a reload, as new interactions arrive.

import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SegmentRecord } from '../../shared/api/segments';
import { launchJourney } from '../../backend/src/demo/journeys';
import { simulateContact } from '../../backend/src/demo/simulator';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const journeyId = launchJourney.journeyId;
const demoContacts = 200;
/** The seed startTestBackend gives the demo; the launch journey is the first one, so it uses the seed as is. */
const demoSeed = 7;
const day = 24 * 60 * 60 * 1000;

let backend: TestBackend;
let chromium: ExtensionBrowser;
let designer: Page;
let record: Page;

const formatCount = (count: number) => new Intl.NumberFormat('en-US').format(count);

async function segmentNamed(name: string): Promise<SegmentRecord> {
  const { segments } = (await (await backend.fetch('/api/segments')).json()) as { segments: SegmentRecord[] };
  const segment = segments.find((candidate) => candidate.name === name);
  if (!segment) {
    throw new Error(`No segment named "${name}" is stored.`);
  }
  return segment;
}

/** Interactions of demo contacts [from, to) who entered the launch journey over the last three days. */
function newInteractions(from: number, to: number): Array<Record<string, string | number>> {
  const now = Date.now();
  const interactions = [];
  for (let index = from; index < to; index++) {
    const enteredAt = now - 3 * day + Math.floor(((index - from) * 2 * day) / (to - from));
    interactions.push(...simulateContact(launchJourney, index, enteredAt, { seed: demoSeed, until: now }));
  }
  return interactions;
}

/** Contacts whose interactions make them "Unique clicks" of tile 02: at least one EmailClicked there. */
function clickersOf(interactions: Array<Record<string, string | number>>): Set<string> {
  return new Set(
    interactions
      .filter((interaction) => interaction.InteractionType === 'EmailClicked' && interaction.ActivityId === '02' && interaction.CustomerJourneyId === journeyId)
      .map((interaction) => String(interaction.ContactId)),
  );
}

async function memberCountOnPage(): Promise<string> {
  return record.$eval('[data-field="members"]', (element) => element.textContent ?? '');
}

beforeAll(async () => {
  backend = await startTestBackend({ demoContacts, demoDesigner: true });
  chromium = await launchWithExtension({ backendUrl: backend.url, apiToken: backend.tokens.publisher });
  designer = await chromium.browser.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await backend?.stop();
});

describe('live segment growth', () => {
  it('captures on the designer and opens the record', async () => {
    await designer.goto(`${backend.url}/designer/journeys/${journeyId}?tab=designer`);
    await designer.click('[role="button"][data-activity-id="02"]');
    const row = (await designer.waitForFunction(
      () =>
        [...document.querySelectorAll('[role="tabpanel"][aria-label="Data"] [role="row"]')].find(
          (candidate) => candidate.querySelector('[role="rowheader"]')?.textContent === 'Unique clicks' && candidate.querySelector('journey-segments-save'),
        ),
      { timeout: 15_000 },
    )) as ElementHandle<Element>;
    await (await row.$('journey-segments-save >>> button'))!.click();

    const name = (await designer.waitForSelector('journey-segments-flyout >>> input'))!;
    await name.click({ count: 3 });
    await name.type('Launch clickers, live');
    await (await designer.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!.click();

    const opened = chromium.browser.waitForTarget((target) => target.url().includes('/extension/pages/segment.html'));
    await (await designer.waitForSelector('journey-segments-toast >>> ::-p-text(View record)', { timeout: 15_000 }))!.click();
    record = (await (await opened).page())!;
    await record.waitForFunction(() => document.querySelector('h1')?.textContent === 'Launch clickers, live', { timeout: 15_000 });
    expect(await record.$eval('.record-header .status', (element) => element.textContent)).toBe('Draft');
  });

  it('goes live', async () => {
    await record.click('button[data-action="goLive"]');

    await record.waitForFunction(() => document.querySelector('.record-header .status')?.textContent === 'Live', { timeout: 20_000 });
    const live = await segmentNamed('Launch clickers, live');
    expect(live.status).toBe('live');
    await record.waitForFunction((count) => document.querySelector('[data-field="members"]')?.textContent?.startsWith(`${count} as of`), {}, formatCount(live.memberCount!));
  });

  it('grows the count without a reload', async () => {
    const before = (await segmentNamed('Launch clickers, live')).memberCount!;
    const interactions = newInteractions(demoContacts, demoContacts + 150);
    const joining = clickersOf(interactions).size;
    expect(joining).toBeGreaterThan(0);
    await record.evaluate(() => {
      (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
    });

    const response = await backend.fetch('/api/interactions', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: interactions.map((interaction) => JSON.stringify(interaction)).join('\n'),
    });
    expect(response.status).toBe(200);

    const expected = formatCount(before + joining);
    await record.waitForFunction((count) => document.querySelector('[data-field="members"]')?.textContent?.startsWith(`${count} as of`), { timeout: 30_000 }, expected);
    expect(await memberCountOnPage()).toMatch(new RegExp(`^${expected} as of `));
    expect(await record.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await record.screenshot({ path: '.tmp/live-growth.png' });
  });

  it('explains a newly joined member', async () => {
    const joined = [...clickersOf(newInteractions(demoContacts, demoContacts + 150))][0];
    await record.click('#explain-contact', { count: 3 });
    await record.type('#explain-contact', joined);
    await record.click('.explanation button[type="submit"]');

    const verdict = await record.waitForSelector('[data-field="explanation"] .explain-verdict', { timeout: 10_000 });
    expect(await verdict!.evaluate((element) => element.textContent)).toContain('is a member.');
    const tiles = await record.$$eval('[data-field="explanation"] .explain-interactions tbody td:last-child', (cells) => cells.map((cell) => cell.textContent));
    expect(tiles.length).toBeGreaterThan(0);
    expect(new Set(tiles)).toEqual(new Set(['Launch announcement']));
  });
});
