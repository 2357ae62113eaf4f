// The outbox stores every capture before it is sent, so that no capture is lost while the backend is unreachable
// or the service worker is stopped. A capture leaves the outbox when the backend accepts it (2xx) or rejects it
// (4xx), except that a retry rejected for its API token (401, 403) stays until the token is fixed. After any
// other failure it stays and is retried with exponential backoff. The capture id is the Idempotency-Key of every
// attempt, so a retry after a lost reply returns the same segment instead of a second one.

import type { SegmentRecord } from '../../shared/api/segments';
import type { CaptureOutcome, CaptureRequest, CaptureStatus, DeliveryState } from '../lib/messages';
import { BackendError } from './backend-error';
import type { KeyedStore } from './keyed-store';

export interface OutboxEntry {
  captureId: string;
  capture: CaptureRequest;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch milliseconds of the next attempt. */
  nextAttemptAt: number;
}

/** chrome.alarms fires no sooner than 30 seconds after it is set (Chrome 120 and later), so retries start there. */
export const retryBaseDelayMs = 30_000;
export const retryMaxDelayMs = 15 * 60_000;
/** Statuses kept for the popup; statuses of captures still in the outbox are always kept. */
export const recentCaptureLimit = 20;

/** Returns the wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, ... up to 15 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(retryBaseDelayMs * 2 ** Math.max(attempts - 1, 0), retryMaxDelayMs);
}

export interface OutboxDependencies {
  pending: KeyedStore<OutboxEntry>;
  statuses: KeyedStore<CaptureStatus>;
  send(capture: CaptureRequest, idempotencyKey: string): Promise<SegmentRecord>;
  /** Arranges one call of `flush` at epoch milliseconds `at`, replacing any earlier arrangement. */
  scheduleRetry(at: number): void;
  now?: () => number;
  log?: Pick<Console, 'info' | 'warn'>;
}

export interface Outbox {
  /** Stores a capture, then sends it once; returns whether it was saved, queued for retry or rejected. */
  submit(captureId: string, capture: CaptureRequest): Promise<CaptureOutcome>;
  /** Sends every capture whose next attempt is due, or every queued capture with `force`. */
  flush(options?: { force?: boolean }): Promise<void>;
  /** Returns recent capture statuses, newest first. */
  statuses(): Promise<CaptureStatus[]>;
  status(captureId: string): Promise<CaptureStatus | undefined>;
}

const byNewestFirst = (a: { createdAt: number }, b: { createdAt: number }) => b.createdAt - a.createdAt;

export function createOutbox(dependencies: OutboxDependencies): Outbox {
  const { pending, statuses, send, scheduleRetry } = dependencies;
  const now = dependencies.now ?? Date.now;
  const log = dependencies.log ?? console;
  const inFlight = new Map<string, Promise<CaptureOutcome>>();

  async function writeStatus(
    entry: OutboxEntry,
    state: DeliveryState,
    details: { message?: string | null; segmentId?: string | null } = {},
  ): Promise<void> {
    await statuses.put({
      captureId: entry.captureId,
      name: entry.capture.name,
      journeyId: entry.capture.journeyId,
      state,
      attempts: entry.attempts,
      segmentId: details.segmentId ?? null,
      message: details.message ?? null,
      createdAt: entry.createdAt,
      updatedAt: now(),
      nextAttemptAt: state === 'queued' ? entry.nextAttemptAt : null,
    });
  }

  async function pruneStatuses(): Promise<void> {
    const pendingIds = new Set((await pending.list()).map((entry) => entry.captureId));
    const old = (await statuses.list()).sort(byNewestFirst).slice(recentCaptureLimit);
    for (const status of old) {
      if (!pendingIds.has(status.captureId)) {
        await statuses.delete(status.captureId);
      }
    }
  }

  async function scheduleNextRetry(): Promise<void> {
    const entries = await pending.list();
    if (entries.length > 0) {
      scheduleRetry(Math.min(...entries.map((entry) => entry.nextAttemptAt)));
    }
  }

  async function attemptDelivery(entry: OutboxEntry): Promise<CaptureOutcome> {
    const captureId = entry.captureId;
    const attempts = entry.attempts + 1;
    await writeStatus(entry, 'sending');

    try {
      const segment = await send(entry.capture, captureId);
      await pending.delete(captureId);
      await writeStatus({ ...entry, attempts }, 'delivered', { segmentId: segment.segmentId });
      log.info(`[journey-segments] capture ${captureId} saved as segment ${segment.segmentId} (attempt ${attempts})`);
      return { state: 'saved', captureId, segment };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);

      // A refused API token is fixed in the options, not in the capture. A retry keeps the capture queued until
      // then; only the first attempt, whose flyout is still open to show the message, ends as rejected.
      const waitsForToken = error instanceof BackendError && (error.status === 401 || error.status === 403) && entry.attempts > 0;
      if (error instanceof BackendError && !error.retryable && !waitsForToken) {
        await pending.delete(captureId);
        await writeStatus({ ...entry, attempts }, 'rejected', { message });
        log.warn(`[journey-segments] capture ${captureId} rejected by the backend: ${message}`);
        return { state: 'rejected', captureId, message };
      }

      const queued = { ...entry, attempts, nextAttemptAt: now() + retryDelayMs(attempts) };
      await pending.put(queued);
      await writeStatus(queued, 'queued', { message });
      await scheduleNextRetry();
      log.warn(
        `[journey-segments] capture ${captureId} failed on attempt ${attempts}, retrying at ` +
          `${new Date(queued.nextAttemptAt).toISOString()}: ${message}`,
      );
      return { state: 'queued', captureId, message };
    }
  }

  /** Sends one entry; a second call for an entry already being sent shares the first call's result. */
  function deliver(entry: OutboxEntry): Promise<CaptureOutcome> {
    const running = inFlight.get(entry.captureId);
    if (running) {
      return running;
    }

    const attempt = attemptDelivery(entry).finally(() => inFlight.delete(entry.captureId));
    inFlight.set(entry.captureId, attempt);
    return attempt;
  }

  return {
    async submit(captureId, capture) {
      let entry = await pending.get(captureId);
      if (!entry) {
        entry = { captureId, capture, createdAt: now(), attempts: 0, nextAttemptAt: now() };
        await pending.put(entry);
        await writeStatus(entry, 'queued');
        await pruneStatuses();
      }
      return deliver(entry);
    },

    async flush({ force = false } = {}) {
      const entries = (await pending.list()).sort((a, b) => a.createdAt - b.createdAt);
      for (const entry of entries) {
        if (force || entry.nextAttemptAt <= now()) {
          await deliver(entry);
        }
      }
      await scheduleNextRetry();
    },

    async statuses() {
      return (await statuses.list()).sort(byNewestFirst);
    },

    status(captureId) {
      return statuses.get(captureId);
    },
  };
}
