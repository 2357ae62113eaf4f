// Routes runtime messages from content scripts and extension pages to the background services and wraps each
// result in a reply envelope.

import type { Runtime } from 'webextension-polyfill';

import { captureRequest } from '../../shared/api/segments';
import { t } from '../lib/i18n';
import { runtimeMessage, type Reply, type ReplyValues, type RuntimeMessage } from '../lib/messages';
import type { BackendClient } from './backend-client';
import type { ExtensionConfig } from './config';
import type { JourneyCache } from './journey-cache';
import type { Outbox } from './outbox';

export interface RouterServices {
  client: BackendClient;
  outbox: Outbox;
  journeys: JourneyCache;
  readConfig: () => Promise<ExtensionConfig>;
  /** Opens an extension page in a new tab, next to the sender's tab when there is one. */
  openPage(path: string, sender: Runtime.MessageSender): Promise<void>;
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
        return { uiLanguage, offeredResults, segmentNamePattern, hostProfiles };
      }
    }
  }

  return async (raw, sender) => {
    const parsed = runtimeMessage.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, message: t('errorMessageInvalid', firstIssue(parsed.error)) };
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
