import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { builtInProfiles, profileForUrl, withBuiltInProfiles } from '../../../extension/content/host-profiles';
import demoDesigner from '../../../extension/content/host-profiles/demo-designer.json';
import {
  readJourneyId,
  readJourneyName,
  readReasons,
  readTileResults,
} from '../../../extension/content/host-profiles/interpreter';
import { chromeManagedSchemaOf, hostProfileJsonSchema } from '../../../extension/content/host-profiles/json-schema';
import { loadProfiles } from '../../../extension/content/host-profiles/load-profiles';
import realtimeAnalytics from '../../../extension/content/host-profiles/realtime-analytics.json';
import { hostProfile, type HostProfile } from '../../../extension/content/host-profiles/schema';
import { analyticsHtml } from './support/analytics-fixture';
import { designerHtml, incompleteJourneysHtml } from './support/demo-designer-fixture';

const [profile, analytics] = loadProfiles();

afterEach(() => {
  document.body.innerHTML = '';
});

/** Returns the first issue message of an invalid profile. */
function firstIssue(candidate: unknown): string | undefined {
  const parsed = hostProfile.safeParse(candidate);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe('built-in profiles', () => {
  it.each([
    ['demo-designer', demoDesigner],
    ['realtime-analytics', realtimeAnalytics],
  ])('%s passes the profile schema', (_id, candidate) => {
    expect(hostProfile.safeParse(candidate).success).toBe(true);
  });

  it('are all loaded', () => {
    expect(loadProfiles().map((candidate) => candidate.id)).toEqual(['demo-designer', 'realtime-analytics']);
  });

  // The content script uses the built-in profiles without validating them, so the schema must not change them.
  it('are used as the schema parses them', () => {
    expect(loadProfiles(builtInProfiles)).toEqual(builtInProfiles);
  });

  it('have unique ids', () => {
    expect(withBuiltInProfiles([])).toEqual(builtInProfiles);
  });
});

describe('profile schema', () => {
  const valid = demoDesigner as unknown as HostProfile;

  it('rejects a regular expression that does not compile', () => {
    expect(firstIssue({ ...valid, urlPattern: '([' })).toContain('not a valid regular expression');
  });

  it('rejects a match pattern without a path', () => {
    expect(firstIssue({ ...valid, matches: ['https://crm.example.com'] })).toContain('not a match pattern');
  });

  it('accepts a wildcard subdomain match pattern', () => {
    expect(hostProfile.safeParse({ ...valid, matches: ['https://*.crm4.dynamics.com/*'] }).success).toBe(true);
  });

  it('rejects both journey id sources at once', () => {
    expect(firstIssue({ ...valid, journeyId: { pathPattern: '^/j/(\\w+)', queryParameter: 'id' } })).toBe(
      'Set exactly one of pathPattern and queryParameter.',
    );
  });

  it('rejects a page-scoped results section without a panel', () => {
    const { panelSelector: _panel, ...results } = valid.results!;
    expect(firstIssue({ ...valid, results })).toBe('A results section with scope "page" needs a panelSelector.');
  });

  it('rejects results without tiles', () => {
    const { tiles: _tiles, ...rest } = valid;
    expect(firstIssue(rest)).toBe('A results section needs a tiles section that says where the tiles are.');
  });

  it('rejects a profile with neither results nor reasons', () => {
    const { results: _results, reasons: _reasons, ...rest } = valid;
    expect(firstIssue(rest)).toBe('A host profile needs a results section, a reasons section or both.');
  });

  it('rejects an unknown key, such as a misspelt one', () => {
    expect(hostProfile.safeParse({ ...valid, reasonz: {} }).success).toBe(false);
  });

  it('rejects a label alias for a result the catalog does not have', () => {
    expect(hostProfile.safeParse({ ...valid, labels: { results: { exited: { en: ['Exit'] } } } }).success).toBe(false);
  });
});

describe('JSON Schema files', () => {
  it('docs/host-profile.schema.json is generated from the profile schema', () => {
    const committed = JSON.parse(readFileSync('docs/host-profile.schema.json', 'utf8'));

    expect(committed).toEqual(hostProfileJsonSchema());
  });

  it('the managed schema mirrors the profile schema', () => {
    const managed = JSON.parse(readFileSync('extension/managed-schema.json', 'utf8'));
    const { $schema: _dialect, $id: _id, ...profileSchema } = hostProfileJsonSchema();

    expect(managed.properties.hostProfiles.items).toEqual(chromeManagedSchemaOf(profileSchema));
  });

  it('uses only keywords Chrome accepts in the managed schema', () => {
    const managed = readFileSync('extension/managed-schema.json', 'utf8');

    for (const keyword of ['pattern', 'minLength', 'minItems', 'required', 'additionalProperties', 'anyOf', '$schema']) {
      expect(managed, keyword).not.toContain(`"${keyword}"`);
    }
  });
});

describe('demo designer profile', () => {
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
    expect(readTileResults(profile, document).map((shown) => shown.tile)).toEqual([
      { activityId: '03', kind: 'ifThen', name: 'Opened the welcome email?' },
    ]);
  });

  it('reads result rows without the header row', () => {
    document.body.innerHTML = designerHtml({ selected: '03' });

    const [panel] = readTileResults(profile, document);

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

    expect(readTileResults(profile, document)[0]?.rows).toEqual([]);
  });

  it('reads the reason lists and puts the button after the heading', () => {
    document.body.innerHTML = incompleteJourneysHtml({ heading: 'Contact lowered consent below threshold' }, { heading: 'Contact deleted' });

    const reasons = readReasons(profile, document);
    const host = document.createElement('span');
    reasons[0].insert(host);

    expect(reasons.map((reason) => reason.label)).toEqual(['Contact lowered consent below threshold', 'Contact deleted']);
    expect(host.previousElementSibling?.tagName).toBe('H4');
  });
});

