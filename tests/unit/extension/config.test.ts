import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import {
  defaultOptions,
  normalizeBackendUrl,
  normalizeSegmentNamePattern,
  readConfig,
} from '../../../extension/background/config';
import demoDesigner from '../../../extension/content/host-profiles/demo-designer.json';
import { browser } from './support/browser-mock';

beforeEach(() => {
  vi.clearAllMocks();
  browser.storage.sync.reset();
  browser.storage.managed.reset();
});

describe('readConfig', () => {
  it('uses the defaults without stored options', async () => {
    expect(await readConfig()).toEqual({ ...defaultOptions, managedKeys: [] });
  });

  it('reads the user options from sync storage', async () => {
    browser.storage.sync.reset({
      backendUrl: 'http://127.0.0.1:9000/',
      apiToken: ' token ',
      uiLanguage: 'de',
      segmentNamePattern: ' {journey}: {result} ',
    });

    expect(await readConfig()).toEqual({
      ...defaultOptions,
      backendUrl: 'http://127.0.0.1:9000',
      apiToken: 'token',
      uiLanguage: 'de',
      segmentNamePattern: '{journey}: {result}',
      managedKeys: [],
    });
  });

  it('lets managed storage override sync storage', async () => {
    browser.storage.sync.reset({ backendUrl: 'http://127.0.0.1:9000', apiToken: 'user-token' });
    browser.storage.managed.reset({ backendUrl: 'https://segments.example.com' });

    const config = await readConfig();

    expect(config.backendUrl).toBe('https://segments.example.com');
    expect(config.apiToken).toBe('user-token');
    expect(config.managedKeys).toEqual(['backendUrl']);
  });

  it('lets a managed empty token override the user token', async () => {
    browser.storage.sync.reset({ apiToken: 'user-token' });
    browser.storage.managed.reset({ apiToken: '' });

    const config = await readConfig();

    expect(config.apiToken).toBe('');
    expect(config.managedKeys).toEqual(['apiToken']);
  });

  it('marks every managed option as managed', async () => {
    browser.storage.managed.reset({
      backendUrl: 'https://segments.example.com',
      apiToken: 'org-token',
      uiLanguage: 'de',
      segmentNamePattern: '{date} {result}',
      offeredResults: ['processed', 'uniqueClicks'],
      hostProfiles: [demoDesigner],
    });

    const config = await readConfig();

    expect(config.managedKeys.sort()).toEqual(
      ['apiToken', 'backendUrl', 'hostProfiles', 'offeredResults', 'segmentNamePattern', 'uiLanguage'].sort(),
    );
    expect(config.offeredResults).toEqual(['processed', 'uniqueClicks']);
    expect(config.hostProfiles).toEqual([demoDesigner]);
  });

  it('takes offered results and host profiles from policy only', async () => {
    browser.storage.sync.reset({ offeredResults: ['processed'], hostProfiles: [demoDesigner] });

    const config = await readConfig();

    expect(config.offeredResults).toBeNull();
    expect(config.hostProfiles).toEqual([]);
  });

  it('drops entries of offered results that are not ids', async () => {
    browser.storage.managed.reset({ offeredResults: ['processed', 7, '', null, 'consent'] });

    expect((await readConfig()).offeredResults).toEqual(['processed', 'consent']);
  });

  it('tolerates rejecting managed storage', async () => {
    browser.storage.managed.get.mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    browser.storage.sync.reset({ apiToken: 'user-token' });

    const config = await readConfig();

    expect(config.apiToken).toBe('user-token');
    expect(config.managedKeys).toEqual([]);
  });

  it('tolerates a browser without managed storage', async () => {
    const managed = browser.storage.managed;
    (browser.storage as { managed?: unknown }).managed = undefined;
    browser.storage.sync.reset({ apiToken: 'user-token' });

    try {
      const config = await readConfig();

      expect(config.apiToken).toBe('user-token');
      expect(config.managedKeys).toEqual([]);
    } finally {
      browser.storage.managed = managed;
    }
  });

  it('ignores an invalid stored value', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    browser.storage.sync.reset({ backendUrl: 'ftp://files', uiLanguage: 'fr', apiToken: 'kept' });

    const config = await readConfig();

    expect(config.backendUrl).toBe(defaultOptions.backendUrl);
    expect(config.uiLanguage).toBe('auto');
    expect(config.apiToken).toBe('kept');
  });

  it('falls back to the user option when the managed value is invalid', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    browser.storage.sync.reset({ backendUrl: 'http://127.0.0.1:9000' });
    browser.storage.managed.reset({ backendUrl: 'not a url', uiLanguage: 'fr' });

    const config = await readConfig();

    expect(config.backendUrl).toBe('http://127.0.0.1:9000');
    expect(config.uiLanguage).toBe('auto');
    expect(config.managedKeys).toEqual([]);
  });
});

describe('normalizeBackendUrl', () => {
  it('drops trailing slashes', () => {
    expect(normalizeBackendUrl(' http://localhost:8420/// ')).toBe('http://localhost:8420');
  });

  it('keeps a path prefix', () => {
    expect(normalizeBackendUrl('https://tools.example.com/segments/')).toBe('https://tools.example.com/segments');
  });

  it('rejects a non-http URL', () => {
    expect(() => normalizeBackendUrl('file:///etc')).toThrow(
      'The backend URL "file:///etc" is not a valid http or https URL. Enter one such as http://127.0.0.1:8420.',
    );
  });

  it('rejects text that is no URL', () => {
    expect(() => normalizeBackendUrl('127.0.0.1:8420')).toThrow('is not a valid http or https URL');
  });
});

describe('normalizeSegmentNamePattern', () => {
  it('trims the pattern', () => {
    expect(normalizeSegmentNamePattern('  {result} ({date})  ')).toBe('{result} ({date})');
  });

  it('rejects an empty pattern', () => {
    expect(() => normalizeSegmentNamePattern('   ')).toThrow('The segment name pattern is empty or longer than 200 characters.');
  });
});
