import { DiscordChannelConfig } from '@homehub/contracts';
import { defineNotifier } from '../notifier.types.ts';
import { clip, colourOf, HEADLINE } from '../message.format.ts';
import { post } from './http.post.ts';

/** Discord's embed limits: 25 fields, names of 256 and values of 1,024 characters. */
const MAX_FIELDS = 25;

export const discordNotifier = defineNotifier({
  type: 'discord',
  config: DiscordChannelConfig,
  send(message, config, signal) {
    // https://discord.com/developers/docs/resources/webhook#execute-webhook
    const fields = message.alerts.slice(0, MAX_FIELDS).map((alert) => ({
      name: clip(`${alert.state === 'resolved' ? '✅' : '🔴'} ${alert.title}`, 256),
      value: clip(alert.message || '—', 1024),
      inline: false,
    }));
    const more = message.alerts.length - MAX_FIELDS;
    const embed = {
      title: clip(message.title, 256),
      description: clip(
        [message.rule ? `Rule: ${message.rule}` : '', more > 0 ? `…and ${more} more` : '']
          .filter(Boolean)
          .join('\n'),
        4096,
      ),
      color: colourOf(message),
      timestamp: message.createdAt,
      fields,
      footer: { text: `Home Hub Monitor · ${HEADLINE[message.kind]}` },
    };
    const body = JSON.stringify({
      ...(config.username ? { username: config.username } : {}),
      embeds: [embed],
      // Alert text must never ping @everyone or a role by accident.
      allowed_mentions: { parse: [] },
    });
    return post(config.webhookUrl, body, {}, signal);
  },
});
