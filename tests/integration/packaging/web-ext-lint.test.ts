// Lints the Firefox build with web-ext (Mozilla's addons-linter) the way addons.mozilla.org does on upload. The
// build must have no errors. A warning fails the test unless it is listed below with the reason it is accepted.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

const sourceDir = 'dist-firefox';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Warnings that are accepted, by code and the file they are reported in. Both come from libraries and name code
 * paths the extension never takes: Preact's support for dangerouslySetInnerHTML (never used; page text is always
 * rendered as text), and zod's check whether `new Function` is allowed, which it uses only to speed up parsing.
 */
const acceptedWarnings: Array<{ code: string; file: RegExp; reason: string }> = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(assets\/jsxRuntime\.module-[\w-]+\.js|extension\/content\/index\.js)$/, reason: 'Preact dangerouslySetInnerHTML support, unused' },
  { code: 'DANGEROUS_EVAL', file: /^(assets\/[\w-]+\.js|extension\/content\/index\.js)$/, reason: 'zod probes whether new Function is allowed' },
];

const webExtBin = 'node_modules/web-ext/bin/web-ext.js';
const webExtInstalled = existsSync(webExtBin);
if (!webExtInstalled) {
  console.warn('web-ext lint skipped: the web-ext package is not installed. Run npm ci to install the devDependencies.');
}

let report: LintReport;

beforeAll(async () => {
  if (!webExtInstalled) {
    return;
  }
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.firefox.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  // web-ext lint exits non-zero when it finds errors; the report on stdout is what the tests read either way.
  let output: string;
  try {
    output = execFileSync(process.execPath, [webExtBin, 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], {
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
    });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? '';
  }
  report = JSON.parse(output) as LintReport;
}, 180_000);

describe.skipIf(!webExtInstalled)('web-ext lint of the Firefox build', () => {
  it('finds no errors', () => {
    expect(report.errors.map((error) => `${error.code} ${error.file ?? ''}: ${error.message}`)).toEqual([]);
  });

  it('finds only accepted warnings', () => {
    const unexpected = report.warnings.filter(
      (warning) => !acceptedWarnings.some((accepted) => accepted.code === warning.code && accepted.file.test(warning.file ?? '')),
    );

    expect(unexpected.map((warning) => `${warning.code} ${warning.file ?? ''}: ${warning.message}`)).toEqual([]);
  });

  it('lints a manifest without a key and with a gecko id', () => {
    const manifest = JSON.parse(readFileSync(`${sourceDir}/manifest.json`, 'utf8'));

    expect(existsSync(`${sourceDir}/manifest.json`)).toBe(true);
    expect(manifest.key).toBeUndefined();
    expect(manifest.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(manifest.browser_specific_settings.gecko.id).toBe('journey-segments@example.org');
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
  });
});
