import { z } from 'zod';
import { ServerUrl } from './shared.ts';

export const SlackChannelConfig = z
  .object({
    webhookUrl: ServerUrl.meta({
      title: 'Incoming webhook URL',
      description: 'The URL holds the token: it is stored and never shown again.',
      secret: true,
    }),
  })
  .meta({ title: 'Slack', description: 'Posts to a channel through an incoming webhook.' });
export type SlackChannelConfig = z.infer<typeof SlackChannelConfig>;
