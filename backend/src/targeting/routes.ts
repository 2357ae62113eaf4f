// HTTP endpoints for follow-up journeys: the live segments offered for targeting, their members (JSON pages
// and a CSV download) and the change feed of members added and removed.

import { Readable } from 'node:stream';

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

import type { SegmentMember, SegmentMemberPage, SegmentStatus, TargetingSegment } from '../../../shared/api/segments';
import type { SegmentExpression } from '../../../shared/query/ast';
import type { DatabaseHandle } from '../db/connect';
import { HttpError } from '../http-error';
import type { MembershipMaintenance } from '../membership/maintenance';
import { latestChangeSeq } from '../membership/member-store';
import { listMembers } from '../query/evaluate';
import { QueryCompileError } from '../query/query-compile-error';
import { evaluationContext } from '../segments/evaluation-context';
import { statusLabels } from '../segments/lifecycle';
import type { SegmentRow } from '../segments/repository';
import { requireSegment } from '../segments/require-segment';
import { parseBody } from '../validation';
import { csvRow } from './csv';
import { decodeChangeCursor, decodeMemberCursor, encodeChangeCursor, encodeMemberCursor } from './cursor';
import { changesAfter, contactDetails, listLiveSegments, storedMemberPage } from './repository';

const memberPageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce
    .number()
    .int({ error: 'limit must be a whole number from 1 to 1000.' })
    .min(1, { error: 'limit must be a whole number from 1 to 1000.' })
    .max(1000, { error: 'limit must be a whole number from 1 to 1000.' })
    .default(100),
});

const changePageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce
    .number()
    .int({ error: 'limit must be a whole number from 1 to 10000.' })
    .min(1, { error: 'limit must be a whole number from 1 to 10000.' })
    .max(10_000, { error: 'limit must be a whole number from 1 to 10000.' })
    .default(1000),
});

/** Members per database page of the CSV download. */
const csvPageSize = 1000;

const iso = (millis: number | null | undefined) => (millis === null || millis === undefined ? null : new Date(Number(millis)).toISOString());
const isLive = (segment: SegmentRow) => segment.status === 'live' || segment.status === 'liveEditable';

function notLive(segment: SegmentRow): HttpError {
  const status = segment.status as SegmentStatus;
  return new HttpError(
    409,
    'segment-not-live',
    `Segment "${segment.name}" is ${statusLabels[status]}, so it is not offered for targeting: only live segments keep their members current. ` +
      `Go live first (POST /api/segments/${segment.segment_id}/go-live).`,
    { segmentId: segment.segment_id, status },
  );
}

function toTargetingSegment(segment: SegmentRow): TargetingSegment {
  return {
    segmentId: segment.segment_id,
    name: segment.name,
    description: segment.description,
    status: segment.status as SegmentStatus,
    journeyId: segment.journey_id,
    memberCount: segment.member_count === null ? null : Number(segment.member_count),
    countedAt: iso(segment.counted_at),
    lastEvaluatedAt: iso(segment.last_evaluated_at),
    nextEvaluationAt: iso(segment.next_evaluation_at),
  };
}

/** Evaluates one page of members of a segment that is not live, for this request. */
async function evaluatedMemberPage(handle: DatabaseHandle, segment: SegmentRow, after: string | undefined, limit: number, now: number) {
  let contactIds: string[];
  try {
    contactIds = await listMembers(handle, JSON.parse(segment.logic_ast) as SegmentExpression, evaluationContext(handle, now), { afterContactId: after, limit: limit + 1 });
  } catch (error) {
    if (error instanceof QueryCompileError) {
      const { line, column, message } = error.toQueryError();
      throw new HttpError(422, 'invalid-logic', `The members of segment "${segment.name}" cannot be evaluated: line ${line}, column ${column}: ${message}`, {
        errors: [error.toQueryError()],
      });
    }
    throw error;
  }

  const page = contactIds.slice(0, limit);
  const details = await contactDetails(handle, page);
  const members: SegmentMember[] = page.map((contactId) => ({
    contactId,
    fullName: details.get(contactId)?.full_name ?? null,
    email: details.get(contactId)?.email ?? null,
    since: null,
  }));
  return { members, nextCursor: contactIds.length > limit ? encodeMemberCursor(page.at(-1)!) : null };
}

