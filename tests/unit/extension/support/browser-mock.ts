// A stand-in for webextension-polyfill in unit tests: i18n reads the real English messages.json, storage areas
// are in memory, and runtime.sendMessage is a mock each test programs.

import { vi } from 'vitest';

import messages from '../../../../extension/_locales/en/messages.json';

type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

/** Formats a message as Chrome does: $NAME$ becomes the placeholder content, whose $1..$9 take substitutions. */
export function formatMessage(key: string, substitutions: string | string[] = []): string {
  const entry = (messages as Record<string, MessageEntry>)[key];
  if (!entry) {
    return '';
  }
  const values = Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');

  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : match;
  });
}

function memoryArea(initial: Record<string, unknown> = {}) {
  let values: Record<string, unknown> = { ...initial };
  return {
    get: vi.fn(async (keys?: string | string[] | null) => {
      if (keys === undefined || keys === null) {
        return { ...values };
      }
      const wanted = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((key) => key in values).map((key) => [key, values[key]]));
    }),
    set: vi.fn(async (items: Record<string, unknown>) => {
      values = { ...values, ...items };
    }),
    reset(next: Record<string, unknown> = {}) {
      values = { ...next };
    },
  };
}

export const browser = {
  i18n: {
    getMessage: vi.fn(formatMessage),
    getUILanguage: vi.fn(() => 'en'),
  },
  runtime: {
    id: 'lleldoomloonhbonkajngmapagkappob',
    sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => undefined),
    getURL: vi.fn((path: string) => `chrome-extension://lleldoomloonhbonkajngmapagkappob/${path}`),
    onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
    openOptionsPage: vi.fn(),
    getManifest: vi.fn(() => ({ content_scripts: [] as Array<{ js?: string[]; matches?: string[] }> })),
  },
  storage: {
    sync: memoryArea(),
    managed: memoryArea(),
    onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
  },
  tabs: {
    create: vi.fn(async () => ({})),
    query: vi.fn(async (): Promise<Array<{ id?: number }>> => []),
    sendMessage: vi.fn(async () => undefined),
  },
  alarms: { create: vi.fn(), onAlarm: { addListener: vi.fn() } },
  permissions: {
    request: vi.fn(async () => true),
    contains: vi.fn(async () => true),
    onAdded: { addListener: vi.fn(), removeListener: vi.fn() },
    onRemoved: { addListener: vi.fn(), removeListener: vi.fn() },
  },
};

export default browser;
