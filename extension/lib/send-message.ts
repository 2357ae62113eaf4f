import browser from 'webextension-polyfill';

import { t } from './i18n-core';
import type { MessageOf, Reply, ReplyValues, RuntimeMessageType } from './messages';

/**
 * Sends a runtime message to the background and unwraps its reply envelope. Throws an Error whose message can be
 * shown to the user as is.
 */
export async function sendMessage<T extends RuntimeMessageType>(message: MessageOf<T>): Promise<ReplyValues[T]> {
  let reply: Reply<ReplyValues[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<ReplyValues[T]> | undefined;
  } catch (error) {
    // After an extension update or reload, the old content script can no longer reach the new background.
    if (error instanceof Error && /context invalidated|receiving end does not exist/i.test(error.message)) {
      throw new Error(t('errorExtensionReloaded'));
    }
    throw error;
  }

  if (!reply) {
    throw new Error(t('errorNoReply'));
  }
  if (!reply.ok) {
    throw new Error(reply.message);
  }
  return reply.value;
}
