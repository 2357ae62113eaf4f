// Request and response bodies of the segment endpoints, shared by the backend and the extension.

import { z } from 'zod';

export const segmentNameMaxLength = 200;
export const segmentDescriptionMaxLength = 2000;

export const segmentName = z
  .string({ error: 'The segment name is missing. Give the segment a name.' })
  .trim()
  .min(1, { error: 'The segment name is empty. Give the segment a name.' })
  .max(segmentNameMaxLength, {
    error: (issue) =>
      `The segment name is ${String(issue.input).trim().length} characters long. Shorten it to ${segmentNameMaxLength} characters or fewer.`,
  });

export const segmentDescription = z
  .string()
  .max(segmentDescriptionMaxLength, {
    error: `The description is too long. Shorten it to ${segmentDescriptionMaxLength} characters or fewer.`,
  })
  .default('');

export const segmentStatuses = ['draft', 'goingLive', 'live', 'liveEditable', 'stopping', 'stopped'] as const;
export type SegmentStatus = (typeof segmentStatuses)[number];

/** Where a captured segment came from: a tile result, or an incomplete-journey reason. */
export const segmentOrigin = z.union([
  z.object({ journeyId: z.string(), activityId: z.string(), resultId: z.string() }),
  z.object({ journeyId: z.string(), reasonId: z.string() }),
]);
export type SegmentOrigin = z.infer<typeof segmentOrigin>;

/** POST /api/segments/captures: save a journey result as a draft segment. */
export const captureRequest = z
  .object({
    journeyId: z.string().min(1),
    activityId: z.string().min(1).optional(),
    resultId: z.string().min(1).optional(),
    reasonId: z.string().min(1).optional(),
    name: segmentName,
    description: segmentDescription,
  })
  .refine((body) => (body.reasonId === undefined) !== (body.activityId === undefined && body.resultId === undefined), {
    error: 'Send either reasonId, or activityId with resultId.',
  })
  .refine((body) => body.reasonId !== undefined || (body.activityId !== undefined && body.resultId !== undefined), {
    error: 'A tile result needs both activityId and resultId.',
  });
export type CaptureRequest = z.input<typeof captureRequest>;

export const segmentRecord = z.object({
  segmentId: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(segmentStatuses),
  logic: z.string(),
  origin: segmentOrigin.nullable(),
  journeyId: z.string().nullable(),
  /** Contacts matching the logic when it was last evaluated, or null before the first evaluation. */
  memberCount: z.number().nullable(),
  /** When memberCount was computed, as an ISO 8601 UTC timestamp. */
  countedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SegmentRecord = z.infer<typeof segmentRecord>;

/** The body of every 4xx and 5xx reply. */
export const apiError = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type ApiError = z.infer<typeof apiError>;
