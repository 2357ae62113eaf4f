// Routes runtime messages from content scripts and extension pages to the background services and wraps each
// result in a reply envelope.

import browser, { type Runtime } from 'webextension-polyfill';

import { captureRequest } from '../../shared/api/segments';
import { loadProfiles } from '../content/host-profiles/load-profiles';
import { t } from '../lib/i18n';
import { pageOnlyMessageTypes, type Reply, type ReplyValues, type RuntimeMessage } from '../lib/messages';
import { runtimeMessage } from '../lib/runtime-message-schema';
import { createBackendRequest, type BackendClient } from './backend-client';
import type { ExtensionConfig } from './config';
import type { JourneyCache } from './journey-cache';
import type { Outbox } from './outbox';
import { createSegmentApi, type SegmentApi } from './segment-api';

export interface RouterServices {
  client: BackendClient;
  outbox: Outbox;
  journeys: JourneyCache;
  readConfig: () => Promise<ExtensionConfig>;
  /** Opens an extension page in a new tab, next to the sender's tab when there is one. */
  openPage(path: string, sender: Runtime.MessageSender): Promise<void>;
  /** The segment endpoints of the record page and the segment list; built from `readConfig` when absent. */
  segments?: SegmentApi;
}

export type MessageRouter = (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>>;

function firstIssue(error: { issues: ReadonlyArray<{ message: string; path: PropertyKey[] }> }): string {
  const issue = error.issues[0];
  if (!issue) {
    return 'unknown';
  }
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export function createMessageRouter(services: RouterServices): MessageRouter {
  const { client, outbox, journeys, readConfig, openPage } = services;
  const segments = services.segments ?? createSegmentApi(createBackendRequest({ readOptions: readConfig }));

  async function route(message: RuntimeMessage, sender: Runtime.MessageSender): Promise<ReplyValues[RuntimeMessage['type']]> {
    switch (message.type) {
      case 'journey/get': {
        const config = await readConfig();
        const language = config.uiLanguage === 'auto' ? 'en' : config.uiLanguage;
        const key = `${config.backendUrl} ${message.journeyId} ${language}`;
        return journeys.get(key, () => client.getJourney(message.journeyId, language));
      }

      case 'capture/save': {
        const parsed = captureRequest.safeParse(message.capture);
        if (!parsed.success) {
          throw new Error(firstIssue(parsed.error));
        }
        return outbox.submit(message.captureId, parsed.data);
      }

      case 'capture/get': {
        const status = await outbox.status(message.captureId);
        if (!status) {
          throw new Error(t('errorCaptureNotFound', message.captureId));
        }
        return status;
      }

      case 'captures/list':
        return outbox.statuses();

      case 'outbox/flush':
        await outbox.flush({ force: true });
        return outbox.statuses();

      case 'segment/get':
        return client.getSegment(message.segmentId);

      case 'record/open': {
        const query = message.segmentId
          ? `id=${encodeURIComponent(message.segmentId)}`
          : `capture=${encodeURIComponent(message.captureId ?? '')}`;
        await openPage(`extension/pages/segment.html?${query}`, sender);
        return null;
      }

      case 'settings/get': {
        const { uiLanguage, offeredResults, segmentNamePattern, hostProfiles } = await readConfig();
        // Validated here, so the content script needs no schema code and an invalid profile cannot reach it.
        return { uiLanguage, offeredResults, segmentNamePattern, hostProfiles: loadProfiles(hostProfiles) };
      }

      case 'segments/list':
        return segments.list({ journeyId: message.journeyId, status: message.status });

      case 'segment/update':
        return segments.update(message.segmentId, message.changes);

      case 'segment/action':
        return segments.runAction(message.segmentId, message.action, message.confirm);

      case 'segment/transitions':
        return segments.transitions(message.segmentId);

      case 'segment/members':
        return segments.members(message.segmentId, { cursor: message.cursor, limit: message.limit });

      case 'segment/explain':
        return segments.explain(message.segmentId, message.contactId);

      case 'logic/validate':
        return segments.validateLogic(message.logic, message.segmentName);

      case 'logic/preview':
        return segments.previewLogic(message.logic, message.segmentName);
    }
  }

  return async (raw, sender) => {
    const parsed = runtimeMessage.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, message: t('errorMessageInvalid', firstIssue(parsed.error)) };
    }
    // Content scripts run inside host pages, so only the extension's own pages may edit segments or read members.
    if (pageOnlyMessageTypes.has(parsed.data.type) && !sender.url?.startsWith(browser.runtime.getURL(''))) {
      return { ok: false, message: t('errorMessageNotAllowed', parsed.data.type) };
    }

    try {
      return { ok: true, value: await route(parsed.data, sender) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.warn(`[journey-segments] ${parsed.data.type} failed: ${message}`);
      return { ok: false, message };
    }
  };
}
