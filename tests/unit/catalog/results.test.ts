import { describe, expect, it } from 'vitest';

import { resultsOfTile, findTileResult, type CatalogTile } from '../../../shared/catalog';

const journey: CatalogTile[] = [
  { activityId: '01', kind: 'audience' },
  { activityId: '02', kind: 'email' },
  { activityId: '03', kind: 'split' },
  { activityId: '03_0', kind: 'wait', parentActivityId: '03', path: 'A' },
  { activityId: '03_1', kind: 'createLead', parentActivityId: '03', path: 'B' },
];

describe('resultsOfTile', () => {
  it('offers processed, stopped and failed on every tile', () => {
    for (const tile of journey) {
      const ids = resultsOfTile(tile, journey).map((result) => result.id);
      expect(ids.slice(0, 3)).toEqual(['processed', 'stopped', 'failed']);
    }
  });

  it('offers the email KPIs on email tiles only', () => {
    const emailIds = resultsOfTile(journey[1], journey).map((result) => result.id);
    expect(emailIds).toContain('uniqueClicks');
    expect(emailIds).toContain('hardBounces');
    expect(resultsOfTile(journey[0], journey).map((result) => result.id)).not.toContain('uniqueClicks');
  });

  it('maps processed to the tile kind interaction', () => {
    expect(findTileResult(journey[1], journey, 'processed')?.sources).toEqual([{ interactionType: 'EmailSent' }]);
    expect(findTileResult(journey[0], journey, 'processed')?.sources).toEqual([
      { interactionType: 'PassThroughActivityContactProcessed' },
    ]);
  });

  it('maps hard bounces to both hard bounce types', () => {
    const types = findTileResult(journey[1], journey, 'hardBounces')?.sources.map((source) => source.interactionType);
    expect(types).toEqual(['EmailHardBounced', 'EmailHardRemoteBounced']);
  });

  it('lists one branch result per split branch', () => {
    const branches = resultsOfTile(journey[2], journey).filter((result) => result.section === 'paths');
    expect(branches.map((result) => result.id)).toEqual(['branch:03_0', 'branch:03_1']);
    expect(branches[0].sources[0].match).toEqual({ field: 'NextActivityId', value: '03_0' });
  });

  it('returns undefined for a result the tile does not offer', () => {
    expect(findTileResult(journey[0], journey, 'uniqueClicks')).toBeUndefined();
    expect(findTileResult(journey[1], journey, 'pathYes')).toBeUndefined();
  });
});
