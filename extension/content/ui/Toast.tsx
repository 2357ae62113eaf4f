import { t } from '../ui-strings';

export interface ToastAction {
  label: string;
  run: () => void;
}

interface ToastProps {
  message: string;
  /** A second line, such as the name of the segment; page text may appear here, so it is rendered as text. */
  detail?: string;
  action?: ToastAction;
  onDismiss: () => void;
}

/** Renders a short status message at the bottom of the page, which screen readers announce without moving focus. */
export function Toast({ message, detail, action, onDismiss }: ToastProps) {
  return (
    <div class="toast" role="status" aria-live="polite">
      <span class="text">
        <span class="message">{message}</span>
        {detail && <span class="detail">{detail}</span>}
      </span>
      {action && (
        <button type="button" class="action" onClick={action.run}>
          {action.label}
        </button>
      )}
      <button type="button" class="dismiss" aria-label={t('toastDismiss')} onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
