import { z } from 'zod';
import { ServerUrl } from './shared.ts';

export const GotifyChannelConfig = z
  .object({
    serverUrl: ServerUrl.meta({ title: 'Server', examples: ['https://gotify.lan'] }),
    token: z.string().min(1).max(256).meta({ title: 'Application token', secret: true }),
    priority: z.int().min(0).max(10).default(8).meta({
      title: 'Priority of alerts',
      description: '0 to 10; recoveries go at 4.',
    }),
  })
  .meta({ title: 'Gotify', description: 'Sends a message to a Gotify application.' });
export type GotifyChannelConfig = z.infer<typeof GotifyChannelConfig>;
