import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import german from '../../../extension/_locales/de/messages.json';
import english from '../../../extension/_locales/en/messages.json';
import { setUiLanguage, t, type ContentMessageKey } from '../../../extension/content/ui-strings';
import { formatMessage } from '../../../extension/lib/i18n-core';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Returns every key passed to `t` in the content script's own files and in the messaging code it shares with the pages. */
function keysUsedByContentScript(): string[] {
  const files = [...sourceFiles('extension/content'), 'extension/lib/send-message.ts'];
  const keys = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1]));
  return [...new Set(keys)].sort();
}

afterEach(() => setUiLanguage('auto'));

describe('content script UI strings', () => {
  const used = keysUsedByContentScript();

  it('finds the keys in the source', () => {
    expect(used).toContain('saveAsSegment');
    expect(used).toContain('errorNoReply');
  });

  it.each(used)('registers %s in English', (key) => {
    setUiLanguage('en');

    expect(t(key as ContentMessageKey, '1', '2')).toBe(formatMessage((english as Messages)[key], ['1', '2']));
  });

  it.each(used)('registers %s in German', (key) => {
    setUiLanguage('de');

    expect(t(key as ContentMessageKey, '1', '2')).toBe(formatMessage((german as Messages)[key], ['1', '2']));
  });

  it('leaves out strings only the pages show', () => {
    setUiLanguage('en');

    expect(t('optionsHostProfiles' as ContentMessageKey)).toBe('optionsHostProfiles');
  });
});
