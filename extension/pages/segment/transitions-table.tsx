// The status history of a segment: who changed it, when, from which status to which, and why an action failed.

import { useEffect, useState } from 'preact/hooks';

import type { SegmentRecord, SegmentTransition } from '../../../shared/api/segments';
import { t, type MessageKey } from '../../lib/i18n';
import { lifecycleActions, type LifecycleAction } from '../../lib/messages';
import { sendMessage } from '../../lib/send-message';
import { formatTime } from '../format';
import { segmentStatusMessage } from '../segment-status-label';
import { actionLabel } from './segment-actions';

/** Actions the backend records besides the lifecycle buttons: `recover` finishes an action a backend stop interrupted. */
const otherActionLabel: Readonly<Record<string, MessageKey>> = {
  recover: 'transitionRecover',
};

function actionText(action: string): string {
  if ((lifecycleActions as readonly string[]).includes(action)) {
    return t(actionLabel[action as LifecycleAction]);
  }
  const key = otherActionLabel[action];
  return key ? t(key) : action;
}

export function TransitionsTable({ segment }: { segment: SegmentRecord }) {
  const [transitions, setTransitions] = useState<SegmentTransition[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    sendMessage({ type: 'segment/transitions', segmentId: segment.segmentId })
      .then((list) => {
        if (current) {
          setTransitions(list);
          setError(null);
        }
      })
      .catch((failure: unknown) => current && setError((failure as Error).message));
    return () => {
      current = false;
    };
  }, [segment.segmentId, segment.status, segment.updatedAt]);

  return (
    <section class="transitions" aria-labelledby="transitions-title">
      <h2 id="transitions-title">{t('transitionsTitle')}</h2>
      {error && (
        <p class="error" role="alert" data-field="transitions-error">
          {error}
        </p>
      )}
      {transitions?.length === 0 && <p class="muted">{t('transitionsEmpty')}</p>}
      {transitions && transitions.length > 0 && (
        <table class="transitions-table">
          <thead>
            <tr>
              <th scope="col">{t('transitionsWhen')}</th>
              <th scope="col">{t('transitionsWho')}</th>
              <th scope="col">{t('transitionsAction')}</th>
              <th scope="col">{t('transitionsFrom')}</th>
              <th scope="col">{t('transitionsTo')}</th>
            </tr>
          </thead>
          <tbody>
            {[...transitions].reverse().map((transition, index) => (
              <tr key={`${transition.at}-${index}`}>
                <td>{formatTime(transition.at)}</td>
                <td>{transition.actor}</td>
                <td>
                  {actionText(transition.action)}
                  {transition.error && <div class="transition-error">{t('transitionsFailed', transition.error.message)}</div>}
                </td>
                <td>{t(segmentStatusMessage[transition.from])}</td>
                <td>{t(segmentStatusMessage[transition.to])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
