// The segment record page, opened by View record: segment.html?id=<segmentId>, or ?capture=<captureId> for a
// capture still in the outbox, which turns into the segment once the backend has saved it.

import { useCallback, useEffect, useState } from 'preact/hooks';

import type { SegmentRecord } from '../../../shared/api/segments';
import { t } from '../../lib/i18n';
import type { CaptureStatus } from '../../lib/messages';
import { sendMessage } from '../../lib/send-message';
import { localizeDocument } from '../localize-document';
import { CaptureDetails } from './capture-details';
import { SegmentRecordView } from './segment-record';

/** How often a queued capture is checked for its segment, in milliseconds. */
const capturePollIntervalMs = 2_000;

type View =
  | { kind: 'loading' }
  | { kind: 'segment'; segment: SegmentRecord }
  | { kind: 'capture'; capture: CaptureStatus }
  | { kind: 'error'; message: string };

export async function loadView(segmentId: string | null, captureId: string | null): Promise<View> {
  try {
    if (segmentId) {
      return { kind: 'segment', segment: await sendMessage({ type: 'segment/get', segmentId }) };
    }
    if (captureId) {
      const capture = await sendMessage({ type: 'capture/get', captureId });
      if (capture.state === 'delivered' && capture.segmentId) {
        return { kind: 'segment', segment: await sendMessage({ type: 'segment/get', segmentId: capture.segmentId }) };
      }
      return { kind: 'capture', capture };
    }
    return { kind: 'error', message: t('errorRecordIdMissing') };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}

export function RecordPage({ search }: { search: string }) {
  const params = new URLSearchParams(search);
  const segmentId = params.get('id');
  const captureId = params.get('capture');
  const [view, setView] = useState<View>({ kind: 'loading' });

  const load = useCallback(() => {
    setView({ kind: 'loading' });
    void loadView(segmentId, captureId).then(setView);
  }, [segmentId, captureId]);

  useEffect(load, [load]);

  useEffect(() => {
    if (view.kind !== 'segment') {
      localizeDocument(view.kind === 'capture' ? view.capture.name : t('recordTitle'));
    }
  }, [view]);

  // A queued capture becomes its segment's record as soon as the outbox delivers it.
  const waiting = view.kind === 'capture' && view.capture.state !== 'rejected';
  useEffect(() => {
    if (!waiting) {
      return;
    }
    const timer = setInterval(() => {
      void loadView(segmentId, captureId).then((next) => next.kind !== 'error' && setView(next));
    }, capturePollIntervalMs);
    return () => clearInterval(timer);
  }, [waiting, segmentId, captureId]);

  return (
    <main class="record">
      {view.kind === 'loading' && <p role="status">{t('recordLoading')}</p>}
      {view.kind === 'segment' && <SegmentRecordView key={view.segment.segmentId} initial={view.segment} />}
      {view.kind === 'capture' && <CaptureDetails capture={view.capture} />}
      {view.kind === 'error' && (
        <>
          <p class="error" role="alert" data-field="load-error">
            {view.message}
          </p>
          <p>
            <button type="button" onClick={load}>
              {t('recordRefresh')}
            </button>
          </p>
        </>
      )}
    </main>
  );
}
