import { z } from 'zod';
import { ServerUrl } from './shared.ts';

export const TelegramChannelConfig = z
  .object({
    botToken: z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]+$/, 'Must be a bot token like 123456:ABC-DEF…')
      .max(256)
      .meta({ title: 'Bot token', secret: true }),
    chatId: z
      .string()
      .trim()
      .regex(/^(-?\d+|@[A-Za-z0-9_]{5,})$/, 'A numeric chat id or @channelname')
      .meta({ title: 'Chat id' }),
    apiUrl: ServerUrl.default('https://api.telegram.org').meta({
      title: 'Bot API server',
      description: 'Change it only for a self-hosted Bot API server.',
    }),
  })
  .meta({ title: 'Telegram', description: 'Sends a message from a bot to a chat.' });
export type TelegramChannelConfig = z.infer<typeof TelegramChannelConfig>;
