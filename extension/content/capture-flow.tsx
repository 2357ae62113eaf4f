// From a click on Save as segment to a saved segment: the flyout collects name and description, the background
// stores and sends the capture, and a toast reports the outcome with a View record action. Only one flyout is
// open at a time.

import type { UiLanguage } from '../../shared/catalog';
import { t } from './ui-strings';
import type { CaptureOutcome, ContentSettings } from '../lib/messages';
import { sendMessage } from '../lib/send-message';
import { prefillName, targetLabel, toCaptureRequest, type CaptureTarget } from './capture-target';
import { validateCaptureFields } from './capture-validation';
import { Flyout } from './ui/Flyout';
import css from './ui/flyout.css?inline';
import { createShadowHost, removeShadowHost, renderInShadow } from './ui/shadow-host';
import { showToast } from './ui/show-toast';

export const flyoutTagName = 'journey-segments-flyout';

export interface OpenCaptureOptions {
  document: Document;
  /** Puts focus back on the button that opened the flyout, or on its replacement after a re-render. */
  returnFocus: () => void;
  /** Closes the flyout when the feature that opened it stops. */
  signal: AbortSignal;
  settings: ContentSettings;
}

let closeOpenFlyout: (() => void) | null = null;

/** Returns a random UUID v4; crypto.randomUUID exists only in secure contexts, so plain-http hosts use the fallback. */
function newCaptureId(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function describeTarget(target: CaptureTarget, language: UiLanguage): string {
  const label = targetLabel(target, language);
  return target.kind === 'result'
    ? t('flyoutSourceResult', label, target.tileName, target.journeyName)
    : t('flyoutSourceReason', label, target.journeyName);
}

function openRecord(outcome: Exclude<CaptureOutcome, { state: 'rejected' }>): void {
  const message =
    outcome.state === 'saved'
      ? ({ type: 'record/open', segmentId: outcome.segment.segmentId } as const)
      : ({ type: 'record/open', captureId: outcome.captureId } as const);
  sendMessage(message).catch((error: unknown) => {
    console.warn('[journey-segments] the record page could not be opened:', (error as Error).message);
  });
}

/** The language of result and reason labels in the flyout: the page's language unless a language is set. */
function labelLanguage(target: CaptureTarget, settings: ContentSettings): UiLanguage {
  return settings.uiLanguage === 'auto' ? target.language : settings.uiLanguage;
}

export function openCaptureFlyout(target: CaptureTarget, options: OpenCaptureOptions): void {
  const { document, returnFocus, signal, settings } = options;
  closeOpenFlyout?.();
  if (signal.aborted) {
    return;
  }

  const language = labelLanguage(target, settings);
  const host = createShadowHost(document, flyoutTagName, css);
  let closed = false;
  // One Idempotency-Key per capture attempt: a second Save of the same name and description after a failed
  // message reuses it, so the backend cannot create the segment twice.
  let attempt: { body: string; captureId: string } | null = null;

  const close = () => {
    if (closed) {
      return;
    }
    closed = true;
    closeOpenFlyout = null;
    signal.removeEventListener('abort', close);
    removeShadowHost(host);
    returnFocus();
  };

  const save = async (name: string, description: string): Promise<string | null> => {
    const capture = toCaptureRequest(target, name, description);
    const body = JSON.stringify(capture);
    if (attempt?.body !== body) {
      attempt = { body, captureId: newCaptureId() };
    }

    let outcome: CaptureOutcome;
    try {
      outcome = await sendMessage({ type: 'capture/save', captureId: attempt.captureId, capture });
    } catch (error) {
      return (error as Error).message;
    }
    if (outcome.state === 'rejected') {
      return outcome.message;
    }

    close();
    const message = outcome.state === 'saved' ? t('toastSaved') : t('toastQueued');
    showToast(document, message, { label: t('toastViewRecord'), run: () => openRecord(outcome) }, name);
    return null;
  };

  signal.addEventListener('abort', close);
  closeOpenFlyout = close;
  renderInShadow(
    host,
    <Flyout
      source={describeTarget(target, language)}
      initialName={prefillName(target, language, settings.segmentNamePattern)}
      validate={validateCaptureFields}
      onSave={save}
      onClose={close}
    />,
  );
  document.body.append(host);
}
