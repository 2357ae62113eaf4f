// Asks before stopping a segment that live segments refer to through SEGMENT(name): stopping it empties their
// part that depends on it. A modal dialog with focus kept inside; Escape cancels.

import { useEffect, useRef } from 'preact/hooks';

import type { ReferencingSegment } from '../../lib/messages';
import { t } from '../../lib/i18n';

export interface StopConfirmationProps {
  segmentName: string;
  referencingSegments: ReferencingSegment[];
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function StopConfirmation({ segmentName, referencingSegments, busy, onConfirm, onCancel }: StopConfirmationProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelButton.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') {
      return;
    }
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('a[href], button:not([disabled])') ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div class="dialog-backdrop">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="stop-dialog-title"
        aria-describedby="stop-dialog-message"
        onKeyDown={onKeyDown}
      >
        <h2 id="stop-dialog-title">{t('stopDialogTitle', segmentName)}</h2>
        <p id="stop-dialog-message">{t('stopDialogReferencing', segmentName)}</p>
        <ul data-field="referencing-segments">
          {referencingSegments.map((segment) => (
            <li key={segment.segmentId}>
              <a href={`segment.html?id=${encodeURIComponent(segment.segmentId)}`} target="_blank" rel="noopener">
                {segment.name}
              </a>
            </li>
          ))}
        </ul>
        <p class="form-actions">
          <button type="button" class="danger" onClick={onConfirm} disabled={busy}>
            {t('stopDialogConfirm')}
          </button>
          <button type="button" ref={cancelButton} onClick={onCancel} disabled={busy}>
            {t('stopDialogCancel')}
          </button>
        </p>
      </div>
    </div>
  );
}
