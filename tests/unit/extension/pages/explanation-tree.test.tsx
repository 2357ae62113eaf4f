import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('../support/browser-mock'));

import type { JourneyDetail } from '../../../../shared/api/journeys';
import type { InteractionExplanation, MemberExplanation } from '../../../../shared/api/member-explanation';
import { parseQuery } from '../../../../shared/query';
import { ExplanationNode } from '../../../../extension/pages/segment/explanation-tree';
import { mount, unmount } from './page-harness';

const journey = {
  journeyId: 'j-1',
  name: 'Spring product launch',
  tiles: [{ activityId: '02', name: 'Launch announcement', results: [] }],
} as unknown as JourneyDetail;

const clicked: InteractionExplanation = {
  kind: 'interaction',
  matched: true,
  interactionType: 'EmailClicked',
  interactions: [
    { interactionId: 'i-2', interactionType: 'EmailClicked', occurredAt: Date.UTC(2026, 2, 2, 9, 30), activityId: '02' },
    { interactionId: 'i-1', interactionType: 'EmailClicked', occurredAt: Date.UTC(2026, 2, 1, 8, 0), activityId: null },
  ],
  interactionCount: 2,
  aggregate: { function: 'COUNT', value: 2, operator: '>', threshold: 0 },
  windowStart: null,
};

const bounced: InteractionExplanation = {
  kind: 'interaction',
  matched: false,
  interactionType: 'EmailHardBounced',
  interactions: [],
  interactionCount: 0,
  aggregate: { function: 'COUNT', value: null, operator: '>', threshold: 0 },
  windowStart: Date.UTC(2026, 1, 1),
};

const logic = 'INTERACTION(EmailClicked, EmailClicked_Contact).HAVING(COUNT() > 0) EXCEPT INTERACTION(EmailHardBounced, EmailHardBounced_Contact).HAVING(COUNT() > 0, UTCDAYS(30))';
const tree: MemberExplanation = { kind: 'set', operator: 'EXCEPT', matched: true, left: clicked, right: bounced };

afterEach(unmount);

const text = (element: Element | null | undefined) => element?.textContent ?? '';

describe('explanation tree', () => {
  it('shows the outcome of every part', async () => {
    const page = await mount(<ExplanationNode explanation={tree} node={parseQuery(logic).ast} journey={journey} />);

    const [set, left, right] = [...page.querySelectorAll('.explain-node')];
    expect(set.getAttribute('data-kind')).toBe('set');
    expect(text(set.querySelector('p'))).toContain('Matched');
    expect(text(set.querySelector('p'))).toContain('EXCEPT');
    expect(text(left.querySelector('.outcome'))).toContain('Matched');
    expect(text(right.querySelector('.outcome'))).toContain('Not matched');
  });

  it('shows the logic text of each INTERACTION block', async () => {
    const page = await mount(<ExplanationNode explanation={tree} node={parseQuery(logic).ast} journey={journey} />);

    const parts = [...page.querySelectorAll('.logic-part')].map(text);
    expect(parts[0]).toContain('INTERACTION(EmailClicked, EmailClicked_Contact)');
    expect(parts[1]).toContain('UTCDAYS(30)');
  });

  it('lists the interactions with type, time and tile', async () => {
    const page = await mount(<ExplanationNode explanation={clicked} node={null} journey={journey} />);

    const rows = [...page.querySelectorAll('.explain-interactions tbody tr')].map((row) => [...row.querySelectorAll('td')].map(text));
    expect(rows).toHaveLength(2);
    expect(rows[0][0]).toBe('EmailClicked');
    expect(rows[0][1]).toContain('2026');
    expect(rows[0][2]).toBe('Launch announcement');
    expect(rows[1][2]).toBe('-');
  });

  it('states the aggregate against the threshold', async () => {
    const page = await mount(<ExplanationNode explanation={clicked} node={null} journey={journey} />);

    expect(text(page)).toContain('Interactions counted: 2. COUNT() is 2; the logic needs > 0.');
  });

  it('falls back to the block type without parsed logic', async () => {
    const page = await mount(<ExplanationNode explanation={bounced} node={null} journey={null} />);

    expect(text(page.querySelector('.logic-part'))).toBe('INTERACTION(EmailHardBounced)');
    expect(text(page)).toContain('COUNT() is empty');
    expect(text(page)).toContain('Counted since');
  });

  it('says when only the newest interactions are listed', async () => {
    const many = { ...clicked, interactionCount: 35 };
    const page = await mount(<ExplanationNode explanation={many} node={null} journey={journey} />);

    expect(text(page)).toContain('Showing the newest 2 of 35 interactions.');
  });

  it('shows the tile id when the journey is not loaded', async () => {
    const page = await mount(<ExplanationNode explanation={clicked} node={null} journey={null} />);

    expect(text(page.querySelector('.explain-interactions tbody td:last-child'))).toBe('02');
  });

  it('nests the explanation of a referenced segment', async () => {
    const reference: MemberExplanation = { kind: 'segment', name: 'Launch clickers', matched: true, explanation: clicked };
    const page = await mount(<ExplanationNode explanation={reference} node={parseQuery("SEGMENT('Launch clickers')").ast} journey={journey} />);

    expect(text(page)).toContain('Member of segment Launch clickers');
    expect(page.querySelectorAll('.explain-node[data-kind="interaction"]')).toHaveLength(1);
  });

  it('ignores parsed logic of another shape', async () => {
    const page = await mount(<ExplanationNode explanation={clicked} node={parseQuery('PROFILE(contact)').ast} journey={journey} />);

    expect(text(page.querySelector('.logic-part'))).toBe('INTERACTION(EmailClicked)');
  });
});
