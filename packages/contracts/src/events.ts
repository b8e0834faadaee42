import { z } from 'zod';
import { Id, ListQuery, Status, Timestamp } from './common.ts';

/**
 * status_changed: a check's status moved. audit: who did what (admins only). container:
 * something a Docker engine reported (start, die, health…); restart_loop and update_failed:
 * what the hub concludes from those; engine: an engine connected or became unreachable;
 * alert: an alert fired or resolved (data: alertId, state, kind, ruleName).
 */
export const EVENT_TYPES = [
  'status_changed',
  'audit',
  'container',
  'restart_loop',
  'update_failed',
  'engine',
  'alert',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

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

/** What an audit event records; admins alone see audit events. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_changed',
  'user_created',
  'user_updated',
  'user_deleted',
  'token_created',
  'token_revoked',
  'refresh_reused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const EventsQuery = ListQuery.extend({
  since: z.iso.datetime({ offset: true }).optional(),
  serviceId: Id.optional(),
  /** One kind only, e.g. `audit` for the sign-in and account trail (admins). */
  type: EventType.optional(),
});
