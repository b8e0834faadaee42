import { z } from 'zod';
import { ServerUrl } from './shared.ts';

export const DiscordChannelConfig = z
  .object({
    webhookUrl: ServerUrl.meta({
      title: 'Webhook URL',
      description: 'The URL holds the token: it is stored and never shown again.',
      secret: true,
    }),
    username: z.string().max(80).default('').meta({
      title: 'Post as',
      description: "Overrides the webhook's name; empty keeps it.",
    }),
  })
  .meta({ title: 'Discord', description: 'Posts an embed through a channel webhook.' });
export type DiscordChannelConfig = z.infer<typeof DiscordChannelConfig>;
