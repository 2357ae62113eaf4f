import { describe, expect, it } from 'vitest';

import { buildReasonLogic, buildResultLogic, findTileResult, type CatalogTile } from '../../../shared/catalog';
import type { InteractionQuery, SegmentExpression } from '../../../shared/query/ast';
import { printQuery } from '../../../shared/query';

const journeyId = '7d0c2e6a-1b7f-4f5e-9a57-2f0d1c3b9e10';
const tiles: CatalogTile[] = [
  { activityId: '02', kind: 'email' },
  { activityId: '04', kind: 'ifThen', parentActivityId: '02' },
];

/** Lists the INTERACTION blocks of a UNION chain from left to right. */
function blocksOf(expression: SegmentExpression): InteractionQuery[] {
  if (expression.kind === 'set') {
    expect(expression.operator).toBe('UNION');
    return [...blocksOf(expression.left), ...blocksOf(expression.right)];
  }
  expect(expression.kind).toBe('interaction');
  return [expression as InteractionQuery];
}

describe('buildResultLogic', () => {
  it('filters a tile result on journey and tile', () => {
    const result = findTileResult(tiles[0], tiles, 'uniqueClicks')!;
    const text = printQuery(buildResultLogic(result.sources, { journeyId, activityId: '02' }));
    expect(text).toBe(
      [
        'INTERACTION(EmailClicked, EmailClicked_Contact)',
        `  .FILTER(CustomerJourneyId == '${journeyId}' && ActivityId == '02')`,
        '  .HAVING(COUNT() > 0)',
      ].join('\n'),
    );
  });

  it('joins several interaction types with UNION', () => {
    const result = findTileResult(tiles[0], tiles, 'hardBounces')!;
    const blocks = blocksOf(buildResultLogic(result.sources, { journeyId, activityId: '02' }));
    expect(blocks.map((block) => block.interactionType)).toEqual(['EmailHardBounced', 'EmailHardRemoteBounced']);
    expect(blocks.map((block) => block.linkName)).toEqual(['EmailHardBounced_Contact', 'EmailHardRemoteBounced_Contact']);
  });

  it('requires at least one interaction per block', () => {
    const result = findTileResult(tiles[0], tiles, 'blocked')!;
    for (const block of blocksOf(buildResultLogic(result.sources, { journeyId, activityId: '02' }))) {
      expect(block.having).toEqual({ aggregate: 'COUNT', operator: '>', value: 0 });
    }
  });

  it('adds the field match of a path', () => {
    const result = findTileResult(tiles[1], tiles, 'pathYes')!;
    const text = printQuery(buildResultLogic(result.sources, { journeyId, activityId: '04' }));
    expect(text).toContain("ActivityId == '04' && Path == 'yes'");
  });

  it('rejects an empty source list', () => {
    expect(() => buildResultLogic([], { journeyId })).toThrow('no interaction sources');
  });
});

describe('buildReasonLogic', () => {
  it('spans the whole journey', () => {
    const text = printQuery(buildReasonLogic('recipientInvalid', journeyId));
    expect(text).toBe(
      [
        'INTERACTION(InvalidRecipientAddress, InvalidRecipientAddress_Contact)',
        `  .FILTER(CustomerJourneyId == '${journeyId}')`,
        '  .HAVING(COUNT() > 0)',
      ].join('\n'),
    );
  });

  it('rejects an unknown reason', () => {
    expect(() => buildReasonLogic('movedAway', journeyId)).toThrow('movedAway');
  });
});
