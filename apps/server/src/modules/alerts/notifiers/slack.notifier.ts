import { SlackChannelConfig } from '@homehub/contracts';
import { defineNotifier } from '../notifier.types.ts';
import { alertLine, clip, HEADLINE, plainText } from '../message.format.ts';
import { post } from './http.post.ts';

/** Slack allows 50 blocks a message and 3,000 characters a section. */
const MAX_ALERT_BLOCKS = 40;

export const slackNotifier = defineNotifier({
  type: 'slack',
  config: SlackChannelConfig,
  send(message, config, signal) {
    // https://api.slack.com/messaging/webhooks and https://api.slack.com/block-kit
    const blocks: unknown[] = [
      { type: 'header', text: { type: 'plain_text', text: clip(message.title, 150) } },
      ...message.alerts.slice(0, MAX_ALERT_BLOCKS).map((alert) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(alertLine(alert), 3000) },
      })),
    ];
    const more = message.alerts.length - MAX_ALERT_BLOCKS;
    const context = [`Home Hub Monitor · ${HEADLINE[message.kind]}`];
    if (message.rule) context.push(`rule: ${message.rule}`);
    if (more > 0) context.push(`and ${more} more`);
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: context.join(' · ') }],
    });
    // `text` is the notification's fallback where blocks cannot be shown.
    const body = JSON.stringify({ text: clip(plainText(message, 10), 3000), blocks });
    return post(config.webhookUrl, body, {}, signal);
  },
});
