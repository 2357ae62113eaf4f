// HTTP endpoints for segments.

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

import { captureRequest, segmentStatuses } from '../../../shared/api/segments';
import type { DatabaseHandle } from '../db/connect';
import { badRequest, notFound } from '../http-error';
import { parseBody } from '../validation';
import { actorOf } from './actor';
import { captureSegment } from './capture';
import { toSegmentRecord } from './record';
import { findSegment, listSegments } from './repository';

const listQuery = z.object({ journeyId: z.string().optional(), status: z.enum(segmentStatuses).optional() });

function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) {
    return undefined;
  }
  const key = Array.isArray(header) ? header[0] : header;
  if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) {
    throw badRequest('invalid-idempotency-key', `Idempotency-Key "${key}" is invalid. Send 8 to 128 letters, digits or - _ . : (a UUID works).`);
  }
  return key;
}

export const segmentRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.post('/api/segments/captures', async (request, reply) => {
    const body = parseBody(captureRequest, request.body);
    const { segment, created } = await captureSegment(database, body, idempotencyKeyOf(request.headers['idempotency-key']), actorOf(request));
    if (created) {
      request.log.info({ segmentId: segment.segment_id, journeyId: body.journeyId }, 'segment captured');
    }
    reply.code(created ? 201 : 200);
    return toSegmentRecord(segment);
  });

  app.get('/api/segments', async (request) => {
    const filter = parseBody(listQuery, request.query);
    return { segments: (await listSegments(database, filter)).map(toSegmentRecord) };
  });

  app.get<{ Params: { segmentId: string } }>('/api/segments/:segmentId', async (request) => {
    const segment = await findSegment(database, request.params.segmentId);
    if (!segment) {
      throw notFound('segment-not-found', `Segment "${request.params.segmentId}" was not found. It may have been deleted; open the segment list.`);
    }
    return toSegmentRecord(segment);
  });
};
