// Importing interaction export folders: every type of the export model with typed values, re-runs that change
// nothing, appended blobs, malformed rows and unknown types or columns.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importExportFolder, type ImportProgress } from '../../../backend/src/import/import-folder';
import type { ImportSummary } from '../../../backend/src/import/import-summary';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';
import {
  createExportFolder,
  csvLine,
  entityLines,
  expectedFields,
  modelEntities,
  rowsPerType,
  writeEveryType,
  type ExportFolder,
  type ModelEntity,
} from './export-folder-fixture';

const emailSent = modelEntities.find((entity) => entity.name === 'EmailSent')!;

/** Builds a valid EmailSent row with the given id, with `overrides` replacing values by column name. */
function emailSentRow(id: string, overrides: Record<string, string> = {}): string {
  return csvLine(
    emailSent.attributes.map((attribute) => {
      if (attribute.name in overrides) return overrides[attribute.name];
      if (attribute.name === 'InteractionType') return 'EmailSent';
      if (attribute.name === 'InternalMarketingInteractionId') return id;
      if (attribute.name === 'Timestamp') return '7/14/2026 3:05:09 PM';
      if (attribute.name === 'ContactId') return `contact-${id}`;
      return '';
    }),
  );
}
const emailSentHeader = csvLine(emailSent.attributes.map((attribute) => attribute.name));

