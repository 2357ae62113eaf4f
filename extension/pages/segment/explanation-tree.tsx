// Renders why a contact is or is not a member, following the shape of the logic. Each part shows whether it
// matched and its logic text, and INTERACTION blocks list the interactions that counted (type, time, tile).

import type { JourneyDetail } from '../../../shared/api/journeys';
import type { InteractionExplanation, MemberExplanation } from '../../../shared/api/member-explanation';
import { printQuery, type SegmentExpression } from '../../../shared/query';
import { t, type MessageKey } from '../../lib/i18n';
import { formatCount, formatTime } from '../format';
import { tileName } from './origin-text';

const setOperatorHelp: Readonly<Record<'UNION' | 'INTERSECT' | 'EXCEPT', MessageKey>> = {
  UNION: 'explainUnion',
  INTERSECT: 'explainIntersect',
  EXCEPT: 'explainExcept',
};

function Outcome({ matched }: { matched: boolean }) {
  return (
    <span class="outcome" data-matched={String(matched)}>
      <span aria-hidden="true">{matched ? '✓' : '✗'}</span> {matched ? t('explainMatched') : t('explainNotMatched')}
    </span>
  );
}

/** Shows the logic text of one part, printed from the parsed saved logic where its shape matches the explanation. */
function LogicPart({ node, fallback }: { node: SegmentExpression | null; fallback: string }) {
  return <code class="logic-part">{node ? printQuery(node) : fallback}</code>;
}

function aggregateText(explanation: InteractionExplanation): string {
  const { aggregate } = explanation;
  const call = `${aggregate.function}(${aggregate.field ?? ''})`;
  const value = aggregate.value === null ? t('explainNoValue') : formatCount(aggregate.value);
  return t('explainAggregate', call, value, `${aggregate.operator} ${aggregate.threshold}`);
}

function InteractionPart({ explanation, node, journey }: { explanation: InteractionExplanation; node: SegmentExpression | null; journey: JourneyDetail | null }) {
  const shown = explanation.interactions.length;
  return (
    <>
      <LogicPart node={node} fallback={`INTERACTION(${explanation.interactionType})`} />
      <p>
        {t('explainInteractionCount', formatCount(explanation.interactionCount))} {aggregateText(explanation)}
        {explanation.windowStart !== null && ` ${t('explainWindow', formatTime(explanation.windowStart))}`}
      </p>
      {shown > 0 && (
        <table class="explain-interactions">
          <caption class="visually-hidden">{t('explainInteractionsCaption', explanation.interactionType)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explainType')}</th>
              <th scope="col">{t('explainTime')}</th>
              <th scope="col">{t('explainTile')}</th>
            </tr>
          </thead>
          <tbody>
            {explanation.interactions.map((interaction) => (
              <tr key={interaction.interactionId}>
                <td>{interaction.interactionType}</td>
                <td>{formatTime(interaction.occurredAt)}</td>
                <td>{interaction.activityId ? tileName(journey, interaction.activityId) : '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {explanation.interactionCount > shown && <p class="muted">{t('explainNewestOnly', shown, formatCount(explanation.interactionCount))}</p>}
    </>
  );
}

export interface ExplanationNodeProps {
  explanation: MemberExplanation;
  /** The matching part of the parsed logic, or null where it is not known (inside SEGMENT references). */
  node: SegmentExpression | null;
  journey: JourneyDetail | null;
}

export function ExplanationNode({ explanation, node, journey }: ExplanationNodeProps) {
  const matchingNode = node && node.kind === explanation.kind ? node : null;

  switch (explanation.kind) {
    case 'set': {
      const set = matchingNode?.kind === 'set' ? matchingNode : null;
      return (
        <div class="explain-node" data-kind="set" data-matched={String(explanation.matched)}>
          <p>
            <Outcome matched={explanation.matched} /> <strong>{explanation.operator}</strong>: {t(setOperatorHelp[explanation.operator])}
          </p>
          <ol class="explain-children">
            <li>
              <ExplanationNode explanation={explanation.left} node={set?.left ?? null} journey={journey} />
            </li>
            <li>
              <ExplanationNode explanation={explanation.right} node={set?.right ?? null} journey={journey} />
            </li>
          </ol>
        </div>
      );
    }

    case 'interaction':
      return (
        <div class="explain-node" data-kind="interaction" data-matched={String(explanation.matched)}>
          <p>
            <Outcome matched={explanation.matched} />
          </p>
          <InteractionPart explanation={explanation} node={matchingNode} journey={journey} />
        </div>
      );

    case 'profile':
      return (
        <div class="explain-node" data-kind="profile" data-matched={String(explanation.matched)}>
          <p>
            <Outcome matched={explanation.matched} /> {t('explainProfile', explanation.entity)}
          </p>
          <LogicPart node={matchingNode} fallback={`PROFILE(${explanation.entity})`} />
        </div>
      );

    case 'segment':
      return (
        <div class="explain-node" data-kind="segment" data-matched={String(explanation.matched)}>
          <p>
            <Outcome matched={explanation.matched} /> {t('explainSegment', explanation.name)}
          </p>
          <LogicPart node={matchingNode} fallback={`SEGMENT(${explanation.name})`} />
          <div class="explain-children">
            <ExplanationNode explanation={explanation.explanation} node={null} journey={journey} />
          </div>
        </div>
      );
  }
}
