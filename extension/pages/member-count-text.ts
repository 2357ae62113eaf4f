import type { SegmentRecord } from '../../shared/api/segments';
import { t } from '../lib/i18n';
import { formatCount, formatTime } from './format';

/** Formats the member count with the time it was computed, because every count shown to users carries that time. */
export function memberCountText(segment: Pick<SegmentRecord, 'memberCount' | 'countedAt'>): string {
  return segment.memberCount === null || segment.countedAt === null
    ? t('recordNotCounted')
    : t('recordMemberCount', formatCount(segment.memberCount), formatTime(segment.countedAt));
}
