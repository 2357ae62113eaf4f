import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import { defaultOptions, normalizeBackendUrl, readConfig } from '../../../extension/background/config';
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
    browser.storage.sync.reset({ backendUrl: 'http://127.0.0.1:9000/', apiToken: ' token ', uiLanguage: 'de' });

    expect(await readConfig()).toEqual({
      backendUrl: 'http://127.0.0.1:9000',
      apiToken: 'token',
      uiLanguage: 'de',
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

  it('tolerates missing managed storage', async () => {
    browser.storage.managed.get.mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    browser.storage.sync.reset({ apiToken: 'user-token' });

    const config = await readConfig();

    expect(config.apiToken).toBe('user-token');
    expect(config.managedKeys).toEqual([]);
  });

  it('ignores an invalid stored value', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    browser.storage.sync.reset({ backendUrl: 'ftp://files', uiLanguage: 'fr', apiToken: 'kept' });

    const config = await readConfig();

    expect(config.backendUrl).toBe(defaultOptions.backendUrl);
    expect(config.uiLanguage).toBe('auto');
    expect(config.apiToken).toBe('kept');
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
