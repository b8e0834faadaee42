import { z } from 'zod';
import { Result } from './checks.ts';
import { Id, Status, Timestamp } from './common.ts';
import { AlertChange } from './alerts.ts';
import { Event } from './events.ts';

export const LiveResult = z.object({
  type: z.literal('result'),
  at: Timestamp,
  data: Result.extend({ serviceId: Id }),
});

export const LiveEvent = z.object({ type: z.literal('event'), at: Timestamp, data: Event });

/** An event already told gained detail (a container's last log lines, read after it). */
export const LiveEventUpdated = z.object({
  type: z.literal('event_updated'),
  at: Timestamp,
  data: Event,
});

export const LiveCheckStatus = z.object({
  type: z.literal('check'),
  at: Timestamp,
  data: z.object({ id: Id, serviceId: Id, status: Status }),
});

export const LiveServiceStatus = z.object({
  type: z.literal('service'),
  at: Timestamp,
  data: z.object({ id: Id, status: Status, statusChangedAt: Timestamp.nullable() }),
});

/** A change to the set of services or checks (created, updated, deleted): clients refetch. */
export const LiveChanged = z.object({
  type: z.literal('changed'),
  at: Timestamp,
  data: z.object({
    resource: z.enum(['service', 'check']),
    id: Id,
    serviceId: Id,
    action: z.enum(['created', 'updated', 'deleted']),
  }),
});

/** An alert was created, fired, resolved or acknowledged. */
export const LiveAlert = z.object({ type: z.literal('alert'), at: Timestamp, data: AlertChange });

export const LiveMessage = z.discriminatedUnion('type', [
  LiveResult,
  LiveEvent,
  LiveEventUpdated,
  LiveCheckStatus,
  LiveServiceStatus,
  LiveChanged,
  LiveAlert,
]);
export type LiveMessage = z.infer<typeof LiveMessage>;
export type LiveMessageOf<T extends LiveMessage['type']> = Extract<LiveMessage, { type: T }>;
