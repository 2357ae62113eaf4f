// @vitest-environment node

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import manifest from '../../../manifest.json';
import english from '../../../extension/_locales/en/messages.json';
import german from '../../../extension/_locales/de/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const placeholdersUsed = (text: string) => [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1].toLowerCase()).sort();

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('locales', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
  });

  for (const [language, messages] of [['en', english], ['de', german]] as const) {
    it(`define every placeholder they use (${language})`, () => {
      for (const [key, entry] of Object.entries(messages as Messages)) {
        expect(placeholdersUsed(entry.message), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      }
    });
  }

  it('use the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(english as Messages)) {
      expect(placeholdersUsed((german as Messages)[key].message), key).toEqual(placeholdersUsed(entry.message));
    }
  });

  it('cover every message the manifest names', () => {
    const names = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]);

    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(english, name).toHaveProperty(name);
    }
  });

  it('have no unused messages', () => {
    const sources = sourceFiles('extension').map((path) => readFileSync(path, 'utf8')).join('\n') + JSON.stringify(manifest);
    const unused = Object.keys(english).filter((key) => !sources.includes(`'${key}'`) && !sources.includes(`__MSG_${key}__`));

    expect(unused).toEqual([]);
  });
});
