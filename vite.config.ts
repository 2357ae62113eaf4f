import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

import manifest from './manifest.json' with { type: 'json' };

const extensionFolder = 'extension';
const contentScript = manifest.content_scripts[0].js[0];

type Manifest = Record<string, unknown> & { storage?: { managed_schema?: string } };

/**
 * Copies the files the browser reads from fixed places that crxjs does not know about here: _locales (crxjs only
 * looks at the project root) and the managed storage schema, when the manifest names one.
 */
function extensionStaticFiles(targetManifest: Manifest): Plugin {
  return {
    name: 'journey-segments:static-files',
    apply: 'build',
    generateBundle() {
      const localesFolder = join(extensionFolder, '_locales');
      for (const language of readdirSync(localesFolder)) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${language}/messages.json`,
          source: readFileSync(join(localesFolder, language, 'messages.json')),
        });
      }

      const schema = targetManifest.storage?.managed_schema;
      if (schema) {
        this.emitFile({ type: 'asset', fileName: schema, source: readFileSync(schema) });
      }
    },
  };
}

/** Returns the Vite config that builds one browser's extension folder from `options.manifest`. */
export function extensionBuild(options: { browser: 'chrome' | 'firefox'; manifest: Manifest; outDir: string }): UserConfig {
  return {
    plugins: [
      preact(),
      crx({
        manifest: options.manifest as unknown as ManifestV3Export,
        browser: options.browser,
        // One self-contained file: the background registers the same file for the hosts of policy profiles, and
        // a file that imports no chunks needs no web_accessible_resources on those hosts.
        contentScripts: { standaloneFiles: [contentScript] },
      }),
      extensionStaticFiles(options.manifest),
    ],
    build: {
      outDir: options.outDir,
      target: options.browser === 'firefox' ? 'firefox140' : 'chrome120',
      emptyOutDir: true,
      rollupOptions: {
        // The record page and the segment list are not named in the manifest, so each needs its own entry.
        input: { segment: 'extension/pages/segment.html', segments: 'extension/pages/segments.html' },
      },
    },
  };
}

export default defineConfig(extensionBuild({ browser: 'chrome', manifest, outDir: 'dist' }));
