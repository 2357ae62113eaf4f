import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import {
  buttonsPerRow,
  labelsWithButton,
  resetBrowserMock,
  rowLabelled,
  saveButtonIn,
  settle,
  startOn,
  stopContentScript,
  useBackground,
  workingBackground,
} from './support/content-harness';
import { designerHtml, panelHtml, tilesHtml } from './support/demo-designer-fixture';

const emailOffered = [
  'Processed',
  'Stopped',
  'Delivered',
  'Unique opens',
  'Unique clicks',
  'Blocked',
  'Delivery failed',
  'Soft bounces',
  'Hard bounces',
  'Block bounces',
];

function rerenderPanel(options: Parameters<typeof panelHtml>[0]): void {
  const panel = document.querySelector('aside');
  if (!panel) {
    throw new Error('The fixture has no side panel.');
  }
  panel.innerHTML = panelHtml(options);
}

function selectTile(activityId: string): void {
  (document.getElementById('tiles') as HTMLElement).innerHTML = tilesHtml(activityId);
  rerenderPanel({ selected: activityId });
}

beforeEach(() => {
  resetBrowserMock();
});

afterEach(() => {
  stopContentScript();
});

describe('tile data panel', () => {
  it('puts buttons on every offered email result', async () => {
    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton()).toHaveLength(emailOffered.length));

    expect(labelsWithButton().sort()).toEqual([...emailOffered].sort());
  });

  it('leaves rows the catalog does not offer alone', async () => {
    startOn(designerHtml({ selected: '01' }));
    await vi.waitFor(() => expect(labelsWithButton().length).toBeGreaterThan(0));

    const without = buttonsPerRow()
      .filter(([, count]) => count === 0)
      .map(([label]) => label);
    expect(without).toEqual(['Total', 'In progress', 'Processing', 'Queued', 'Not processed', 'Expired']);
    expect(labelsWithButton()).toEqual(['Stopped', 'Processed', 'Failed']);
  });

  it('skips Inflow and Processing on an email tile', async () => {
    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton().length).toBeGreaterThan(0));

    expect(buttonsPerRow()).toContainEqual(['Inflow', 0]);
    expect(buttonsPerRow()).toContainEqual(['Processing', 0]);
  });

  it('injects once per row across re-renders', async () => {
    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton()).toHaveLength(emailOffered.length));

    for (let count = 11; count < 15; count++) {
      rerenderPanel({ selected: '02', count });
      await settle();
      for (const [label, buttons] of buttonsPerRow()) {
        expect(buttons, label).toBe(emailOffered.includes(label) ? 1 : 0);
      }
    }
  });

  it('gives a row back its button when the page removes it', async () => {
    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton()).toContain('Unique clicks'));

    rowLabelled('Unique clicks').querySelector('journey-segments-save')?.remove();
    await settle();

    expect(rowLabelled('Unique clicks').querySelectorAll('journey-segments-save')).toHaveLength(1);
  });

  it('replaces a cloned row copy with a working button', async () => {
    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton()).toContain('Hard bounces'));

    const original = rowLabelled('Hard bounces');
    original.replaceWith(original.cloneNode(true));
    await settle();

    const hosts = rowLabelled('Hard bounces').querySelectorAll('journey-segments-save');
    expect(hosts).toHaveLength(1);
    expect(hosts[0].shadowRoot?.querySelector('button')).not.toBeNull();
  });

  it('moves the buttons to the newly selected tile', async () => {
    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton()).toHaveLength(emailOffered.length));

    selectTile('04');
    await vi.waitFor(() => expect(labelsWithButton()).toEqual(['Stopped', 'Processed', 'Failed', 'Branch A', 'Branch B']));

    const keys = [...document.querySelectorAll('journey-segments-save')].map((host) => (host as HTMLElement).dataset.key);
    expect(keys).toContain('result:04:branch:04_0');
    expect(keys).toContain('result:04:branch:04_1');
    expect(keys.every((key) => key?.startsWith('result:04:'))).toBe(true);
    for (const [, buttons] of buttonsPerRow()) {
      expect(buttons).toBeLessThanOrEqual(1);
    }
  });

  it('replaces the key when the same row element serves another tile', async () => {
    startOn(designerHtml({ selected: '01' }));
    await vi.waitFor(() => expect(labelsWithButton()).toContain('Processed'));

    // The page keeps its row elements and only moves the selection, as keyed virtual DOMs do.
    const tiles = document.getElementById('tiles') as HTMLElement;
    tiles.querySelector('[aria-pressed="true"]')?.setAttribute('aria-pressed', 'false');
    tiles.querySelector('[data-activity-id="03"]')?.setAttribute('aria-pressed', 'true');
    await settle();

    const hosts = rowLabelled('Processed').querySelectorAll<HTMLElement>('journey-segments-save');
    expect(hosts).toHaveLength(1);
    expect(hosts[0].dataset.key).toBe('result:03:processed');
  });

  it('offers the yes and no paths of an if/then tile', async () => {
    startOn(designerHtml({ selected: '03' }));
    await vi.waitFor(() => expect(labelsWithButton()).toEqual(['Stopped', 'Processed', 'Failed', 'Yes', 'No']));
  });

  it('reads German labels', async () => {
    startOn(designerHtml({ selected: '02', language: 'de' }));
    await vi.waitFor(() => expect(labelsWithButton()).toHaveLength(emailOffered.length));

    expect(labelsWithButton()).toContain('Eindeutige Klicks');
    expect(buttonsPerRow()).toContainEqual(['Zufluss', 0]);
  });

  it('shows no buttons without a selected tile', async () => {
    startOn(designerHtml({ selected: null }));
    await settle();

    expect(document.querySelectorAll('journey-segments-save')).toHaveLength(0);
  });

  it('falls back to the page tile kind when the backend is down', async () => {
    useBackground((message) => {
      if (message.type === 'journey/get') {
        throw new Error('The Journey Segments backend at http://127.0.0.1:8420 is not reachable.');
      }
      return workingBackground(message);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton()).toHaveLength(emailOffered.length));
  });

  it('removes its buttons when stopped', async () => {
    const script = startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton().length).toBeGreaterThan(0));

    script.stop();

    expect(document.querySelectorAll('journey-segments-save')).toHaveLength(0);
    expect(document.querySelectorAll('[data-journey-segments-key]')).toHaveLength(0);
  });

  it('stays off on pages no profile matches', async () => {
    startOn(designerHtml({ selected: '02' }), 'http://localhost:3000/somewhere/else');
    await settle();

    expect(document.querySelectorAll('journey-segments-save')).toHaveLength(0);
  });

  it('labels each button with its result', async () => {
    startOn(designerHtml({ selected: '02' }));
    await vi.waitFor(() => expect(labelsWithButton()).toContain('Unique clicks'));

    const button = saveButtonIn(rowLabelled('Unique clicks'));
    expect(button.textContent).toContain('Save as segment');
    expect(button.getAttribute('aria-label')).toBe('Save as segment: Unique clicks');
  });
});
