import { z } from 'zod';

/** An http(s) URL a notifier posts to; self-hosted services often live on plain HTTP. */
export const ServerUrl = z
  .url({ protocol: /^https?$/, error: 'Must be an http:// or https:// URL' })
  .max(2048);
