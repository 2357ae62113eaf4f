// HTTP client of the Journey Segments backend. Every failure becomes a BackendError whose message states what
// failed at which URL and what to do next, because the content script shows it to the user as is.

import type { JourneyDetail } from '../../shared/api/journeys';
import { apiError, segmentRecord, type CaptureRequest, type SegmentRecord } from '../../shared/api/segments';
import { t } from '../lib/i18n';
import { BackendError } from './backend-error';
import type { ExtensionOptions } from './config';

export const defaultTimeoutMs = 10_000;

export interface BackendClientOptions {
  readOptions: () => Promise<Pick<ExtensionOptions, 'backendUrl' | 'apiToken'>>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface BackendClient {
  getJourney(journeyId: string, language: string): Promise<JourneyDetail>;
  /** POST /api/segments/captures; `idempotencyKey` must stay the same on every retry of one capture. */
  createCapture(capture: CaptureRequest, idempotencyKey: string): Promise<SegmentRecord>;
  getSegment(segmentId: string): Promise<SegmentRecord>;
}

interface RequestInit {
  method: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOfStatus(response: Response, body: unknown, backendUrl: string): BackendError {
  const status = response.status;
  const parsed = apiError.safeParse(body);
  const backendMessage = parsed.success ? parsed.data.message : null;
  const code = parsed.success ? (parsed.data.code ?? null) : null;
  const details = (body as { details?: unknown } | undefined)?.details;

  // A token whose role is too low is valid, and the backend's message names the role the request needs.
  if (status === 403 && code === 'role-too-low' && backendMessage) {
    return new BackendError(backendMessage, 'rejected', status, code, details);
  }
  if (status === 401 || status === 403) {
    return new BackendError(t('errorBackendUnauthorized', backendUrl, status), 'rejected', status);
  }
  if (status >= 500 || status === 429) {
    return new BackendError(backendMessage ?? t('errorBackendFailed', backendUrl, status), 'failed', status, code, details);
  }
  return new BackendError(backendMessage ?? t('errorBackendRejected', backendUrl, status), 'rejected', status, code, details);
}

/** Sends a request to the backend and returns the parsed JSON body with the backend URL it went to. */
export type BackendRequest = (path: string, init: RequestInit) => Promise<{ body: unknown; backendUrl: string }>;

export function createBackendRequest(options: BackendClientOptions): BackendRequest {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;

  return async function request(path, init) {
    const { backendUrl, apiToken } = await options.readOptions();
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (apiToken) {
      headers.authorization = `Bearer ${apiToken}`;
    }
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
    }

    let response: Response;
    try {
      response = await fetchImpl(`${backendUrl}${path}`, {
        method: init.method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new BackendError(t('errorBackendTimeout', backendUrl, Math.round(timeoutMs / 1000)), 'timeout');
      }
      throw new BackendError(t('errorBackendUnreachable', backendUrl), 'unreachable');
    }

    const body = await readBody(response);
    if (!response.ok) {
      throw errorOfStatus(response, body, backendUrl);
    }
    if (body === undefined) {
      throw new BackendError(t('errorBackendInvalidReply', backendUrl), 'failed', response.status);
    }
    return { body, backendUrl };
  };
}

export function createBackendClient(options: BackendClientOptions): BackendClient {
  const request = createBackendRequest(options);

  async function requestSegment(path: string, init: RequestInit): Promise<SegmentRecord> {
    const { body, backendUrl } = await request(path, init);
    const parsed = segmentRecord.safeParse(body);
    if (!parsed.success) {
      throw new BackendError(t('errorBackendInvalidReply', backendUrl), 'failed');
    }
    return parsed.data;
  }

  return {
    async getJourney(journeyId, language) {
      const path = `/api/journeys/${encodeURIComponent(journeyId)}?lang=${encodeURIComponent(language)}`;
      const { body, backendUrl } = await request(path, { method: 'GET' });
      if (!Array.isArray((body as Partial<JourneyDetail>).tiles)) {
        throw new BackendError(t('errorBackendInvalidReply', backendUrl), 'failed');
      }
      return body as JourneyDetail;
    },

    createCapture(capture, idempotencyKey) {
      return requestSegment('/api/segments/captures', {
        method: 'POST',
        body: capture,
        headers: { 'idempotency-key': idempotencyKey },
      });
    },

    getSegment(segmentId) {
      return requestSegment(`/api/segments/${encodeURIComponent(segmentId)}`, { method: 'GET' });
    },
  };
}
