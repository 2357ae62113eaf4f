// Reads model.json, the manifest of an interaction export folder, and checks its entities and attributes
// against the interaction model this backend stores.

import { readFile } from 'node:fs/promises';

import { fieldDataType, fieldsOf, isInteractionType, type InteractionType } from '../../../shared/interactions';
import type { ImportProblem } from './import-summary';

/** An entity of the manifest that this backend can import. */
export interface ManifestEntity {
  type: InteractionType;
  /** Attribute names in manifest order: the column order of files without a header row. */
  columns: string[];
}

export interface Manifest {
  entities: Map<InteractionType, ManifestEntity>;
  problems: ImportProblem[];
}

/** Thrown when a folder cannot be imported at all. */
export class ImportFolderError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFolderError';
  }
}

interface RawEntity {
  name?: unknown;
  attributes?: Array<{ name?: unknown; dataType?: unknown }>;
}

/** Reads and checks the manifest. Unknown entities and attributes become problems; only an unreadable file throws. */
export async function readManifest(path: string): Promise<Manifest> {
  let parsed: { entities?: unknown };
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ImportFolderError(path, `The manifest ${path} is not valid JSON (${(error as Error).message}). Export the folder again or repair model.json.`);
  }
  if (!parsed || !Array.isArray(parsed.entities)) {
    throw new ImportFolderError(path, `The manifest ${path} has no "entities" list. It must be the model.json of an interaction export folder.`);
  }

  const entities = new Map<InteractionType, ManifestEntity>();
  const problems: ImportProblem[] = [];
  for (const entity of parsed.entities as RawEntity[]) {
    const name = typeof entity?.name === 'string' ? entity.name : '';
    if (!isInteractionType(name)) {
      problems.push({
        code: 'unknown-type',
        interactionType: name,
        message: `The manifest entity "${name}" is not an interaction type this backend knows; its folder csv/${name} is not imported.`,
      });
      continue;
    }

    const columns: string[] = [];
    for (const attribute of entity.attributes ?? []) {
      const column = typeof attribute?.name === 'string' ? attribute.name : '';
      columns.push(column);
      const declared = fieldDataType(name, column);
      if (!declared) {
        problems.push({
          code: 'unknown-column',
          interactionType: name,
          column,
          message: `The column "${column}" of ${name} is not a field of that interaction type; its values are not imported.`,
        });
      } else if (attribute.dataType !== declared) {
        problems.push({
          code: 'data-type-mismatch',
          interactionType: name,
          column,
          message: `The column ${name}.${column} is declared as ${String(attribute.dataType)} in the manifest but as ${declared} in the interaction model; values are read as ${declared}.`,
        });
      }
    }
    entities.set(name, { type: name, columns: columns.length > 0 ? columns : fieldsOf(name) });
  }
  return { entities, problems };
}
