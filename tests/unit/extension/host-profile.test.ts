import { afterEach, describe, expect, it, vi } from 'vitest';

import { loadProfiles, profileForUrl } from '../../../extension/content/host-profiles';
import demoDesigner from '../../../extension/content/host-profiles/demo-designer.json';
import {
  readJourneyId,
  readJourneyName,
  readReasonLists,
  readSelectedTile,
  readTilePanel,
} from '../../../extension/content/host-profiles/interpreter';
import { hostProfile } from '../../../extension/content/host-profiles/schema';
import { designerHtml, incompleteJourneysHtml } from './support/demo-designer-fixture';

const [profile] = loadProfiles();

afterEach(() => {
  document.body.innerHTML = '';
});

describe('demo designer profile', () => {
  it('passes the profile schema', () => {
    expect(hostProfile.safeParse(demoDesigner).success).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8420/designer/journeys/j-1?tab=designer',
    'http://localhost:5173/designer/journeys/j-1',
    'http://127.0.0.1/designer/journeys/spring%20sale#tiles',
  ])('matches %s', (url) => {
    expect(profileForUrl([profile], url)).toBe(profile);
  });

  it.each([
    'http://127.0.0.1:8420/designer/journeys/',
    'http://127.0.0.1:8420/api/journeys/j-1',
    'https://evil.example.com/designer/journeys/j-1',
    'http://127.0.0.1.example.com/designer/journeys/j-1',
  ])('does not match %s', (url) => {
    expect(profileForUrl([profile], url)).toBeUndefined();
  });

  it('reads the journey id from the path', () => {
    expect(readJourneyId(profile, new URL('http://127.0.0.1:8420/designer/journeys/spring%20sale?tab=insights'))).toBe(
      'spring sale',
    );
  });

  it('reads journey name and selected tile', () => {
    document.body.innerHTML = designerHtml({ selected: '03' });

    expect(readJourneyName(profile, document)).toBe('Spring sale');
    expect(readSelectedTile(profile, document)).toEqual({ activityId: '03', kind: 'ifThen', name: 'Opened the welcome email?' });
  });

  it('reads result rows without the header row', () => {
    document.body.innerHTML = designerHtml({ selected: '03' });

    const panel = readTilePanel(profile, document);

    expect(panel?.tileName).toBe('Opened the welcome email?');
    expect(panel?.rows.map((row) => row.label)).toEqual([
      'Total',
      'In progress',
      'Processing',
      'Queued',
      'Not processed',
      'Stopped',
      'Expired',
      'Processed',
      'Failed',
      'Yes',
      'No',
    ]);
    expect(panel?.rows[0].slot.getAttribute('role')).toBe('cell');
  });

  it('skips rows of a hidden tab panel', () => {
    document.body.innerHTML = designerHtml({ selected: '02' });
    document.querySelector('[role="tabpanel"]')?.setAttribute('hidden', '');

    expect(readTilePanel(profile, document)?.rows).toEqual([]);
  });

  it('reads the reason lists', () => {
    document.body.innerHTML = incompleteJourneysHtml({ heading: 'Contact lowered consent below threshold' }, { heading: 'Contact deleted' });

    expect(readReasonLists(profile, document).map((list) => list.label)).toEqual([
      'Contact lowered consent below threshold',
      'Contact deleted',
    ]);
  });
});

describe('loadProfiles', () => {
  it('skips an invalid profile and keeps the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const profiles = loadProfiles([{ ...demoDesigner, id: 'broken', urlPattern: '([' }, demoDesigner]);

    expect(profiles.map((candidate) => candidate.id)).toEqual(['demo-designer']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('host profile broken is invalid'), expect.anything());
  });
});
