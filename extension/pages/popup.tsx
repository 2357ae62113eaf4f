// The toolbar popup: recent captures with their delivery state, a way to retry queued ones now, and links to
// the record pages.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

import { t, type MessageKey } from '../lib/i18n';
import type { CaptureStatus, DeliveryState } from '../lib/messages';
import { sendMessage } from '../lib/send-message';
import { formatTime } from './format';
import { applyUiLanguageSetting, localizeDocument } from './localize-document';
import './page.css';
import './popup.css';

const refreshIntervalMs = 2_000;

const stateMessage: Record<DeliveryState, MessageKey> = {
  queued: 'stateQueued',
  sending: 'stateSending',
  delivered: 'stateDelivered',
  rejected: 'stateRejected',
};

function CaptureItem({ capture }: { capture: CaptureStatus }) {
  const openRecord = () => {
    void sendMessage(
      capture.segmentId
        ? { type: 'record/open', segmentId: capture.segmentId }
        : { type: 'record/open', captureId: capture.captureId },
    ).then(() => window.close());
  };

  return (
    <li data-state={capture.state}>
      <div class="capture-head">
        <span class="capture-name">{capture.name}</span>
        <span class="status" data-state={capture.state}>
          {t(stateMessage[capture.state])}
        </span>
      </div>
      <div class="muted">{formatTime(capture.createdAt)}</div>
      {capture.message && capture.state !== 'delivered' && <div class="capture-message">{capture.message}</div>}
      {capture.state === 'queued' && capture.nextAttemptAt !== null && (
        <div class="muted">{t('popupNextAttempt', formatTime(capture.nextAttemptAt))}</div>
      )}
      {capture.state !== 'rejected' && (
        <button type="button" class="link" onClick={openRecord}>
          {t('popupViewRecord')}
        </button>
      )}
    </li>
  );
}

function openSegmentList(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('extension/pages/segments.html') }).then(() => window.close());
}

function Popup() {
  const [captures, setCaptures] = useState<CaptureStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (message: { type: 'captures/list' } | { type: 'outbox/flush' }) =>
    sendMessage(message)
      .then((list) => {
        setCaptures(list);
        setError(null);
      })
      .catch((failure: unknown) => setError((failure as Error).message));

  useEffect(() => {
    localizeDocument(t('popupTitle'));
    void load({ type: 'captures/list' });
    const timer = setInterval(() => void load({ type: 'captures/list' }), refreshIntervalMs);
    return () => clearInterval(timer);
  }, []);

  const anyQueued = captures?.some((capture) => capture.state === 'queued') ?? false;

  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {captures?.length === 0 && <p class="muted">{t('popupEmpty')}</p>}
      {captures && captures.length > 0 && (
        <ul class="captures">
          {captures.map((capture) => (
            <CaptureItem key={capture.captureId} capture={capture} />
          ))}
        </ul>
      )}
      <p class="actions">
        {anyQueued && (
          <button type="button" class="primary" onClick={() => void load({ type: 'outbox/flush' })}>
            {t('popupRetry')}
          </button>
        )}
        <button type="button" onClick={openSegmentList}>
          {t('popupAllSegments')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </p>
    </main>
  );
}

void applyUiLanguageSetting().then(() => render(<Popup />, document.getElementById('app') as HTMLElement));
