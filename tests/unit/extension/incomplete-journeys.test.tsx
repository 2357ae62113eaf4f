import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import { reasonLabel } from '../../../shared/catalog';
import { resetBrowserMock, saveButtonIn, settle, startOn, stopContentScript } from './support/content-harness';
import { designerUrl, incompleteJourneysHtml, reasonListHtml } from './support/demo-designer-fixture';

const insightsUrl = designerUrl.replace('tab=designer', 'tab=insights');

const reasonLists = () => [...document.querySelectorAll('section[data-reason-list]')];

beforeEach(() => {
  resetBrowserMock();
});

afterEach(() => {
  stopContentScript();
});

describe('incomplete journeys', () => {
  it('puts a button at the top of each reason list', async () => {
    startOn(
      incompleteJourneysHtml(
        { heading: reasonLabel('suppressionSegment', 'en'), contacts: [{ name: 'Ada Lovelace', timestamp: '2025-03-02 10:00' }] },
        { heading: reasonLabel('recipientInvalid', 'en') },
      ),
      insightsUrl,
    );
    await vi.waitFor(() => expect(document.querySelectorAll('journey-segments-save')).toHaveLength(2));

    for (const list of reasonLists()) {
      const heading = list.querySelector('h4');
      expect(heading?.nextElementSibling?.tagName).toBe('JOURNEY-SEGMENTS-SAVE');
    }
    const keys = [...document.querySelectorAll<HTMLElement>('journey-segments-save')].map((host) => host.dataset.key);
    expect(keys).toEqual(['reason:suppressionSegment', 'reason:recipientInvalid']);
  });

  it('injects once across re-renders of the list', async () => {
    startOn(
      incompleteJourneysHtml({ heading: reasonLabel('consent', 'en') }, { heading: reasonLabel('contactDeleted', 'en') }),
      insightsUrl,
    );
    await vi.waitFor(() => expect(document.querySelectorAll('journey-segments-save')).toHaveLength(2));

    for (let round = 0; round < 3; round++) {
      const list = reasonLists()[0];
      list.outerHTML = reasonListHtml({ heading: reasonLabel('consent', 'en') });
      await settle();
      for (const current of reasonLists()) {
        expect(current.querySelectorAll('journey-segments-save')).toHaveLength(1);
      }
    }
  });

  it('follows the selection to another reason', async () => {
    startOn(
      incompleteJourneysHtml({ heading: reasonLabel('consent', 'en') }, { heading: reasonLabel('contactDeleted', 'en') }),
      insightsUrl,
    );
    await vi.waitFor(() => expect(document.querySelectorAll('journey-segments-save')).toHaveLength(2));

    // The page keeps the list element and only changes its heading.
    const heading = reasonLists()[1].querySelector('h4') as HTMLElement;
    heading.textContent = reasonLabel('insufficientCredits', 'en');
    await settle();

    const hosts = reasonLists()[1].querySelectorAll<HTMLElement>('journey-segments-save');
    expect(hosts).toHaveLength(1);
    expect(hosts[0].dataset.key).toBe('reason:insufficientCredits');
  });

  it('ignores lists whose heading is no known reason', async () => {
    startOn(incompleteJourneysHtml({ heading: 'Contact moved abroad' }, { heading: reasonLabel('doNotEmail', 'en') }), insightsUrl);
    await vi.waitFor(() => expect(document.querySelectorAll('journey-segments-save')).toHaveLength(1));

    expect(reasonLists()[0].querySelectorAll('journey-segments-save')).toHaveLength(0);
  });

  it('reads German reason headings', async () => {
    startOn(
      incompleteJourneysHtml({ heading: reasonLabel('externalConsent', 'de') }, { heading: reasonLabel('replyToInvalid', 'de') }),
      insightsUrl,
    );
    await vi.waitFor(() => expect(document.querySelectorAll('journey-segments-save')).toHaveLength(2));

    const keys = [...document.querySelectorAll<HTMLElement>('journey-segments-save')].map((host) => host.dataset.key);
    expect(keys).toEqual(['reason:externalConsent', 'reason:replyToInvalid']);
  });

  it('matches headings with typographic apostrophes', async () => {
    startOn(
      incompleteJourneysHtml({ heading: 'Contact joined the suppression segment' }, { heading: 'Sender address isn’t valid' }),
      insightsUrl,
    );
    await vi.waitFor(() => expect(document.querySelectorAll('journey-segments-save')).toHaveLength(2));

    expect(saveButtonIn(reasonLists()[1]).getAttribute('aria-label')).toBe('Save as segment: Sender address isn’t valid');
  });
});
