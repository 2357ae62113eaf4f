// The outbox and a refused API token: the first attempt reports the refusal to the open flyout, but a capture
// already queued is never dropped for it, because the user fixes the token in the options, not the capture.

import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import type { CaptureRequest, SegmentRecord } from '../../../shared/api/segments';
import { BackendError } from '../../../extension/background/backend-error';
import { createOutbox, retryBaseDelayMs, type OutboxEntry } from '../../../extension/background/outbox';
import type { CaptureStatus } from '../../../extension/lib/messages';
import { memoryStore } from './support/memory-store';

const capture: CaptureRequest = { journeyId: 'j-1', activityId: '02', resultId: 'processed', name: 'Processed - Welcome email', description: '' };

const saved: SegmentRecord = {
  segmentId: 'seg-1',
  name: capture.name,
  description: '',
  status: 'draft',
  logic: 'INTERACTION(EmailSent, EmailSent_Contact)',
  origin: { journeyId: 'j-1', activityId: '02', resultId: 'processed' },
  journeyId: 'j-1',
  memberCount: null,
  countedAt: null,
  createdAt: '2025-03-02T10:00:00Z',
  updatedAt: '2025-03-02T10:00:00Z',
} as SegmentRecord;

const tokenRejected = (status: 401 | 403) => new BackendError(`The backend rejected the API token (HTTP ${status}). Check the API token in the options.`, 'rejected', status);
const unreachable = () => new BackendError('The backend is not reachable.', 'unreachable');

function setup() {
  let clock = 1_000_000;
  const pending = memoryStore<OutboxEntry>();
  const statuses = memoryStore<CaptureStatus>();
  const send = vi.fn<(request: CaptureRequest, key: string) => Promise<SegmentRecord>>();
  const outbox = createOutbox({ pending, statuses, send, scheduleRetry: vi.fn(), now: () => clock, log: { info: vi.fn(), warn: vi.fn() } });
  return { outbox, pending, statuses, send, advance: (ms: number) => (clock += ms) };
}

describe('outbox with a refused token', () => {
  it('rejects on the first attempt', async () => {
    const box = setup();
    box.send.mockRejectedValue(tokenRejected(401));

    const outcome = await box.outbox.submit('c-1', capture);

    expect(outcome.state).toBe('rejected');
    expect(box.pending.records.size).toBe(0);
  });

  it.each([401, 403] as const)('keeps a queued capture on %i', async (status) => {
    const box = setup();
    box.send.mockRejectedValueOnce(unreachable()).mockRejectedValueOnce(tokenRejected(status));
    await box.outbox.submit('c-1', capture);

    box.advance(retryBaseDelayMs);
    await box.outbox.flush();

    expect(box.pending.records.get('c-1')).toMatchObject({ attempts: 2 });
    expect(box.statuses.records.get('c-1')).toMatchObject({ state: 'queued' });
    expect(box.statuses.records.get('c-1')?.message).toContain('API token');
  });

  it('delivers once the token works', async () => {
    const box = setup();
    box.send.mockRejectedValueOnce(unreachable()).mockRejectedValueOnce(tokenRejected(401)).mockResolvedValueOnce(saved);
    await box.outbox.submit('c-1', capture);
    box.advance(retryBaseDelayMs);
    await box.outbox.flush();

    await box.outbox.flush({ force: true });

    expect(box.send).toHaveBeenCalledTimes(3);
    expect(box.pending.records.size).toBe(0);
    expect(box.statuses.records.get('c-1')).toMatchObject({ state: 'delivered', segmentId: 'seg-1' });
  });
});
