// POST /api/interactions: NDJSON batches of interactions with the export model's field names.

import type { FastifyPluginAsync } from 'fastify';

import type { DatabaseHandle } from '../db/connect';
import { badRequest } from '../http-error';
import { ingestInteractions } from './ingest';
import type { InteractionProblem, RawInteraction } from './normalize';

/** Largest NDJSON body accepted, in bytes. */
export const ingestBodyLimit = 16 * 1024 * 1024;
/** Most interactions accepted in one batch. */
export const ingestMaxLines = 50_000;

function parseLines(body: string): Array<RawInteraction | InteractionProblem> {
  const lines = body.split('\n');
  if (lines.at(-1) === '') {
    lines.pop();
  }
  if (lines.length > ingestMaxLines) {
    throw badRequest('too-many-lines', `The batch has ${lines.length} lines. Send at most ${ingestMaxLines} interactions per request.`);
  }
  return lines.map((line) => {
    try {
      return JSON.parse(line.replace(/\r$/, '')) as RawInteraction;
    } catch (error) {
      return { code: 'invalid-value', message: `The line is not valid JSON (${(error as Error).message}). Send one JSON object per line.` };
    }
  });
}

export const interactionRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.addContentTypeParser(['application/x-ndjson', 'application/ndjson'], { parseAs: 'string', bodyLimit: ingestBodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/api/interactions', { bodyLimit: ingestBodyLimit }, async (request) => {
    if (typeof request.body !== 'string') {
      throw badRequest('unsupported-body', 'Send interactions as NDJSON with Content-Type: application/x-ndjson, one JSON object per line.');
    }
    const summary = await ingestInteractions(database, parseLines(request.body));
    request.log.info({ stored: summary.stored, duplicates: summary.duplicates, rejected: summary.rejected }, 'interactions ingested');
    return summary;
  });
};
