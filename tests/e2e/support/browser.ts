// Launches Chromium with the built extension loaded (the extension's dist/ folder), the way the e2e tests and
// benchmarks need it: a fresh profile, no network beyond localhost, the backend URL and API token set in the
// options.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import puppeteer, { type Browser, type WebWorker } from 'puppeteer';

import { findChromium } from '../../../scripts/lib/chromium.mjs';

export const extensionFolder = resolve('dist');

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker, for reading and writing chrome.storage in tests. */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

/** Builds the extension unless dist/ already contains a build. */
export function ensureExtensionBuilt(): void {
  if (!existsSync(join(extensionFolder, 'manifest.json'))) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
}

const baseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];

export interface LaunchOptions {
  backendUrl: string;
  /** The API token the extension sends; set it to a token of the test backend, such as backend.tokens.marketer. */
  apiToken?: string;
  args?: string[];
  /**
   * A folder for the profile that close() keeps, so a second launch with the same folder is a browser restart
   * with the extension's storage intact. The caller removes it. A fresh temporary folder unless given.
   */
  profileFolder?: string;
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  ensureExtensionBuilt();
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium found for the e2e tests. Install Debian\'s chromium package or set CHROME_PATH.');
  }

  const scratch = resolve('.tmp');
  mkdirSync(scratch, { recursive: true });
  const folder = options.profileFolder ?? mkdtempSync(join(scratch, 'chromium-'));
  mkdirSync(folder, { recursive: true });
  const environment = { ...process.env, TMPDIR: folder, XDG_CONFIG_HOME: folder, XDG_CACHE_HOME: folder };

  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    userDataDir: join(folder, 'profile'),
    env: environment,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...baseArgs, `--disable-extensions-except=${extensionFolder}`, `--load-extension=${extensionFolder}`, ...(options.args ?? [])],
  });

  const workerTarget = await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'), {
    timeout: 30_000,
  });
  const extensionId = new URL(workerTarget.url()).host;
  const worker = async () => (await (await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${extensionId}/`))).worker())!;

  // The extension APIs appear in the worker's global scope a moment after the worker target does.
  const ready = await worker();
  for (let attempt = 0; attempt < 100 && !(await ready.evaluate(() => typeof chrome === 'object' && Boolean(chrome.storage))); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await ready.evaluate(
    async (url, token) => {
      await chrome.storage.sync.set({ backendUrl: url, apiToken: token });
    },
    options.backendUrl,
    options.apiToken ?? '',
  );

  return {
    browser,
    extensionId,
    worker,
    close: async () => {
      await browser.close();
      if (!options.profileFolder) {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
