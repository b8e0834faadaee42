import { TelegramChannelConfig } from '@homehub/contracts';
import { defineNotifier } from '../notifier.types.ts';
import { alertLine, clip, escapeHtml } from '../message.format.ts';
import { join, post } from './http.post.ts';

/** Telegram refuses messages over 4,096 characters. */
const MAX_TEXT = 4000;

export const telegramNotifier = defineNotifier({
  type: 'telegram',
  config: TelegramChannelConfig,
  send(message, config, signal) {
    // https://core.telegram.org/bots/api#sendmessage
    const lines = message.alerts.map((alert) => escapeHtml(alertLine(alert)));
    const text = clip([`<b>${escapeHtml(message.title)}</b>`, '', ...lines].join('\n'), MAX_TEXT);
    const body = JSON.stringify({
      chat_id: config.chatId,
      text,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
    return post(
      join(config.apiUrl, `bot${config.botToken}/sendMessage`),
      body,
      {},
      signal,
      (_, answer) => {
        // The Bot API answers {ok: false, description} for a refusal, sometimes with a 200.
        try {
          const parsed = JSON.parse(answer) as { ok?: boolean; description?: string };
          return parsed.ok === false
            ? (parsed.description ?? 'Telegram refused the message')
            : null;
        } catch {
          return null;
        }
      },
    );
  },
});
