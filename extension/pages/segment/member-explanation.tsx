// "Why is this contact a member?": a contact id field, filled by the members table's buttons or by hand, and the
// backend's explanation rendered as a tree beside the logic it explains.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { JourneyDetail } from '../../../shared/api/journeys';
import type { MemberExplanationReply } from '../../../shared/api/member-explanation';
import type { SegmentRecord } from '../../../shared/api/segments';
import { parseQuery } from '../../../shared/query';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/send-message';
import { ExplanationNode } from './explanation-tree';

export interface ExplainRequest {
  contactId: string;
  /** Changes on every request, so asking twice for the same contact explains again. */
  sequence: number;
}

export interface MemberExplanationProps {
  segment: SegmentRecord;
  journey: JourneyDetail | null;
  request: ExplainRequest | null;
}

function contactLabel(reply: MemberExplanationReply): string {
  return reply.contactName ? t('explainContactNamed', reply.contactName, reply.contactId) : reply.contactId;
}

export function MemberExplanation({ segment, journey, request }: MemberExplanationProps) {
  const [contactId, setContactId] = useState('');
  const [reply, setReply] = useState<MemberExplanationReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // The explanation describes the saved logic, so its parts are matched against that text parsed here.
  const logicTree = useMemo(() => parseQuery(segment.logic).ast, [segment.logic]);

  const explain = async (id: string) => {
    const trimmed = id.trim();
    if (trimmed === '') {
      setError(t('explainContactMissing'));
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setReply(await sendMessage({ type: 'segment/explain', segmentId: segment.segmentId, contactId: trimmed }));
    } catch (failure) {
      setReply(null);
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (request) {
      setContactId(request.contactId);
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
      void explain(request.contactId);
    }
  }, [request]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void explain(contactId);
  };

  return (
    <section class="explanation" aria-labelledby="explanation-title">
      <h2 id="explanation-title" ref={heading} tabIndex={-1}>
        {t('explainTitle')}
      </h2>
      <form class="inline-form" onSubmit={onSubmit}>
        <label for="explain-contact">{t('explainContactLabel')}</label>
        <input id="explain-contact" value={contactId} onInput={(event) => setContactId((event.target as HTMLInputElement).value)} />
        <button type="submit" disabled={loading}>
          {loading ? t('explainLoading') : t('explainButton')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert" data-field="explain-error">
          {error}
        </p>
      )}
      {reply && (
        <div class="explain-result" data-field="explanation" aria-live="polite">
          <p class="explain-verdict" data-member={String(reply.member)}>
            <strong>{reply.member ? t('explainIsMember', contactLabel(reply)) : t('explainIsNotMember', contactLabel(reply))}</strong>
            {reply.contactName === null && <span class="muted"> {t('explainContactUnknown')}</span>}
          </p>
          <ExplanationNode explanation={reply.explanation} node={logicTree} journey={journey} />
        </div>
      )}
    </section>
  );
}
