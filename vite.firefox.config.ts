// The Firefox build (npm run build:firefox -> dist-firefox/). Firefox runs the background as an event page
// (background.scripts) instead of a service worker, identifies the add-on by browser_specific_settings.gecko.id
// instead of the manifest key, and reads policy values from policies.json without a managed storage schema.

import { defineConfig } from 'vite';

import manifest from './manifest.json' with { type: 'json' };
import { extensionBuild } from './vite.config';

/** The add-on id administrators use in Firefox's ExtensionSettings and 3rdparty policies. */
export const geckoId = 'journey-segments@example.org';

/**
 * Firefox 140 (an ESR release) is the first desktop release that reads data_collection_permissions, and 142 the
 * first on Android; both also have optional_host_permissions and scripting.registerContentScripts.
 */
export const geckoMinVersion = '140.0';
export const geckoAndroidMinVersion = '142.0';

export function firefoxManifest(source: typeof manifest): Record<string, unknown> {
  const {
    key: _key,
    minimum_chrome_version: _minimumChromeVersion,
    storage: _storage,
    background,
    ...rest
  } = source;

  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: geckoId,
        strict_min_version: geckoMinVersion,
        // The extension sends what the user saves to the organization's own backend and collects nothing else.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: geckoAndroidMinVersion },
    },
  };
}

export default defineConfig(extensionBuild({ browser: 'firefox', manifest: firefoxManifest(manifest), outDir: 'dist-firefox' }));
