// Organization-wide deployment in a real browser: Chromium reads a managed policy file from its Linux policy
// folder, which sets the extension's 3rdparty policy (backend URL, API token, offered results, host profiles) and
// pins its action with ExtensionSettings. The extension must use the policy's backend URL and token, show them
// read-only on the options page, apply the offered results, and follow a policy change without a reload.
//
// Writing to /etc/chromium/policies/managed needs root (CI runs as root). The file affects every Chromium on the
// machine while it exists, so the test removes it in afterAll and on process exit, also when a test failed.

import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ElementHandle, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchJourney } from '../../backend/src/demo/journeys';
import demoDesigner from '../../extension/content/host-profiles/demo-designer.json';
import realtimeAnalytics from '../../extension/content/host-profiles/realtime-analytics.json';
import { extensionId } from '../../extension/extension-id';
import type { SegmentRecord } from '../../shared/api/segments';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const policyFolder = '/etc/chromium/policies/managed';
const policyFile = `${policyFolder}/journey-segments-test.json`;
const isRoot = process.getuid?.() === 0;
const journeyId = launchJourney.journeyId;

if (!isRoot) {
  console.warn(`managed-policy e2e skipped: writing ${policyFile} needs root. Run the e2e tests as root (CI does).`);
}

/** A request as it reached the backend through the recording proxy. */
interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let backend: TestBackend;
let proxy: http.Server;
let proxyUrl: string;
const seen: SeenRequest[] = [];
let chromium: ExtensionBrowser;
let worker: WebWorker;
let page: Page;
let createdFolders: string[] = [];

/** A host profile for hosts the manifest does not cover, so it waits for the user's permission. */
const crmProfile = { ...demoDesigner, id: 'crm-designer', description: 'CRM journey designer', matches: ['https://crm.example.invalid/*'], urlPattern: '^https://crm\\.example\\.invalid/' };
/** The built-in analytics profile without its "Exit" alias: replacing it proves policy profiles win. */
const { labels: _labels, ...analyticsWithoutAliases } = realtimeAnalytics;

function writePolicy(offeredResults: string[]): void {
  const policy = {
    '3rdparty': {
      extensions: {
        [extensionId]: {
          backendUrl: proxyUrl,
          apiToken: backend.tokens.marketer,
          offeredResults,
          hostProfiles: [crmProfile, analyticsWithoutAliases],
        },
      },
    },
    ExtensionSettings: { [extensionId]: { toolbar_pin: 'force_pinned' } },
  };
  writeFileSync(policyFile, JSON.stringify(policy, null, 2));
}

function removePolicy(): void {
  rmSync(policyFile, { force: true });
  // Remove only the folders this test created, deepest first, and only while they are empty.
  for (const folder of [...createdFolders].reverse()) {
    if (existsSync(folder) && readdirSync(folder).length === 0) {
      rmdirSync(folder);
    }
  }
  createdFolders = [];
}

function createPolicyFolder(): void {
  for (const folder of ['/etc/chromium', '/etc/chromium/policies', policyFolder]) {
    if (!existsSync(folder)) {
      mkdirSync(folder);
      createdFolders.push(folder);
    }
  }
}

/** Starts an HTTP proxy in front of the backend that records every request, so the test can check the headers sent. */
async function startRecordingProxy(target: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const forwarded = http.request(new URL(request.url ?? '/', target), { method: request.method, headers: request.headers }, (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(response);
    });
    forwarded.on('error', (error) => {
      response.writeHead(502).end(`The proxy could not reach the backend: ${error.message}`);
    });
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  if (!isRoot) {
    return;
  }
  process.once('exit', removePolicy);
  backend = await startTestBackend({ demoContacts: 800 });
  proxy = await startRecordingProxy(backend.url);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  createPolicyFolder();
  writePolicy(['processed', 'stopped', 'consent']);
  chromium = await launchWithExtension({ backendUrl: backend.url });
  worker = await chromium.worker();
  page = await chromium.browser.newPage();
});

afterAll(async () => {
  removePolicy();
  await chromium?.close();
  await new Promise((resolve) => proxy?.close(resolve));
  await backend?.stop();
});

/** Waits until the managed storage area contains `key`, because Chrome loads platform policy a moment after startup. */
async function managedValue(key: string): Promise<unknown> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const values = await worker.evaluate(async (name) => chrome.storage.managed.get(name), key);
    if (key in values) {
      return values[key];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Managed storage never received ${key}. Check that ${policyFile} is valid and chrome://policy lists it.`);
}

async function resultRow(label: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('aside [role="tabpanel"] [role="row"]')].find(
        (row) => row.querySelector('[role="rowheader"]')?.textContent === text && row.querySelector('journey-segments-save'),
      ),
    { timeout: 60_000 },
    label,
  );
  return handle as ElementHandle<Element>;
}

