// A small client for the segment endpoints of a test backend, and a fixed data set to evaluate against.

import type { SegmentRecord } from '../../../shared/api/segments';
import { saveContacts } from '../../../backend/src/contacts/repository';
import type { TestBackend } from '../../support/backend';

export interface Reply<Body = any> {
  status: number;
  body: Body;
  headers: Headers;
}

export const journeyId = 'journey-lifecycle';

/** Calls the API with the backend's admin token unless the headers carry another Authorization. */
export class SegmentClient {
  constructor(private readonly backend: TestBackend) {}

  async call<Body = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<Body>> {
    const response = await this.backend.fetch(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
    return { status: response.status, body: isJson ? JSON.parse(text) : text, headers: response.headers };
  }

  async create(name: string, logic: string): Promise<SegmentRecord> {
    const reply = await this.call<SegmentRecord>('POST', '/api/segments', { name, logic });
    if (reply.status !== 201) {
      throw new Error(`Creating segment ${name} failed with ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    return reply.body;
  }

  /** Runs a lifecycle action and expects it to succeed. */
  async act(segmentId: string, action: string, body?: unknown, headers?: Record<string, string>): Promise<SegmentRecord> {
    const reply = await this.call<SegmentRecord>('POST', `/api/segments/${segmentId}/${action}`, body, headers);
    if (reply.status !== 200) {
      throw new Error(`${action} of ${segmentId} failed with ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    return reply.body;
  }

  async live(name: string, logic: string): Promise<SegmentRecord> {
    const segment = await this.create(name, logic);
    return this.act(segment.segmentId, 'go-live');
  }

  async get(segmentId: string): Promise<SegmentRecord> {
    return (await this.call<SegmentRecord>('GET', `/api/segments/${segmentId}`)).body;
  }

  async ingest(interactions: Array<Record<string, string | number>>): Promise<Reply> {
    const response = await this.backend.fetch('/api/interactions', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: interactions.map((interaction) => JSON.stringify(interaction)).join('\n'),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  /** Lists every stored member id of a live segment through the paged members endpoint. */
  async memberIds(segmentId: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await this.call('GET', `/api/segments/${segmentId}/members?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.body.members.map((member: { contactId: string }) => member.contactId));
      if (!page.body.nextCursor) {
        return ids;
      }
      cursor = page.body.nextCursor;
    }
  }

  /** Waits until `check` holds, polling every 20 ms; fails after `timeoutMs`. */
  async until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

let sequence = 0;

/** Builds an interaction of the fixed journey, `hoursAgo` before now. */
export function interaction(type: string, contactId: string, hoursAgo = 1, fields: Record<string, string | number> = {}): Record<string, string | number> {
  sequence += 1;
  return {
    InteractionType: type,
    InternalMarketingInteractionId: `lifecycle-${process.pid}-${sequence}`,
    Timestamp: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
    ContactId: contactId,
    CustomerJourneyId: journeyId,
    ...fields,
  };
}

/**
 * Contacts k1 to k6. k1 and k2 clicked, k1 to k4 opened, k4 hard-bounced; k5 and k6 have no interactions.
 */
export async function seedLifecycleData(backend: TestBackend, client: SegmentClient): Promise<void> {
  await saveContacts(
    backend.database,
    ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((contactId) => ({ contactId, fullName: `Contact ${contactId}`, email: `${contactId}@example.com` })),
  );
  const reply = await client.ingest([
    interaction('EmailClicked', 'k1'),
    interaction('EmailClicked', 'k2'),
    ...['k1', 'k2', 'k3', 'k4'].map((contactId) => interaction('EmailOpened', contactId)),
    interaction('EmailHardBounced', 'k4'),
  ]);
  if (reply.body.stored !== 7) {
    throw new Error(`Seeding stored ${reply.body.stored} of 7 interactions: ${JSON.stringify(reply.body)}`);
  }
}

export const clickedLogic = `INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(CustomerJourneyId == '${journeyId}')`;
export const openedLogic = `INTERACTION(EmailOpened, EmailOpened_Contact).FILTER(CustomerJourneyId == '${journeyId}')`;
export const bouncedLogic = 'INTERACTION(EmailHardBounced, EmailHardBounced_Contact)';
