// The segment record page, opened by View record: segment.html?id=<segmentId>, or ?capture=<captureId> for a
// capture still in the outbox, which turns into the segment once the backend has saved it.

import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';

import type { SegmentRecord } from '../../shared/api/segments';
import { t } from '../lib/i18n';
import type { CaptureStatus } from '../lib/messages';
import { sendMessage } from '../lib/send-message';
import { formatCount, formatTime } from './format';
import { localizeDocument } from './localize-document';
import './page.css';
import { segmentStatusMessage } from './segment-status-label';

type View =
  | { kind: 'loading' }
  | { kind: 'segment'; segment: SegmentRecord }
  | { kind: 'capture'; capture: CaptureStatus }
  | { kind: 'error'; message: string };

async function loadView(segmentId: string | null, captureId: string | null): Promise<View> {
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

function sourceText(segment: SegmentRecord): string {
  const origin = segment.origin;
  if (!origin) {
    return t('recordSourceQuery');
  }
  return 'reasonId' in origin
    ? t('recordSourceReason', origin.reasonId)
    : t('recordSourceResult', origin.activityId, origin.resultId);
}

function SegmentDetails({ segment }: { segment: SegmentRecord }) {
  const members =
    segment.memberCount === null || segment.countedAt === null
      ? t('recordNotCounted')
      : t('recordMemberCount', formatCount(segment.memberCount), formatTime(segment.countedAt));

  return (
    <>
      <h1>{segment.name}</h1>
      <dl>
        <dt>{t('recordStatus')}</dt>
        <dd>
          <span class="status" data-status={segment.status}>
            {t(segmentStatusMessage[segment.status])}
          </span>
        </dd>
        <dt>{t('recordDescription')}</dt>
        <dd>{segment.description || <span class="muted">{t('recordNoDescription')}</span>}</dd>
        <dt>{t('recordMembers')}</dt>
        <dd data-field="members">{members}</dd>
        <dt>{t('recordJourney')}</dt>
        <dd data-field="journey">{segment.journeyId ?? '-'}</dd>
        <dt>{t('recordSource')}</dt>
        <dd>{sourceText(segment)}</dd>
        <dt>{t('recordCreated')}</dt>
        <dd>{formatTime(segment.createdAt)}</dd>
      </dl>
      <h2>{t('recordLogic')}</h2>
      <pre data-field="logic">{segment.logic}</pre>
    </>
  );
}

function CaptureDetails({ capture }: { capture: CaptureStatus }) {
  return (
    <>
      <h1>{capture.name}</h1>
      {capture.state === 'rejected' ? (
        <p class="error" role="alert">
          {t('recordRejected', capture.message ?? '')}
        </p>
      ) : (
        <p class="notice" role="status">
          {t('recordQueued')}
          {capture.message && (
            <>
              <br />
              {t('recordLastError', capture.message)}
            </>
          )}
        </p>
      )}
    </>
  );
}

function SegmentPage() {
  const params = new URLSearchParams(location.search);
  const segmentId = params.get('id');
  const captureId = params.get('capture');
  const [view, setView] = useState<View>({ kind: 'loading' });

  const refresh = useCallback(() => {
    setView({ kind: 'loading' });
    void loadView(segmentId, captureId).then(setView);
  }, [segmentId, captureId]);

  useEffect(refresh, [refresh]);

  useEffect(() => {
    localizeDocument(view.kind === 'segment' ? view.segment.name : t('recordTitle'));
  }, [view]);

  return (
    <main>
      {view.kind === 'loading' && <p role="status">{t('recordLoading')}</p>}
      {view.kind === 'segment' && <SegmentDetails segment={view.segment} />}
      {view.kind === 'capture' && <CaptureDetails capture={view.capture} />}
      {view.kind === 'error' && (
        <p class="error" role="alert">
          {view.message}
        </p>
      )}
      {view.kind !== 'loading' && (
        <p>
          <button type="button" onClick={refresh}>
            {t('recordRefresh')}
          </button>
        </p>
      )}
    </main>
  );
}

render(<SegmentPage />, document.getElementById('app') as HTMLElement);
