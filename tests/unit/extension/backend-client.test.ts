// @vitest-environment node
// The backend client against a real HTTP server on 127.0.0.1.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import type { SegmentRecord } from '../../../shared/api/segments';
import { BackendError } from '../../../extension/background/backend-error';
import { createBackendClient } from '../../../extension/background/backend-client';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const record: SegmentRecord = {
  segmentId: 'seg-1',
  name: 'Hard bounces - Welcome email - Spring sale',
  description: '',
  status: 'draft',
  logic: 'INTERACTION EmailHardBounced ...',
  origin: { journeyId: 'j-1', activityId: '02', resultId: 'hardBounces' },
  journeyId: 'j-1',
  memberCount: 3,
  countedAt: '2025-03-02T10:00:00Z',
  createdAt: '2025-03-02T10:00:00Z',
  updatedAt: '2025-03-02T10:00:00Z',
};

const capture = { journeyId: 'j-1', activityId: '02', resultId: 'hardBounces', name: record.name, description: '' };

let server: Server | undefined;
const requests: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];

async function serve(handler: Handler): Promise<string> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

function client(backendUrl: string, apiToken = '', timeoutMs?: number) {
  return createBackendClient({ readOptions: async () => ({ backendUrl, apiToken }), timeoutMs });
}

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => {
      throw new Error('The request succeeded, but a failure was expected.');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

afterEach(async () => {
  requests.length = 0;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('backend client', () => {
  it('posts a capture with its idempotency key', async () => {
    const url = await serve((_request, _body, response) => json(response, 201, record));

    const saved = await client(url).createCapture(capture, '6f1c2b7e-0000-4000-8000-000000000001');

    expect(saved).toEqual(record);
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url).toBe('/api/segments/captures');
    expect(requests[0].headers['idempotency-key']).toBe('6f1c2b7e-0000-4000-8000-000000000001');
    expect(requests[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(requests[0].body)).toEqual(capture);
  });

  it('sends the token as a bearer header', async () => {
    const url = await serve((_request, _body, response) => json(response, 200, record));

    await client(url, 'secret-token').getSegment('seg-1');

    expect(requests[0].headers.authorization).toBe('Bearer secret-token');
  });

  it('sends no authorization header without a token', async () => {
    const url = await serve((_request, _body, response) => json(response, 200, record));

    await client(url).getSegment('seg-1');

    expect(requests[0].headers.authorization).toBeUndefined();
  });

  it('asks for the journey in a language', async () => {
    const url = await serve((_request, _body, response) => json(response, 200, { journeyId: 'j 1', tiles: [] }));

    await client(url).getJourney('j 1', 'de');

    expect(requests[0].url).toBe('/api/journeys/j%201?lang=de');
  });

  it('passes on the backend message of a 4xx reply', async () => {
    const url = await serve((_request, _body, response) =>
      json(response, 422, { statusCode: 422, error: 'Unprocessable Entity', message: 'Journey j-1 has no tile 09.' }),
    );

    const error = await failure(client(url).createCapture(capture, 'key'));

    expect(error.message).toBe('Journey j-1 has no tile 09.');
    expect(error.kind).toBe('rejected');
    expect(error.retryable).toBe(false);
  });

  it('names the status of a 4xx reply without a body', async () => {
    const url = await serve((_request, _body, response) => {
      response.writeHead(404);
      response.end();
    });

    const error = await failure(client(url).getSegment('seg-9'));

    expect(error.message).toBe(`The Journey Segments backend at ${url} rejected the request with HTTP 404.`);
  });

  it('points to the token on 401', async () => {
    const url = await serve((_request, _body, response) =>
      json(response, 401, { statusCode: 401, error: 'Unauthorized', message: 'Missing bearer token.' }),
    );

    const error = await failure(client(url).getSegment('seg-1'));

    expect(error.message).toBe(
      `The Journey Segments backend at ${url} rejected the API token (HTTP 401). Check the API token in the options.`,
    );
  });

  it('marks a 5xx reply as retryable', async () => {
    const url = await serve((_request, _body, response) =>
      json(response, 503, { statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable.' }),
    );

    const error = await failure(client(url).createCapture(capture, 'key'));

    expect(error.kind).toBe('failed');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('The database is not reachable.');
  });

  it('explains an unreachable backend', async () => {
    const url = await serve(() => undefined);
    server?.close();
    await new Promise((resolve) => setTimeout(resolve, 10));

    const error = await failure(client(url).createCapture(capture, 'key'));

    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(
      `The Journey Segments backend at ${url} is not reachable. Start it with npm start or check the backend URL in the options.`,
    );
  });

  it('times out a backend that does not reply', async () => {
    const url = await serve(() => undefined);

    const error = await failure(client(url, '', 1_000).getSegment('seg-1'));

    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `The Journey Segments backend at ${url} did not reply within 1 s. Check that it is running, then try again.`,
    );
  });

  it('rejects a reply that is no segment', async () => {
    const url = await serve((_request, _body, response) => json(response, 201, { hello: 'world' }));

    const error = await failure(client(url).createCapture(capture, 'key'));

    expect(error.kind).toBe('failed');
    expect(error.message).toContain('sent a reply that is not valid');
  });
});
