// The members of a segment, one page at a time in the backend's cursor order, each with a button that explains
// why the contact is a member. The first page reloads whenever the segment's count changes.

import { useEffect, useState } from 'preact/hooks';

import type { SegmentMemberPage, SegmentRecord } from '../../../shared/api/segments';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/send-message';
import { formatTime } from '../format';

export const membersPageSize = 25;

export interface MembersTableProps {
  segment: SegmentRecord;
  onExplain(contactId: string): void;
}

/** Returns a key that changes whenever the membership may have changed, so the table can reload then. */
function membershipVersion(segment: SegmentRecord): string {
  return [segment.status, segment.memberCount, segment.countedAt, segment.lastEvaluatedAt].join(' ');
}

export function MembersTable({ segment, onExplain }: MembersTableProps) {
  // Cursors of the pages before the current one, so Previous can go back; the first page has no cursor.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<SegmentMemberPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const version = membershipVersion(segment);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    let current = true;
    setLoading(true);
    sendMessage({ type: 'segment/members', segmentId: segment.segmentId, cursor, limit: membersPageSize })
      .then((next) => {
        if (current) {
          setPage(next);
          setError(null);
        }
      })
      .catch((failure: unknown) => current && setError((failure as Error).message))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // Later pages stay put when the count changes, so the rows do not move under the user's eyes.
  }, [segment.segmentId, cursor, cursors.length === 1 ? version : '']);

  const pageNumber = cursors.length;

  return (
    <section class="members" aria-labelledby="members-title">
      <h2 id="members-title">{t('membersTitle')}</h2>
      {error && (
        <p class="error" role="alert" data-field="members-error">
          {error}
        </p>
      )}
      {page && (
        <p class="muted" data-field="members-as-of">
          {page.asOf ? t('membersAsOf', formatTime(page.asOf)) : t('membersNotEvaluated')}
          {page.source === 'evaluated' && ` ${t('membersEvaluatedNow')}`}
        </p>
      )}
      {page && page.members.length === 0 && <p class="muted">{t('membersEmpty')}</p>}
      {page && page.members.length > 0 && (
        <table class="members-table" aria-busy={loading}>
          <caption class="visually-hidden">{t('membersCaption', pageNumber)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('membersName')}</th>
              <th scope="col">{t('membersEmail')}</th>
              <th scope="col">{t('membersSince')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('membersExplainColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.members.map((member) => {
              const name = member.fullName ?? member.contactId;
              return (
                <tr key={member.contactId} data-contact-id={member.contactId}>
                  <th scope="row">{name}</th>
                  <td>{member.email ?? '-'}</td>
                  <td>{member.since ? formatTime(member.since) : '-'}</td>
                  <td>
                    <button type="button" class="link" aria-label={t('membersExplainLabel', name)} onClick={() => onExplain(member.contactId)}>
                      {t('membersExplain')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {page && (pageNumber > 1 || page.nextCursor) && (
        <nav class="pager" aria-label={t('membersPaging')}>
          <button type="button" disabled={pageNumber === 1 || loading} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('membersPrevious')}
          </button>
          <span>{t('membersPage', pageNumber)}</span>
          <button type="button" disabled={!page.nextCursor || loading} onClick={() => setCursors([...cursors, page.nextCursor ?? undefined])}>
            {t('membersNext')}
          </button>
        </nav>
      )}
    </section>
  );
}
