import type { z } from 'zod';
import type { ChannelType, NotificationKind } from '@homehub/contracts';

/** One alert as a message tells of it. */
export interface MessageAlert {
  id: number;
  state: 'firing' | 'resolved';
  kind: string;
  title: string;
  message: string;
  serviceId: number | null;
  checkId: number | null;
  startedAt: string;
  resolvedAt: string | null;
}

/** What a notifier sends: rendered once when queued, so every attempt sends the same thing. */
export interface AlertMessage {
  kind: NotificationKind;
  /** One line: "[FIRING] 3 alerts: Backups down, …". */
  title: string;
  rule: string | null;
  alerts: MessageAlert[];
  /** The same on every attempt; receivers drop a message whose key they have seen. */
  idempotencyKey: string;
  createdAt: string;
}

export type SendResult = { ok: true } | { ok: false; error: string };

export interface Notifier<C> {
  type: ChannelType;
  config: z.ZodType<C>;
  /** Sends one message; never throws: a failure is answered as `{ok: false, error}`. */
  send(message: AlertMessage, config: C, signal: AbortSignal): Promise<SendResult>;
}

export function defineNotifier<C>(notifier: Notifier<C>): Notifier<C> {
  return notifier;
}
