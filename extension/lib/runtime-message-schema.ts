// The zod schema the background applies to every incoming runtime message. It is kept out of messages.ts, which
// the content script imports, so that zod stays in the background and the extension pages.

import { z } from 'zod';

import { segmentStatuses } from '../../shared/api/segments';
import { lifecycleActions } from './messages';

const id = z.string().min(1).max(200);

const logicText = z.string().max(200_000);

const captureBody = z.object({
  journeyId: id,
  activityId: id.optional(),
  resultId: id.optional(),
  reasonId: id.optional(),
  name: z.string(),
  description: z.string().optional(),
});

export const runtimeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('journey/get'), journeyId: id }),
  z.object({ type: z.literal('capture/save'), captureId: z.uuid(), capture: captureBody }),
  z.object({ type: z.literal('capture/get'), captureId: id }),
  z.object({ type: z.literal('captures/list') }),
  z.object({ type: z.literal('outbox/flush') }),
  z.object({ type: z.literal('segment/get'), segmentId: id }),
  z.object({ type: z.literal('record/open'), segmentId: id.optional(), captureId: id.optional() }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('segments/list'), journeyId: id.optional(), status: z.enum(segmentStatuses).optional() }),
  z.object({
    type: z.literal('segment/update'),
    segmentId: id,
    changes: z.object({ name: z.string().optional(), description: z.string().optional(), logic: logicText.optional() }),
  }),
  z.object({ type: z.literal('segment/action'), segmentId: id, action: z.enum(lifecycleActions), confirm: z.boolean().optional() }),
  z.object({ type: z.literal('segment/transitions'), segmentId: id }),
  z.object({ type: z.literal('segment/members'), segmentId: id, cursor: z.string().max(2000).optional(), limit: z.number().int().min(1).max(1000).optional() }),
  z.object({ type: z.literal('segment/explain'), segmentId: id, contactId: id }),
  z.object({ type: z.literal('logic/validate'), logic: logicText, segmentName: z.string().optional() }),
  z.object({ type: z.literal('logic/preview'), logic: logicText, segmentName: z.string().optional() }),
]);
