// Saves a journey result as a draft dynamic segment: resolves the tile or reason, builds the logic from the
// catalog, counts its members now and stores it.

import { randomUUID } from 'node:crypto';

import type { z } from 'zod';

import type { captureRequest, SegmentOrigin } from '../../../shared/api/segments';
import { buildReasonLogic, buildResultLogic, findReason, findTileResult, resultsOfTile } from '../../../shared/catalog';
import type { SegmentExpression } from '../../../shared/query/ast';
import { printQuery } from '../../../shared/query/printer';
import { recordSegmentCreated } from '../audit/audit-log';
import type { DatabaseHandle } from '../db/connect';
import { HttpError, notFound, unprocessable } from '../http-error';
import { requireJourney, toCatalogTile } from '../journeys/service';
import { countMembers } from '../query/evaluate';
import { anonymousActor } from './actor';
import { evaluationContext } from './evaluation-context';
import { findSegment, findSegmentByIdempotencyKey, insertSegment, type SegmentRow } from './repository';

export type CaptureBody = z.output<typeof captureRequest>;

async function resolveLogic(handle: DatabaseHandle, body: CaptureBody): Promise<{ logic: SegmentExpression; origin: SegmentOrigin }> {
  const { tiles } = await requireJourney(handle, body.journeyId);

  if (body.reasonId !== undefined) {
    if (!findReason(body.reasonId)) {
      throw notFound('reason-not-found', `Reason "${body.reasonId}" does not exist. Use one of the Stopped contacts or Blocked emails reasons.`);
    }
    return { logic: buildReasonLogic(body.reasonId, body.journeyId), origin: { journeyId: body.journeyId, reasonId: body.reasonId } };
  }

  const activityId = body.activityId!;
  const resultId = body.resultId!;
  const tileRow = tiles.find((tile) => tile.activity_id === activityId);
  if (!tileRow) {
    throw notFound('tile-not-found', `Tile "${activityId}" is not part of journey "${body.journeyId}". Reload the designer and select the tile again.`);
  }

  const catalogTiles = tiles.map(toCatalogTile);
  const tile = toCatalogTile(tileRow);
  const result = findTileResult(tile, catalogTiles, resultId);
  if (!result) {
    const offered = resultsOfTile(tile, catalogTiles).map((candidate) => candidate.id).join(', ');
    throw unprocessable(
      'result-not-offered',
      `Result "${resultId}" is not offered by tile "${activityId}" (${tile.kind}). Use one of: ${offered}.`,
    );
  }

  return {
    logic: buildResultLogic(result.sources, { journeyId: body.journeyId, activityId }),
    origin: { journeyId: body.journeyId, activityId, resultId },
  };
}

const sameCapture = (row: SegmentRow, body: CaptureBody, origin: SegmentOrigin) =>
  row.name === body.name && row.description === body.description && row.origin === JSON.stringify(origin);

/**
 * Creates the draft segment, or returns the one an earlier request with the same idempotency key created.
 * Nothing is written when the journey, tile, result or reason is invalid. The audit log records `actor` with
 * the new segment, in the same transaction.
 */
export async function captureSegment(
  handle: DatabaseHandle,
  body: CaptureBody,
  idempotencyKey: string | undefined,
  actor: string = anonymousActor,
  now = Date.now(),
): Promise<{ segment: SegmentRow; created: boolean }> {
  const { logic, origin } = await resolveLogic(handle, body);

  if (idempotencyKey) {
    const earlier = await findSegmentByIdempotencyKey(handle, idempotencyKey);
    if (earlier) {
      if (!sameCapture(earlier, body, origin)) {
        throw new HttpError(
          422,
          'idempotency-key-reused',
          `Idempotency-Key "${idempotencyKey}" was already used for another capture. Send a new key for each new segment.`,
        );
      }
      return { segment: earlier, created: false };
    }
  }

  const memberCount = await countMembers(handle, logic, evaluationContext(handle, now));
  const segmentId = randomUUID();
  const row = {
    segment_id: segmentId,
    name: body.name,
    description: body.description,
    status: 'draft',
    logic: printQuery(logic),
    logic_ast: JSON.stringify(logic),
    origin: JSON.stringify(origin),
    journey_id: body.journeyId,
    member_count: memberCount,
    counted_at: now,
    idempotency_key: idempotencyKey ?? null,
    created_at: now,
    updated_at: now,
  };
  try {
    await handle.db.transaction().execute(async (trx) => {
      await insertSegment({ ...handle, db: trx }, row);
      await recordSegmentCreated(trx, row, 'capture', actor, now);
    });
  } catch (error) {
    // Two requests with the same key can race past the lookup above; the unique index lets one of them in.
    const winner = idempotencyKey ? await findSegmentByIdempotencyKey(handle, idempotencyKey) : undefined;
    if (winner) {
      return { segment: winner, created: false };
    }
    throw error;
  }

  return { segment: (await findSegment(handle, segmentId))!, created: true };
}
