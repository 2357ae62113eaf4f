import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import type { JourneyDetail } from '../../../shared/api/journeys';
import type { BackendClient } from '../../../extension/background/backend-client';
import { defaultOptions, type ExtensionConfig } from '../../../extension/background/config';
import { createJourneyCache } from '../../../extension/background/journey-cache';
import { createMessageRouter, type RouterServices } from '../../../extension/background/message-router';
import type { Outbox } from '../../../extension/background/outbox';
import demoDesigner from '../../../extension/content/host-profiles/demo-designer.json';

const detail = { journeyId: 'j-1', name: 'Spring sale', tiles: [] } as unknown as JourneyDetail;
const captureId = '6f1c2b7e-0000-4000-8000-000000000001';

function setup(config: Partial<ExtensionConfig> = {}) {
  const client = {
    getJourney: vi.fn(async () => detail),
    createCapture: vi.fn(),
    getSegment: vi.fn(),
  } satisfies BackendClient;
  const outbox = {
    submit: vi.fn(async (id: string) => ({ state: 'queued' as const, captureId: id, message: 'not reachable' })),
    flush: vi.fn(async () => undefined),
    statuses: vi.fn(async () => []),
    status: vi.fn(async () => undefined),
  } satisfies Outbox;
  const services: RouterServices = {
    client,
    outbox,
    journeys: createJourneyCache(),
    readConfig: async () => ({ ...defaultOptions, managedKeys: [], ...config }),
    openPage: vi.fn(async () => undefined),
  };
  return { router: createMessageRouter(services), services, client, outbox };
}

const sender = { id: 'lleldoomloonhbonkajngmapagkappob', tab: { id: 7, index: 2 } } as never;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('message router', () => {
  it('rejects an unknown message type', async () => {
    const { router } = setup();

    const reply = await router({ type: 'segments/delete-all' }, sender);

    expect(reply.ok).toBe(false);
    expect((reply as { message: string }).message).toContain('The extension received a message that is not valid');
  });

  it('loads a journey once within the cache time', async () => {
    const { router, client } = setup({ uiLanguage: 'de' });

    await router({ type: 'journey/get', journeyId: 'j-1' }, sender);
    const reply = await router({ type: 'journey/get', journeyId: 'j-1' }, sender);

    expect(reply).toEqual({ ok: true, value: detail });
    expect(client.getJourney).toHaveBeenCalledTimes(1);
    expect(client.getJourney).toHaveBeenCalledWith('j-1', 'de');
  });

  it('validates a capture before queueing it', async () => {
    const { router, outbox } = setup();

    const reply = await router(
      { type: 'capture/save', captureId, capture: { journeyId: 'j-1', reasonId: 'consent', name: ' ', description: '' } },
      sender,
    );

    expect(reply).toEqual({ ok: false, message: 'name: The segment name is empty. Give the segment a name.' });
    expect(outbox.submit).not.toHaveBeenCalled();
  });

  it('hands a valid capture to the outbox', async () => {
    const { router, outbox } = setup();
    const capture = { journeyId: 'j-1', reasonId: 'consent', name: 'Consent - Spring sale', description: '' };

    const reply = await router({ type: 'capture/save', captureId, capture }, sender);

    expect(outbox.submit).toHaveBeenCalledWith(captureId, capture);
    expect(reply).toEqual({ ok: true, value: { state: 'queued', captureId, message: 'not reachable' } });
  });

  it('opens the record page of a segment', async () => {
    const { router, services } = setup();

    await router({ type: 'record/open', segmentId: 'seg 1' }, sender);

    expect(services.openPage).toHaveBeenCalledWith('extension/pages/segment.html?id=seg%201', sender);
  });

  it('opens the record page of a queued capture', async () => {
    const { router, services } = setup();

    await router({ type: 'record/open', captureId }, sender);

    expect(services.openPage).toHaveBeenCalledWith(`extension/pages/segment.html?capture=${captureId}`, sender);
  });

  it('names an unknown capture', async () => {
    const { router } = setup();

    const reply = await router({ type: 'capture/get', captureId: 'c-404' }, sender);

    expect(reply.ok).toBe(false);
    expect((reply as { message: string }).message).toContain('No capture with id c-404 is known.');
  });

  it('gives content scripts the settings but not the token', async () => {
    const { router } = setup({ apiToken: 'secret', uiLanguage: 'en', offeredResults: ['processed'] });

    const reply = await router({ type: 'settings/get' }, sender);

    expect(reply).toEqual({
      ok: true,
      value: { uiLanguage: 'en', offeredResults: ['processed'], segmentNamePattern: defaultOptions.segmentNamePattern, hostProfiles: [] },
    });
    expect(JSON.stringify(reply)).not.toContain('secret');
  });

  it('sends content scripts only valid policy profiles', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const crm = { ...demoDesigner, id: 'crm-designer', urlPattern: '^https://crm\\.example\\.com/' };
    const broken = { ...demoDesigner, id: 'broken', urlPattern: '([' };
    const { router } = setup({ hostProfiles: [broken, crm, { id: 'not-a-profile' }] });

    const reply = await router({ type: 'settings/get' }, sender);

    expect(reply.ok).toBe(true);
    expect((reply as { value: { hostProfiles: unknown[] } }).value.hostProfiles).toEqual([crm]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('host profile broken is invalid'), expect.anything());
    expect(error).toHaveBeenCalledWith(expect.stringContaining('host profile not-a-profile is invalid'), expect.anything());
  });
});