describe('real-time analytics profile', () => {
  const tiles = [
    { activityId: '01', kind: 'audience', name: 'New customers' },
    { activityId: '02', kind: 'email', name: 'Welcome email' },
  ];

  it('matches the analytics page only', () => {
    const profiles = loadProfiles();

    expect(profileForUrl(profiles, 'http://127.0.0.1:8420/analytics/journeys/j-1?lang=de')?.id).toBe('realtime-analytics');
    expect(profileForUrl(profiles, 'http://127.0.0.1:8420/designer/journeys/j-1')?.id).toBe('demo-designer');
  });

  it('reads every tile card with its own rows', () => {
    document.body.innerHTML = analyticsHtml(tiles);

    const shown = readTileResults(analytics, document);

    expect(shown.map((tile) => [tile.tile.activityId, tile.tileName])).toEqual([
      ['01', 'New customers'],
      ['02', 'Welcome email'],
    ]);
    expect(shown[1].rows.map((row) => row.label)).toEqual(['Inflow', 'Processing', 'Processed', 'Exit']);
    expect(shown[1].rows[2].slot.tagName).toBe('TD');
  });

  it('reads exit reasons as rows and puts the button in the count cell', () => {
    document.body.innerHTML = analyticsHtml(tiles, ['Contact joined the suppression segment', 'Contact lowered consent below threshold']);

    const reasons = readReasons(analytics, document).filter((reason) => reason.label.startsWith('Contact'));
    const host = document.createElement('span');
    reasons[1].insert(host);

    expect(reasons.map((reason) => reason.label)).toEqual([
      'Contact joined the suppression segment',
      'Contact lowered consent below threshold',
    ]);
    expect(host.parentElement?.tagName).toBe('TD');
  });

  it('calls Stopped "Exit" in both languages', () => {
    expect(analytics.labels?.results?.stopped).toEqual({ en: ['Exit'], de: ['Ausstieg'] });
  });
});

describe('journey id from a query parameter', () => {
  const crm: HostProfile = {
    ...profile,
    id: 'crm',
    matches: ['https://*.crm.example.com/*'],
    urlPattern: '^https://[^/]+\\.crm\\.example\\.com/main\\.aspx\\?.*etn=journey',
    journeyId: { queryParameter: 'id' },
  };

  it('reads the value of the parameter', () => {
    const url = new URL('https://org.crm.example.com/main.aspx?etn=journey&id=3f2a-77&pagetype=entityrecord');

    expect(readJourneyId(crm, url)).toBe('3f2a-77');
  });

  it('returns null when the parameter is missing', () => {
    expect(readJourneyId(crm, new URL('https://org.crm.example.com/main.aspx?etn=journey'))).toBeNull();
  });
});

describe('loadProfiles', () => {
  it('skips an invalid profile and keeps the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const profiles = loadProfiles([{ ...demoDesigner, id: 'broken', urlPattern: '([' }, demoDesigner]);

    expect(profiles.map((candidate) => candidate.id)).toEqual(['demo-designer']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('host profile broken is invalid'), expect.anything());
  });

  it('lets a policy profile replace the built-in one with its id', () => {
    const replacement = { ...demoDesigner, description: 'Patched by the organization' };

    const profiles = withBuiltInProfiles(loadProfiles([replacement]));

    expect(profiles.map((candidate) => [candidate.id, candidate.description])).toEqual([
      ['demo-designer', 'Patched by the organization'],
      ['realtime-analytics', realtimeAnalytics.description],
    ]);
  });

  it('puts a new policy profile before the built-in ones', () => {
    const added = { ...demoDesigner, id: 'crm-designer', urlPattern: '^https://crm\\.example\\.com/' };

    expect(withBuiltInProfiles(loadProfiles([added])).map((candidate) => candidate.id)).toEqual([
      'crm-designer',
      ...builtInProfiles.map((candidate) => candidate.id),
    ]);
  });

  it('keeps the built-in profile when the policy profile with its id is invalid', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...demoDesigner, description: 'Broken by the organization', urlPattern: '([' };

    const profiles = withBuiltInProfiles(loadProfiles([broken]));

    expect(profiles.map((candidate) => [candidate.id, candidate.description])).toEqual([
      ['demo-designer', demoDesigner.description],
      ['realtime-analytics', realtimeAnalytics.description],
    ]);
  });
});
