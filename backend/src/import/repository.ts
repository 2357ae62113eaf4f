// Reads and writes how far each blob file of an export folder was imported.

import type { Selectable } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { ImportFileTable } from '../db/schema';

export type ImportFileRow = Selectable<ImportFileTable>;

export async function findImportFile(handle: DatabaseHandle, folder: string, path: string): Promise<ImportFileRow | undefined> {
  return handle.db.selectFrom('import_file').selectAll().where('folder', '=', folder).where('path', '=', path).executeTakeFirst();
}

/** Creates or replaces the progress of one file. */
export async function saveImportFile(handle: DatabaseHandle, row: ImportFileRow): Promise<void> {
  const { folder: _folder, path: _path, ...progress } = row;
  await handle.db
    .insertInto('import_file')
    .values(row)
    .onConflict((conflict) => conflict.columns(['folder', 'path']).doUpdateSet(progress))
    .execute();
}
