// The facts of a segment at a glance: status, journey, origin, member count with its "as of" time, and when the
// backend evaluated it last and will evaluate it next.

import type { JourneyDetail } from '../../../shared/api/journeys';
import type { SegmentRecord } from '../../../shared/api/segments';
import { t } from '../../lib/i18n';
import { formatTime } from '../format';
import { memberCountText } from '../member-count-text';
import { segmentStatusMessage } from '../segment-status-label';
import { originText } from './origin-text';

function nextEvaluationText(segment: SegmentRecord): string {
  if (segment.nextEvaluationAt) {
    return formatTime(segment.nextEvaluationAt);
  }
  const live = segment.status === 'live' || segment.status === 'liveEditable';
  return live ? t('recordNextOnInteraction') : t('recordNotLive');
}

function journeyText(segment: SegmentRecord, journey: JourneyDetail | null): string {
  if (!segment.journeyId) {
    return t('recordNoJourney');
  }
  return journey ? t('recordJourneyName', journey.name, segment.journeyId) : segment.journeyId;
}

export function SegmentSummary({ segment, journey }: { segment: SegmentRecord; journey: JourneyDetail | null }) {
  return (
    <dl class="summary">
      <dt>{t('recordStatus')}</dt>
      <dd>
        <span class="status" data-status={segment.status}>
          {t(segmentStatusMessage[segment.status])}
        </span>
      </dd>
      <dt>{t('recordMembers')}</dt>
      <dd data-field="members" aria-live="polite">
        {memberCountText(segment)}
      </dd>
      <dt>{t('recordLastEvaluated')}</dt>
      <dd data-field="last-evaluated">{segment.lastEvaluatedAt ? formatTime(segment.lastEvaluatedAt) : t('recordNeverEvaluated')}</dd>
      <dt>{t('recordNextEvaluation')}</dt>
      <dd data-field="next-evaluation">{nextEvaluationText(segment)}</dd>
      <dt>{t('recordJourney')}</dt>
      <dd data-field="journey">
        {journeyText(segment, journey)}
      </dd>
      <dt>{t('recordSource')}</dt>
      <dd data-field="origin">{originText(segment.origin, journey)}</dd>
      <dt>{t('recordCreated')}</dt>
      <dd>{formatTime(segment.createdAt)}</dd>
      <dt>{t('recordUpdated')}</dt>
      <dd>{formatTime(segment.updatedAt)}</dd>
    </dl>
  );
}
