#!/usr/bin/env node
// npm start: installs what is missing, builds the extension and starts the backend with the demo journey on a
// SQLite file. On the first start it creates a publisher API token for the local extension, keeps it in
// data/local-token and hands it to the built extension in dist/local-defaults.json. It prints the designer URL,
// the token and how to load the extension, and opens Chromium with the extension loaded when a display exists.
// Ctrl+C stops everything it started.

import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { findChromium } from './lib/chromium.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';

const host = process.env.HOST || '127.0.0.1';
const port = process.env.PORT || '8420';
const baseUrl = `http://${host}:${port}`;
const extensionFolder = resolve('dist');
const tokenFile = resolve('data/local-token');

ensureDependencies();

console.log('Building the extension into dist/ ...');
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

// The extension reads local-defaults.json as its lowest-precedence options, below the options page and policy.
// The build empties dist/, so the file is written after it. It contains a secret, so never package this dist/.
const localToken = JSON.parse(
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'backend/src/cli/token.ts', 'ensure', '--role', 'publisher', '--name', 'local demo', '--file', tokenFile, '--json'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ),
);
writeFileSync(resolve(extensionFolder, 'local-defaults.json'), `${JSON.stringify({ backendUrl: baseUrl, apiToken: localToken.token }, null, 2)}\n`, {
  mode: 0o600,
});
console.log(`${localToken.created ? 'Created' : 'Using'} the API token "${localToken.name}" (${localToken.role}) in ${tokenFile}.`);

console.log(`Starting the backend on ${baseUrl} (the first start seeds the demo journey, a few seconds) ...`);
const backend = spawn(process.execPath, ['--import', 'tsx', 'backend/src/server.ts'], {
  stdio: 'inherit',
  env: { ...process.env, HOST: host, PORT: port },
});
const children = [backend];

function stopAll(code) {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
backend.on('exit', (code) => {
  console.error(`The backend stopped (exit code ${code}).`);
  stopAll(code ?? 1);
});

async function waitForBackend() {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/api/journeys`, { headers: { authorization: `Bearer ${localToken.token}` } });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  console.error(`The backend did not respond on ${baseUrl} within 150 seconds.`);
  stopAll(1);
}

await waitForBackend();
const designerUrl = `${baseUrl}/designer`;
console.log(`
Journey Segments is running.
  Demo journey designer: ${designerUrl}
  Backend API:           ${baseUrl}/api/journeys
  API token (${localToken.role}): ${localToken.token}
    Kept in ${tokenFile}; the built extension already uses it. Send it as Authorization: Bearer <token>.
    More tokens: npm run token -- create --role marketer --name "<who uses it>"

Load the extension in Chrome, Edge or Chromium:
  1. Open chrome://extensions and switch on Developer mode.
  2. Click "Load unpacked" and choose ${extensionFolder}
  3. Open the designer, select a tile and use "Save as segment" beside a result.
Press Ctrl+C to stop.
`);

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browser = findChromium();
if (hasDisplay && browser && process.env.OPEN_BROWSER !== '0') {
  const profile = resolve('.tmp/chromium-profile');
  mkdirSync(profile, { recursive: true });
  const chromium = spawn(browser, [`--user-data-dir=${profile}`, `--load-extension=${extensionFolder}`, '--no-first-run', designerUrl], { stdio: 'ignore' });
  children.push(chromium);
  console.log(`Opened ${browser} with the extension loaded (profile in ${profile}).`);
} else if (!hasDisplay) {
  console.log('No display found, so no browser was opened.');
}