describe.each(testDialects)('export folder import on %s', (dialect) => {
  let backend: TestBackend;
  const folders: ExportFolder[] = [];

  beforeAll(async () => {
    backend = await startTestBackend({ dialect });
  });

  afterAll(async () => {
    folders.forEach((folder) => folder.remove());
    await backend?.stop();
  });

  const newFolder = () => {
    const folder = createExportFolder();
    folders.push(folder);
    return folder;
  };
  const runImport = async (folder: ExportFolder, progress: ImportProgress[] = []) =>
    importExportFolder(backend.database, folder.path, { onProgress: (update) => progress.push(update) });
  const storedFields = async (interactionId: string) => {
    const row = await backend.database.db.selectFrom('interaction').select('fields').where('interaction_id', '=', interactionId).executeTakeFirst();
    return row ? (JSON.parse(row.fields) as Record<string, unknown>) : undefined;
  };
  const storedCount = async () =>
    Number((await backend.database.db.selectFrom('interaction').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);

  describe('every interaction type', () => {
    let folder: ExportFolder;
    let first: ImportSummary;

    beforeAll(async () => {
      folder = newFolder();
      writeEveryType(folder);
      first = await runImport(folder);
    });

    it('covers all 65 types of the model', () => {
      expect(modelEntities).toHaveLength(65);
      expect(first.files).toBe(65);
    });

    it('imports every row without rejections', () => {
      expect(first.rejected, JSON.stringify(first.rejections.slice(0, 3))).toBe(0);
      expect(first.problems).toEqual([]);
      expect(first.imported).toBe(65 * rowsPerType);
      expect(first.skipped).toBe(0);
    });

    it('stores each type with its rows', async () => {
      const rows = await backend.database.db
        .selectFrom('interaction')
        .select(['interaction_type', (eb) => eb.fn.countAll<number>().as('count')])
        .where('interaction_id', 'in', modelEntities.flatMap((entity) => Array.from({ length: rowsPerType }, (_, row) => `${entity.name}-${row}`)))
        .groupBy('interaction_type')
        .execute();
      const counts = Object.fromEntries(rows.map((row) => [row.interaction_type, Number(row.count)]));
      for (const entity of modelEntities) {
        expect(counts[entity.name], entity.name).toBe(rowsPerType);
      }
    });

    it('stores typed values', async () => {
      for (const entity of modelEntities) {
        for (let row = 0; row < rowsPerType; row++) {
          expect(await storedFields(`${entity.name}-${row}`), `${entity.name} row ${row}`).toEqual(expectedFields(entity, row));
        }
      }
    });

    it('reads US and ISO timestamps', async () => {
      const row = await backend.database.db.selectFrom('interaction').select('occurred_at').where('interaction_id', '=', 'EmailClicked-0').executeTakeFirstOrThrow();
      expect(Number(row.occurred_at)).toBe(Date.UTC(2026, 6, 14, 15, 5, 9));
      const iso = await backend.database.db.selectFrom('interaction').select('occurred_at').where('interaction_id', '=', 'EmailClicked-1').executeTakeFirstOrThrow();
      expect(Number(iso.occurred_at)).toBe(Date.UTC(2026, 6, 14, 15, 5, 9, 123));
    });

    it('keeps commas, quotes and line breaks in values', async () => {
      const fields = await storedFields('EmailClicked-0');
      expect(fields?.OriginalUrl).toBe('OriginalUrl of EmailClicked, with "quotes", commas\nand a second line');
    });

    it('changes nothing on a second import', async () => {
      const before = await storedCount();
      const progress: ImportProgress[] = [];
      const second = await runImport(folder, progress);
      expect(second.imported).toBe(0);
      expect(second.skipped).toBe(65 * rowsPerType);
      expect(second.rejected).toBe(0);
      expect(second.unchangedFiles).toBe(65);
      expect(progress.every((update) => update.bytesTotal === 0)).toBe(true);
      expect(await storedCount()).toBe(before);
    });

    it('records the imported position of each file', async () => {
      const rows = await backend.database.db.selectFrom('import_file').selectAll().where('folder', '=', first.folder).execute();
      expect(rows).toHaveLength(65);
      const clicked = rows.find((row) => row.path === 'csv/EmailClicked/blob-0001')!;
      expect(clicked.imported_rows).toBe(rowsPerType);
      expect(clicked.rejected_rows).toBe(0);
      expect(clicked.imported_bytes).toBe(clicked.size);
    });
  });

  describe('appended and rewritten blobs', () => {
    it('imports only the appended rows', async () => {
      const folder = newFolder();
      folder.writeBlob('EmailSent', [emailSentHeader, emailSentRow('append-1'), emailSentRow('append-2'), emailSentRow('append-3')]);
      const first = await runImport(folder);
      expect(first.imported).toBe(3);

      const appended = [emailSentRow('append-4'), emailSentRow('append-5', { EmailDomain: 'two\nlines' })];
      folder.appendBlob('EmailSent', appended);
      const progress: ImportProgress[] = [];
      const second = await runImport(folder, progress);
      expect(second.imported).toBe(2);
      expect(second.skipped).toBe(3);
      expect(second.unchangedFiles).toBe(0);
      // Only the appended bytes are read: two rows, the second with a line break inside a value.
      const appendedBytes = Buffer.byteLength(`${appended.map((line) => line.replaceAll('\n', '\r\n')).join('\r\n')}\r\n`);
      expect(progress.at(-1)!.bytesTotal).toBe(appendedBytes);
      expect(await storedFields('append-5')).toMatchObject({ EmailDomain: 'two\nlines' });
    });

    it('numbers lines after the resume point', async () => {
      const folder = newFolder();
      folder.writeBlob('EmailSent', [emailSentHeader, emailSentRow('resume-1', { EmailDomain: 'a\nb' })]);
      await runImport(folder);
      folder.appendBlob('EmailSent', [emailSentRow('resume-2'), emailSentRow('resume-3', { Timestamp: 'soon' })]);
      const second = await runImport(folder);
      expect(second.rejections).toEqual([expect.objectContaining({ file: 'csv/EmailSent/blob-0001', line: 5, field: 'Timestamp' })]);
    });

    it('reads a rewritten blob again', async () => {
      const folder = newFolder();
      folder.writeBlob('EmailSent', [emailSentHeader, emailSentRow('rewrite-1')]);
      await runImport(folder);
      folder.writeBlob('EmailSent', [emailSentHeader, emailSentRow('rewrite-2')]);
      const second = await runImport(folder);
      expect(second.imported).toBe(1);
      expect(await storedFields('rewrite-2')).toBeDefined();
    });
  });

  describe('malformed rows', () => {
    let folder: ExportFolder;
    let summary: ImportSummary;
    const file = 'csv/EmailSent/blob-0001';

    beforeAll(async () => {
      folder = newFolder();
      folder.writeBlob('EmailSent', [
        emailSentHeader, // line 1
        emailSentRow('malformed-a'), // line 2
        csvLine(['EmailSent', 'org', '7/14/2026 3:05:09 PM', 'malformed-short']), // line 3: too few values
        emailSentRow('malformed-b', { EmailDomain: 'spans\ntwo lines' }), // lines 4 and 5
        emailSentRow('malformed-time', { Timestamp: 'yesterday afternoon' }), // line 6
        '"EmailSent","org","7/14/2026 3:05:09 PM","malformed-quote","1","never closed', // line 7
        emailSentRow('malformed-c', { EmailDomain: 'after\nthe quote' }), // lines 8 and 9
        emailSentRow('malformed-d'), // line 10
      ]);
      summary = await runImport(folder);
    });

    it('stores the rows around them', async () => {
      expect(summary.imported).toBe(4);
      for (const id of ['malformed-a', 'malformed-b', 'malformed-c', 'malformed-d']) {
        expect(await storedFields(id), id).toBeDefined();
      }
    });

    it('reports a wrong column count with file and line', () => {
      expect(summary.rejections).toContainEqual(expect.objectContaining({ file, line: 3, code: 'column-count' }));
    });

    it('reports an unreadable timestamp with file and line', () => {
      const rejection = summary.rejections.find((candidate) => candidate.line === 6);
      expect(rejection).toMatchObject({ file, code: 'invalid-value', field: 'Timestamp' });
      expect(rejection?.message).toContain('yesterday afternoon');
    });

    it('reports an unterminated quote with file and line', () => {
      const rejection = summary.rejections.find((candidate) => candidate.line === 7);
      expect(rejection).toMatchObject({ file, code: 'invalid-csv' });
      expect(rejection?.message).toContain('Line 7');
    });

    it('rejects nothing else', () => {
      expect(summary.rejections.map((rejection) => rejection.line)).toEqual([3, 6, 7]);
      expect(summary.rejected).toBe(3);
    });

    it('reports them again on a re-run', async () => {
      const before = await storedCount();
      const again = await runImport(folder);
      expect(again.imported).toBe(0);
      expect(again.skipped).toBe(4);
      expect(again.rejections.map((rejection) => rejection.line)).toEqual([3, 6, 7]);
      expect(await storedCount()).toBe(before);
    });
  });

  describe('folder problems', () => {
    it('reports an unknown type and imports the others', async () => {
      const folder = newFolder();
      const manifest = JSON.parse(JSON.stringify({ entities: modelEntities })) as { entities: ModelEntity[] };
      manifest.entities.push({ name: 'EmailTeleported', attributes: [{ name: 'InteractionType', dataType: 'string' }] });
      writeFileSync(join(folder.path, 'model.json'), JSON.stringify(manifest));
      folder.writeBlob('EmailTeleported', ['"InteractionType"', '"EmailTeleported"']);
      folder.writeBlob('EmailSent', [emailSentHeader, emailSentRow('problem-type-1')]);

      const summary = await runImport(folder);
      expect(summary.problems).toContainEqual(expect.objectContaining({ code: 'unknown-type', interactionType: 'EmailTeleported' }));
      expect(summary.imported).toBe(1);
    });

    it('reports an unknown column and imports its rows', async () => {
      const folder = newFolder();
      const manifest = JSON.parse(JSON.stringify({ entities: modelEntities })) as { entities: ModelEntity[] };
      manifest.entities.find((entity) => entity.name === 'EmailSent')!.attributes.push({ name: 'FavoriteColor', dataType: 'string' });
      writeFileSync(join(folder.path, 'model.json'), JSON.stringify(manifest));
      folder.writeBlob('EmailSent', [`${emailSentHeader},"FavoriteColor"`, `${emailSentRow('problem-column-1')},"teal"`]);

      const summary = await runImport(folder);
      expect(summary.problems).toEqual([expect.objectContaining({ code: 'unknown-column', interactionType: 'EmailSent', column: 'FavoriteColor' })]);
      expect(summary.imported).toBe(1);
      expect(await storedFields('problem-column-1')).not.toHaveProperty('FavoriteColor');
    });

    it('reports a folder without an entity', async () => {
      const folder = newFolder();
      folder.writeBlob('Unlisted', ['"InteractionType"']);
      const summary = await runImport(folder);
      expect(summary.problems).toEqual([expect.objectContaining({ code: 'folder-without-entity', interactionType: 'Unlisted' })]);
    });

    it('reads a file without a header row by the manifest order', async () => {
      const folder = newFolder();
      folder.writeBlob('EmailSent', [emailSentRow('no-header-1'), emailSentRow('no-header-2')]);
      const summary = await runImport(folder);
      expect(summary.imported).toBe(2);
      expect(summary.rejected).toBe(0);
    });

    it('throws naming an unreadable folder', async () => {
      const folder = newFolder();
      writeFileSync(join(folder.path, 'model.json'), '{ not json');
      await expect(importExportFolder(backend.database, folder.path)).rejects.toThrow(/model\.json is not valid JSON/);
      await expect(importExportFolder(backend.database, join(folder.path, 'missing'))).rejects.toThrow(/does not exist/);
    });
  });

  it('imports a header-only blob as empty', async () => {
    const folder = newFolder();
    folder.writeBlob('EmailSent', entityLines(emailSent, 0));
    const summary = await runImport(folder);
    expect(summary).toMatchObject({ files: 1, imported: 0, rejected: 0 });
  });
});
