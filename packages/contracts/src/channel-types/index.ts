import { DiscordChannelConfig } from './discord.ts';
import { EmailChannelConfig } from './email.ts';
import { GotifyChannelConfig } from './gotify.ts';
import { NtfyChannelConfig } from './ntfy.ts';
import { SlackChannelConfig } from './slack.ts';
import { TelegramChannelConfig } from './telegram.ts';
import { WebhookChannelConfig } from './webhook.ts';

export * from './discord.ts';
export * from './email.ts';
export * from './gotify.ts';
export * from './ntfy.ts';
export * from './slack.ts';
export * from './telegram.ts';
export * from './webhook.ts';

/**
 * Each channel type's config schema, in the order the dashboard offers them. A new type
 * adds its schema here and its notifier to the hub's registry; forms and the API follow.
 */
export const CHANNEL_CONFIGS = {
  email: EmailChannelConfig,
  slack: SlackChannelConfig,
  discord: DiscordChannelConfig,
  webhook: WebhookChannelConfig,
  ntfy: NtfyChannelConfig,
  gotify: GotifyChannelConfig,
  telegram: TelegramChannelConfig,
} as const;
