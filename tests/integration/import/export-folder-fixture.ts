// Writes interaction export folders for the import tests: model.json plus csv/<InteractionType>/<blob> files
// with a header row, every value quoted, and the values that make CSV hard (commas, quotes, line breaks).

import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The manifest of a real interaction export: 65 entities with their attributes in column order. */
export const modelPath = resolve('tests/fixtures/model.json');

export interface ModelEntity {
  name: string;
  attributes: Array<{ name: string; dataType: 'string' | 'dateTimeOffset' | 'int64' | 'double' }>;
}

export const modelEntities: ModelEntity[] = JSON.parse(readFileSync(modelPath, 'utf8')).entities;

export const rowsPerType = 3;

/** A CSV text value and the typed value the import must store for it; undefined where the value is empty. */
export interface FixtureValue {
  text: string;
  stored: string | number | undefined;
}

const timestamps: FixtureValue[] = [
  { text: '7/14/2026 3:05:09 PM', stored: Date.UTC(2026, 6, 14, 15, 5, 9) },
  { text: '2026-07-14T15:05:09.123Z', stored: Date.UTC(2026, 6, 14, 15, 5, 9, 123) },
  { text: '12/1/2025 12:00:00 AM', stored: Date.UTC(2025, 11, 1, 0, 0, 0) },
];

/** Returns the value of `field` in row `row` of the file of `type`. */
export function fixtureValue(type: string, field: ModelEntity['attributes'][number], row: number): FixtureValue {
  if (field.name === 'InteractionType') {
    return { text: type, stored: type };
  }
  if (field.name === 'InternalMarketingInteractionId') {
    return { text: `${type}-${row}`, stored: `${type}-${row}` };
  }
  if (field.name === 'ContactId') {
    return { text: `contact-${row}`, stored: `contact-${row}` };
  }
  switch (field.dataType) {
    case 'dateTimeOffset':
      return timestamps[row % timestamps.length];
    case 'int64':
      return [{ text: '42', stored: 42 }, { text: '-7', stored: -7 }, { text: '', stored: undefined }][row % 3];
    case 'double':
      return [{ text: '3.25', stored: 3.25 }, { text: '1e3', stored: 1000 }, { text: '', stored: undefined }][row % 3];
    default: {
      const tricky = `${field.name} of ${type}, with "quotes", commas\nand a second line`;
      return [{ text: tricky, stored: tricky }, { text: 'plain', stored: 'plain' }, { text: '', stored: undefined }][row % 3];
    }
  }
}

/** Quotes a value the way the export does, doubling quotes inside it. */
export const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

export const csvLine = (values: readonly string[]) => values.map(quote).join(',');

export interface ExportFolder {
  path: string;
  blob(type: string, name?: string): string;
  /** Writes a blob file; lines are joined with `lineBreak`, which also ends the file. */
  writeBlob(type: string, lines: readonly string[], options?: { name?: string; lineBreak?: string; byteOrderMark?: boolean }): string;
  appendBlob(type: string, lines: readonly string[], options?: { name?: string; lineBreak?: string }): string;
  remove(): void;
}

export function createExportFolder(): ExportFolder {
  const path = mkdtempSync(join(tmpdir(), 'interaction-export-'));
  copyFileSync(modelPath, join(path, 'model.json'));
  const blob = (type: string, name = 'blob-0001') => join(path, 'csv', type, name);
  return {
    path,
    blob,
    writeBlob(type, lines, { name, lineBreak = '\r\n', byteOrderMark = false } = {}) {
      mkdirSync(join(path, 'csv', type), { recursive: true });
      const file = blob(type, name);
      // Line breaks inside values follow the file's line break, as a Windows export writes them.
      writeFileSync(file, `${byteOrderMark ? '\uFEFF' : ''}${lines.map((line) => line.replaceAll('\n', lineBreak)).join(lineBreak)}${lineBreak}`);
      return file;
    },
    appendBlob(type, lines, { name, lineBreak = '\r\n' } = {}) {
      const file = blob(type, name);
      appendFileSync(file, `${lines.map((line) => line.replaceAll('\n', lineBreak)).join(lineBreak)}${lineBreak}`);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Header and rows of `entity`'s file, as CSV lines (values with line breaks span several physical lines). */
export function entityLines(entity: ModelEntity, rows = rowsPerType): string[] {
  const header = csvLine(entity.attributes.map((attribute) => attribute.name));
  const data = Array.from({ length: rows }, (_, row) => csvLine(entity.attributes.map((attribute) => fixtureValue(entity.name, attribute, row).text)));
  return [header, ...data];
}

/** The fields the import must store for row `row` of `entity`. */
export function expectedFields(entity: ModelEntity, row: number): Record<string, string | number> {
  const fields: Record<string, string | number> = {};
  for (const attribute of entity.attributes) {
    const { stored } = fixtureValue(entity.name, attribute, row);
    if (stored !== undefined) {
      fields[attribute.name] = stored;
    }
  }
  return fields;
}

/** Writes one blob per interaction type of the model, alternating CRLF and LF files, the first with a byte order mark. */
export function writeEveryType(folder: ExportFolder): void {
  modelEntities.forEach((entity, index) => {
    folder.writeBlob(entity.name, entityLines(entity), { lineBreak: index % 2 === 0 ? '\r\n' : '\n', byteOrderMark: index === 0 });
  });
}
