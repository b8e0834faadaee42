import { GotifyChannelConfig } from '@homehub/contracts';
import { defineNotifier } from '../notifier.types.ts';
import { alertLine, clip, isGood } from '../message.format.ts';
import { join, post } from './http.post.ts';

/** Gotify's alert-level priorities are 8 and up; a recovery need not wake anyone. */
const RECOVERY_PRIORITY = 4;

export const gotifyNotifier = defineNotifier({
  type: 'gotify',
  config: GotifyChannelConfig,
  send(message, config, signal) {
    // https://gotify.net/api-docs#/message/createMessage
    const body = JSON.stringify({
      title: clip(message.title, 250),
      message: clip(message.alerts.map(alertLine).join('\n') || message.title, 10_000),
      priority: isGood(message) ? RECOVERY_PRIORITY : config.priority,
      extras: { 'client::display': { contentType: 'text/plain' } },
    });
    // The token goes in a header, not the query string, so no proxy log keeps it.
    return post(join(config.serverUrl, 'message'), body, { 'x-gotify-key': config.token }, signal);
  },
});
