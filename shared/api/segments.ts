// Request and response bodies of the segment endpoints, shared by the backend and the extension.

import { z } from 'zod';

import { segmentDescriptionMaxLength, segmentNameMaxLength } from './segment-limits';

export { segmentDescriptionMaxLength, segmentNameMaxLength };

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

/**
 * Status codes of the reference product's segment records, for exchanging segments with it. It has no code of
 * its own for a live segment with a pending edit, which it shows as Live.
 */
export const referenceStatusCodes: Readonly<Record<SegmentStatus, number>> = {
  draft: 192350000,
  live: 192350001,
  liveEditable: 192350001,
  stopped: 192350002,
  goingLive: 192350006,
  stopping: 192350007,
};

/**
 * The actions on a segment. `update` edits name, description and logic: the pending logic while live-editable,
 * and only the description while live. The others are the lifecycle endpoints of the same name.
 */
export const segmentActions = ['goLive', 'stop', 'edit', 'update', 'publish', 'cancelEdit', 'rebuild'] as const;
export type SegmentAction = (typeof segmentActions)[number];

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

/** A failed go-live, publish or evaluation. Errors in the logic carry the 1-based line and column. */
export const segmentError = z.object({
  action: z.string(),
  code: z.string(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  at: z.string(),
});
export type SegmentError = z.infer<typeof segmentError>;

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
  // The fields below are optional in the schema so that records from older backends still parse; this backend
  // always sends them.
  /** When membership was last evaluated, fully or for some contacts; null before the first evaluation. */
  lastEvaluatedAt: z.string().nullable().optional(),
  /**
   * When maintenance evaluates a live segment next without new interactions: a HAVING window expiring, a
   * periodic check of contact fields, or a retry. Null when only new interactions change its members, and for
   * segments that are not live.
   */
  nextEvaluationAt: z.string().nullable().optional(),
  /** The logic of the prepared edit while live-editable; the live logic stays in `logic` until it is published. */
  pendingLogic: z.string().nullable().optional(),
  /** The error of the last failed go-live, publish or evaluation; null once one succeeds. */
  lastError: segmentError.nullable().optional(),
  /** The actions the segment's status allows now. */
  allowedActions: z.array(z.enum(segmentActions)).optional(),
});
export type SegmentRecord = z.infer<typeof segmentRecord>;

/** Maximum length of logic text, in characters. */
export const segmentLogicMaxLength = 200_000;

/** PATCH /api/segments/:segmentId. */
export const segmentUpdateRequest = z
  .object({
    name: segmentName.optional(),
    description: z
      .string()
      .max(segmentDescriptionMaxLength, { error: `The description is too long. Shorten it to ${segmentDescriptionMaxLength} characters or fewer.` })
      .optional(),
    logic: z
      .string()
      .max(segmentLogicMaxLength, { error: `The logic is too long. Shorten it to ${segmentLogicMaxLength} characters or fewer.` })
      .optional(),
  })
  .strict()
  .refine((body) => body.name !== undefined || body.description !== undefined || body.logic !== undefined, {
    error: 'Send at least one of name, description and logic.',
  });
export type SegmentUpdateRequest = z.input<typeof segmentUpdateRequest>;

/** POST /api/segments/:segmentId/stop. */
export const segmentStopRequest = z.object({
  /** Stop even though live segments refer to this one through SEGMENT(name). */
  confirm: z.boolean().optional(),
});

/** One status change, as GET /api/segments/:segmentId/transitions lists it, oldest first. */
export const segmentTransition = z.object({
  action: z.string(),
  from: z.enum(segmentStatuses),
  to: z.enum(segmentStatuses),
  /** The API token's name, else the X-Actor header or JWT subject of the request, else "anonymous". */
  actor: z.string(),
  at: z.string(),
  /** Set when the action failed and the segment returned to its earlier status. */
  error: segmentError.nullable(),
});
export type SegmentTransition = z.infer<typeof segmentTransition>;

/** A member of a segment, with the contact's name and email address when the contact is stored. */
export const segmentMember = z.object({
  contactId: z.string(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  /** When the contact joined the live membership; null for members of a fresh evaluation. */
  since: z.string().nullable(),
});
export type SegmentMember = z.infer<typeof segmentMember>;

/** GET /api/segments/:segmentId/members: one page in ascending contact id order. */
export const segmentMemberPage = z.object({
  segmentId: z.string(),
  status: z.enum(segmentStatuses),
  /** `live`: the maintained membership; `evaluated`: computed for this request, for a segment that is not live. */
  source: z.enum(['live', 'evaluated']),
  /** The time the membership is current as of. */
  asOf: z.string().nullable(),
  members: z.array(segmentMember),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /**
   * For live segments, the change feed position read before this page, so a consumer that lists the members
   * and then follows the feed from here misses no change.
   */
  changeCursor: z.string().nullable(),
});
export type SegmentMemberPage = z.infer<typeof segmentMemberPage>;

export const segmentMemberChange = z.object({
  contactId: z.string(),
  change: z.enum(['added', 'removed']),
  at: z.string(),
});
export type SegmentMemberChange = z.infer<typeof segmentMemberChange>;

/** GET /api/segments/:segmentId/changes: membership changes after `cursor`, oldest first. */
export const segmentChangePage = z.object({
  segmentId: z.string(),
  changes: z.array(segmentMemberChange),
  /** Pass as `cursor` to read the changes after these; unchanged when there were none. */
  nextCursor: z.string(),
  /** Whether more changes are waiting beyond this page. */
  hasMore: z.boolean(),
});
export type SegmentChangePage = z.infer<typeof segmentChangePage>;

/** A live segment offered to follow-up journeys, from GET /api/targeting/segments. */
export const targetingSegment = z.object({
  segmentId: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(segmentStatuses),
  journeyId: z.string().nullable(),
  memberCount: z.number().nullable(),
  countedAt: z.string().nullable(),
  lastEvaluatedAt: z.string().nullable(),
  nextEvaluationAt: z.string().nullable(),
});
export type TargetingSegment = z.infer<typeof targetingSegment>;

/** The body of every 4xx and 5xx reply. */
export const apiError = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type ApiError = z.infer<typeof apiError>;
