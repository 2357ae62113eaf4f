import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import type { CaptureRequest, SegmentRecord } from '../../../shared/api/segments';
import { BackendError } from '../../../extension/background/backend-error';
import {
  createOutbox,
  recentCaptureLimit,
  retryBaseDelayMs,
  retryDelayMs,
  retryMaxDelayMs,
  type OutboxEntry,
} from '../../../extension/background/outbox';
import type { CaptureStatus } from '../../../extension/lib/messages';
import { memoryStore } from './support/memory-store';

const capture: CaptureRequest = {
  journeyId: 'j-1',
  activityId: '02',
  resultId: 'uniqueClicks',
  name: 'Unique clicks - Welcome email - Spring sale',
  description: '',
};

const segment = (segmentId: string): SegmentRecord => ({
  segmentId,
  name: capture.name,
  description: '',
  status: 'draft',
  logic: 'INTERACTION EmailClicked ...',
  origin: { journeyId: 'j-1', activityId: '02', resultId: 'uniqueClicks' },
  journeyId: 'j-1',
  memberCount: null,
  countedAt: null,
  createdAt: '2025-03-02T10:00:00Z',
  updatedAt: '2025-03-02T10:00:00Z',
});

const unreachable = () =>
  new BackendError('The Journey Segments backend at http://127.0.0.1:8420 is not reachable.', 'unreachable');

