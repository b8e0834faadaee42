import { NtfyChannelConfig } from '@homehub/contracts';
import { defineNotifier } from '../notifier.types.ts';
import { alertLine, clip, isGood } from '../message.format.ts';
import { post } from './http.post.ts';

/** ntfy keeps messages up to 4,096 bytes before it turns them into attachments. */
const MAX_MESSAGE = 3500;

export const ntfyNotifier = defineNotifier({
  type: 'ntfy',
  config: NtfyChannelConfig,
  send(message, config, signal) {
    // JSON publishing to the server root: https://docs.ntfy.sh/publish/#publish-as-json
    const body = JSON.stringify({
      topic: config.topic,
      title: clip(message.title, 250),
      message: clip(message.alerts.map(alertLine).join('\n') || message.title, MAX_MESSAGE),
      priority: isGood(message) ? 3 : config.priority,
      tags: [isGood(message) ? 'white_check_mark' : 'rotating_light'],
    });
    const headers: Record<string, string> = {};
    if (config.token) headers.authorization = `Bearer ${config.token}`;
    return post(config.serverUrl.replace(/\/+$/, '') + '/', body, headers, signal);
  },
});
