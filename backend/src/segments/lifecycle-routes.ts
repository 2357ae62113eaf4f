// HTTP endpoints of the segment lifecycle. Each action returns the segment record as it is afterwards. A
// rejected action returns 409 with the current status and the allowed actions.

import type { FastifyPluginAsync } from 'fastify';

import { segmentStopRequest, segmentUpdateRequest } from '../../../shared/api/segments';
import { parseBody } from '../validation';
import { actorOf } from './actor';
import type { LifecycleContext } from './lifecycle-context';
import { cancelEdit, publishEdit, startEdit } from './lifecycle-edit';
import { goLive } from './lifecycle-go-live';
import { rebuildSegment } from './lifecycle-rebuild';
import { stopSegment } from './lifecycle-stop';
import { updateSegmentFields } from './lifecycle-update';
import { toSegmentRecord } from './record';
import { requireSegment } from './require-segment';
import { listTransitions } from './transitions';

type SegmentParams = { Params: { segmentId: string } };

export const lifecycleRoutes: FastifyPluginAsync<LifecycleContext> = async (app, context) => {
  app.post<SegmentParams>('/api/segments/:segmentId/go-live', async (request) => {
    const segment = await goLive(context, request.params.segmentId, actorOf(request));
    request.log.info({ segmentId: segment.segment_id, memberCount: segment.member_count }, 'segment went live');
    return toSegmentRecord(segment);
  });

  app.post<SegmentParams>('/api/segments/:segmentId/stop', async (request) => {
    const body = parseBody(segmentStopRequest, request.body);
    const segment = await stopSegment(context, request.params.segmentId, actorOf(request), body.confirm ?? false);
    request.log.info({ segmentId: segment.segment_id }, 'segment stopped');
    return toSegmentRecord(segment);
  });

  app.post<SegmentParams>('/api/segments/:segmentId/edit', async (request) => {
    return toSegmentRecord(await startEdit(context, request.params.segmentId, actorOf(request)));
  });

  app.patch<SegmentParams>('/api/segments/:segmentId', async (request) => {
    const body = parseBody(segmentUpdateRequest, request.body);
    return toSegmentRecord(await updateSegmentFields(context, request.params.segmentId, body, actorOf(request)));
  });

  app.post<SegmentParams>('/api/segments/:segmentId/publish', async (request) => {
    const segment = await publishEdit(context, request.params.segmentId, actorOf(request));
    request.log.info({ segmentId: segment.segment_id, memberCount: segment.member_count }, 'segment edit published');
    return toSegmentRecord(segment);
  });

  app.post<SegmentParams>('/api/segments/:segmentId/cancel-edit', async (request) => {
    return toSegmentRecord(await cancelEdit(context, request.params.segmentId, actorOf(request)));
  });

  app.post<SegmentParams>('/api/segments/:segmentId/rebuild', async (request) => {
    const segment = await rebuildSegment(context, request.params.segmentId);
    request.log.info({ segmentId: segment.segment_id, memberCount: segment.member_count }, 'segment rebuilt');
    return toSegmentRecord(segment);
  });

  app.get<SegmentParams>('/api/segments/:segmentId/transitions', async (request) => {
    const segment = await requireSegment(context.handle, request.params.segmentId);
    return { segmentId: segment.segment_id, transitions: await listTransitions(context.handle, segment.segment_id) };
  });
};
