// Finds the parts of an interaction export folder: model.json and the blob files under csv/<InteractionType>/.

import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

import type { InteractionType } from '../../../shared/interactions';
import type { ImportProblem } from './import-summary';
import { ImportFolderError, readManifest, type Manifest, type ManifestEntity } from './manifest';

export interface BlobFile {
  entity: ManifestEntity;
  /** Absolute path. */
  path: string;
  /** Path inside the folder with forward slashes, such as csv/EmailSent/part-0001. */
  name: string;
  size: number;
}

export interface ExportFolder {
  /** Absolute path of the folder. */
  path: string;
  manifest: Manifest;
  blobs: BlobFile[];
  problems: ImportProblem[];
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if (isMissing(error)) {
      return false;
    }
    throw error;
  }
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : Number(a.name > b.name));

/** Lists the files under `folder` and its subfolders, leaving out hidden ones, in name order. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith('.')) {
      continue;
    }
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await listFiles(path)));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

/** Opens an export folder. Throws ImportFolderError when the folder or its model.json is missing or unreadable. */
export async function openExportFolder(folder: string): Promise<ExportFolder> {
  const path = resolve(folder);
  if (!(await isDirectory(path))) {
    throw new ImportFolderError(path, `The folder ${path} does not exist. Give the path of an interaction export folder, the one that contains model.json and csv/.`);
  }
  const manifestPath = join(path, 'model.json');
  try {
    await stat(manifestPath);
  } catch (error) {
    if (isMissing(error)) {
      throw new ImportFolderError(path, `The folder ${path} has no model.json. Give the path of an interaction export folder, the one that contains model.json and csv/.`);
    }
    throw error;
  }

  const manifest = await readManifest(manifestPath);
  const problems: ImportProblem[] = [];
  const blobs: BlobFile[] = [];
  const csvFolder = join(path, 'csv');
  if (!(await isDirectory(csvFolder))) {
    return { path, manifest, blobs, problems };
  }

  const reportedTypes = new Set(manifest.problems.filter((problem) => problem.code === 'unknown-type').map((problem) => problem.interactionType));
  const typeFolders = (await readdir(csvFolder, { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  for (const typeFolder of typeFolders.sort(byName)) {
    const entity = manifest.entities.get(typeFolder.name as InteractionType);
    if (!entity) {
      if (!reportedTypes.has(typeFolder.name)) {
        problems.push({
          code: 'folder-without-entity',
          interactionType: typeFolder.name,
          message: `The folder csv/${typeFolder.name} has no entity in model.json, so its files are not imported. Export the folder again or add the entity to model.json.`,
        });
      }
      continue;
    }
    for (const file of await listFiles(join(csvFolder, typeFolder.name))) {
      blobs.push({ entity, path: file, name: relative(path, file).split(sep).join('/'), size: (await stat(file)).size });
    }
  }
  return { path, manifest, blobs, problems };
}
