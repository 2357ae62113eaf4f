// Runtime messages between the content script, the extension pages and the background service worker. The
// background validates every incoming message with the schemas in runtime-message-schema.ts, because a content
// script runs inside a host page the extension does not trust. This file holds only types and small constants, so
// the content script can import it without bundling zod. Replies are wrapped in an envelope: a thrown error loses
// its message on the way through runtime messaging, so the background sends the message text itself.

import type { z } from 'zod';

import type { JourneyDetail } from '../../shared/api/journeys';
import type { MemberExplanationReply } from '../../shared/api/member-explanation';
import type { CaptureRequest, SegmentMemberPage, SegmentRecord, SegmentTransition } from '../../shared/api/segments';
import type { QueryError } from '../../shared/query/ast';
import type { HostProfile } from '../content/host-profiles/schema';
import type { runtimeMessage } from './runtime-message-schema';
import type { UiLanguageSetting } from './ui-language-setting';

/** The lifecycle actions a page can run on a segment, named as in the segment's `allowedActions`. */
export const lifecycleActions = ['goLive', 'stop', 'edit', 'publish', 'cancelEdit', 'rebuild'] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

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
  /**
   * Host profiles from policy that passed validation in the background; the content script adds the built-in ones.
   */
  hostProfiles: HostProfile[];
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
