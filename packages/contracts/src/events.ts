import { z } from 'zod';
import { Id, ListQuery, Status, Timestamp } from './common.ts';

export const EVENT_TYPES = ['status_changed'] as const;
export const EventType = z.enum(EVENT_TYPES);

export const Event = z.object({
  id: Id,
  type: EventType,
  serviceId: Id.nullable(),
  checkId: Id.nullable(),
  fromStatus: Status.nullable(),
  toStatus: Status.nullable(),
  /** Why, in words: for a status change, the result that caused it. */
  message: z.string(),
  /** For a check's status change, the result that caused it; other kinds add their own. */
  data: z.record(z.string(), z.unknown()).nullable(),
  at: Timestamp,
});
export type Event = z.infer<typeof Event>;

export const EventsQuery = ListQuery.extend({
  since: z.iso.datetime({ offset: true }).optional(),
  serviceId: Id.optional(),
});
