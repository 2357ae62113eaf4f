import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

import manifest from './manifest.json' with { type: 'json' };

const extensionFolder = 'extension';

/**
 * Copies the files Chrome reads from fixed places that crxjs does not know about here: _locales (crxjs only looks
 * at the project root) and the managed storage schema named in the manifest.
 */
function extensionStaticFiles(): Plugin {
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

      const schema = manifest.storage.managed_schema;
      this.emitFile({ type: 'asset', fileName: schema, source: readFileSync(schema) });
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as ManifestV3Export }), extensionStaticFiles()],
  build: {
    outDir: 'dist',
    target: 'chrome120',
    emptyOutDir: true,
    rollupOptions: {
      // The record page is opened by the background, not named in the manifest, so it needs its own entry.
      input: { segment: 'extension/pages/segment.html' },
    },
  },
});
