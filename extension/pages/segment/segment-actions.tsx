// The lifecycle buttons a segment's status allows: Go live, Edit, Publish, Cancel edit, Stop and Rebuild now.
// A stop that live segments depend on needs a confirmation first.

import { useEffect, useRef, useState } from 'preact/hooks';

import type { SegmentRecord } from '../../../shared/api/segments';
import { t, type MessageKey } from '../../lib/i18n';
import type { LifecycleAction, ReferencingSegment } from '../../lib/messages';
import { sendMessage } from '../../lib/send-message';
import { allowedActions } from './allowed-actions';
import { StopConfirmation } from './stop-confirmation';

/** Button order; Go live and Publish come first because they are the usual next step. */
const buttonOrder: readonly LifecycleAction[] = ['goLive', 'publish', 'edit', 'cancelEdit', 'rebuild', 'stop'];

export const actionLabel: Readonly<Record<LifecycleAction, MessageKey>> = {
  goLive: 'actionGoLive',
  stop: 'actionStop',
  edit: 'actionEdit',
  publish: 'actionPublish',
  cancelEdit: 'actionCancelEdit',
  rebuild: 'actionRebuild',
};

/** Actions that make saved logic live, so unsaved edits would be left behind. */
const publishingActions: ReadonlySet<LifecycleAction> = new Set(['goLive', 'publish']);

function buttonClass(action: LifecycleAction): string | undefined {
  if (publishingActions.has(action)) {
    return 'primary';
  }
  return action === 'stop' ? 'danger' : undefined;
}

interface PendingConfirmation {
  referencingSegments: ReferencingSegment[];
}

export interface SegmentActionsProps {
  segment: SegmentRecord;
  /** Whether the form contains unsaved edits. */
  dirty: boolean;
  onChanged(segment: SegmentRecord): void;
}

export function SegmentActions({ segment, dirty, onChanged }: SegmentActionsProps) {
  const [running, setRunning] = useState<LifecycleAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement>(null);
  // Set after an action finished from a button, which the new status may have removed.
  const [refocus, setRefocus] = useState(false);

  useEffect(() => {
    if (refocus) {
      setRefocus(false);
      section.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    }
  }, [refocus]);

  const allowed = allowedActions(segment);
  const actions = buttonOrder.filter((action) => (allowed as readonly string[]).includes(action));

  const run = async (action: LifecycleAction, confirm = false) => {
    setRunning(action);
    setError(null);
    try {
      const outcome = await sendMessage({ type: 'segment/action', segmentId: segment.segmentId, action, confirm: confirm || undefined });
      if (outcome.state === 'confirm') {
        setConfirmation({ referencingSegments: outcome.referencingSegments });
        return;
      }
      setConfirmation(null);
      onChanged(outcome.segment);
      setRefocus(true);
    } catch (failure) {
      setConfirmation(null);
      setError((failure as Error).message);
    } finally {
      setRunning(null);
    }
  };

  const cancelConfirmation = () => {
    setConfirmation(null);
    stopButton.current?.focus();
  };

  return (
    <section ref={section} class="segment-actions" aria-label={t('actionsLabel')}>
      {actions.length === 0 && (
        <p class="muted" role="status">
          {t('actionsNoneNow')}
        </p>
      )}
      {actions.length > 0 && (
        <div class="action-buttons">
          {actions.map((action) => {
            const blocked = dirty && publishingActions.has(action);
            return (
              <button
                key={action}
                type="button"
                data-action={action}
                ref={action === 'stop' ? stopButton : undefined}
                class={buttonClass(action)}
                disabled={running !== null || blocked}
                aria-describedby={blocked ? 'actions-save-first' : undefined}
                onClick={() => void run(action)}
              >
                {running === action ? t('actionRunning', t(actionLabel[action])) : t(actionLabel[action])}
              </button>
            );
          })}
        </div>
      )}
      {dirty && actions.some((action) => publishingActions.has(action)) && (
        <p id="actions-save-first" class="help">
          {t('actionsSaveFirst')}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-field="action-error">
          {error}
        </p>
      )}
      {confirmation && (
        <StopConfirmation
          segmentName={segment.name}
          referencingSegments={confirmation.referencingSegments}
          busy={running !== null}
          onConfirm={() => void run('stop', true)}
          onCancel={cancelConfirmation}
        />
      )}
    </section>
  );
}
