// A capture that the backend has not saved yet: still in the outbox, or rejected.

import { t } from '../../lib/i18n';
import type { CaptureStatus } from '../../lib/messages';

export function CaptureDetails({ capture }: { capture: CaptureStatus }) {
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
