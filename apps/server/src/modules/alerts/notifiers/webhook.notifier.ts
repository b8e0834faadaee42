import { createHmac } from 'node:crypto';
import { WebhookChannelConfig } from '@homehub/contracts';
import { defineNotifier, type AlertMessage } from '../notifier.types.ts';
import { post } from './http.post.ts';

export const SIGNATURE_HEADER = 'x-homehub-signature';

/** The body documented in docs/alerts.md; `version` changes only when a field changes meaning. */
export function webhookBody(message: AlertMessage) {
  return {
    version: 1,
    idempotencyKey: message.idempotencyKey,
    kind: message.kind,
    status: message.kind === 'resolved' || message.kind === 'test' ? 'resolved' : 'firing',
    title: message.title,
    rule: message.rule,
    createdAt: message.createdAt,
    alerts: message.alerts,
  };
}

export const signatureOf = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export const webhookNotifier = defineNotifier({
  type: 'webhook',
  config: WebhookChannelConfig,
  send(message, config, signal) {
    const body = JSON.stringify(webhookBody(message));
    const headers: Record<string, string> = {
      ...config.headers,
      'idempotency-key': message.idempotencyKey,
      'x-homehub-event': message.kind,
      'user-agent': 'HomeHubMonitor',
    };
    if (config.secret) headers[SIGNATURE_HEADER] = signatureOf(config.secret, body);
    return post(config.url, body, headers, signal);
  },
});
