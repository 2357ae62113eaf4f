// POST /api/imports: imports an interaction export folder that lies on the backend's own file system.

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

import type { DatabaseHandle } from '../db/connect';
import type { IngestOptions } from '../interactions/ingest';
import { unprocessable } from '../http-error';
import { parseBody } from '../validation';
import { importExportFolder } from './import-folder';
import { ImportFolderError } from './manifest';

const importRequest = z.object({
  folder: z
    .string({ error: 'The folder path is missing. Send {"folder": "<path of the export folder on the backend machine>"}.' })
    .trim()
    .min(1, { error: 'The folder path is empty. Send the path of the export folder on the backend machine.' }),
});

// NOTE: the folder is a path on the backend machine. Any caller allowed to use this endpoint can make the
// backend read folders there, so grant it to administrators only.
export interface ImportRoutesOptions {
  database: DatabaseHandle;
  /** Called with the interactions each batch newly stored, after they are committed. */
  onStored?: IngestOptions['onStored'];
}

export const importRoutes: FastifyPluginAsync<ImportRoutesOptions> = async (app, { database, onStored }) => {
  app.post('/api/imports', async (request) => {
    const { folder } = parseBody(importRequest, request.body);
    request.log.info({ folder }, 'export folder import started');

    try {
      const summary = await importExportFolder(database, folder, { onStored });
      const { rejections: _rejections, problems: _problems, ...counts } = summary;
      request.log.info({ ...counts, problems: summary.problems.length }, 'export folder imported');
      return summary;
    } catch (error) {
      if (error instanceof ImportFolderError) {
        throw unprocessable('invalid-export-folder', error.message, { path: error.path });
      }
      throw error;
    }
  });
};