const buttonsPerRow = () =>
  page.$$eval('aside [role="tabpanel"] [role="row"]', (rows) =>
    Object.fromEntries(rows.map((row) => [row.querySelector('[role="rowheader"]')?.textContent ?? '', row.querySelectorAll('journey-segments-save').length])),
  );

describe.skipIf(!isRoot)('managed policy', () => {
  it('reaches managed storage through the 3rdparty policy', async () => {
    expect(await managedValue('backendUrl')).toBe(proxyUrl);
    expect(await managedValue('apiToken')).toBe(backend.tokens.marketer);
    expect(await managedValue('hostProfiles')).toHaveLength(2);
  });

  it('pins the action to the toolbar', async () => {
    const settings = await worker.evaluate(() => chrome.action.getUserSettings());

    expect(settings.isOnToolbar).toBe(true);
  });

  it('shows policy values read-only on the options page', async () => {
    const options = await chromium.browser.newPage();
    await options.goto(`chrome-extension://${extensionId}/extension/pages/options.html`);
    await options.waitForSelector('#backend-url');

    expect(await options.$eval('#backend-url', (input) => (input as HTMLInputElement).value)).toBe(proxyUrl);
    expect(await options.$eval('#backend-url', (input) => (input as HTMLInputElement).disabled)).toBe(true);
    expect(await options.$eval('#api-token', (input) => (input as HTMLInputElement).disabled)).toBe(true);
    expect(await options.$eval('[data-managed="backendUrl"]', (note) => note.textContent)).toBe('Set by your organization');
    expect(await options.$eval('[data-managed="apiToken"]', (note) => note.textContent)).toBe('Set by your organization');
    expect(await options.$eval('#offered-results', (text) => text.textContent)).toBe('processed, stopped, consent');
    expect(await options.$eval('#name-pattern', (input) => (input as HTMLInputElement).disabled)).toBe(false);
    await options.close();
  });

  it('lists a policy profile that waits for host access', async () => {
    const options = await chromium.browser.newPage();
    await options.goto(`chrome-extension://${extensionId}/extension/pages/options.html`);
    const item = await options.waitForSelector('[data-profile-id="crm-designer"]');

    expect(await item!.evaluate((element) => element.textContent)).toContain('needs access to https://crm.example.invalid/*');
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await options.close();
  });

  it('offers only the results the policy lists', async () => {
    await page.goto(`${backend.url}/designer/journeys/${journeyId}?tab=designer&tile=02`);
    await resultRow('Processed');

    const rows = await buttonsPerRow();
    expect(rows['Processed']).toBe(1);
    expect(rows['Unique clicks']).toBe(0);
    expect(rows['Hard bounces']).toBe(0);
  });

  it('sends captures to the policy backend with the policy token', async () => {
    const row = await resultRow('Processed');
    await (await row.$('journey-segments-save >>> button'))!.click();
    const nameField = (await page.waitForSelector('journey-segments-flyout >>> input'))!;
    await nameField.click({ count: 3 });
    await nameField.type('Processed by policy');
    await (await page.waitForSelector('journey-segments-flyout >>> ::-p-text(Save and Close)'))!.click();
    const toast = await page.waitForSelector('journey-segments-toast >>> [role="status"]');
    await page.waitForFunction((element) => element?.textContent?.includes('Changes saved'), {}, toast);

    const capture = seen.find((request) => request.method === 'POST' && request.url === '/api/segments/captures');
    expect(capture?.headers.authorization).toBe(`Bearer ${backend.tokens.marketer}`);
    const stored = ((await (await backend.fetch('/api/segments')).json()) as { segments: SegmentRecord[] }).segments;
    expect(stored.map((segment) => segment.name)).toContain('Processed by policy');
  });

  it('uses a policy profile in place of the built-in one', async () => {
    await page.goto(`${backend.url}/analytics/journeys/${journeyId}`);
    await page.waitForSelector('article[data-activity-id="02"] tr journey-segments-save');

    const rows = await page.$$eval('article[data-activity-id="02"] tbody tr', (all) =>
      Object.fromEntries(all.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelectorAll('journey-segments-save').length])),
    );
    expect(rows['Processed']).toBe(1);
    expect(rows['Exit']).toBe(0);
  });

  it('follows a policy change without a reload', async () => {
    await page.goto(`${backend.url}/designer/journeys/${journeyId}?tab=designer&tile=02`);
    await resultRow('Processed');

    // Chromium watches its policy folder and rereads a changed file by itself (after about 8 s with Chromium 156 on
    // Debian), then storage.onChanged reaches the extension.
    writePolicy(['processed', 'stopped', 'consent', 'uniqueClicks']);
    await resultRow('Unique clicks');
    expect((await buttonsPerRow())['Unique clicks']).toBe(1);
  });
});
