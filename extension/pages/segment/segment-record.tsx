// One segment's record page: the header, lifecycle actions, the facts, the editable definition, the members,
// "why is this contact a member" and the status history. The record refreshes itself while the page is visible.

import { useEffect, useState } from 'preact/hooks';

import type { SegmentRecord } from '../../../shared/api/segments';
import { t } from '../../lib/i18n';
import { localizeDocument } from '../localize-document';
import { segmentStatusMessage } from '../segment-status-label';
import { MemberExplanation, type ExplainRequest } from './member-explanation';
import { MembersTable } from './members-table';
import { SegmentActions } from './segment-actions';
import { SegmentForm } from './segment-form';
import { SegmentSummary } from './segment-summary';
import { TransitionsTable } from './transitions-table';
import { useJourney } from './use-journey';
import { useLiveSegment } from './use-live-segment';

function LastError({ segment }: { segment: SegmentRecord }) {
  const error = segment.lastError;
  if (!error) {
    return null;
  }
  const where = error.line !== undefined && error.column !== undefined ? t('recordErrorPosition', error.line, error.column) : '';
  return (
    <p class="error" role="alert" data-field="last-error">
      {t('recordLastError', `${error.message}${where}`)}
    </p>
  );
}

export function SegmentRecordView({ initial }: { initial: SegmentRecord }) {
  const { segment, replace, refreshError } = useLiveSegment(initial);
  const journey = useJourney(segment.journeyId);
  const [dirty, setDirty] = useState(false);
  const [explainRequest, setExplainRequest] = useState<ExplainRequest | null>(null);

  useEffect(() => localizeDocument(segment.name), [segment.name]);

  const explain = (contactId: string) => setExplainRequest((previous) => ({ contactId, sequence: (previous?.sequence ?? 0) + 1 }));

  return (
    <>
      <nav class="breadcrumbs" aria-label={t('navLabel')}>
        <a href="segments.html">{t('navAllSegments')}</a>
      </nav>
      <header class="record-header">
        <h1>{segment.name}</h1>
        <span class="status" data-status={segment.status}>
          {t(segmentStatusMessage[segment.status])}
        </span>
      </header>
      {refreshError && (
        <p class="error" role="alert" data-field="refresh-error">
          {t('recordRefreshFailed', refreshError)}
        </p>
      )}
      <LastError segment={segment} />
      <SegmentActions segment={segment} dirty={dirty} onChanged={replace} />
      <SegmentSummary segment={segment} journey={journey} />
      <SegmentForm segment={segment} onSaved={replace} onDirtyChange={setDirty} />
      <MembersTable segment={segment} onExplain={explain} />
      <MemberExplanation segment={segment} journey={journey} request={explainRequest} />
      <TransitionsTable segment={segment} />
    </>
  );
}
