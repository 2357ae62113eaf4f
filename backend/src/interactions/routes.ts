// POST /api/interactions: NDJSON batches of interactions with the export model's field names. The reply lists
// an outcome per line; valid lines are stored even when others in the batch are rejected.

import type { FastifyError, FastifyPluginAsync } from 'fastify';

import type { DatabaseHandle } from '../db/connect';
import { HttpError } from '../http-error';
import { ingestInteractions, type IngestOptions } from './ingest';
import type { InteractionProblem, RawInteraction } from './normalize';

/** Largest NDJSON body accepted, in bytes. */
export const ingestBodyLimit = 16 * 1024 * 1024;
/** Most interactions accepted in one batch. */
export const ingestMaxLines = 50_000;

const ndjsonTypes = ['application/x-ndjson', 'application/ndjson'];
const sendAsNdjson = 'Send interactions as NDJSON with Content-Type: application/x-ndjson, one JSON object per line.';

const bodyTooLarge = () =>
  new HttpError(
    413,
    'body-too-large',
    `The batch is larger than ${ingestBodyLimit} bytes (16 MiB), the limit of one request. Split it into smaller batches of at most ${ingestMaxLines} interactions and 16 MiB each.`,
    { maxBytes: ingestBodyLimit, maxLines: ingestMaxLines },
  );

const tooManyLines = (lines: number) =>
  new HttpError(
    413,
    'too-many-lines',
    `The batch has ${lines} lines, more than the limit of ${ingestMaxLines} interactions per request. Split it into batches of at most ${ingestMaxLines} lines.`,
    { lines, maxLines: ingestMaxLines, maxBytes: ingestBodyLimit },
  );

const unsupportedMediaType = (contentType: string | undefined) =>
  new HttpError(
    415,
    'unsupported-content-type',
    `${contentType ? `Content-Type ${contentType} is not accepted here` : 'The request has no Content-Type'}. ${sendAsNdjson}`,
    { accepted: ndjsonTypes },
  );

function parseLine(line: string): RawInteraction | InteractionProblem {
  if (line.trim() === '') {
    return { code: 'invalid-value', message: 'The line is empty. Send one JSON object per line, without empty lines.' };
  }

  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { code: 'invalid-value', message: `The line is not valid JSON (${(error as Error).message}). Send one JSON object per line.` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { code: 'invalid-value', message: `The line contains ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}, not a JSON object. Send one interaction object per line.` };
  }
  return value as RawInteraction;
}

function parseLines(body: string): Array<RawInteraction | InteractionProblem> {
  const lines = body.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') {
    lines.pop();
  }
  if (lines.length > ingestMaxLines) {
    throw tooManyLines(lines.length);
  }
  return lines.map(parseLine);
}

export interface InteractionRouteOptions {
  database: DatabaseHandle;
  /** Called with the interactions each batch newly stored, after they are committed. */
  onStored?: IngestOptions['onStored'];
}

export const interactionRoutes: FastifyPluginAsync<InteractionRouteOptions> = async (app, { database, onStored }) => {
  app.addContentTypeParser(ndjsonTypes, { parseAs: 'string', bodyLimit: ingestBodyLimit }, (_request, body, done) => done(null, body));

  app.post(
    '/api/interactions',
    {
      bodyLimit: ingestBodyLimit,
      // Fastify rejects oversized bodies and unknown content types before the handler runs. This handler replaces
      // its generic messages with ones that name the limit and the expected format, and passes other errors on.
      errorHandler: (error: FastifyError, request, _reply) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          request.log.warn({ contentLength: request.headers['content-length'] }, 'interaction batch rejected: body too large');
          throw bodyTooLarge();
        }
        if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
          request.log.warn({ contentType: request.headers['content-type'] }, 'interaction batch rejected: unsupported content type');
          throw unsupportedMediaType(request.headers['content-type']);
        }
        throw error;
      },
    },
    async (request) => {
      // Fastify also parses text/plain and JSON bodies by default; only NDJSON is an interaction batch.
      const mediaType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
      if (typeof request.body !== 'string' || !mediaType || !ndjsonTypes.includes(mediaType)) {
        request.log.warn({ contentType: request.headers['content-type'] }, 'interaction batch rejected: unsupported content type');
        throw unsupportedMediaType(request.headers['content-type']);
      }

      const summary = await ingestInteractions(database, parseLines(request.body), { onStored });
      request.log.info({ stored: summary.stored, duplicates: summary.duplicates, rejected: summary.rejected }, 'interactions ingested');
      return summary;
    },
  );
};
