// All segments, filtered by status and journey, each name linking to its record page. The filters live in the
// page address, so a filtered list can be bookmarked and shared.

import { useEffect, useState } from 'preact/hooks';

import { segmentStatuses, type SegmentRecord, type SegmentStatus } from '../../../shared/api/segments';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/send-message';
import { formatTime } from '../format';
import { localizeDocument } from '../localize-document';
import { memberCountText } from '../member-count-text';
import { segmentStatusMessage } from '../segment-status-label';
import { useJourneyNames } from './journey-names';

/** How often the list is read again while the page is visible, in milliseconds. */
export const segmentListPollIntervalMs = 5_000;

interface Filter {
  status: SegmentStatus | '';
  journeyId: string;
}

function filterOf(search: string): Filter {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  return {
    status: (segmentStatuses as readonly string[]).includes(status) ? (status as SegmentStatus) : '',
    journeyId: params.get('journeyId') ?? '',
  };
}

function searchOf(filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.status) {
    params.set('status', filter.status);
  }
  if (filter.journeyId) {
    params.set('journeyId', filter.journeyId);
  }
  return params.size > 0 ? `?${params}` : '';
}

export function SegmentListPage({ search }: { search: string }) {
  const [filter, setFilter] = useState<Filter>(() => filterOf(search));
  const [segments, setSegments] = useState<SegmentRecord[] | null>(null);
  const [journeyIds, setJourneyIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const journeyNames = useJourneyNames(journeyIds);

  useEffect(() => localizeDocument(t('listTitle')), []);

  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}${searchOf(filter)}`);

    let current = true;
    const load = async () => {
      try {
        // The journey choices come from every segment, so a filter never hides the other journeys.
        const [filtered, all] = await Promise.all([
          sendMessage({ type: 'segments/list', status: filter.status || undefined, journeyId: filter.journeyId || undefined }),
          sendMessage({ type: 'segments/list' }),
        ]);
        if (!current) {
          return;
        }
        setSegments(filtered);
        setJourneyIds([...new Set(all.map((segment) => segment.journeyId).filter((id): id is string => id !== null))]);
        setError(null);
      } catch (failure) {
        if (current) {
          setError((failure as Error).message);
        }
      }
    };

    void load();
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(), segmentListPollIntervalMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [filter.status, filter.journeyId]);

  const journeyLabel = (journeyId: string) => journeyNames.get(journeyId) ?? journeyId;

  return (
    <main class="segment-list">
      <h1>{t('listTitle')}</h1>
      <form class="filters" aria-label={t('listFilters')} onSubmit={(event) => event.preventDefault()}>
        <div>
          <label for="filter-status">{t('listStatusFilter')}</label>
          <select id="filter-status" value={filter.status} onChange={(event) => setFilter({ ...filter, status: (event.target as HTMLSelectElement).value as Filter['status'] })}>
            <option value="">{t('listAllStatuses')}</option>
            {segmentStatuses.map((status) => (
              <option key={status} value={status}>
                {t(segmentStatusMessage[status])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-journey">{t('listJourneyFilter')}</label>
          <select id="filter-journey" value={filter.journeyId} onChange={(event) => setFilter({ ...filter, journeyId: (event.target as HTMLSelectElement).value })}>
            <option value="">{t('listAllJourneys')}</option>
            {[...new Set([...journeyIds, ...(filter.journeyId ? [filter.journeyId] : [])])].map((journeyId) => (
              <option key={journeyId} value={journeyId}>
                {journeyLabel(journeyId)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {error && (
        <p class="error" role="alert" data-field="list-error">
          {error}
        </p>
      )}
      {segments === null && !error && <p role="status">{t('recordLoading')}</p>}
      {segments?.length === 0 && <p class="muted">{t('listEmpty')}</p>}
      {segments && segments.length > 0 && (
        <table class="segment-table">
          <caption class="visually-hidden">{t('listCaption', segments.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('recordName')}</th>
              <th scope="col">{t('recordStatus')}</th>
              <th scope="col">{t('recordJourney')}</th>
              <th scope="col">{t('recordMembers')}</th>
              <th scope="col">{t('recordUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((segment) => (
              <tr key={segment.segmentId} data-segment-id={segment.segmentId}>
                <th scope="row">
                  <a href={`segment.html?id=${encodeURIComponent(segment.segmentId)}`}>{segment.name}</a>
                </th>
                <td>
                  <span class="status" data-status={segment.status}>
                    {t(segmentStatusMessage[segment.status])}
                  </span>
                </td>
                <td>{segment.journeyId ? journeyLabel(segment.journeyId) : '-'}</td>
                <td data-field="members">{memberCountText(segment)}</td>
                <td>{formatTime(segment.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
