// POST /api/imports over real HTTP: the same import as the command line, with its summary as the reply.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ImportSummary } from '../../../backend/src/import/import-summary';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { testDialects } from '../../support/databases';
import { createExportFolder, csvLine, entityLines, modelEntities, type ExportFolder } from './export-folder-fixture';

describe.each(testDialects)('import API on %s', (dialect) => {
  let backend: TestBackend;
  let folder: ExportFolder;
  const emptyFolder = mkdtempSync(join(tmpdir(), 'not-an-export-'));

  beforeAll(async () => {
    backend = await startTestBackend({ dialect });
    folder = createExportFolder();
    for (const entity of modelEntities.filter((candidate) => ['EmailSent', 'EmailOpened', 'EmailClicked'].includes(candidate.name))) {
      folder.writeBlob(entity.name, entityLines(entity));
    }
    const sent = modelEntities.find((entity) => entity.name === 'EmailSent')!;
    folder.writeBlob('EmailSent', [csvLine(sent.attributes.map((attribute) => attribute.name)), csvLine(['EmailSent', 'org', 'not a time', 'api-bad-time'])], {
      name: 'blob-0002',
    });
  });

  afterAll(async () => {
    folder?.remove();
    rmSync(emptyFolder, { recursive: true, force: true });
    await backend?.stop();
  });

  const post = async (body: unknown) => {
    const response = await fetch(`${backend.url}/api/imports`, { method: 'POST', headers: { ...backend.authorization(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };

  it('imports a folder and returns the summary', async () => {
    const { status, body } = await post({ folder: folder.path });
    const summary = body as ImportSummary;
    expect(status).toBe(200);
    expect(summary.folder).toBe(folder.path);
    expect(summary.files).toBe(4);
    expect(summary.imported).toBe(9);
    expect(summary.rejected).toBe(1);
    expect(summary.rejections).toEqual([expect.objectContaining({ file: 'csv/EmailSent/blob-0002', line: 2 })]);
  });

  it('changes nothing when posted again', async () => {
    const { body } = await post({ folder: folder.path });
    expect((body as ImportSummary).imported).toBe(0);
    expect((body as ImportSummary).skipped).toBe(9);
  });

  it('answers 422 naming a folder that does not exist', async () => {
    const missing = join(emptyFolder, 'gone');
    const { status, body } = await post({ folder: missing });
    expect(status).toBe(422);
    expect(body.code).toBe('invalid-export-folder');
    expect(body.message).toContain(missing);
  });

  it('answers 422 naming a folder without model.json', async () => {
    const { status, body } = await post({ folder: emptyFolder });
    expect(status).toBe(422);
    expect(body.message).toContain(emptyFolder);
    expect(body.message).toContain('model.json');
  });

  it('answers 400 without a folder', async () => {
    const { status, body } = await post({});
    expect(status).toBe(400);
    expect(body.message).toContain('folder');
  });
});
