// Describes where a segment came from in the user's language, with journey names where the journey is loaded.

import type { JourneyDetail } from '../../../shared/api/journeys';
import type { SegmentOrigin } from '../../../shared/api/segments';
import { reasonLabel, resultLabel } from '../../../shared/catalog';
import { t, uiLanguage } from '../../lib/i18n';

export function tileName(journey: JourneyDetail | null, activityId: string): string {
  return journey?.tiles.find((tile) => tile.activityId === activityId)?.name ?? activityId;
}

export function originText(origin: SegmentOrigin | null, journey: JourneyDetail | null): string {
  if (!origin) {
    return t('recordSourceQuery');
  }
  if ('reasonId' in origin) {
    return t('recordSourceReason', reasonLabel(origin.reasonId, uiLanguage()));
  }

  const tile = journey?.tiles.find((candidate) => candidate.activityId === origin.activityId);
  const result = tile?.results.find((candidate) => candidate.resultId === origin.resultId)?.label ?? resultLabel(origin.resultId, uiLanguage());
  return t('recordSourceResult', tile?.name ?? origin.activityId, result);
}
