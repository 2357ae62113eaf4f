// Runtime messages between the content script, the extension pages and the background service worker. The
// background validates every incoming message with these schemas, because a content script runs inside a host
// page the extension does not trust. Replies are wrapped in an envelope: a thrown error loses its message on the
// way through runtime messaging, so the background sends the message text itself.

import { z } from 'zod';

import type { JourneyDetail } from '../../shared/api/journeys';
import type { CaptureRequest, SegmentRecord } from '../../shared/api/segments';
import type { UiLanguageSetting } from './ui-language-setting';

const id = z.string().min(1).max(200);

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

export interface ReplyValues {
  'journey/get': JourneyDetail;
  'capture/save': CaptureOutcome;
  'capture/get': CaptureStatus;
  'captures/list': CaptureStatus[];
  'outbox/flush': CaptureStatus[];
  'segment/get': SegmentRecord;
  'record/open': null;
  'settings/get': ContentSettings;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; message: string };

export type { CaptureRequest };
