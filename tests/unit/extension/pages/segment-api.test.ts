// @vitest-environment node
// The segment endpoints of the record page against a real HTTP server on 127.0.0.1, and the router's rule that
// only extension pages may call them.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('../support/browser-mock'));

import { createBackendRequest, type BackendClient } from '../../../../extension/background/backend-client';
import { defaultOptions } from '../../../../extension/background/config';
import { createJourneyCache } from '../../../../extension/background/journey-cache';
import { createMessageRouter } from '../../../../extension/background/message-router';
import type { Outbox } from '../../../../extension/background/outbox';
import { createSegmentApi, type SegmentApi } from '../../../../extension/background/segment-api';
import { segmentRecord } from './page-harness';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let server: Server | undefined;
const requests: Array<{ method?: string; url?: string; body: string }> = [];

async function serve(handler: Handler): Promise<SegmentApi> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const backendUrl = `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
  return createSegmentApi(createBackendRequest({ readOptions: async () => ({ backendUrl, apiToken: 'secret' }) }));
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

afterEach(async () => {
  requests.length = 0;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('segment api', () => {
  it('posts a lifecycle action and returns the record', async () => {
    const live = segmentRecord({ status: 'live' });
    const api = await serve((_request, _body, response) => json(response, 200, live));

    const outcome = await api.runAction('seg 1', 'goLive');

    expect(outcome).toEqual({ state: 'done', segment: live });
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/api/segments/seg%201/go-live', body: '{}' });
  });

  it('turns a stop of a referenced segment into a confirmation', async () => {
    const referencingSegments = [{ segmentId: 'seg-2', name: 'Depends on clickers' }];
    const api = await serve((_request, _body, response) =>
      json(response, 409, { statusCode: 409, error: 'Conflict', code: 'segment-referenced', message: 'Segment is used', details: { segmentId: 'seg-1', referencingSegments } }),
    );

    const outcome = await api.runAction('seg-1', 'stop');

    expect(outcome).toEqual({ state: 'confirm', message: 'Segment is used', referencingSegments });
  });

  it('sends confirm with a confirmed stop', async () => {
    const api = await serve((_request, _body, response) => json(response, 200, segmentRecord({ status: 'stopped' })));

    await api.runAction('seg-1', 'stop', true);

    expect(JSON.parse(requests[0].body)).toEqual({ confirm: true });
  });

  it('passes other conflicts on with the backend message', async () => {
    const message = 'Segment "Launch clickers" is Draft, so it cannot stop.';
    const api = await serve((_request, _body, response) =>
      json(response, 409, { statusCode: 409, error: 'Conflict', code: 'action-not-allowed', message, details: { allowedActions: ['goLive'] } }),
    );

    await expect(api.runAction('seg-1', 'stop')).rejects.toThrow(message);
  });

  it('names an endpoint the backend does not have', async () => {
    const api = await serve((request, _body, response) =>
      json(response, 404, { statusCode: 404, error: 'Not Found', message: `Route ${request.method}:${request.url} not found` }),
    );

    await expect(api.members('seg-1', { cursor: 'abc', limit: 25 })).rejects.toThrow('The backend does not offer GET /api/segments/seg-1/members yet.');
  });

  it('keeps the message of a segment that was not found', async () => {
    const message = 'Segment "seg-1" was not found. Open it again from the segment list.';
    const api = await serve((_request, _body, response) => json(response, 404, { statusCode: 404, error: 'Not Found', code: 'segment-not-found', message }));

    await expect(api.explain('seg-1', 'c-1')).rejects.toThrow(message);
  });

  it('reads transitions from the { transitions } reply', async () => {
    const transition = { action: 'goLive', from: 'draft', to: 'goingLive', actor: 'admin', at: '2026-03-02T10:00:00.000Z', error: null };
    const api = await serve((_request, _body, response) => json(response, 200, { segmentId: 'seg-1', transitions: [transition] }));

    expect(await api.transitions('seg-1')).toEqual([transition]);
  });

  it('sends only the changed fields with PATCH', async () => {
    const api = await serve((_request, _body, response) => json(response, 200, segmentRecord({ name: 'Renamed' })));

    await api.update('seg-1', { name: 'Renamed' });

    expect(requests[0]).toMatchObject({ method: 'PATCH', url: '/api/segments/seg-1', body: '{"name":"Renamed"}' });
  });

  it('filters the list by status and journey', async () => {
    const api = await serve((_request, _body, response) => json(response, 200, { segments: [segmentRecord()] }));

    const segments = await api.list({ status: 'live', journeyId: 'j-1' });

    expect(segments).toHaveLength(1);
    expect(requests[0].url).toBe('/api/segments?journeyId=j-1&status=live');
  });

  it('rejects an explanation reply of another shape', async () => {
    const api = await serve((_request, _body, response) => json(response, 200, { member: 'yes' }));

    await expect(api.explain('seg-1', 'c-1')).rejects.toThrow('sent a reply that is not valid');
  });
});

describe('message router for segment pages', () => {
  const segments = {
    list: vi.fn(async () => [segmentRecord()]),
  } as unknown as SegmentApi;
  const router = createMessageRouter({
    client: {} as BackendClient,
    outbox: {} as Outbox,
    journeys: createJourneyCache(),
    readConfig: async () => ({ ...defaultOptions, managedKeys: [] }),
    openPage: async () => undefined,
    segments,
  });

  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('answers an extension page', async () => {
    const reply = await router({ type: 'segments/list' }, { url: 'chrome-extension://lleldoomloonhbonkajngmapagkappob/extension/pages/segments.html' } as never);

    expect(reply).toEqual({ ok: true, value: [segmentRecord()] });
  });

  it('refuses a content script', async () => {
    const reply = await router({ type: 'segments/list' }, { url: 'http://127.0.0.1:8420/designer/journeys/j-1', tab: { id: 3 } } as never);

    expect(reply).toEqual({ ok: false, message: "The message segments/list is only accepted from the extension's own pages." });
  });
});
