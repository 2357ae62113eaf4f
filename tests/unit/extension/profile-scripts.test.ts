import { describe, expect, it, vi } from 'vitest';

import { loadProfiles } from '../../../extension/content/host-profiles/load-profiles';
import demoDesigner from '../../../extension/content/host-profiles/demo-designer.json';
import { registrationPrefix, syncProfileScripts, type RegisteredScript } from '../../../extension/background/profile-scripts';

const staticMatches = ['http://127.0.0.1/*', 'http://localhost/*'];
const scriptFiles = ['extension/content/index.js'];

const crm = { ...demoDesigner, id: 'crm', matches: ['https://*.crm.example.com/*'] };

/** A fake of the scripting and permissions APIs that keeps registrations in memory. */
function fakeApis(granted: (origins: string[]) => boolean, initial: RegisteredScript[] = []) {
  let registered = [...initial];
  return {
    registered: () => registered,
    apis: {
      getRegisteredContentScripts: vi.fn(async () => registered),
      registerContentScripts: vi.fn(async (scripts: RegisteredScript[]) => {
        registered = [...registered, ...scripts];
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((script) => !ids.includes(script.id));
      }),
      containsOrigins: vi.fn(async (origins: string[]) => granted(origins)),
    },
  };
}

describe('syncProfileScripts', () => {
  it('registers a granted policy profile', async () => {
    const fake = fakeApis(() => true);

    const state = await syncProfileScripts(loadProfiles([crm]), { apis: fake.apis, scriptFiles, staticMatches });

    expect(state).toEqual({ registered: ['crm'], missingPermission: [] });
    expect(fake.registered()).toEqual([
      { id: `${registrationPrefix}crm`, matches: ['https://*.crm.example.com/*'], js: scriptFiles, runAt: 'document_idle' },
    ]);
  });

  it('waits for the host permission', async () => {
    const fake = fakeApis(() => false);

    const state = await syncProfileScripts(loadProfiles([crm]), { apis: fake.apis, scriptFiles, staticMatches });

    expect(state).toEqual({ registered: [], missingPermission: [{ profileId: 'crm', origins: ['https://*.crm.example.com/*'] }] });
    expect(fake.apis.registerContentScripts).not.toHaveBeenCalled();
  });

  it('skips a profile the manifest already covers', async () => {
    const fake = fakeApis(() => true);

    const state = await syncProfileScripts(loadProfiles([demoDesigner]), { apis: fake.apis, scriptFiles, staticMatches });

    expect(state.registered).toEqual([]);
    expect(fake.apis.containsOrigins).not.toHaveBeenCalled();
  });

  it('unregisters a profile that left the policy', async () => {
    const stale = { id: `${registrationPrefix}old`, matches: ['https://old.example.com/*'], js: scriptFiles };
    const fake = fakeApis(() => true, [stale]);

    await syncProfileScripts([], { apis: fake.apis, scriptFiles, staticMatches });

    expect(fake.registered()).toEqual([]);
  });

  it('re-registers a profile whose hosts changed', async () => {
    const before = { id: `${registrationPrefix}crm`, matches: ['https://crm.example.com/*'], js: scriptFiles };
    const fake = fakeApis(() => true, [before]);

    await syncProfileScripts(loadProfiles([crm]), { apis: fake.apis, scriptFiles, staticMatches });

    expect(fake.apis.unregisterContentScripts).toHaveBeenCalledWith({ ids: [`${registrationPrefix}crm`] });
    expect(fake.registered().map((script) => script.matches)).toEqual([['https://*.crm.example.com/*']]);
  });

  it('leaves an unchanged registration alone', async () => {
    const current = { id: `${registrationPrefix}crm`, matches: crm.matches, js: scriptFiles };
    const fake = fakeApis(() => true, [current]);

    await syncProfileScripts(loadProfiles([crm]), { apis: fake.apis, scriptFiles, staticMatches });

    expect(fake.apis.unregisterContentScripts).not.toHaveBeenCalled();
    expect(fake.apis.registerContentScripts).not.toHaveBeenCalled();
  });

  it('never touches scripts registered for other reasons', async () => {
    const other = { id: 'reader-mode', matches: ['https://*/*'], js: ['reader.js'] };
    const fake = fakeApis(() => true, [other]);

    await syncProfileScripts([], { apis: fake.apis, scriptFiles, staticMatches });

    expect(fake.registered()).toEqual([other]);
  });
});
