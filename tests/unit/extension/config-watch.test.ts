import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import { defaultOptions, type ExtensionConfig } from '../../../extension/background/config';
import { watchConfig } from '../../../extension/background/config-watch';

const config = (changes: Partial<ExtensionConfig> = {}): ExtensionConfig => ({ ...defaultOptions, managedKeys: [], ...changes });

/** Starts a watch whose storage events and timers the test fires by hand. */
function startWatch(reads: ExtensionConfig[]) {
  let storageListener: (areaName: string) => void = () => undefined;
  const timers: Array<() => void> = [];
  const readConfig = vi.fn(async () => reads.shift() ?? config());
  const apply = vi.fn();
  const watch = watchConfig({
    readConfig,
    apply,
    onStorageChanged: (listener) => {
      storageListener = listener;
    },
    setTimer: (callback) => timers.push(callback),
    delaysMs: [2_000],
    log: { info: vi.fn(), warn: vi.fn() },
  });
  return { watch, apply, readConfig, fireStorage: (area: string) => storageListener(area), fireTimers: () => timers.forEach((timer) => timer()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchConfig', () => {
  it('applies the configuration at startup', async () => {
    const { apply } = startWatch([config()]);
    await settle();

    expect(apply).toHaveBeenCalledWith(config(), 'startup');
  });

  it('applies policy that arrives after startup on the delayed read', async () => {
    const managed = config({ backendUrl: 'https://segments.example.com', managedKeys: ['backendUrl'] });
    const { apply, fireTimers } = startWatch([config(), managed]);
    await settle();

    fireTimers();
    await settle();

    expect(apply).toHaveBeenLastCalledWith(managed, 'change');
  });

  it('applies a managed storage change', async () => {
    const changed = config({ apiToken: 'new', managedKeys: ['apiToken'] });
    const { apply, fireStorage } = startWatch([config(), changed]);
    await settle();

    fireStorage('managed');
    await settle();

    expect(apply).toHaveBeenLastCalledWith(changed, 'change');
  });

  it('skips a read that changed nothing', async () => {
    const { apply, fireStorage } = startWatch([config(), config()]);
    await settle();

    fireStorage('sync');
    await settle();

    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('ignores changes of the local area', async () => {
    const { readConfig, fireStorage } = startWatch([config()]);
    await settle();

    fireStorage('local');
    await settle();

    expect(readConfig).toHaveBeenCalledTimes(1);
  });
});
