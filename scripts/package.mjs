#!/usr/bin/env node
// npm run package: builds the extension for Chrome and Edge (dist/) and for Firefox (dist-firefox/), then writes
// store-ready archives with web-ext build: artifacts/journey-segments-chrome-<version>.zip (Chrome Web Store and
// Edge Add-ons take the same archive) and artifacts/journey-segments-firefox-<version>.zip (addons.mozilla.org).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import webExt from 'web-ext';

const artifactsFolder = resolve('artifacts');
const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));

const targets = [
  { browser: 'chrome', config: 'vite.config.ts', sourceDir: resolve('dist') },
  { browser: 'firefox', config: 'vite.firefox.config.ts', sourceDir: resolve('dist-firefox') },
];

mkdirSync(artifactsFolder, { recursive: true });
for (const { browser, config, sourceDir } of targets) {
  console.log(`Building the ${browser} extension into ${sourceDir} ...`);
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', config, '--logLevel', 'warn'], {
    stdio: 'inherit',
  });

  const filename = `journey-segments-${browser}-${version}.zip`;
  const { extensionPath } = await webExt.cmd.build(
    // local-defaults.json contains the API token npm start wrote. The build above removes it, and this keeps it
    // out of an archive even if a later step puts it back.
    { sourceDir, artifactsDir: artifactsFolder, filename, overwriteDest: true, ignoreFiles: ['local-defaults.json'] },
    { shouldExitProgram: false },
  );
  console.log(`Wrote ${extensionPath}`);
}
