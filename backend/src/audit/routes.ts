// GET /api/audit: the audit log, oldest first, in pages that continue from a cursor.

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

import type { DatabaseHandle } from '../db/connect';
import { badRequest } from '../http-error';
import { parseBody } from '../validation';
import { listAuditEntries, type AuditRow } from './repository';

const auditQuery = z.object({
  segmentId: z.string().min(1).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1, { error: 'limit must be between 1 and 500.' }).max(500, { error: 'limit must be between 1 and 500.' }).default(100),
});

/** Decodes the cursor: the seq of the last entry returned, so new entries appear on the next page as they arrive. */
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') {
    return 0;
  }
  if (!/^\d{1,15}$/.test(cursor)) {
    throw badRequest('invalid-cursor', `cursor "${cursor}" is invalid. Pass the nextCursor of the previous page, or no cursor to start at the oldest entry.`);
  }
  return Number(cursor);
}

const parseJson = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

function toAuditEntry(row: AuditRow) {
  return {
    seq: Number(row.seq),
    segmentId: row.segment_id,
    action: row.action,
    actor: row.actor,
    actorTokenId: row.actor_token_id,
    at: new Date(Number(row.at)).toISOString(),
    before: parseJson(row.before),
    after: parseJson(row.after),
  };
}

export const auditRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.get('/api/audit', async (request) => {
    const query = parseBody(auditQuery, request.query);
    const afterSeq = decodeCursor(query.cursor);
    const rows = await listAuditEntries(database, { segmentId: query.segmentId, afterSeq, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return {
      entries: page.map(toAuditEntry),
      // Where the next request continues; with hasMore false it still serves to poll for newer entries.
      nextCursor: String(page.at(-1)?.seq ?? afterSeq),
      hasMore: rows.length > query.limit,
    };
  });
};
