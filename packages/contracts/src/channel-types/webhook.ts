import { z } from 'zod';
import { ServerUrl } from './shared.ts';

export const WebhookChannelConfig = z
  .object({
    url: ServerUrl.meta({
      title: 'URL',
      description:
        'Receives a JSON POST (see docs/alerts.md). May hold a token: never shown again.',
      secret: true,
    }),
    headers: z
      .record(
        z
          .string()
          .min(1)
          .max(200)
          .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Must be a header name'),
        z.string().max(4096),
      )
      .default({})
      .meta({ title: 'Headers', description: 'One "Name: value" per line.', secret: true }),
    secret: z.string().max(1024).default('').meta({
      title: 'Signing secret',
      description: 'When set, X-Homehub-Signature carries an HMAC-SHA256 of the body.',
      secret: true,
    }),
  })
  .meta({ title: 'Webhook', description: 'Posts a signed JSON document to any URL.' });
export type WebhookChannelConfig = z.infer<typeof WebhookChannelConfig>;
