// Follows the options and the policy while the background runs. Managed storage may be slow to appear: Chrome
// loads platform policy after extensions start, and not every browser fires storage.onChanged when it arrives.
// So the configuration is read at startup, again after a few delays, and on every storage change of the sync or
// managed area. Each read that differs from the last one is applied.

import type { ExtensionConfig } from './config';

/** Re-reads after startup, in milliseconds; policy loaded later arrives through storage.onChanged. */
export const startupRereadDelaysMs = [2_000, 10_000];

export interface ConfigWatchOptions {
  readConfig: () => Promise<ExtensionConfig>;
  /** Called with the first configuration and with every one that differs from the last. */
  apply: (config: ExtensionConfig, reason: 'startup' | 'change') => Promise<void> | void;
  /** Registers the storage change listener; called once. */
  onStorageChanged: (listener: (areaName: string) => void) => void;
  setTimer?: (callback: () => void, delayMs: number) => void;
  delaysMs?: readonly number[];
  log?: Pick<Console, 'info' | 'warn'>;
}

export interface ConfigWatch {
  /** Reads the configuration now and applies it when it changed; resolves once that is done. */
  refresh(): Promise<void>;
}

export function watchConfig(options: ConfigWatchOptions): ConfigWatch {
  const setTimer = options.setTimer ?? ((callback, delayMs) => void setTimeout(callback, delayMs));
  const log = options.log ?? console;
  let applied: string | null = null;
  // Reads run one after the other, so an older read can never be applied after a newer one.
  let queue: Promise<void> = Promise.resolve();

  const readAndApply = async () => {
    const config = await options.readConfig();
    const fingerprint = JSON.stringify(config);
    if (fingerprint === applied) {
      return;
    }
    const reason = applied === null ? 'startup' : 'change';
    applied = fingerprint;
    if (reason === 'change') {
      log.info(`[journey-segments] configuration changed; managed options: ${config.managedKeys.join(', ') || 'none'}`);
    }
    await options.apply(config, reason);
  };

  const refresh = () => {
    queue = queue.then(readAndApply).catch((error: unknown) => {
      log.warn('[journey-segments] applying the configuration failed:', (error as Error).message);
    });
    return queue;
  };

  options.onStorageChanged((areaName) => {
    if (areaName === 'sync' || areaName === 'managed') {
      void refresh();
    }
  });
  for (const delayMs of options.delaysMs ?? startupRereadDelaysMs) {
    setTimer(() => void refresh(), delayMs);
  }
  void refresh();

  return { refresh };
}
