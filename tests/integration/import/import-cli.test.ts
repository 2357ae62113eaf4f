// `npm run import` as a user runs it: a child process on a folder, with its output and exit code.

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, testDialects, type TestDatabase } from '../../support/databases';
import { createExportFolder, csvLine, entityLines, modelEntities, type ExportFolder } from './export-folder-fixture';

const run = promisify(execFile);
const tsx = resolve('node_modules/.bin/tsx');
const cli = resolve('backend/src/cli/import.ts');

/** Runs the command line; resolves with its exit code and output whatever the code. */
async function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const emailSent = modelEntities.find((entity) => entity.name === 'EmailSent')!;

describe('import command line', () => {
  let database: TestDatabase;
  let clean: ExportFolder;
  let broken: ExportFolder;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    clean = createExportFolder();
    clean.writeBlob('EmailSent', entityLines(emailSent));
    broken = createExportFolder();
    broken.writeBlob('EmailSent', [...entityLines(emailSent, 0), csvLine(['EmailSent', 'too', 'few'])]);
  });

  afterAll(async () => {
    clean?.remove();
    broken?.remove();
    await database?.drop();
  });

  it('exits 0 and prints the summary', async () => {
    const { code, stdout, stderr } = await runImport([clean.path, '--database', database.url]);
    expect(code).toBe(0);
    expect(stdout).toContain('imported: 3 rows');
    expect(stdout).toContain('Every row is in the database.');
    expect(stderr).toContain('100%');
  });

  it('exits 1 naming the file and line of a rejected row', async () => {
    const { code, stdout } = await runImport([broken.path, `--database=${database.url}`]);
    expect(code).toBe(1);
    expect(stdout).toContain('rejected: 1 row');
    expect(stdout).toContain('csv/EmailSent/blob-0001:2:');
  });

  it('prints the summary as JSON on request', async () => {
    const { code, stdout } = await runImport([clean.path, '--database', database.url, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ imported: 0, skipped: 3, unchangedFiles: 1 });
  });

  it.each([
    ['no folder', [], 'The export folder is missing'],
    ['an unknown option', ['--fast'], 'Unknown option --fast'],
    ['--database without a value', ['somewhere', '--database'], '--database needs a value'],
    ['two folders', ['one', 'two'], 'Give one export folder'],
  ])('exits 2 for %s', async (_case, args, message) => {
    const { code, stderr } = await runImport(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: npm run import');
  });

  it('exits 2 naming a folder that does not exist', async () => {
    const { code, stderr } = await runImport(['/no/such/export', '--database', database.url]);
    expect(code).toBe(2);
    expect(stderr).toContain('/no/such/export does not exist');
  });

  it.skipIf(!testDialects.includes('postgres'))('imports into PostgreSQL', async () => {
    const postgres = await createTestDatabase('postgres');
    try {
      const { code, stdout } = await runImport([clean.path, '--database', postgres.url]);
      expect(code).toBe(0);
      expect(stdout).toContain('imported: 3 rows');
    } finally {
      await postgres.drop();
    }
  });
});
