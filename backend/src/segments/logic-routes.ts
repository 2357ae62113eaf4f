// Endpoints for segment logic written as text: validate it, preview its member count without saving, create a
// draft segment from it, and explain why a contact is (or is not) a member.

import { randomUUID } from 'node:crypto';

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

import { segmentDescription, segmentName } from '../../../shared/api/segments';
import { printQuery, type SegmentExpression } from '../../../shared/query';
import { recordSegmentCreated } from '../audit/audit-log';
import type { DatabaseHandle } from '../db/connect';
import { notFound, unprocessable } from '../http-error';
import { countMembers, explainMember, isMember } from '../query/evaluate';
import { parseBody } from '../validation';
import { actorOf } from './actor';
import { evaluationContext } from './evaluation-context';
import { analyzeLogic, requireValidLogic, rethrowCompileError } from './logic-analysis';
import { toSegmentRecord } from './record';
import { findSegment, findSegmentByName, insertSegment } from './repository';

/** The largest logic text accepted, in characters. */
export const logicMaxLength = 100_000;

const logicText = z
  .string({ error: 'The logic is missing. Send it as text in the segment query language.' })
  .max(logicMaxLength, { error: `The logic is longer than ${logicMaxLength} characters. Split it into segments joined with SEGMENT(name).` });

const validateRequest = z.object({ logic: logicText, segmentName: z.string().optional() });
const createRequest = z.object({ name: segmentName, description: segmentDescription, logic: logicText });
const explainQuery = z.object({ contactId: z.string().min(1, { error: 'contactId is missing. Pass the contact id to explain.' }) });

export const logicRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.post('/api/logic/validate', async (request) => {
    const body = parseBody(validateRequest, request.body);
    const analysis = await analyzeLogic(database, body.logic, body.segmentName);
    return { valid: analysis.ast !== null && analysis.errors.length === 0, errors: analysis.errors, canonical: analysis.canonical };
  });

  app.post('/api/logic/preview', async (request) => {
    const body = parseBody(validateRequest, request.body);
    const ast = await requireValidLogic(database, body.logic, body.segmentName);
    const now = Date.now();
    const count = await countMembers(database, ast, evaluationContext(database, now)).catch(rethrowCompileError);
    return { memberCount: count, countedAt: new Date(now).toISOString() };
  });

  app.post('/api/segments', async (request, reply) => {
    const body = parseBody(createRequest, request.body);
    if (await findSegmentByName(database, body.name)) {
      throw unprocessable('duplicate-segment-name', `A segment named "${body.name}" already exists. SEGMENT(name) needs unique names, so choose another name.`);
    }
    const ast = await requireValidLogic(database, body.logic, body.name);
    const now = Date.now();
    const memberCount = await countMembers(database, ast, evaluationContext(database, now)).catch(rethrowCompileError);

    const segmentId = randomUUID();
    const row = {
      segment_id: segmentId,
      name: body.name,
      description: body.description,
      status: 'draft',
      logic: printQuery(ast),
      logic_ast: JSON.stringify(ast),
      origin: null,
      journey_id: null,
      member_count: memberCount,
      counted_at: now,
      idempotency_key: null,
      created_at: now,
      updated_at: now,
    };
    await database.db.transaction().execute(async (trx) => {
      await insertSegment({ ...database, db: trx }, row);
      await recordSegmentCreated(trx, row, 'create', actorOf(request), now);
    });
    request.log.info({ segmentId }, 'segment created from logic text');
    reply.code(201);
    return toSegmentRecord((await findSegment(database, segmentId))!);
  });

  app.get<{ Params: { segmentId: string } }>('/api/segments/:segmentId/explanation', async (request) => {
    const { contactId } = parseBody(explainQuery, request.query);
    const segment = await findSegment(database, request.params.segmentId);
    if (!segment) {
      throw notFound('segment-not-found', `Segment "${request.params.segmentId}" was not found. Open it again from the segment list.`);
    }
    const ast = JSON.parse(segment.logic_ast) as SegmentExpression;
    const context = evaluationContext(database);
    const [member, explanation] = await Promise.all([
      isMember(database, ast, contactId, context).catch(rethrowCompileError),
      explainMember(database, ast, contactId, context).catch(rethrowCompileError),
    ]);
    const contact = await database.db.selectFrom('contact').select(['full_name', 'email']).where('contact_id', '=', contactId).executeTakeFirst();
    return { segmentId: segment.segment_id, contactId, contactName: contact?.full_name ?? null, member, explanation };
  });
};
