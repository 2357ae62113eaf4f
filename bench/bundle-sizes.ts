// Bundle sizes of each extension entry in dist/ after a production build: the content script with every
// chunk it loads, the background service worker with its chunks, and each page with its scripts and styles.
// Raw bytes and gzip -9 bytes (zlib level 9, as `gzip -9`). Target: content script under 25 kB gzipped
// (25,000 bytes).
//
// Run alone: npx tsx bench/bundle-sizes.ts (builds the extension first)

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { valueTarget, type Figure } from './figure';
import { runAlone } from './run-alone';
import type { BenchSettings } from './settings';

const group = 'Extension bundle sizes';
const dist = resolve('dist');

// Module specifiers in built code: static imports and re-exports, import(), and chrome.runtime.getURL paths
// that loaders pass to import().
const specifierPattern = /(?:\bfrom|\bimport|getURL\()\s*\(?\s*["'`]([^"'`]+\.(?:js|mjs|css))["'`]/g;

/** Returns `files` and every file they import, transitively, as paths inside dist/. */
function withImports(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...files];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(join(dist, file))) {
      continue;
    }
    seen.add(file);
    if (!file.endsWith('.js') && !file.endsWith('.mjs')) {
      continue;
    }
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(specifierPattern)) {
      const specifier = match[1];
      // Relative specifiers resolve against the importing file; getURL paths and absolute ones against dist/.
      const target = specifier.startsWith('.') ? join(dirname(file), specifier) : specifier.replace(/^\//, '');
      pending.push(relative('.', target));
    }
  }
  return [...seen].sort();
}

function scriptsOfPage(page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const references = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  return references.map((reference) => (reference.startsWith('/') ? reference.slice(1) : join(dirname(page), reference)));
}

function htmlPages(folder = ''): string[] {
  return readdirSync(join(dist, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(dist, path)).isDirectory()) {
      return htmlPages(path);
    }
    return name.endsWith('.html') ? [path] : [];
  });
}

interface EntrySize {
  entry: string;
  files: string[];
  raw: number;
  gzip: number;
}

function sizeOf(entry: string, files: readonly string[]): EntrySize {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { entry, files: [...files], raw, gzip };
}

/** Measures the entries of the current dist/ folder. */
export function entrySizes(): EntrySize[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
    background?: { service_worker?: string };
  };

  const contentFiles = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]);
  const entries = [sizeOf('content script', withImports(contentFiles))];
  if (manifest.background?.service_worker) {
    entries.push(sizeOf('background service worker', withImports([manifest.background.service_worker])));
  }
  for (const page of htmlPages()) {
    entries.push(sizeOf(`page ${page}`, withImports([page, ...scriptsOfPage(page)])));
  }
  return entries;
}

export function buildExtension(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function measureBundleSizes(_settings?: BenchSettings, build = true): Promise<Figure[]> {
  if (build) {
    buildExtension();
  }
  return entrySizes().map((size) => ({
    group,
    name: `${size.entry} (${size.files.length} files, ${size.raw.toLocaleString('en-US')} B raw)`,
    value: size.gzip,
    unit: 'B gzip',
    direction: 'lower' as const,
    target:
      size.entry === 'content script'
        ? valueTarget('< 25,000 B gzip', (value) => value < 25_000)
        : { text: 'reported', met: () => true },
  }));
}

runAlone(import.meta.url, (settings) => measureBundleSizes(settings));
