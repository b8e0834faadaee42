import { z } from 'zod';
import { ServerUrl } from './shared.ts';

export const NtfyChannelConfig = z
  .object({
    serverUrl: ServerUrl.default('https://ntfy.sh').meta({ title: 'Server' }),
    topic: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[-_A-Za-z0-9]+$/, 'Letters, digits, - and _ only')
      .meta({ title: 'Topic' }),
    token: z.string().max(256).default('').meta({
      title: 'Access token',
      description: 'For a protected topic; empty for a public one.',
      secret: true,
    }),
    priority: z.int().min(1).max(5).default(4).meta({
      title: 'Priority of alerts',
      description: '1 (min) to 5 (max); recoveries go at the default, 3.',
    }),
  })
  .meta({ title: 'ntfy', description: 'Publishes to an ntfy topic.' });
export type NtfyChannelConfig = z.infer<typeof NtfyChannelConfig>;