function setup() {
  let clock = 1_000_000;
  const pending = memoryStore<OutboxEntry>();
  const statuses = memoryStore<CaptureStatus>();
  const send = vi.fn<(request: CaptureRequest, key: string) => Promise<SegmentRecord>>();
  const scheduleRetry = vi.fn<(at: number) => void>();
  const outbox = createOutbox({
    pending,
    statuses,
    send,
    scheduleRetry,
    now: () => clock,
    log: { info: vi.fn(), warn: vi.fn() },
  });
  return {
    outbox,
    pending,
    statuses,
    send,
    scheduleRetry,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

describe('outbox', () => {
  let box: ReturnType<typeof setup>;

  beforeEach(() => {
    box = setup();
  });

  it('stores a capture before sending it', async () => {
    box.send.mockImplementation(async () => {
      expect(box.pending.records.get('c-1')?.capture).toEqual(capture);
      return segment('seg-1');
    });

    await box.outbox.submit('c-1', capture);

    expect(box.send).toHaveBeenCalledTimes(1);
  });

  it('removes a capture after the backend saved it', async () => {
    box.send.mockResolvedValue(segment('seg-1'));

    const outcome = await box.outbox.submit('c-1', capture);

    expect(outcome).toEqual({ state: 'saved', captureId: 'c-1', segment: segment('seg-1') });
    expect(box.pending.records.size).toBe(0);
    expect(box.statuses.records.get('c-1')).toMatchObject({ state: 'delivered', segmentId: 'seg-1', attempts: 1 });
  });

  it('sends the capture id as idempotency key', async () => {
    box.send.mockResolvedValue(segment('seg-1'));

    await box.outbox.submit('c-1', capture);

    expect(box.send).toHaveBeenCalledWith(capture, 'c-1');
  });

  it('keeps a capture the backend could not be reached for', async () => {
    box.send.mockRejectedValue(unreachable());

    const outcome = await box.outbox.submit('c-1', capture);

    expect(outcome.state).toBe('queued');
    expect(box.pending.records.get('c-1')).toMatchObject({ attempts: 1, nextAttemptAt: box.now() + retryBaseDelayMs });
    expect(box.statuses.records.get('c-1')).toMatchObject({ state: 'queued', attempts: 1 });
    expect(box.statuses.records.get('c-1')?.message).toContain('not reachable');
    expect(box.scheduleRetry).toHaveBeenLastCalledWith(box.now() + retryBaseDelayMs);
  });

  it('retries with the same key once due', async () => {
    box.send.mockRejectedValueOnce(unreachable()).mockResolvedValueOnce(segment('seg-1'));
    await box.outbox.submit('c-1', capture);

    box.advance(retryBaseDelayMs);
    await box.outbox.flush();

    expect(box.send).toHaveBeenCalledTimes(2);
    expect(box.send.mock.calls[1]).toEqual([capture, 'c-1']);
    expect(box.pending.records.size).toBe(0);
    expect(box.statuses.records.get('c-1')).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('waits until a retry is due', async () => {
    box.send.mockRejectedValue(unreachable());
    await box.outbox.submit('c-1', capture);

    box.advance(retryBaseDelayMs - 1);
    await box.outbox.flush();

    expect(box.send).toHaveBeenCalledTimes(1);
  });

  it('backs off after each failed attempt', async () => {
    box.send.mockRejectedValue(unreachable());
    await box.outbox.submit('c-1', capture);

    const waits: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const entry = box.pending.records.get('c-1') as OutboxEntry;
      waits.push(entry.nextAttemptAt - box.now());
      box.advance(entry.nextAttemptAt - box.now());
      await box.outbox.flush();
    }

    expect(waits).toEqual([retryBaseDelayMs, 2 * retryBaseDelayMs, 4 * retryBaseDelayMs]);
    expect(box.pending.records.get('c-1')?.attempts).toBe(4);
  });

  it('retries every queued capture when forced', async () => {
    box.send.mockRejectedValueOnce(unreachable()).mockResolvedValueOnce(segment('seg-1'));
    await box.outbox.submit('c-1', capture);

    await box.outbox.flush({ force: true });

    expect(box.send).toHaveBeenCalledTimes(2);
    expect(box.pending.records.size).toBe(0);
  });

  it('retries after a server error', async () => {
    box.send.mockRejectedValue(new BackendError('Internal Server Error', 'failed', 500));

    const outcome = await box.outbox.submit('c-1', capture);

    expect(outcome.state).toBe('queued');
    expect(box.pending.records.has('c-1')).toBe(true);
  });

  it('drops a capture the backend rejected', async () => {
    box.send.mockRejectedValue(new BackendError('Journey j-1 has no tile 09.', 'rejected', 404));

    const outcome = await box.outbox.submit('c-1', capture);

    expect(outcome).toEqual({ state: 'rejected', captureId: 'c-1', message: 'Journey j-1 has no tile 09.' });
    expect(box.pending.records.size).toBe(0);
    expect(box.statuses.records.get('c-1')).toMatchObject({ state: 'rejected', message: 'Journey j-1 has no tile 09.' });
    expect(box.scheduleRetry).not.toHaveBeenCalled();
  });

  it('sends a capture once when flush and submit overlap', async () => {
    let release: (value: SegmentRecord) => void = () => undefined;
    box.send.mockImplementation(() => new Promise((resolve) => (release = resolve)));

    const submitted = box.outbox.submit('c-1', capture);
    await vi.waitFor(() => expect(box.send).toHaveBeenCalledTimes(1));
    const flushed = box.outbox.flush({ force: true });
    release(segment('seg-1'));
    await Promise.all([submitted, flushed]);

    expect(box.send).toHaveBeenCalledTimes(1);
  });

  it('schedules the earliest pending retry', async () => {
    box.send.mockRejectedValue(unreachable());
    await box.outbox.submit('c-1', capture);
    const firstDue = (box.pending.records.get('c-1') as OutboxEntry).nextAttemptAt;
    box.advance(1_000);
    await box.outbox.submit('c-2', capture);

    expect(box.scheduleRetry).toHaveBeenLastCalledWith(firstDue);
  });

  it('keeps only recent statuses but every pending one', async () => {
    box.send.mockRejectedValueOnce(unreachable());
    await box.outbox.submit('pending-0', capture);
    box.send.mockResolvedValue(segment('seg'));
    for (let index = 1; index <= recentCaptureLimit + 5; index++) {
      box.advance(1_000);
      await box.outbox.submit(`c-${index}`, capture);
    }

    const ids = (await box.outbox.statuses()).map((status) => status.captureId);
    expect(ids).toContain('pending-0');
    expect(ids).toContain(`c-${recentCaptureLimit + 5}`);
    expect(ids).not.toContain('c-1');
    expect(ids.length).toBe(recentCaptureLimit + 1);
  });

  it('lists statuses newest first', async () => {
    box.send.mockResolvedValue(segment('seg'));
    await box.outbox.submit('old', capture);
    box.advance(1_000);
    await box.outbox.submit('new', capture);

    expect((await box.outbox.statuses()).map((status) => status.captureId)).toEqual(['new', 'old']);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base delay', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('stops at the maximum delay', () => {
    expect(retryDelayMs(50)).toBe(retryMaxDelayMs);
  });
});
