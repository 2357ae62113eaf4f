// Shows one toast at a time at the bottom of the page. It stays while the pointer or focus is on it, so a
// keyboard or screen reader user can reach its action before it goes.

import css from './toast.css?inline';
import { createShadowHost, removeShadowHost, renderInShadow } from './shadow-host';
import { Toast, type ToastAction } from './Toast';

export const toastTagName = 'journey-segments-toast';
export const toastDurationMs = 8_000;

let current: { host: HTMLElement; timer: ReturnType<typeof setTimeout> | undefined } | null = null;

export function dismissToast(): void {
  if (current) {
    clearTimeout(current.timer);
    removeShadowHost(current.host);
    current = null;
  }
}

/** Shows `message`, with `detail` (such as the segment name) on a line of its own, always as text. */
export function showToast(document: Document, message: string, action?: ToastAction, detail?: string): void {
  dismissToast();

  const host = createShadowHost(document, toastTagName, css);
  const toast = { host, timer: undefined as ReturnType<typeof setTimeout> | undefined };
  current = toast;

  const startTimer = () => {
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => {
      if (current === toast) {
        dismissToast();
      }
    }, toastDurationMs);
  };
  const holdTimer = () => clearTimeout(toast.timer);

  host.addEventListener('mouseenter', holdTimer);
  host.addEventListener('focusin', holdTimer);
  host.addEventListener('mouseleave', startTimer);
  host.addEventListener('focusout', startTimer);

  const runAction = action && {
    label: action.label,
    run: () => {
      dismissToast();
      action.run();
    },
  };
  renderInShadow(host, <Toast message={message} detail={detail} action={runAction} onDismiss={dismissToast} />);
  document.body.append(host);
  startTimer();
}
