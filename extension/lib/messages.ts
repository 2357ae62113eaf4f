// Runtime messages between the content script, the extension pages and the background service worker. The
// background validates every incoming message with these schemas, because a content script runs inside a host
// page the extension does not trust. Replies are wrapped in an envelope: a thrown error loses its message on the
// way through runtime messaging, so the background sends the message text itself.

import { z } from 'zod';

import type { JourneyDetail } from '../../shared/api/journeys';
import type { MemberExplanationReply } from '../../shared/api/member-explanation';
import {
  segmentStatuses,
  type CaptureRequest,
  type SegmentMemberPage,
  type SegmentRecord,
  type SegmentTransition,
} from '../../shared/api/segments';
import type { QueryError } from '../../shared/query/ast';
import type { UiLanguageSetting } from './ui-language-setting';

const id = z.string().min(1).max(200);

/** The lifecycle actions a page can run on a segment, named as in the segment's `allowedActions`. */
export const lifecycleActions = ['goLive', 'stop', 'edit', 'publish', 'cancelEdit', 'rebuild'] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

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

/** Messages that change or reveal segments; the background accepts them from extension pages only. */
export const pageOnlyMessageTypes: ReadonlySet<string> = new Set([
  'segments/list',
  'segment/update',
  'segment/action',
  'segment/transitions',
  'segment/members',
  'segment/explain',
  'logic/validate',
  'logic/preview',
]);

export type RuntimeMessage = z.infer<typeof runtimeMessage>;
export type RuntimeMessageType = RuntimeMessage['type'];
export type MessageOf<T extends RuntimeMessageType> = Extract<RuntimeMessage, { type: T }>;

/** Delivery state of a capture: queued in the outbox, being sent, saved by the backend, or rejected by it. */
export type DeliveryState = 'queued' | 'sending' | 'delivered' | 'rejected';

/** Delivery status of one capture, as the popup and the record page show it. */
export interface CaptureStatus {
  /** Also the Idempotency-Key of the POST, so a retry never creates a second segment. */
  captureId: string;
  name: string;
  journeyId: string;
  state: DeliveryState;
  attempts: number;
  segmentId: string | null;
  /** The last error, for queued and rejected captures. */
  message: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  nextAttemptAt: number | null;
}

export type CaptureOutcome =
  | { state: 'saved'; captureId: string; segment: SegmentRecord }
  | { state: 'queued'; captureId: string; message: string }
  | { state: 'rejected'; captureId: string; message: string };

/** Settings a content script may read; the backend URL and the API token stay in the background. */
export interface ContentSettings {
  uiLanguage: UiLanguageSetting;
  /** Result ids and reason ids that get a button; null offers all of them. */
  offeredResults: string[] | null;
  segmentNamePattern: string;
  /** Host profiles from policy, still to be validated. */
  hostProfiles: unknown[];
}

/**
 * Sent by the background to content scripts (tabs.sendMessage) and extension pages (runtime.sendMessage) when the
 * options or the policy changed, so they read their settings again.
 */
export const settingsChangedMessage = { type: 'settings/changed' } as const;

/** A live segment whose logic refers to another one through SEGMENT(name). */
export interface ReferencingSegment {
  segmentId: string;
  name: string;
}

/** A finished action, or a stop the backend wants confirmed because live segments depend on the segment. */
export type LifecycleOutcome =
  | { state: 'done'; segment: SegmentRecord }
  | { state: 'confirm'; message: string; referencingSegments: ReferencingSegment[] };

/** POST /api/logic/validate: every error with its 1-based line and column, and the canonical text of valid logic. */
export interface LogicValidation {
  valid: boolean;
  errors: QueryError[];
  canonical: string | null;
}

/** POST /api/logic/preview: the member count of unsaved logic and when it was counted (ISO 8601). */
export interface LogicPreview {
  memberCount: number;
  countedAt: string;
}

export interface ReplyValues {
  'journey/get': JourneyDetail;
  'capture/save': CaptureOutcome;
  'capture/get': CaptureStatus;
  'captures/list': CaptureStatus[];
  'outbox/flush': CaptureStatus[];
  'segment/get': SegmentRecord;
  'record/open': null;
  'settings/get': ContentSettings;
  'segments/list': SegmentRecord[];
  'segment/update': SegmentRecord;
  'segment/action': LifecycleOutcome;
  'segment/transitions': SegmentTransition[];
  'segment/members': SegmentMemberPage;
  'segment/explain': MemberExplanationReply;
  'logic/validate': LogicValidation;
  'logic/preview': LogicPreview;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; message: string };

export type { CaptureRequest };