export const targetingRoutes: FastifyPluginAsync<{ database: DatabaseHandle; membership: MembershipMaintenance }> = async (app, { database, membership }) => {
  app.get('/api/targeting/segments', async () => {
    return { segments: (await listLiveSegments(database)).map(toTargetingSegment) };
  });

  app.get<{ Params: { segmentId: string } }>('/api/segments/:segmentId/members', async (request): Promise<SegmentMemberPage> => {
    const query = parseBody(memberPageQuery, request.query);
    const after = decodeMemberCursor(query.cursor);
    const segment = await requireSegment(database, request.params.segmentId);
    const status = segment.status as SegmentStatus;

    if (status === 'goingLive' || status === 'stopping') {
      throw new HttpError(409, 'segment-busy', `Segment "${segment.name}" is ${statusLabels[status]}, so its members are changing. Try again in a moment.`, {
        segmentId: segment.segment_id,
        status,
      });
    }

    if (!isLive(segment)) {
      const now = membership.clock();
      const page = await evaluatedMemberPage(database, segment, after, query.limit, now);
      return { segmentId: segment.segment_id, status, source: 'evaluated', asOf: iso(now), ...page, changeCursor: null };
    }

    // Read before the page, so that following the feed from here repeats changes rather than missing them.
    const changeCursor = encodeChangeCursor(await latestChangeSeq(database, segment.segment_id));
    const rows = await storedMemberPage(database, segment.segment_id, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      segmentId: segment.segment_id,
      status,
      source: 'live',
      asOf: iso(segment.counted_at),
      members: page.map((row) => ({ contactId: row.contact_id, fullName: row.full_name, email: row.email, since: iso(row.since) })),
      nextCursor: rows.length > query.limit ? encodeMemberCursor(page.at(-1)!.contact_id) : null,
      changeCursor,
    };
  });

  app.get<{ Params: { segmentId: string } }>('/api/segments/:segmentId/changes', async (request) => {
    const query = parseBody(changePageQuery, request.query);
    const afterSeq = decodeChangeCursor(query.cursor);
    const segment = await requireSegment(database, request.params.segmentId);
    if (!isLive(segment)) {
      throw notLive(segment);
    }

    const rows = await changesAfter(database, segment.segment_id, afterSeq, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      segmentId: segment.segment_id,
      changes: page.map((row) => ({ contactId: row.contact_id, change: row.change, at: iso(row.at)! })),
      nextCursor: encodeChangeCursor(page.at(-1)?.seq ?? afterSeq),
      hasMore: rows.length > query.limit,
    };
  });

  app.get<{ Params: { segmentId: string } }>('/api/segments/:segmentId/members.csv', async (request, reply) => {
    const segment = await requireSegment(database, request.params.segmentId);
    if (!isLive(segment)) {
      throw notLive(segment);
    }
    const changeCursor = encodeChangeCursor(await latestChangeSeq(database, segment.segment_id));

    // NOTE: pages are read one after another, not in one snapshot, so a member who joins or leaves during the
    // download may be missing or included. No member appears twice, because pages follow the contact id order.
    async function* lines(): AsyncGenerator<string> {
      yield csvRow(['contact_id', 'full_name', 'email', 'since']);
      let after: string | undefined;
      for (;;) {
        const rows = await storedMemberPage(database, segment.segment_id, after, csvPageSize);
        for (const row of rows) {
          yield csvRow([row.contact_id, row.full_name, row.email, iso(row.since)]);
        }
        if (rows.length < csvPageSize) {
          return;
        }
        after = rows.at(-1)!.contact_id;
      }
    }

    const fileName = `${segment.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'segment'}-members.csv`;
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('x-change-cursor', changeCursor);
    return reply.send(Readable.from(lines()));
  });
};
