import type { ChannelType } from '@homehub/contracts';
import { parseNested } from '../../platform/validation.ts';
import type { Notifier } from './notifier.types.ts';
import { discordNotifier } from './notifiers/discord.notifier.ts';
import { emailNotifier } from './notifiers/email.notifier.ts';
import { gotifyNotifier } from './notifiers/gotify.notifier.ts';
import { ntfyNotifier } from './notifiers/ntfy.notifier.ts';
import { slackNotifier } from './notifiers/slack.notifier.ts';
import { telegramNotifier } from './notifiers/telegram.notifier.ts';
import { webhookNotifier } from './notifiers/webhook.notifier.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own config type
type AnyNotifier = Notifier<any>;

/** Every channel type the hub can send through. A new one adds its module and one line here. */
const NOTIFIERS: Record<ChannelType, AnyNotifier> = {
  email: emailNotifier,
  slack: slackNotifier,
  discord: discordNotifier,
  webhook: webhookNotifier,
  ntfy: ntfyNotifier,
  gotify: gotifyNotifier,
  telegram: telegramNotifier,
};

export function notifierOf(type: ChannelType): AnyNotifier {
  return NOTIFIERS[type];
}

/** Validates a config for its type, naming each bad field as `config.<field>`. */
export function parseChannelConfig(type: ChannelType, config: unknown): Record<string, unknown> {
  return parseNested(NOTIFIERS[type].config, config, 'config') as Record<string, unknown>;
}
